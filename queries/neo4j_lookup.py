"""Find documents by the references people type, in Neo4j: the Cypher twin of queries/lookup.py.

A REF (an id, a symbol such as `52-NQ/TW` or `109-NQ/TU@2016`, a type and number such as
`NQ 52`, or words of a name) is resolved against the server, so Neo4j-backed commands never open
the embedded store. The answers are lookup.py's: the same ways tried in the same order (id,
symbol, number, words), the first that finds something answers.

`FIND_DOCUMENTS` (Cypher) does the searching: for each way it returns the documents a regular
expression over the text in NFKD admits. The expressions tolerate exactly what lookup.py's
folding (`loaders.normalize.fold`) ignores: letter case, combining marks (the code points
`unicodedata.combining` names, so diacritics and tone marks wherever they sit), `đ` for `d`, and
in a symbol any blank and `–` for `-`; a word must be a whole word (`tokens`). Python then keeps
exactly the rows lookup.py would keep, with lookup.py's own functions, so a row the server admits
and lookup.py would not is dropped. Where Java's and Python's Unicode tables differ (letters whose
case mapping is not one character, a newer Unicode version), the server could miss a document
lookup.py finds; no Vietnamese text is among them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from vbgraph.errors import AmbiguousReference, DocumentNotFound
from vbgraph.graph.rows import symbol_key
from vbgraph.loaders.normalize import fold, tokens
from vbgraph.ontology import tables
from vbgraph.queries.lookup import _NUMBERED

Run = Callable[[str, Mapping[str, Any]], list[dict[str, Any]]]  # read-only Cypher: text, params -> rows

# Characters that fold to a word character ([a-z0-9]) once in NFKD: ASCII letters and digits
# in either case, and đ/Đ (fold writes d).
_WORD_CHARS = r"A-Za-z0-9\x{110}\x{111}"


class AmbiguousInNeo4j(AmbiguousReference):
    """Several documents in Neo4j match a REF; `described` has one line per candidate."""

    def __init__(self, ref: str, candidates: list[str], described: list[str]):
        super().__init__(ref, candidates)
        self.described = described


# Kept here, not as a .cypher file beside the canned queries (every such file is one).
FIND_DOCUMENTS = """\
// Documents a REF may mean, in the four ways queries/lookup.py tries: 1 the id, 2 the symbol, 3 the number, 4 words of the name
// Parameters come from queries/neo4j_lookup.py: $ref (the REF, stripped); $symbol, $number and
// each of $words, Java regular expressions over the text in NFKD that tolerate what folding
// ignores (case, diacritics, spaces in a symbol); null (or []) skips that way, so the ways can be
// asked one call at a time. Python then keeps exactly the rows lookup.py would keep and decides
// which way answers.
MATCH (d:Document {id: $ref})
RETURN 1 AS way, d.id AS id, d.symbol AS symbol, d.name AS name, d.type AS type, d.title AS title,
       d.type_code AS type_code, d.number AS number, d.date AS date, d.issuer AS issuer
UNION ALL
MATCH (d:Document)
WHERE $symbol IS NOT NULL AND d.symbol IS :: STRING NOT NULL AND normalize(d.symbol, NFKD) =~ $symbol
RETURN 2 AS way, d.id AS id, d.symbol AS symbol, d.name AS name, d.type AS type, d.title AS title,
       d.type_code AS type_code, d.number AS number, d.date AS date, d.issuer AS issuer
UNION ALL
MATCH (d:Document)
WHERE $number IS NOT NULL AND coalesce(d.number, '') =~ $number
RETURN 3 AS way, d.id AS id, d.symbol AS symbol, d.name AS name, d.type AS type, d.title AS title,
       d.type_code AS type_code, d.number AS number, d.date AS date, d.issuer AS issuer
UNION ALL
MATCH (d:Document)
WHERE size($words) > 0
WITH d, normalize(
       coalesce(d.name, '') + ' ' + coalesce(d.type, '') + ' ' + coalesce(d.title, '') + ' ' + coalesce(d.symbol, ''),
       NFKD) AS text
WHERE all(w IN $words WHERE text =~ w)
RETURN 4 AS way, d.id AS id, d.symbol AS symbol, d.name AS name, d.type AS type, d.title AS title,
       d.type_code AS type_code, d.number AS number, d.date AS date, d.issuer AS issuer
"""


# The combining marks fold drops are a subset of Java's \p{M} (marks whose combining class is
# 0, such as spacing marks, are left by fold and tolerated here): the patterns admit a little
# more than lookup.py, never less, and Python drops the rest.
_MARK = r"\p{M}"
# What str.split() takes for a blank: ASCII blanks, the separators \x1c-\x1f, NEL and \p{Z}.
_BLANK = r"[\s\x{1c}-\x{1f}\x{85}\p{Z}]"


def _char(c: str) -> str:
    """One character of a folded key as a pattern, in either case; `d` also as `đ`, `-` also
    as `–` (symbol_key writes – as -)."""
    if c == "d":
        return r"[dD\x{110}\x{111}]"
    if c == "-":
        return r"[\x{2d}\x{2013}]"
    if c.isascii():
        return f"[{c}{c.upper()}]" if c.isalpha() else f"\\x{{{ord(c):x}}}"
    return f"(?iu:\\x{{{ord(c):x}}})"


def symbol_pattern(key: str) -> str:
    r"""A full-match pattern over a symbol in NFKD that holds when `symbol_key(symbol) == key`
    (and for a few more symbols, which Python then drops): each character of the key (`d` also
    as `đ`, `-` also as `–`; any case), with blanks and combining marks anywhere.

    Examples
    --------
    >>> symbol_pattern("5-d")  # doctest: +ELLIPSIS
    '(?s)[\\s\\x{1c}-\\x{1f}\\x{85}\\p{Z}\\p{M}]*\\x{35}...'
    """
    skip = f"[{_BLANK[1:-1]}{_MARK}]*"
    return "(?s)" + skip + "".join(_char(c) + skip for c in key)


def number_pattern(number: str) -> str:
    """A full-match pattern for a document number equal to `number` but for leading zeros."""
    return "(?s)0*" + "".join(f"\\x{{{ord(c):x}}}" for c in number.lstrip("0"))


def word_pattern(word: str) -> str:
    """A full-match pattern over text in NFKD that holds when `word` (a folded token, [a-z0-9]+)
    is one of the text's `tokens` (and sometimes when it is not, which Python then drops): the
    word, marks allowed between its letters, with no word character right before or after it."""
    marks = f"{_MARK}*"
    other = f"[^{_WORD_CHARS}]"
    return "(?s)" + f"(?:.*{other})?{marks}" + "".join(_char(c) + marks for c in word) + f"(?:{other}.*)?"


def _ways(ref: str) -> list[dict[str, Any]]:
    """The parameters of `FIND_DOCUMENTS` for a stripped REF, one call per step: the id (an
    index lookup), then the symbol and the number, then the words (the slowest: every title)."""
    sym = ref.partition("@")[0]
    m = _NUMBERED.match(ref)
    none: dict[str, Any] = {"ref": None, "symbol": None, "number": None, "words": []}
    return [
        {**none, "ref": ref},
        {
            **none,
            "symbol": symbol_pattern(symbol_key(sym)),
            "number": number_pattern(m.group("num")) if m and m.group("type") else None,
        },
        {**none, "words": [word_pattern(w) for w in sorted(tokens(ref))]},
    ]


def _by_symbol(rows: list[dict], ref: str) -> list[dict] | None:
    """lookup.py's second way: None when no document has the symbol, else those of the date."""
    sym, _, when = ref.partition("@")
    key = symbol_key(sym)
    hits = [r for r in rows if r["symbol"] and symbol_key(r["symbol"]) == key]
    if not hits:
        return None
    if when:
        hits = [r for r in hits if (r["date"] or "").startswith(when.strip())]
    return hits


def _by_number(rows: list[dict], ref: str) -> list[dict]:
    """lookup.py's third way: type and number, and the year if given."""
    m = _NUMBERED.match(ref)
    if not (m and m.group("type")):
        return []
    type_words = fold(m.group("type")).replace(" so", "").strip()
    codes = {c.upper() for c, names in tables.types_by_code().items() if fold(c) == type_words}
    names = {n for w, n in tables.type_names().items() if w == type_words}
    out = []
    for r in rows:
        if (r["number"] or "").lstrip("0") != m.group("num").lstrip("0"):
            continue
        if (r["type_code"] or "").upper() in codes or r["type"] in names:
            if m.group("year") and not (r["date"] or "").startswith(m.group("year")):
                continue
            out.append(r)
    return out


def _by_words(rows: list[dict], ref: str) -> list[dict]:
    """lookup.py's fourth way: every word of the REF in the name, type, title or symbol; those
    whose name is exactly those words, if any."""
    want = tokens(ref)
    if not want:
        return []
    scored = [
        r
        for r in rows
        if want <= tokens(" ".join(x for x in (r["name"], r["type"], r["title"], r["symbol"]) if x))
    ]
    exact = [r for r in scored if tokens(r["name"]) == want]
    return exact or scored


def find_documents(run: Run, ref: str) -> list[dict[str, Any]]:
    """The documents `ref` may mean, best matches only, sorted by id: rows with `id`, `symbol`,
    `name`, `type`, `title`, `date`, `issuer` (the same ids as `lookup.find_documents`). The
    server is asked a step at a time and the first way that finds something answers."""
    ref = ref.strip()
    by_id, symbol_or_number, words = _ways(ref)
    found = run(FIND_DOCUMENTS, by_id)
    if not found:
        rows = run(FIND_DOCUMENTS, symbol_or_number)
        by_symbol = _by_symbol([r for r in rows if r["way"] == 2], ref)
        if by_symbol is not None:
            found = by_symbol
        else:
            found = _by_number([r for r in rows if r["way"] == 3], ref)
            if not found and words["words"]:
                found = _by_words(run(FIND_DOCUMENTS, words), ref)
    return sorted({r["id"]: r for r in found}.values(), key=lambda r: r["id"])


def describe(row: Mapping[str, Any]) -> str:
    """One line: symbol or name, type, date, issuer (as `lookup.describe`)."""
    head = row.get("symbol") or row.get("name") or row["id"]
    parts = (row.get("type") if row.get("symbol") else None, row.get("date"), row.get("issuer"))
    bits = [x for x in parts if x]
    return f"{head} ({', '.join(bits)})" if bits else head


def resolve_ref(run: Run, ref: str) -> str:
    """The one document `ref` means in Neo4j; DocumentNotFound or AmbiguousInNeo4j (an
    AmbiguousReference) otherwise, with lookup.py's messages."""
    found = find_documents(run, ref)
    if not found:
        raise DocumentNotFound(f"no document matches {ref!r}")
    if len(found) > 1:
        raise AmbiguousInNeo4j(ref, [r["id"] for r in found], [describe(r) for r in found])
    return str(found[0]["id"])
