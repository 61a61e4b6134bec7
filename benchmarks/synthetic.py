#!/usr/bin/env python3
"""A synthetic corpus in the style of the sample: one document per file, for scale benchmarks.

Every document has a real-looking header (issuing body, Party motto or State motto, place and
date, number and symbol), a title, an opening that cites the document it implements, "Căn cứ"
citations, tasks given to named bodies with deadlines, and a signature block. Documents form
lineage chains 5–7 deep: a central resolution, the province's plan (Tỉnh ủy), the provincial
People's Committee's plan, a department's plan, a district's plan (Huyện ủy), a commune's plan
and sometimes a plan of a Party cell, each implementing the one before. Identities are distinct:
numbers are unique per issuer and year. The same seed gives the same files.

    python benchmarks/synthetic.py 1000 /tmp/synth
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROVINCES = [
    "Bắc Giang", "Đắk Lắk", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Hải Dương", "Thái Bình",
    "Nam Định", "Ninh Bình", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi",
    "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai",
    "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An",
    "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Lào Cai", "Yên Bái", "Điện Biên",
    "Lai Châu", "Sơn La", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Tuyên Quang", "Hà Giang",
    "Cao Bằng", "Bắc Kạn", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hưng Yên", "Hà Nam",
]  # fmt: skip
DISTRICTS = ["Yên Thế", "Lục Nam", "Hiệp Hòa", "Tân Yên", "Việt Yên", "Lạng Giang", "Sơn Động", "Yên Dũng"]
COMMUNES = ["Tân Sỏi", "Đồng Lạc", "Phồn Xương", "Bố Hạ", "Đồng Kỳ", "Hương Vĩ", "Tam Tiến", "An Thượng"]
SUBJECTS = [
    "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
    "nâng cao chất lượng nguồn nhân lực đáp ứng yêu cầu phát triển",
    "đẩy mạnh công tác giảm nghèo bền vững đến năm 2030",
    "phát triển kinh tế tập thể, hợp tác xã trong giai đoạn mới",
    "tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ môi trường",
    "xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "đổi mới, nâng cao chất lượng giáo dục và đào tạo",
    "phát triển văn hóa, con người đáp ứng yêu cầu phát triển bền vững",
    "bảo đảm quốc phòng, an ninh trong tình hình mới",
    "phát triển hạ tầng giao thông và đô thị",
    "cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
]  # fmt: skip
DEPARTMENTS = [
    "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nội vụ", "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tài nguyên và Môi trường", "Sở Xây dựng",
    "Sở Giao thông vận tải", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương",
    "Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn",
]  # fmt: skip
PARTY_BODIES = [
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
]
TASK_VERBS = [
    "chủ trì, phối hợp với các cơ quan liên quan tham mưu",
    "chủ trì xây dựng đề án",
    "hướng dẫn, kiểm tra, đôn đốc việc thực hiện",
    "tổng hợp, báo cáo kết quả thực hiện",
    "rà soát, đề xuất sửa đổi, bổ sung cơ chế, chính sách",
]


@dataclass(frozen=True)
class Level:
    """One step of a lineage chain: who issues, how the number is written, what the header says."""

    type: str
    code: str
    issuer: str  # issuing body, {p} province, {d} district, {c} commune
    symbol_issuer: str
    party: bool
    header: str


CHAIN = [
    Level("Nghị quyết", "NQ", "Bộ Chính trị", "TW", True, "BAN CHẤP HÀNH TRUNG ƯƠNG"),
    Level("Kế hoạch", "KH", "Ban Thường vụ Tỉnh ủy", "TU", True, "TỈNH ỦY {P}"),
    Level("Kế hoạch", "KH", "Ủy ban nhân dân tỉnh", "UBND", False, "ỦY BAN NHÂN DÂN\nTỈNH {P}"),
    Level("Kế hoạch", "KH", "Ban Thường vụ Huyện ủy", "HU", True, "ĐẢNG BỘ TỈNH {P}\nHUYỆN ỦY {D}"),
    Level("Kế hoạch", "KH", "Ủy ban nhân dân huyện", "UBND", False, "ỦY BAN NHÂN DÂN\nHUYỆN {D}"),
    Level("Kế hoạch", "KH", "Ban Thường vụ Đảng ủy", "ĐU", True, "ĐẢNG BỘ HUYỆN {D}\nĐẢNG ỦY XÃ {C}"),
    Level("Kế hoạch", "KH", "Ủy ban nhân dân xã", "UBND", False, "ỦY BAN NHÂN DÂN\nXÃ {C}"),
]


@dataclass(frozen=True)
class Doc:
    level: Level
    number: int
    day: str  # dd/mm/yyyy
    province: str
    district: str
    commune: str
    subject: str

    @property
    def symbol(self) -> str:
        lv = self.level
        return (
            f"{self.number}-{lv.code}/{lv.symbol_issuer}"
            if lv.party
            else f"{self.number}/{lv.code}-{lv.symbol_issuer}"
        )

    @property
    def year(self) -> int:
        return int(self.day[-4:])

    def issuer(self) -> str:
        name = self.level.issuer
        if self.level.symbol_issuer == "UBND":
            return {"tỉnh": f"{name} {self.province}", "huyện": f"{name} {self.district}"}.get(
                name.split()[-1], f"{name} {self.commune}"
            )
        return name

    def citation(self) -> str:
        return f"{self.level.type} số {self.symbol}, ngày {self.day} của {self.issuer()} về {self.subject}"


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"


def _chains(n: int, rng: random.Random) -> Iterator[tuple[list[Doc], bool]]:
    """Chains of 5–7 documents until n documents are made. A chain starts at a central resolution
    that several provinces implement (about one for every 50 documents); the first chain that
    reaches it writes it. Numbers are unique per symbol and year within a province."""
    counters: dict[tuple, int] = {}
    central: dict[int, Doc] = {}
    written: set[int] = set()
    made = 0
    while made < n:
        province = rng.choice(PROVINCES)
        district, commune = rng.choice(DISTRICTS), rng.choice(COMMUNES)
        k = rng.randrange(max(1, n // 50))
        if k not in central:
            year = 2016 + k % 9
            counters[("TW", year)] = number = counters.get(("TW", year), 0) + 1
            central[k] = Doc(CHAIN[0], number, _date(rng, year), "", "", "", SUBJECTS[k % len(SUBJECTS)])
        root = central[k]
        chain = [root]
        when = dt.datetime.strptime(root.day, "%d/%m/%Y").date()
        for level in CHAIN[1 : rng.randint(5, 7)]:
            when += dt.timedelta(days=rng.randint(15, 120))  # each level after the one it implements
            key = (level.code, level.symbol_issuer, province, when.year)
            counters[key] = number = counters.get(key, 0) + 1
            day = when.strftime("%d/%m/%Y")
            chain.append(Doc(level, number, day, province, district, commune, root.subject))
        first = k not in written  # the central resolution is written by the first chain only
        written.add(k)
        made += len(chain) - (not first)
        yield chain, first


def _tasks(rng: random.Random, doc: Doc) -> list[str]:
    out = []
    for k, body in enumerate(rng.sample(DEPARTMENTS + PARTY_BODIES, 3), start=1):
        verb = rng.choice(TASK_VERBS)
        deadline = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{doc.year + 1}"
        out.append(f"{k}. {body} {verb} về {doc.subject}; hoàn thành trước ngày {deadline}.")
    return out


def _signature(level: Level) -> list[str]:
    if level.symbol_issuer == "TW":
        return ["T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ"]
    return ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"] if level.party else ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def render(doc: Doc, implements: Doc | None, basis: list[Doc]) -> str:
    level = doc.level
    head = level.header.format(P=doc.province.upper(), D=doc.district.upper(), C=doc.commune.upper())
    motto = (
        "ĐẢNG CỘNG SẢN VIỆT NAM"
        if level.party
        else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    )
    place = doc.province if doc.province and level.symbol_issuer != "TW" else "Hà Nội"
    d, m, y = doc.day.split("/")
    number = f"Số {doc.symbol}" if level.party else f"Số: {doc.symbol}"
    lines = [head, "*", motto, "", number, f"{place}, ngày {d} tháng {m} năm {y}", "", level.type.upper()]
    opening = f"về {doc.subject}" if implements is None else f"thực hiện {implements.citation()}"
    lines += [opening, "-----", ""]
    rng = random.Random(doc.symbol + doc.day)
    lines += [f"Căn cứ {b.citation()};" for b in basis]
    if implements is not None:
        lines.append(
            f"Thực hiện {implements.citation()}, {doc.issuer()} ban hành {level.type} thực hiện như sau:"
        )
    lines += [
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        f"1. Quán triệt sâu sắc, cụ thể hóa các nội dung về {doc.subject}.",
        "",
    ]
    lines += ["II. NHIỆM VỤ, GIẢI PHÁP", *_tasks(rng, doc), "", "III. TỔ CHỨC THỰC HIỆN"]
    lines += [
        "Các cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch cụ thể, báo cáo kết quả thực hiện "
        f"trước ngày 15/12/{doc.year + 1}.",
        "",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu VT.",
        "",
        *_signature(level),
        "",
        rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]),
        "",
    ]
    return "\n".join(lines)


def generate(n: int, directory: Path, seed: int = 0) -> list[Path]:
    """Write n documents, one per file, into `directory`; return their paths in order."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for chain, first in _chains(n, rng):
        for i, doc in enumerate(chain):
            if (i == 0 and not first) or len(paths) == n:
                continue
            text = render(doc, chain[i - 1] if i else None, chain[:1] if i > 1 else [])
            path = directory / f"{len(paths):06d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("directory", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = generate(args.n, args.directory, args.seed)
    print(f"wrote {len(paths)} documents to {args.directory}")


if __name__ == "__main__":
    main()
