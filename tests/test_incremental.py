"""Incremental resolution (graph.incremental) gives what resolving every record at once gives
(graph.resolve), whatever files an ingest adds, changes or moves, in whatever order.

The oracle is `build_graph(store.records)`: the reference resolver on the store's own records.
Graphs are compared whole and in order (attributes, nodes, edges), so every export agrees too.
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import sys
from pathlib import Path

import pytest

from vbgraph.graph import incremental, reach
from vbgraph.graph.store import Store, build_graph
from vbgraph.queries import indexed, lineage

from conftest import SAMPLE, SHARED
from factories import party_doc

CORPUS = sorted(SAMPLE.glob("*.txt")) + sorted((SHARED / "corpus" / "external").glob("*.txt"))


def dump(G) -> str:
    return json.dumps(
        [G.graph, list(G.nodes(data=True)), list(G.edges(keys=True, data=True))],
        ensure_ascii=False,
        sort_keys=True,
    )


def reference(store_dir: Path) -> str:
    """The graph of resolving every record of the store at once."""
    return dump(build_graph(Store(store_dir).records.values()))


def assert_exact(store_dir: Path, message: str = "") -> None:
    """The store's graph, and the listings of implementations it keeps (graph.reach), are those
    of resolving every record at once."""
    G = build_graph(Store(store_dir).records.values())
    assert dump(Store(store_dir).graph) == dump(G), message
    for central in (False, True):
        kept = indexed.implementations(Store(store_dir), central=central)
        assert kept == lineage.implementations(G, central=central), message


def write(d: Path, name: str, text: str) -> Path:
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def synthetic():
    spec = importlib.util.spec_from_file_location(
        "synthetic", Path(__file__).parent.parent / "benchmarks" / "synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synthetic", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory) -> list[Path]:
    """The sample and external texts, copied (some tests change them)."""
    if not (SHARED / "corpus" / "external").is_dir():
        pytest.fail(f"{SHARED / 'corpus' / 'external'} is missing: the tests need ../shared beside the clone")
    d = tmp_path_factory.mktemp("corpus")
    return [Path(shutil.copy(f, d / f.name)) for f in CORPUS]


@pytest.fixture(scope="module")
def whole(corpus_files, tmp_path_factory) -> str:
    """The store of one ingest of every file, as it loads."""
    d = tmp_path_factory.mktemp("whole") / "store"
    Store(d).ingest(corpus_files)
    return dump(Store(d).graph)


def test_one_ingest_equals_resolving_every_record_at_once(corpus_files, whole, tmp_path):
    Store(tmp_path / "s").ingest(corpus_files)
    assert whole == reference(tmp_path / "s")


@pytest.mark.parametrize(
    ("seed", "batch"),
    [
        (1, 1),  # file by file
        (2, 4),
        (3, 11),
    ],
)
def test_ingesting_in_any_order_and_batches_equals_one_ingest(corpus_files, whole, tmp_path, seed, batch):
    files = list(corpus_files)
    random.Random(seed).shuffle(files)
    for i in range(0, len(files), batch):
        Store(tmp_path / "s").ingest(files[i : i + batch])
    assert dump(Store(tmp_path / "s").graph) == whole


def _shift_years(text: str) -> str:
    return text.replace("2021", "2022").replace("2019", "2021")


def _first_half(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(lines[: len(lines) // 2])


def _cited_again(text: str) -> str:
    """The same text with its first numbered symbols cited once more, undated (ambiguous where
    several documents bear one)."""
    return text + "\n\nThực hiện Nghị quyết số 12-NQ/TU, Kế hoạch số 20-KH/TU và Chỉ thị số 04-CT/TU.\n"


@pytest.mark.parametrize(
    ("change", "which"),
    [
        (_shift_years, 0),  # dates move: documents change identity, statuses and fulfilment
        (_first_half, 1),  # documents and their citations disappear
        (_cited_again, 2),
        (_shift_years, 5),
        (_first_half, 9),
    ],
)
def test_a_changed_file_re_resolves_to_what_a_fresh_resolution_gives(corpus_files, tmp_path, change, which):
    d = tmp_path / "in"
    d.mkdir()
    files = [Path(shutil.copy(f, d / f.name)) for f in corpus_files]
    s = tmp_path / "s"
    Store(s).ingest(files)
    target = files[which]
    target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert Store(s).ingest([target]).updated == [str(target)]
    assert_exact(s)


def test_a_moved_file_re_resolves_under_its_new_name(corpus_files, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    files = [Path(shutil.copy(f, d / f.name)) for f in corpus_files]
    s = tmp_path / "s"
    Store(s).ingest(files)
    moved = files[0].rename(d / "zz-moved.txt")
    report = Store(s).ingest([moved])
    assert report.moved == [(files[0].name, str(moved))]
    assert_exact(s)


@pytest.mark.parametrize(
    ("seed", "many"),
    [
        (0, None),
        (1, None),
        (2, None),
        (3, 0),  # every change counts as many (every obligation is read again), one document held
    ],
)
def test_random_changes_to_a_synthetic_corpus_keep_the_graph_exact(tmp_path, monkeypatch, seed, many):
    """Chains of plans implementing resolutions with tasks and deadlines: files added in batches,
    rewritten with other documents (identities, citations, fulfilment and the statuses' date
    all move) and moved, checked against a fresh resolution after every step."""
    if many is not None:
        monkeypatch.setattr(incremental, "MANY_CHANGED", many)
        monkeypatch.setattr(incremental, "HELD", 1)
        monkeypatch.setattr(incremental, "LOADED", 7)
        monkeypatch.setattr(reach, "MANY", many)  # every change walks every central document again
    gen = synthetic()
    rng = random.Random(seed)
    files = gen.generate(60, tmp_path / "corpus", seed=seed)
    others = gen.generate(60, tmp_path / "other", seed=seed + 100)
    s = tmp_path / "s"
    order = list(files)
    rng.shuffle(order)
    Store(s).ingest(order[:40])
    assert_exact(s)
    assert len({r["depth"] for r in indexed.implementations(Store(s), central=True)}) > 2  # chains kept
    Store(s).ingest(order[40:])
    assert_exact(s)
    for step in range(6):
        picked = rng.sample(files, 3)
        for f in picked:
            f.write_text(rng.choice(others).read_text(encoding="utf-8"), encoding="utf-8")
        if step % 2:
            moved = picked[0].rename(picked[0].with_name(f"moved-{step}-{picked[0].name}"))
            files[files.index(picked[0])] = moved
            picked[0] = moved
        Store(s).ingest(picked)
        assert_exact(s, f"step {step}")


PLAN = party_doc(
    number="20",
    code="KH",
    heading="KẾ HOẠCH",
    subject="thực hiện Nghị quyết về phát triển du lịch",
    preamble="Thực hiện Nghị quyết số 12-NQ/TU ngày 08/6/2021 của Ban Thường vụ Tỉnh ủy về phát triển du lịch,",
    body="1. Sở Văn hóa chủ trì, xây dựng đề án phát triển du lịch, hoàn thành trước ngày 30/12/2021.",
)
DESCRIPTIVE = "Thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy về phát triển du lịch bền vững,"
NUMBERED = (
    "Thực hiện Chỉ thị số 05-CT/TU ngày 02/3/2021 của Ban Thường vụ Tỉnh ủy về phát triển du lịch bền vững,"
)


OF_PROVINCE = "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2023 của Ủy ban nhân dân tỉnh về chuyển đổi số,"
OF_DISTRICT = (
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2023 của Ủy ban nhân dân huyện Lục Nam về chuyển đổi số,"
)
CONSOLIDATION = (
    "BỘ NỘI VỤ\nSố: 02/VBHN-BNV\nHà Nội, ngày 09 tháng 4 năm 2021\n\nNGHỊ ĐỊNH\nQUY ĐỊNH NHỮNG NGƯỜI LÀ CÔNG CHỨC\n\n"
    "Nghị định số {act} ngày 25 tháng 01 năm 2010 của Chính phủ quy định những người là công chức, được sửa "
    "đổi, bổ sung bởi:\n1. Nghị định số 161/2018/NĐ-CP ngày 29 tháng 11 năm 2018 của Chính phủ.\n\n"
    "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;\n\nĐiều 1. Phạm vi điều chỉnh\n"
)
LAW = "Căn cứ Luật Đất đai năm 2013;"
# a decision's acts on parts of another: two relations of one citation (Citation.also)
ACTS = "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế làm việc.\n\nĐiều 2. {acts} Điều 9 của Quyết định số 1105/QĐ-UBND."
LAW_DATED = "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a descriptive citation becomes a numbered one at the same place in the file
        (party_doc(number="13", preamble=DESCRIPTIVE), party_doc(number="13", preamble=NUMBERED)),
        (party_doc(number="13", preamble=NUMBERED), party_doc(number="13", preamble=DESCRIPTIVE)),
        # the cited resolution's date moves: the plan's relation and task follow its new identity
        (party_doc(), party_doc(date="ngày 09 tháng 7 năm 2021")),
        # a document loses its number: it becomes a named one
        (party_doc(), party_doc(number=None)),
        # the implementing plan is replaced by a text that implements nothing
        (PLAN, party_doc(number="21", code="KH", heading="KẾ HOẠCH", subject="về chuyển đổi số")),
        # the citation that dated a law another file names goes: the law keeps the other's date
        (party_doc(number="13", preamble=LAW_DATED), party_doc(number="13", preamble=LAW)),
        (party_doc(number="13", preamble=LAW), party_doc(number="13", preamble=LAW_DATED)),
        # the plan another file cites is cited here by a district of its number and day, then by its own
        (party_doc(number="13", preamble=OF_DISTRICT), party_doc(number="13", preamble=OF_PROVINCE)),
        (party_doc(number="13", preamble=OF_PROVINCE), party_doc(number="13", preamble=OF_DISTRICT)),
        # a consolidated text's preamble speaks for its act, which the edit changes
        (CONSOLIDATION.format(act="06/2010/NĐ-CP"), CONSOLIDATION.format(act="24/2010/NĐ-CP")),
        (CONSOLIDATION.format(act="06/2010/NĐ-CP"), party_doc(number="13", preamble=LAW_DATED)),
        # an amended and repealed decision is then repealed only
        (
            party_doc(
                number="13",
                code="QĐ",
                heading="QUYẾT ĐỊNH",
                body=ACTS.format(acts="Sửa đổi Điều 8 và bãi bỏ"),
            ),
            party_doc(number="13", code="QĐ", heading="QUYẾT ĐỊNH", body=ACTS.format(acts="Bãi bỏ")),
        ),
    ],
)
def test_an_edited_file_re_resolves_exactly(tmp_path, before, after):
    s = tmp_path / "s"
    other = party_doc(number="30", preamble=f"{LAW}\n\n{OF_PROVINCE}")
    fixed = [write(tmp_path, "plan.txt", PLAN), write(tmp_path, "other.txt", other)]
    edited = write(tmp_path, "edited.txt", before)
    Store(s).ingest([*fixed, edited])
    assert_exact(s)
    edited.write_text(after, encoding="utf-8")
    Store(s).ingest([edited])
    assert_exact(s)


def test_task_records_read_by_id_or_in_one_sorted_pass_are_the_same(corpus_files, tmp_path):
    """A few obligations' readings are read by id; most of them in one pass over the table sorted
    by oid. Both give each obligation its readings in file order, the obligations by oid."""
    import sqlite3

    again = [
        write(tmp_path, f"again-{f.name}", f.read_text(encoding="utf-8") + "\n") for f in corpus_files[:3]
    ]
    Store(tmp_path / "store").ingest([*corpus_files, *again])  # the same tasks read in two files
    con = sqlite3.connect(tmp_path / "store" / "store.sqlite", isolation_level=None)
    run = incremental._Run(con, incremental.Update(set(), set()))
    every = sorted({oid for (oid,) in con.execute("SELECT oid FROM r_tasks")})
    shared = {oid for (oid,) in con.execute("SELECT oid FROM r_tasks GROUP BY oid HAVING count(*) > 1")}
    few = set(random.Random(0).sample(every, len(every) // 10)) | set(sorted(shared)[:3])
    assert shared and len(few) * 4 < len(every)  # read by id
    whole_pass = dict(run._task_records(set(every)))  # one sorted pass
    assert list(whole_pass) == every
    assert list(run._task_records(few)) == [(oid, whole_pass[oid]) for oid in sorted(few)]
    for oid in shared & few:
        files = [(json.loads(r)["evidence"]["file"]) for r in whole_pass[oid]]
        assert len(files) > 1 and files == sorted(files)
