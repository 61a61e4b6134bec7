"""Document identity: (type, number, issuer, date, jurisdiction), and stable ids from it.

Party numbers restart every term, so a symbol alone does not name a document: Nghị quyết
109-NQ/TU of 2016 and of 2021 are two. Local symbols (…/TU, …-UBND) belong to a jurisdiction;
central ones (…/TW, …-CP) to "Trung ương".
"""

from __future__ import annotations

import hashlib
import json

from vbgraph.loaders.normalize import slug

CENTRAL = "Trung ương"


def number_key(number: str | None) -> str:
    n = (number or "").strip()
    return n.lstrip("0") or n if n.isdigit() else n.upper()


def base_key(
    type_code: str | None,
    type_name: str | None,
    number: str | None,
    issuer_code: str | None,
    jurisdiction: str | None,
) -> tuple[str, str, str, str]:
    """Everything of a numbered document's identity but its date: a local document's includes
    its province (a central one's `jurisdiction` is the centre, as its issuer code says)."""
    code = (type_code or "").upper() or ("~" + slug(type_name) if type_name else "")
    local = jurisdiction != CENTRAL
    return (code, number_key(number), (issuer_code or "").upper(), slug(jurisdiction) if local else "")


def document_id(
    symbol: str | None,
    date: str | None,
    jurisdiction: str | None,
    issuer_code: str | None,
    name: str | None = None,
    place: str | None = None,
) -> str:
    """'bac-giang:109-NQ/TU@2021-06-08', '52-NQ/TW@2019-09-27', 'name:dieu-le-dang'; with the
    issuer's `place` when another district's document has the same number and day:
    'dien-bien:muong-cha:12-KH/HU@2024-06-10'."""
    if symbol:
        core = f"{symbol}@{date}" if date else symbol
        if jurisdiction == CENTRAL:
            return core
        return f"{slug(jurisdiction) or 'unknown'}:{f'{place}:' if place else ''}{core}"
    prefix = "" if jurisdiction in (None, CENTRAL) else f"{slug(jurisdiction)}:"
    return f"{prefix}name:{slug(name)}"


def hash_record(record: dict, keys: list[str] | None = None) -> str:
    """sha1 of canonical JSON of `record` (or of its `keys`): ids for records with no natural key."""
    data = {k: record.get(k) for k in keys} if keys else record
    return hashlib.sha1(_to_json(data).encode("utf-8")).hexdigest()


# `json.dumps(…, sort_keys=True, ensure_ascii=False, default=str)` with its encoder made once, not per call
_to_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str).encode
