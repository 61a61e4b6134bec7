#!/usr/bin/env python3
"""Scale benchmark: ingest, store, queries and every sink for synthetic corpora of N documents.

For each N in --sizes it generates N documents with `benchmarks/synthetic.py` (lineage chains 5–7
deep, citations, tasks with deadlines; reused when the same N and seed were already generated in
--workdir), then measures, with the command line as a user runs it and with the Python API:

    python benchmarks/scale.py                          # 1000, 10000, 100000 documents
    python benchmarks/scale.py --sizes 300,1000 --json /tmp/scale.json
    python benchmarks/scale.py --sizes 10000 --jobs 4 --workdir /tmp/scale --keep
    python benchmarks/scale.py --sizes 10000,100000 --workdir /tmp/scale --reuse   # stores kept before
    python benchmarks/scale.py --sizes 1000 --sinks exports,views                  # no Neo4j
    python benchmarks/scale.py --sinks ''                                          # store figures only

The figures, one row per N:

- documents: files generated and ingested.
- ingest s, docs/s, MB/s: wall time of `vbgraph ingest DIR --store STORE` into a fresh store
  (with `--jobs J` when --jobs is given and `vbgraph ingest --help` lists that option).
- % of regex scan: ingest MB/s as a share of a plain regex scan of the same files, in this
  process (read each file as UTF-8, run a few compiled regexes over every line; the faster of
  two scans, so that a first read from disk does not flatter the ratio): the floor of "reading
  the text at all" on this machine.
- peak RSS MB: the largest resident set of the ingest process (getrusage of a wrapper process
  that runs only that command, so the figure is per command). With --jobs it is the largest of
  the processes (the main one or a worker), not their sum.
- store MB: the sum of the sizes of the files under the store folder.
- add one file s: `vbgraph ingest FILE --store STORE` of one new document (it implements a document
  of the corpus) into the full store.
- open (API) ms: `vbgraph.open_store(STORE).document(REF)` in an already started Python process
  (median of 3); open (CLI stats) ms: `vbgraph stats --store STORE` end to end (median of 3).
- lineage d5 p50/p95 ms (API): `Corpus.lineage(ref, direction="up", depth=5)` for 50 documents at
  the bottom of chains (nothing implements them), picked with --seed; lineage p95 ms (CLI):
  `vbgraph lineage REF --depth 5` for 10 of them.
- search p95 ms (CLI): `vbgraph search WORDS` for 10 phrases that occur in the corpus; the API's
  `Corpus.search` for the same phrases is in the details table.
- export json s: `vbgraph export --format json -o FILE` (from the exports sink below); csv to a
  folder is in the details.
- the commands table, p95 ms (CLI) of 10 calls each: `bodies`; `plan REF` and
  `query lineage_up -p id=REF` for documents at the bottom of chains; `timeline REF`,
  `view REF --depth 2` and `query NAME -p id=REF` for every other canned query that takes a
  document (as `vbgraph queries` lists them), for the central resolutions at the top of the first
  chains; `obligations --document REF` for documents at the bottom of chains; `implements
  --jurisdiction P` for provinces of the corpus; and the median of 3 calls of `implements` (every
  implementation, a table as large as the corpus) and of `implements --central` (every central
  document's implementations, transitively).

Then the sinks of --sinks (default all), each by the functions of its own benchmark script, so
that the figures are the ones that script prints, for every N of one run:

- exports (benchmarks/exports.py): each format (json ttl jsonld nt graphml csv) by
  `vbgraph export`, on a copy of the store: seconds, peak RSS MB, over the load baseline, output
  MB; and the baselines, a plain read of the store file and the load of the graph.
- views (benchmarks/views.py): the nodes page of the view of the jurisdiction (with
  `--relations THUC_HIEN`) whose selection is nearest --view-nodes nodes (2,000: the central
  documents at 10,000 documents, a province at 100,000; at 1,000 documents the largest there is):
  select s (from the store's indexes), render s, their sum as build s, Chromium's ms from
  navigation to stable (inline and with shared assets) and the whole headless run less a blank
  page's, with the blank page's own time (median of 3 each).
- neo4j (benchmarks/neo4j_scale.py, without its second load and comparison): on a fresh
  scripts/neo4j-local server with its default heap, `vbgraph neo4j load` s into the empty
  database (and whether in one transaction); a bare `UNWIND … CREATE` of the same nodes and
  relationships and the writer's time as a multiple of it; `vbgraph export --format csv` and
  `neo4j-admin database import full` s into a second fresh database.

A sink that fails (no Chromium, no Java) is reported with its reason after the tables; the others
and the next sizes still run, and the exit status is 1. With two sizes or more a last table gives
each time's growth from one size to the next and says "linear" when it grew at most 1.2 times as
much as the documents (10,000 -> 100,000 documents: 12x), as exports.py judges it.

Percentiles are nearest-rank (p95 of 10 calls is the slowest). The CLI figures include the start
of the interpreter and the loading of the store; the API figures do not include the start.
The ratio of ingest times between consecutive sizes is printed at the end: with the ratio of
sizes it shows whether ingest grows linearly. These machines are noisy: only ratios measured
within one run (ingest against the regex scan, one size against another) mean much.

Without --workdir everything goes to a temporary folder, removed at the end unless --keep. With
--workdir the corpora stay there for the next run (a corpus is known by its N and seed) and the
stores are removed unless --keep. With --reuse, WORKDIR/store-N is used as it is when it holds a
store (kept by an earlier --keep run of the same N and seed): no ingest, so the ingest and add one
file figures read "reused", and the store is kept. A command of the store figures that fails
stops the run with its last lines of stderr; the rows of the sizes already done are still
printed. The default sizes take long: at tens of documents a second, 100000 documents are most of
an hour of ingest alone, and the sinks as long again.

Nothing here asserts on time. The store figures use only the CLI and the public API, so the
script keeps working when the store's implementation changes; the view sink selects from the
store's indexes as views.py does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import measure  # benchmarks/measure.py, beside this script

HERE = Path(__file__).resolve().parent
OPEN_REPEAT = 3
LINEAGE_REFS = 50
CLI_CALLS = 10
DEPTH = 5

# The API figures, in a process of their own (so each N starts from the same state): open the
# store, pick the documents at the bottom of chains, time lineage and search.
API_WORKER = r"""
import json, random, sys, time
import vbgraph
store, ref, seed, queries = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
out = {"open_ms": [], "lineage_ms": [], "lineage_steps": [], "search_ms": [], "search_hits": []}
for _ in range(int(sys.argv[5])):
    t = time.perf_counter()
    corpus = vbgraph.open_store(store)
    corpus.document(ref)
    out["open_ms"].append((time.perf_counter() - t) * 1000)
docs = sorted(d.id for d in corpus.documents(in_corpus=True))
implemented = {r.target for r in corpus.relations(type="THUC_HIEN")}
bottom = [d for d in docs if d not in implemented] or docs
refs = random.Random(seed).sample(bottom, min(int(sys.argv[6]), len(bottom)))
for r in refs:
    t = time.perf_counter()
    steps = corpus.lineage(r, direction="up", depth=int(sys.argv[7]))
    out["lineage_ms"].append((time.perf_counter() - t) * 1000)
    out["lineage_steps"].append(len(steps))
for q in queries:
    t = time.perf_counter()
    hits = corpus.search(q)
    out["search_ms"].append((time.perf_counter() - t) * 1000)
    out["search_hits"].append(len(hits))
out["refs"] = refs
print(json.dumps(out))
"""

# Compiled once; the baseline "just read the text" scan.
SCAN_PATTERNS = [
    re.compile(r"\d+[-/][A-ZĐ]+[-/][A-ZĐ]+"),  # symbol-like: 12-NQ/TW, 5/KH-UBND
    re.compile(r"ngày \d{1,2}/\d{1,2}/\d{4}"),  # date-like
    re.compile(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}"),  # date of issue
    re.compile(r"^\d+\.\s"),  # numbered item
]

# Phrases the generator writes (subjects, bodies, kinds of tasks); the first ten found in the
# corpus are the search queries.
QUERY_CANDIDATES = [
    "chuyển đổi số",
    "phòng, chống tham nhũng",
    "Sở Tài chính",
    "giảm nghèo bền vững",
    "Ban Tuyên giáo",
    "nguồn nhân lực",
    "hợp tác xã",
    "Sở Y tế",
    "bảo vệ môi trường",
    "nông thôn mới",
    "giáo dục và đào tạo",
    "quốc phòng, an ninh",
    "hạ tầng giao thông",
    "cải cách hành chính",
    "Ủy ban Kiểm tra",
    "Sở Nội vụ",
    # in every document: so there are always ten distinct queries, however small the corpus
    "kế hoạch cụ thể",
    "báo cáo kết quả",
    "mục đích, yêu cầu",
    "nhiệm vụ, giải pháp",
    "tổ chức thực hiện",
    "quán triệt sâu sắc",
    "đôn đốc việc thực hiện",
    "xây dựng đề án",
    "cơ chế, chính sách",
    "hoàn thành trước ngày",
]
QUERY_SAMPLE_FILES = 500


BenchError = measure.BenchError
SINKS = ("exports", "views", "neo4j")
VIEW_NODES = 2000


@dataclass
class Corpus:
    directory: Path
    files: list[Path]
    bytes: int
    ref: str  # a document of the corpus, for the open figure
    extra: str  # the text of one more document, implementing a document of the corpus
    roots: list[str] = field(default_factory=list)  # the central resolutions at the top of chains


@dataclass
class Row:
    documents: int
    ingest_s: float = 0.0
    docs_per_s: float = 0.0
    mb_per_s: float = 0.0
    regex_mb_per_s: float = 0.0
    pct_of_regex: float = 0.0
    peak_rss_mb: float = 0.0
    store_mb: float = 0.0
    add_one_s: float = 0.0
    open_api_ms: float = 0.0
    open_cli_ms: float = 0.0
    lineage_api_p50_ms: float = 0.0
    lineage_api_p95_ms: float = 0.0
    lineage_cli_p50_ms: float = 0.0
    lineage_cli_p95_ms: float = 0.0
    lineage_mean_steps: float = 0.0
    search_cli_p50_ms: float = 0.0
    search_cli_p95_ms: float = 0.0
    search_api_p50_ms: float = 0.0
    search_api_p95_ms: float = 0.0
    api_peak_rss_mb: float = 0.0
    export_json_s: float | None = None
    export_csv_s: float | None = None
    corpus_mb: float = 0.0
    queries: list[str] = field(default_factory=list)
    bodies_cli_p95_ms: float = 0.0
    plan_cli_p95_ms: float = 0.0
    implements_cli_p95_ms: float = 0.0  # --jurisdiction P
    implements_all_cli_ms: float = 0.0  # every implementation: median
    implements_central_cli_ms: float = 0.0  # every central document's, transitively: median
    obligations_cli_p95_ms: float = 0.0  # --document REF
    timeline_cli_p95_ms: float = 0.0
    view_cli_p95_ms: float = 0.0
    query_cli_p95_ms: dict[str, float] = field(default_factory=dict)  # canned query taking a document
    reused: bool = False  # the store was already there (--reuse): no ingest or add-one figures
    exports: Any = None  # exports.py's StoreResult: the baselines and every format
    view: dict[str, Any] | None = None  # views.py's figures of the nodes page
    neo4j: dict[str, Any] | None = None  # neo4j_scale.py's writer and bulk import figures
    sink_errors: dict[str, str] = field(default_factory=dict)  # sink -> why it failed


# -- helpers ----------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least p% of the values at or below it."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def folder_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- running commands -------------------------------------------------------------------------


def supports_jobs(vbgraph: list[str], cwd: Path) -> bool:
    """Whether `vbgraph ingest --help` lists a --jobs option (the store is being reworked)."""
    out = subprocess.run(
        [*vbgraph, "ingest", "--help"],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)
    return re.search(r"--jobs\b", plain) is not None


# -- corpus -----------------------------------------------------------------------------------


def root_ref(root: Any) -> str:
    """The REF of a chain's central resolution: its symbol and date (symbols repeat every year)."""
    return f"{root.symbol}@{dt.datetime.strptime(root.day, '%d/%m/%Y').date().isoformat()}"


def extra_document(synthetic: ModuleType, n: int, seed: int) -> tuple[str, str]:
    """A ref to the corpus's first central resolution, and the text of a new provincial plan that
    implements it (its number, n + 1, is above every number the generator gave)."""
    chain, _ = next(synthetic._chains(n, random.Random(seed)))  # the same chains as generate()
    root = chain[0]
    when = dt.datetime.strptime(root.day, "%d/%m/%Y").date() + dt.timedelta(days=200)
    province = chain[1].province
    new = synthetic.Doc(synthetic.CHAIN[1], n + 1, when.strftime("%d/%m/%Y"), province, "", "", root.subject)
    return root_ref(root), synthetic.render(new, root, [])


def chain_roots(synthetic: ModuleType, n: int, seed: int, count: int = CLI_CALLS) -> list[str]:
    """REFs of the distinct central resolutions at the top of the first chains generate() writes."""
    roots: list[str] = []
    for chain, _ in synthetic._chains(n, random.Random(seed)):
        if (ref := root_ref(chain[0])) not in roots:
            roots.append(ref)
        if len(roots) == count:
            break
    return roots


def prepare_corpus(synthetic: ModuleType, n: int, seed: int, workdir: Path) -> Corpus:
    """The corpus of n documents in `workdir`, generated unless a complete one is already there."""
    directory = workdir / f"corpus-{n}-seed{seed}"
    marker = workdir / f"corpus-{n}-seed{seed}.json"
    files = sorted(directory.glob("*.txt")) if marker.is_file() else []
    if not files or len(files) != json.loads(marker.read_text()).get("files"):
        log(f"[{n}] generating {n} documents into {directory}")
        shutil.rmtree(directory, ignore_errors=True)
        t = time.perf_counter()
        files = synthetic.generate(n, directory, seed)
        marker.write_text(json.dumps({"n": n, "seed": seed, "files": len(files)}))
        log(f"[{n}] generated in {time.perf_counter() - t:.1f} s")
    else:
        log(f"[{n}] reusing {directory}")
    ref, extra = extra_document(synthetic, n, seed)
    roots = chain_roots(synthetic, n, seed)
    return Corpus(directory, files, sum(f.stat().st_size for f in files), ref, extra, roots)


def regex_scan(files: list[Path]) -> tuple[float, int]:
    """Seconds to read every file as UTF-8 and run the patterns over every line; the match count."""
    matches = 0
    t = time.perf_counter()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            for pattern in SCAN_PATTERNS:
                matches += len(pattern.findall(line))
    return time.perf_counter() - t, matches


def pick_queries(files: list[Path], count: int = CLI_CALLS) -> list[str]:
    """The first `count` candidate phrases that occur in the first files of the corpus."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in files[:QUERY_SAMPLE_FILES]).lower()
    found = [q for q in QUERY_CANDIDATES if q.lower() in text]  # search ignores case too
    return (found * count)[:count] if found else ["kế hoạch"] * count


# -- measurements -----------------------------------------------------------------------------


def measure_ingest(row: Row, corpus: Corpus, store: Path, cli: list[str], jobs: list[str], cwd: Path) -> None:
    shutil.rmtree(store, ignore_errors=True)
    m = measure.run([*cli, "ingest", str(corpus.directory), "--store", str(store), *jobs], cwd)
    mb = corpus.bytes / 1e6
    row.ingest_s = m.seconds
    row.docs_per_s = len(corpus.files) / m.seconds
    row.mb_per_s = mb / m.seconds
    row.pct_of_regex = 100 * row.mb_per_s / row.regex_mb_per_s if row.regex_mb_per_s else math.nan
    row.peak_rss_mb = m.rss_mb
    row.store_mb = folder_bytes(store) / 1e6
    log(f"[{row.documents}] ingest {m.seconds:.1f} s: {measure.tail(m.stdout, 2)}")


def measure_add_one(row: Row, corpus: Corpus, store: Path, cli: list[str], workdir: Path) -> None:
    folder = workdir / f"extra-{row.documents}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    path = folder / "extra.txt"
    path.write_text(corpus.extra, encoding="utf-8")
    m = measure.run([*cli, "ingest", str(path), "--store", str(store)], workdir)
    row.add_one_s = m.seconds
    log(f"[{row.documents}] add one file {m.seconds:.2f} s: {measure.tail(m.stdout, 2)}")


def measure_api(row: Row, corpus: Corpus, store: Path, seed: int, workdir: Path) -> list[str]:
    """The in-process figures (open, lineage, search) from one worker process; the lineage refs."""
    args = [str(store), corpus.ref, str(seed), json.dumps(row.queries, ensure_ascii=False)]
    args += [str(OPEN_REPEAT), str(LINEAGE_REFS), str(DEPTH)]
    m = measure.run([sys.executable, "-c", API_WORKER, *args], workdir)
    data = json.loads(m.stdout.strip().splitlines()[-1])
    row.open_api_ms = statistics.median(data["open_ms"])
    row.lineage_api_p50_ms = percentile(data["lineage_ms"], 50)
    row.lineage_api_p95_ms = percentile(data["lineage_ms"], 95)
    row.lineage_mean_steps = statistics.fmean(data["lineage_steps"]) if data["lineage_steps"] else 0.0
    row.search_api_p50_ms = percentile(data["search_ms"], 50)
    row.search_api_p95_ms = percentile(data["search_ms"], 95)
    row.api_peak_rss_mb = m.rss_mb
    if not any(data["search_hits"]):
        log(f"[{row.documents}] note: no search found anything")
    return data["refs"]


def cli_times_ms(commands: list[list[str]], cwd: Path) -> list[float]:
    return [measure.run(cmd, cwd).seconds * 1000 for cmd in commands]


def measure_cli_queries(row: Row, refs: list[str], store: Path, cli: list[str], cwd: Path) -> None:
    where = ["--store", str(store), "--format", "json"]
    opens = cli_times_ms([[*cli, "stats", *where]] * OPEN_REPEAT, cwd)
    row.open_cli_ms = statistics.median(opens)
    lineage = cli_times_ms(
        [[*cli, "lineage", r, "--depth", str(DEPTH), *where] for r in refs[:CLI_CALLS]], cwd
    )
    row.lineage_cli_p50_ms = percentile(lineage, 50)
    row.lineage_cli_p95_ms = percentile(lineage, 95)
    search = cli_times_ms([[*cli, "search", q, *where] for q in row.queries], cwd)
    row.search_cli_p50_ms = percentile(search, 50)
    row.search_cli_p95_ms = percentile(search, 95)


def canned_with_document(cli: list[str], cwd: Path) -> list[str]:
    """The canned queries that take a document (an `id` parameter), as `vbgraph queries` lists them."""
    m = measure.run([*cli, "queries", "--format", "json"], cwd)
    return [
        q["name"]
        for q in json.loads(m.stdout)
        if "id" in {x.split("=")[0].strip() for x in q["params"].split(",")}
    ]


def p95(commands: list[list[str]], cwd: Path) -> float:
    return percentile(cli_times_ms(commands, cwd), 95)


def measure_cli_commands(
    row: Row, corpus: Corpus, leaves: list[str], provinces: list[str], store: Path, cli: list[str], cwd: Path
) -> None:
    """The commands table: each command as a user runs it, p95 of CLI_CALLS calls."""
    where = ["--store", str(store), "--format", "json"]
    roots = (corpus.roots * CLI_CALLS)[:CLI_CALLS] or [corpus.ref] * CLI_CALLS
    leaves = (leaves * CLI_CALLS)[:CLI_CALLS] or roots
    row.bodies_cli_p95_ms = p95([[*cli, "bodies", *where]] * CLI_CALLS, cwd)
    row.plan_cli_p95_ms = p95([[*cli, "plan", r, *where] for r in leaves], cwd)
    row.implements_cli_p95_ms = p95(
        [[*cli, "implements", "--jurisdiction", p, *where] for p in provinces], cwd
    )
    row.implements_all_cli_ms = statistics.median(
        cli_times_ms([[*cli, "implements", *where]] * OPEN_REPEAT, cwd)
    )
    row.implements_central_cli_ms = statistics.median(
        cli_times_ms([[*cli, "implements", "--central", *where]] * OPEN_REPEAT, cwd)
    )
    row.obligations_cli_p95_ms = p95([[*cli, "obligations", "--document", r, *where] for r in leaves], cwd)
    row.timeline_cli_p95_ms = p95([[*cli, "timeline", r, *where] for r in roots], cwd)
    page = str(cwd / f"view-{row.documents}.html")
    row.view_cli_p95_ms = p95([[*cli, "view", r, "-o", page, "--store", str(store)] for r in roots], cwd)
    Path(page).unlink(missing_ok=True)
    for name in canned_with_document(cli, cwd):
        refs = leaves if name.endswith("_up") else roots  # a walk up starts at the bottom of a chain
        row.query_cli_p95_ms[name] = p95([[*cli, "query", name, "-p", f"id={r}", *where] for r in refs], cwd)


def pick_provinces(synthetic: ModuleType, files: list[Path], count: int = CLI_CALLS) -> list[str]:
    """Provinces of the corpus (named in its first files), for `implements --jurisdiction`."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in files[:QUERY_SAMPLE_FILES])
    found = [p for p in synthetic.PROVINCES if p in text]
    return (found * count)[:count] or ["Bắc Giang"] * count


# -- sinks: the functions of exports.py, views.py and neo4j_scale.py --------------------------------


def sink_exports(row: Row, store: Path, args: argparse.Namespace) -> None:
    """Every export format and the read and load baselines, as benchmarks/exports.py times them
    (on a copy of the store)."""
    exports = measure.load("exports")
    folder = args.workdir / f"exports-{row.documents}"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = exports.bench_store(store, list(exports.FORMATS), folder, keep=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    row.exports = result
    if (m := result.formats.get("json")) is not None:
        row.export_json_s = m.seconds
    if (m := result.formats.get("csv")) is not None:
        row.export_csv_s = m.seconds
    if result.error:
        raise BenchError(result.error)


def sink_views(row: Row, store: Path, args: argparse.Namespace) -> None:
    """The nodes page of the jurisdiction whose view is nearest --view-nodes nodes (relations and
    the other choices as benchmarks/views.py has them by default), built and drawn in Chromium."""
    from vbgraph.graph.store import Store

    views = measure.load("views")
    defaults = views.parse_args([])
    relations = defaults.relations or None
    jurisdiction, count = views.jurisdiction_near(Store(store), args.view_nodes, relations)
    log(f"[{row.documents}] view of {jurisdiction!r}: {count} nodes, the nearest {args.view_nodes}")
    selection = {"depth": defaults.depth, "relations": relations, "jurisdiction": jurisdiction}
    row.view = views.bench_store(
        store, selection, repeat=defaults.repeat, timeout=defaults.timeout, pages=("nodes",)
    )


def sink_neo4j(row: Row, store: Path, args: argparse.Namespace) -> None:
    """`vbgraph neo4j load` and the bare CREATE on a fresh default server, then the CSV export and
    neo4j-admin import, as benchmarks/neo4j_scale.py runs them (without its comparison)."""
    neo4j_scale = measure.load("neo4j_scale")
    work = args.workdir / f"neo4j-{row.documents}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        w = neo4j_scale.writer(store, work, check=False)
        b = neo4j_scale.bulk(store, work, check=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    row.neo4j = {
        "nodes": w["nodes"],
        "relationships": w["relationships"],
        "load_s": w["load_s"],
        "mode": w["mode"],
        "bare_s": w["bare_s"],
        "transaction_memory": w["limit"],
        "export_csv_s": b["export_s"],
        "import_s": b["import_s"],
        "imported_nodes": b["nodes"],
        "imported_relationships": b["relationships"],
    }


SINK_RUNS = {"exports": sink_exports, "views": sink_views, "neo4j": sink_neo4j}


def run_sinks(row: Row, store: Path, args: argparse.Namespace) -> None:
    """Each sink of --sinks; one that fails is noted in the row and the others still run."""
    for sink in args.sinks:
        t = time.perf_counter()
        try:
            SINK_RUNS[sink](row, store, args)
        except (Exception, SystemExit) as e:  # the scripts stop with SystemExit when run alone
            row.sink_errors[sink] = str(e) or type(e).__name__
            log(f"[{row.documents}] {sink} failed: {e}")
        else:
            log(f"[{row.documents}] {sink} done in {time.perf_counter() - t:.0f} s")


def bench_size(
    n: int, args: argparse.Namespace, synthetic: ModuleType, cli: list[str], jobs: list[str]
) -> Row:
    workdir: Path = args.workdir
    corpus = prepare_corpus(synthetic, n, args.seed, workdir)
    row = Row(documents=len(corpus.files), corpus_mb=corpus.bytes / 1e6)
    # the faster of two scans: the first may read the files from disk, the ingest after it does not
    seconds, matches = min(regex_scan(corpus.files) for _ in range(2))
    row.regex_mb_per_s = corpus.bytes / 1e6 / seconds
    log(f"[{n}] regex scan {seconds:.2f} s, {row.regex_mb_per_s:.1f} MB/s, {matches} matches")
    row.queries = pick_queries(corpus.files)
    store = workdir / f"store-{n}"
    row.reused = args.reuse and (store / "store.sqlite").is_file()
    if row.reused:
        log(f"[{n}] reusing {store}: no ingest")
        row.store_mb = folder_bytes(store) / 1e6
    else:
        measure_ingest(row, corpus, store, cli, jobs, workdir)
        measure_add_one(row, corpus, store, cli, workdir)
    refs = measure_api(row, corpus, store, args.seed, workdir)
    measure_cli_queries(row, refs, store, cli, workdir)
    log(f"[{n}] open, lineage and search done")
    measure_cli_commands(row, corpus, refs, pick_provinces(synthetic, corpus.files), store, cli, workdir)
    log(f"[{n}] commands done")
    run_sinks(row, store, args)
    if not args.keep and not row.reused:
        shutil.rmtree(store, ignore_errors=True)
        shutil.rmtree(workdir / f"extra-{n}", ignore_errors=True)
    return row


# -- report -----------------------------------------------------------------------------------


def ingested(cell: Any) -> Any:
    """A cell of an ingest figure: "reused" when the store was not ingested in this run."""
    return lambda r: "reused" if r.reused else cell(r)


MAIN_COLUMNS: list[tuple[str, Any]] = [
    ("documents", lambda r: f"{r.documents}"),
    ("ingest s", ingested(lambda r: f"{r.ingest_s:.1f}")),
    ("docs/s", ingested(lambda r: f"{r.docs_per_s:.0f}")),
    ("MB/s", ingested(lambda r: f"{r.mb_per_s:.3f}")),
    ("% of regex scan", ingested(lambda r: f"{r.pct_of_regex:.2f}")),
    ("peak RSS MB", ingested(lambda r: f"{r.peak_rss_mb:.0f}")),
    ("store MB", lambda r: f"{r.store_mb:.1f}"),
    ("add one file s", ingested(lambda r: f"{r.add_one_s:.2f}")),
    ("open (API) ms", lambda r: f"{r.open_api_ms:.0f}"),
    ("open (CLI stats) ms", lambda r: f"{r.open_cli_ms:.0f}"),
    ("lineage d5 p50/p95 ms (API)", lambda r: f"{r.lineage_api_p50_ms:.2f} / {r.lineage_api_p95_ms:.2f}"),
    ("lineage p95 ms (CLI)", lambda r: f"{r.lineage_cli_p95_ms:.0f}"),
    ("search p95 ms (CLI)", lambda r: f"{r.search_cli_p95_ms:.0f}"),
    ("export json s", lambda r: "skipped" if r.export_json_s is None else f"{r.export_json_s:.2f}"),
]
DETAIL_COLUMNS: list[tuple[str, Any]] = [
    ("documents", lambda r: f"{r.documents}"),
    ("corpus MB", lambda r: f"{r.corpus_mb:.1f}"),
    ("regex scan MB/s", lambda r: f"{r.regex_mb_per_s:.1f}"),
    ("API peak RSS MB", lambda r: f"{r.api_peak_rss_mb:.0f}"),
    ("lineage steps (mean)", lambda r: f"{r.lineage_mean_steps:.1f}"),
    ("lineage p50 ms (CLI)", lambda r: f"{r.lineage_cli_p50_ms:.0f}"),
    ("search p50 ms (CLI)", lambda r: f"{r.search_cli_p50_ms:.0f}"),
    ("search p50/p95 ms (API)", lambda r: f"{r.search_api_p50_ms:.1f} / {r.search_api_p95_ms:.1f}"),
    ("export csv s", lambda r: "skipped" if r.export_csv_s is None else f"{r.export_csv_s:.2f}"),
]


COMMAND_COLUMNS: list[tuple[str, Any]] = [
    ("documents", lambda r: f"{r.documents}"),
    ("bodies", lambda r: f"{r.bodies_cli_p95_ms:.0f}"),
    ("plan", lambda r: f"{r.plan_cli_p95_ms:.0f}"),
    ("implements -j", lambda r: f"{r.implements_cli_p95_ms:.0f}"),
    ("implements (all, median)", lambda r: f"{r.implements_all_cli_ms:.0f}"),
    ("implements --central (median)", lambda r: f"{r.implements_central_cli_ms:.0f}"),
    ("obligations --document", lambda r: f"{r.obligations_cli_p95_ms:.0f}"),
    ("timeline", lambda r: f"{r.timeline_cli_p95_ms:.0f}"),
    ("view", lambda r: f"{r.view_cli_p95_ms:.0f}"),
    ("query …", lambda r: ", ".join(f"{k} {v:.0f}" for k, v in r.query_cli_p95_ms.items())),
]


def markdown_table(rows: list[Row], columns: list[tuple[str, Any]]) -> str:
    lines = ["| " + " | ".join(h for h, _ in columns) + " |", "|" + "---:|" * len(columns)]
    lines += ["| " + " | ".join(cell(r) for _, cell in columns) + " |" for r in rows]
    return "\n".join(lines)


def growth(rows: list[Row]) -> list[dict[str, float]]:
    """Ingest time of each size against the previous one, with the ratio of sizes."""
    return [
        {
            "from": a.documents,
            "to": b.documents,
            "size_ratio": b.documents / a.documents,
            "ingest_time_ratio": b.ingest_s / a.ingest_s,
        }
        for a, b in itertools.pairwise(rows)
        if not (a.reused or b.reused)
    ]


def _fmt(value: Any, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def view_table(rows: list[Row]) -> str:
    """One row per size: the nodes page of views.py (median of its repeats)."""
    lines = [
        "| documents | jurisdiction | nodes | edges | select s | render s | build s "
        "| stable ms inline / shared | wall s over blank inline / shared | blank page s |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r.view is None or not r.view["rows"]:
            continue
        v = r.view["rows"][0]
        lines.append(
            f"| {r.documents} | {r.view['selection']['jurisdiction']} | {v['nodes']:,} | {v['edges']:,} "
            f"| {v['select_s']:.2f} | {v['render_s']:.2f} | {v['select_s'] + v['render_s']:.2f} "
            f"| {_fmt(v['stable_ms_inline'], 0)} / {_fmt(v['stable_ms_shared'], 0)} "
            f"| {_fmt(v['wall_over_blank_s_inline'], 2)} / {_fmt(v['wall_over_blank_s_shared'], 2)} "
            f"| {r.view['blank_wall_s']:.2f} |"
        )
    return "\n".join(lines)


def neo4j_table(rows: list[Row]) -> str:
    """One row per size: the writer against the bare CREATE, and the bulk import."""
    lines = [
        "| documents | nodes | relationships | `neo4j load` s | load / bare CREATE | bare CREATE s "
        "| csv export s | neo4j-admin import s | export + import s | transactions |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        if (n := r.neo4j) is None:
            continue
        lines.append(
            f"| {r.documents} | {n['nodes']:,} | {n['relationships']:,} | {n['load_s']:.1f} "
            f"| {n['load_s'] / n['bare_s']:.1f}× | {n['bare_s']:.1f} | {n['export_csv_s']:.1f} "
            f"| {n['import_s']:.1f} | {n['export_csv_s'] + n['import_s']:.1f} | {n['mode'].split(' (')[0]} |"
        )
    return "\n".join(lines)


def times(r: Row, formats: tuple[str, ...]) -> dict[str, float]:
    """The times of a row whose growth is shown, by label (those measured)."""
    out: dict[str, float] = {}
    if not r.reused:
        out["ingest s"] = r.ingest_s
    if r.exports is not None:
        for name in ("load", *formats):  # exports.py's load baseline, then each format
            if (m := r.exports.baselines.get(name) or r.exports.formats.get(name)) is not None:
                out["export: (load the graph) s" if name == "load" else f"export {name} s"] = m.seconds
    if r.view is not None and r.view["rows"]:
        v = r.view["rows"][0]
        out["view build s (select + render)"] = v["select_s"] + v["render_s"]
        if v["stable_ms_inline"] is not None:
            out["view stable ms (inline)"] = v["stable_ms_inline"]
    if (n := r.neo4j) is not None:
        out["`neo4j load` s"] = n["load_s"]
        out["neo4j-admin: csv export + import s"] = n["export_csv_s"] + n["import_s"]
        out["bare CREATE s"] = n["bare_s"]
    return out


def growth_table(rows: list[Row], formats: tuple[str, ...]) -> tuple[str, list[dict[str, Any]]]:
    """Each time of each size against the previous size's: the ratio, and whether it is linear
    (at most measure.SLACK times the ratio of documents); the table and its data. The view's
    cells also give the ratio of its nodes: its size is the same at every N only where the corpus
    has a selection of about --view-nodes nodes (not at 1,000 documents)."""
    pairs = list(itertools.pairwise(rows))
    head = [f"{a.documents:,} → {b.documents:,} (×{b.documents / a.documents:.0f})" for a, b in pairs]
    lines = ["| time | " + " | ".join(head) + " |", "|---|" + "---:|" * len(pairs)]
    measured = [(times(a, formats), times(b, formats), b.documents / a.documents) for a, b in pairs]
    labels = list(dict.fromkeys(label for before, after, _ in measured for label in after if label in before))
    data = []
    for label in labels:
        cells = []
        for (a, b), (before, after, n) in zip(pairs, measured, strict=True):
            if not before.get(label) or label not in after:
                cells.append("—")
                continue
            t = after[label] / before[label]
            ok = measure.linear(t, n)
            cells.append(f"{t:.2f}× {'linear' if ok else 'NOT linear'}")
            if label.startswith("view") and a.view and b.view:  # the view's own size may grow too
                cells[-1] += f" (nodes ×{b.view['rows'][0]['nodes'] / a.view['rows'][0]['nodes']:.1f})"
            data.append({"time": label, "from": a.documents, "to": b.documents, "ratio": t, "linear": ok})
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines), data


def report(rows: list[Row], meta: dict[str, Any], out: Path | None) -> None:
    print(markdown_table(rows, MAIN_COLUMNS))
    print()
    print(markdown_table(rows, DETAIL_COLUMNS))
    print("\ncommands, p95 ms (CLI):\n")
    print(markdown_table(rows, COMMAND_COLUMNS))
    ratios = growth(rows)
    for g in ratios:
        print(
            f"\ningest {g['from']} → {g['to']} documents (×{g['size_ratio']:.1f}): "
            f"time ×{g['ingest_time_ratio']:.2f}"
        )
    formats: tuple[str, ...] = ()
    if any(r.exports for r in rows):
        exports = measure.load("exports")
        formats = exports.FORMATS
        print("\nexports (benchmarks/exports.py: each format by the CLI, on a copy of the store):\n")
        print(exports.table([r.exports for r in rows if r.exports], list(formats)))
    if any(r.view for r in rows):
        print(f"\nview nearest {meta['view_nodes']:,} nodes (benchmarks/views.py, the nodes page):\n")
        print(view_table(rows))
    if any(r.neo4j for r in rows):
        print("\nNeo4j (benchmarks/neo4j_scale.py: a fresh scripts/neo4j-local server, default heap):\n")
        print(neo4j_table(rows))
    sink_growth: list[dict[str, Any]] = []
    if len(rows) > 1:
        table, sink_growth = growth_table(rows, formats)
        print(f"\ngrowth of each time (linear: at most {measure.SLACK:g} × the ratio of documents):\n")
        print(table)
    for r in rows:
        for sink, error in r.sink_errors.items():
            print(f"\n{r.documents} documents, {sink} failed: {measure.tail(error, 6)}")
    if out is not None:
        data = {**meta, "rows": [asdict(r) for r in rows], "growth": ratios, "sink_growth": sink_growth}
        out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {out}")


# -- main -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="Comma-separated numbers of documents (default 1000,10000,100000).",
    )
    ap.add_argument("--seed", type=int, default=0, help="Seed of the corpus and of the picked documents.")
    ap.add_argument("--jobs", type=int, help="Passed to `vbgraph ingest --jobs` when it has that option.")
    ap.add_argument(
        "--workdir", type=Path, help="Folder for corpora (reused) and stores (default: a temporary one)."
    )
    ap.add_argument("--keep", action="store_true", help="Keep the stores and a temporary workdir.")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="Use WORKDIR/store-N as it is when it holds a store (built from that N's corpus): no "
        "ingest and no add-one-file figures, and the store is kept.",
    )
    ap.add_argument(
        "--sinks",
        default=",".join(SINKS),
        help=f"Comma-separated sinks to time after the store figures, of {','.join(SINKS)} "
        "(default: all; '' for none).",
    )
    ap.add_argument(
        "--view-nodes",
        type=int,
        default=VIEW_NODES,
        help=f"The view sink draws the jurisdiction whose view is nearest N nodes (default {VIEW_NODES}).",
        metavar="N",
    )
    ap.add_argument(
        "--skip-export", action="store_true", help="Do not time the exports (leave them out of --sinks)."
    )
    ap.add_argument("--json", type=Path, dest="json_out", metavar="OUT", help="Also write the figures here.")
    args = ap.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes: numbers separated by commas, not {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 1:
        ap.error("--sizes: at least one number of documents, each 1 or more")
    args.sinks = [s.strip() for s in args.sinks.split(",") if s.strip()]
    if unknown := sorted(set(args.sinks) - set(SINKS)):
        ap.error(f"--sinks: unknown {', '.join(unknown)}; choose from {','.join(SINKS)}")
    args.sinks = [s for s in SINKS if s in args.sinks and not (s == "exports" and args.skip_export)]
    if args.reuse and args.workdir is None:
        ap.error("--reuse: the stores are WORKDIR/store-N; give --workdir")
    return args


def git_commit() -> str | None:
    """The commit of the working tree measured (it may have uncommitted changes), if in git."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def jobs_option(cli: list[str], jobs: int | None, cwd: Path) -> list[str]:
    if jobs is None:
        return []
    if supports_jobs(cli, cwd):
        return ["--jobs", str(jobs)]
    log(f"note: `vbgraph ingest` has no --jobs option; ingesting without it (asked for {jobs})")
    return []


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    temporary = args.workdir is None
    args.workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="vbgraph-scale-"))).resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    synthetic = measure.load("synthetic")
    cli = measure.vbgraph_command()
    jobs = jobs_option(cli, args.jobs, args.workdir)
    meta = {
        "seed": args.seed,
        "jobs": int(jobs[1]) if jobs else None,
        "sinks": args.sinks,
        "view_nodes": args.view_nodes,
        "commit": git_commit(),
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "cpus": os.cpu_count(),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }
    rows: list[Row] = []
    status = 0
    try:
        for n in args.sizes:
            rows.append(bench_size(n, args, synthetic, cli, jobs))
    except BenchError as e:
        log(f"error: {e}")
        status = 1
    finally:
        if temporary and not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
        elif args.keep:
            log(f"kept {args.workdir}")
    if rows:
        report(rows, meta, args.json_out)
    return 1 if any(r.sink_errors for r in rows) else status


if __name__ == "__main__":
    raise SystemExit(main())
