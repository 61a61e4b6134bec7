"""The vbgraph RDF vocabulary as a closed namespace: a typo in a term is an error, not a new IRI.

Written like rdflib's `_PROV.py`: every term is declared below and `_fail = True` makes any
other name raise. The published definitions (labels, alignment to ELI, DCTERMS and schema.org)
are in `vbgraph.ttl` next to this file; `tests/test_rdf.py` checks that the two list the same
terms. Names follow one rule: the camelCase of the graph-json-v1 field or edge code
(`type_code` -> `typeCode`, `THUC_HIEN` -> `thucHien`, `vai_tro` -> `vaiTro`).

No `from __future__ import annotations` here: rdflib reads these annotations as classes.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from vbgraph.ontology.relations import Edge, Rel

BASE = "https://w3id.org/vbgraph/"
ONTOLOGY = "https://w3id.org/vbgraph/ontology#"


class VBO(DefinedNamespace):
    """vbgraph ontology: Vietnamese Party and State documents, their relations and obligations."""

    _fail = True
    _NS = Namespace(ONTOLOGY)

    # Classes
    Document: URIRef  # a Party or State document (văn bản), in the corpus or only cited
    Body: URIRef  # an organisation that issues documents or is assigned tasks (cơ quan, tổ chức)
    Obligation: URIRef  # a task a document assigns (nhiệm vụ được giao)
    Assignment: URIRef  # one assignee of an obligation with its role (chủ trì, phối hợp, thực hiện)
    Evidence: URIRef  # the line of text that states a relation or an obligation

    # Document-to-document relations: one per code of the closed enum Rel
    quanHe: URIRef  # super-property of all eight
    thucHien: URIRef
    thayThe: URIRef
    canCu: URIRef
    suaDoi: URIRef
    baiBo: URIRef
    huongDan: URIRef
    tongKet: URIRef
    danChieu: URIRef

    # Edges between documents, obligations and bodies
    datRa: URIRef  # Document -> Obligation (DAT_RA)
    giaoCho: URIRef  # Obligation -> Body (GIAO_CHO)
    banHanh: URIRef  # Body -> Document (BAN_HANH)
    thuoc: URIRef  # Body -> Body (THUOC, part_of)
    assignment: URIRef  # Obligation -> Assignment
    assignee: URIRef  # Assignment -> Body
    vaiTro: URIRef  # Assignment -> role code
    fulfilledBy: URIRef  # Obligation -> Document (DUOC_THUC_HIEN_BOI, fulfilled_by)
    evidence: URIRef  # relation statement or Obligation -> Evidence
    statedIn: URIRef  # Evidence -> Document whose text states it

    # Literals
    id: URIRef  # the graph id, as in graph-json-v1
    code: URIRef  # annotation: the graph-json-v1 code of a property
    typeName: URIRef
    typeCode: URIRef
    number: URIRef
    issuerCode: URIRef
    symbol: URIRef
    date: URIRef
    issuer: URIRef
    jurisdiction: URIRef
    title: URIRef
    name: URIRef
    alias: URIRef
    inCorpus: URIRef
    level: URIRef
    signer: URIRef
    identifiedBy: URIRef
    sourceFile: URIRef
    firstLine: URIRef
    lastLine: URIRef
    file: URIRef
    line: URIRef
    quote: URIRef
    text: URIRef
    deadlineText: URIRef
    deadlineStart: URIRef
    deadlineEnd: URIRef
    recurring: URIRef
    producesType: URIRef
    producesTitle: URIRef
    producesLevel: URIRef
    status: URIRef
    fulfilment: URIRef
    fulfilmentScore: URIRef


def camel(code: str) -> str:
    """`THUC_HIEN` -> `thucHien`, `first_line` -> `firstLine`: the naming rule of this vocabulary."""
    head, *rest = code.lower().split("_")
    return head + "".join(w.capitalize() for w in rest)


#: Relation code -> RDF property; derived from the enum, so a new code without a term fails here.
REL_PROPERTY: dict[Rel, URIRef] = {r: VBO[camel(r.value)] for r in Rel}

#: Edge codes that are not document relations (Document, Body, Obligation), with their RDF property.
STRUCTURAL_PROPERTY: dict[str, URIRef] = {
    "DAT_RA": VBO.datRa,
    "GIAO_CHO": VBO.giaoCho,
    "BAN_HANH": VBO.banHanh,
    "THUOC": VBO.thuoc,
    "DUOC_THUC_HIEN_BOI": VBO.fulfilledBy,
}

#: Their labels (Vietnamese, English), as in `vbgraph.ttl`; the relation labels live on `Rel`.
STRUCTURAL_LABELS: dict[str, tuple[str, str]] = {e.value: (e.label, e.label_en) for e in Edge}
