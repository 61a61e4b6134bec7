"""The pattern tables are data a domain expert edits: every example in them must still work."""

from __future__ import annotations

import pytest

from vbgraph.graph.tasks import body_kind, named_state, title_year
from vbgraph.loaders.cite import find_citations
from vbgraph.loaders.normalize import fold
from vbgraph.ontology import tables


def _type_examples():
    for t in tables.load("doc_types.toml")["type"]:
        for ex in t["examples"]:
            yield t["name"], ex


@pytest.mark.parametrize(("type_name", "example"), list(_type_examples()))
def test_every_type_example_is_a_citation_of_that_type(type_name, example):
    spans = [s for s in find_citations(example) if s.kind == "numbered"]
    assert spans, example
    assert spans[0].type == type_name


@pytest.mark.parametrize("example", tables.load("doc_types.toml")["joint_examples"], ids=lambda e: e["text"])
def test_a_joint_form_of_a_type_cites_a_document_of_that_type(example):
    """doc_types.toml joint_words: 'Kế hoạch liên tịch số 04/KHLT-MTTQ-UBND' is a Kế hoạch."""
    (span,) = find_citations(f"Căn cứ {example['text']} số 04/KHLT-MTTQ-UBND ngày 20/02/2024;")
    assert span.type == example["type"]
    assert span.symbol == "04/KHLT-MTTQ-UBND"


@pytest.mark.parametrize("code", sorted({c["code"] for c in tables.load("issuer_codes.toml")["code"]}))
def test_every_issuer_code_example_parses(code):
    entry = tables.issuer_codes()[code.upper()]
    for ex in entry["examples"]:
        spans = [s for s in find_citations(ex) if s.kind == "numbered"]
        assert spans and spans[0].issuer_code.upper().startswith(code.upper()), ex
        assert tables.is_central_code(spans[0].issuer_code) == entry["central"], ex


@pytest.mark.parametrize("body", tables.bodies(), ids=lambda b: b.name)
def test_every_body_alias_finds_its_body(body):
    for alias in (body.name, *body.aliases):
        found = tables.canonical_body(alias)
        assert found is not None and found.name in {body.name} | {
            b.name for b in tables.bodies() if alias in b.aliases
        }


def test_body_names_are_unique_after_folding():
    names = [fold(b.name) for b in tables.bodies()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("entry", tables.named_table()["named"], ids=lambda e: e["head"])
def test_every_named_example_finds_a_document_of_its_type(entry):
    for ex in entry["examples"]:
        spans = [s for s in find_citations(ex, province="Bắc Giang") if s.kind == "named"]
        assert any(s.type == entry["type"] for s in spans), (ex, spans)


def test_provinces_are_canonical_and_unique():
    names = tables.load("provinces.toml")["names"]
    assert len(names) == len(set(names))
    assert tables.provinces()[fold("Đắk Lắk")] == "Đắk Lắk"
    assert tables.provinces()[fold("Đắc Lắc")] == "Đắk Lắk"


@pytest.mark.parametrize(
    "example", tables.load("bodies.toml")["vocabulary"]["examples"], ids=lambda e: e["written"]
)
def test_every_vocabulary_example_is_read_as_stated(example):
    read, corrections = tables.body_vocabulary().read(example["written"])
    assert read == example["read"]
    assert bool(corrections) == (example["written"] != example["read"])


@pytest.mark.parametrize(
    "example", tables.load("bodies.toml")["other_organisations"]["examples"], ids=lambda e: e["issuer"]
)
def test_another_organisations_body_is_cited_by_its_own_name(example):
    (span,) = [s for s in find_citations(example["cited"]) if s.kind == "numbered"]
    assert span.issuer == example["issuer"]


@pytest.mark.parametrize("name", tables.load("bodies.toml")["vocabulary"]["names"])
def test_every_vocabulary_name_reads_as_itself(name):
    assert tables.body_vocabulary().read(name) == (name, ())


@pytest.mark.parametrize(
    "example", tables.load("obligations.toml")["table"]["examples"], ids=lambda e: e["header"]
)
def test_every_table_header_example_finds_its_columns(example):
    from vbgraph.loaders.obligations import _header_columns

    cols = _header_columns(example["header"].split("\t"), None)
    assert cols is not None
    assert (cols.content, cols.body, cols.deadline) == (
        example["content"],
        example["body"],
        example["deadline"],
    )


def test_no_table_holds_typos_of_its_own():
    """Misspellings are read by ontology/fuzzy.py; a table spells each word once, right."""
    assert "typos" not in tables.load("obligations.toml")
    for words in (tables.load("obligations.toml")["table"][k] for k in ("content", "body", "deadline")):
        assert len({fold(w) for w in words}) == len(words)


@pytest.mark.parametrize(
    ("code", "central", "known"),
    [
        ("TW", True, True),
        ("TWĐTN", True, True),  # the centre of the Youth Union
        ("BCĐTW", True, True),  # a Party ending decides before a prefix
        ("BTGTU", False, True),  # a Tỉnh ủy's board, not a ministry
        ("BTC", True, True),  # a ministry
        ("STTTT", False, True),  # a provincial department
        ("UBND", False, True),
        ("QH14", True, True),
        ("XYZ", False, False),  # unknown: reported, never assumed central
    ],
)
def test_which_issuer_codes_belong_to_the_centre(code, central, known):
    assert tables.is_central_code(code) is central
    assert tables.is_known_code(code) is known


@pytest.mark.parametrize(
    "example", tables.load("provinces.toml")["not_units_examples"], ids=lambda e: e["text"]
)
def test_a_common_noun_that_opens_with_a_units_word_names_no_place(example):
    """'BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN' is of the province Nghệ An, no commune 'Hội Tỉnh Nghệ An';
    'xã Hội Xuân' is still a commune."""
    from vbgraph.loaders.places import place_name

    assert (place_name(example["text"]) or "") == example["place"]


@pytest.mark.parametrize(
    "example",
    [
        *tables.load("provinces.toml")["not_places_examples"],
        *tables.load("provinces.toml")["sub_units_examples"],
        *tables.load("provinces.toml")["former_examples"],
    ],
    ids=lambda e: e["text"][:30],
)
def test_a_name_that_holds_a_provinces_places_nothing(example):
    """'Đoàn TNCS Hồ Chí Minh', 'xã Hòa Bình', 'sông Cửu Long': a province's name that names no
    province; 'TỈNH UỶ QUẢNG NAM - ĐÀ NẴNG' the former province, not the two it became."""
    from vbgraph.loaders.header import find_provinces

    assert find_provinces(example["text"]) == example["provinces"]


@pytest.mark.parametrize("name", sorted(tables.load("provinces.toml")["former"]))
def test_a_former_province_is_a_province_of_its_time(name):
    """Hà Tây (1991-2008) is a name of the tables, which became provinces the tables name."""
    data = tables.load("provinces.toml")
    entry = data["former"][name]
    first, last = entry["years"]
    assert name in data["names"] and tables.provinces()[fold(name)] == name
    assert 1945 < first <= last <= 2025 and entry.get("until", str(last))[:4] == str(last)
    assert entry["became"] and all(tables.provinces().get(fold(b)) == b for b in entry["became"])


@pytest.mark.parametrize(
    "example", tables.load("provinces.toml")["dated_examples"], ids=lambda e: f"{e['province']}@{e['date']}"
)
def test_a_place_of_a_former_province_is_its_successors_after_its_end(example):
    """'Hà Giang' in September 2025 is Tuyên Quang's; before 1 July 2025, Hà Giang's."""
    from vbgraph.loaders.places import province_on

    assert province_on(example["province"], example["date"]) == example["is"]


@pytest.mark.parametrize(
    "example", tables.load("fulfilment.toml")["kind"]["examples"], ids=lambda e: e["name"]
)
def test_every_body_kind_example_is_of_its_kind(example):
    assert (body_kind(example["name"]) or "") == example["kind"]


@pytest.mark.parametrize(
    "example", tables.load("fulfilment.toml")["kind"]["named_examples"], ids=lambda e: e["text"][:40]
)
def test_every_named_state_example_names_its_kinds(example):
    assert named_state(example["text"]) == frozenset(example["kinds"])


@pytest.mark.parametrize(
    "example", tables.load("fulfilment.toml")["year"]["examples"], ids=lambda e: e["title"]
)
def test_every_title_year_example_is_for_its_year(example):
    assert (title_year(example["title"]) or 0) == example["year"]


@pytest.mark.parametrize(
    "example", tables.load("bodies.toml")["executive_committees"]["examples"], ids=lambda e: e["written"]
)
def test_a_local_executive_committee_is_the_committee_of_its_level(example):
    from vbgraph.loaders.bodies import canonical_name

    assert canonical_name(example["written"]) == example["read"]


@pytest.mark.parametrize(
    "example", tables.load("issuer_codes.toml")["joint"]["examples"], ids=lambda e: e["symbol"]
)
def test_a_joint_documents_symbol(example):
    (span,) = [s for s in find_citations("Văn bản số " + example["symbol"]) if s.kind == "numbered"]
    assert tables.joint_symbol(span.type_code, span.issuer_code) == example["joint"]
