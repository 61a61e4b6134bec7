"""Research from the terminal, through typer's runner: trees, search, tables, JSON and CSV."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from vbgraph.cli import app

runner = CliRunner()


@pytest.fixture()
def env(tmp_path, corpus_store):
    shutil.copytree(corpus_store.dir, tmp_path / "s")
    return {"VBGRAPH_STORE": str(tmp_path / "s"), "COLUMNS": "200"}


def run(env, *args):
    return runner.invoke(app, list(args), env=env)


def test_lineage_down_from_a_central_resolution(env):
    r = run(env, "lineage", "52-NQ/TW", "--down")
    assert r.exit_code == 0, r.output
    assert "52-NQ/TW Nghị quyết · 2019-09-27 · Bộ Chính trị · Trung ương" in r.output
    assert "THUC_HIEN 175-KH/TU Kế hoạch · 2020-06-08 · Ban Thường vụ Tỉnh ủy Đắk Lắk · Đắk Lắk" in r.output
    assert "\x1b[" not in r.output  # no colour codes into a pipe


def test_lineage_up_as_json_marks_links_cited_in_another_document(env):
    r = run(env, "lineage", "82-KH/TU", "--json")
    t = json.loads(r.output)
    (kid,) = [c for c in t["children"] if c["id"] == "29-NQ/TW@2018-07-25"]
    assert kid["relation"] == "THUC_HIEN" and kid["indirect"] is True
    r = run(env, "lineage", "20-KH/TU", "--json", "--depth", "1")
    assert {c["id"] for c in json.loads(r.output)["children"]} == {
        "bac-giang:03-CTr/TU@2020-12-04",
        "bac-giang:name:nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-bac-giang-lan-thu-xix",
    }
    assert all(not c["children"] for c in json.loads(r.output)["children"])


def test_lineage_both(env):
    r = run(env, "lineage", "03-CTr/TU", "--both")
    assert "implements ↑" in r.output and "implemented by ↓" in r.output and "20-KH/TU" in r.output


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("chuyen doi so", "111-NQ/TU"),
        ("uy ban kiem tra", "109-NQ/TU"),
        ("Uỷ ban Kiểm tra", "109-NQ/TU"),
        ("CHUYỂN ĐỔI SỐ", "111-NQ/TU"),
    ],
)
def test_search_without_diacritics_or_case(env, query, expected):
    r = run(env, "search", query, "--json", "--limit", "3")
    rows = json.loads(r.output)
    assert rows[0]["symbol"] == expected
    assert rows[0]["context"]


def test_search_csv(env):
    r = run(env, "search", "du lich", "--format", "csv", "--limit", "2")
    lines = r.output.splitlines()
    assert lines[0] == "symbol,type,date,score,line,context"
    assert lines[1].startswith("112-NQ/TU,Nghị quyết,2021-06-15")


def test_implements_and_timeline(env):
    r = run(env, "implements", "--central", "--jurisdiction", "Đắk Lắk", "--json")
    pairs = {(x["local_symbol"], x["implements_symbol"]) for x in json.loads(r.output)}
    assert ("175-KH/TU", "52-NQ/TW") in pairs and ("43-CTr/TU", "42-CT/TW") in pairs
    r = run(env, "implements", "--since", "2021-06-01", "--format", "csv")
    assert "20-KH/TU,2021-06-09,Bắc Giang,03-CTr/TU,1" in r.output and "2020-12-04" not in r.output
    r = run(env, "timeline", "42-CT/TW", "--json")
    (row,) = json.loads(r.output)
    assert row["symbol"] == "43-CTr/TU" and row["delay_days"] == 97


@pytest.mark.parametrize("ref", ["52-NQ/TW", "NQ 52", "Nghị quyết 52", "nghi quyet 52"])
def test_flexible_refs(env, ref):
    r = run(env, "show", ref, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["id"] == "52-NQ/TW@2019-09-27"


def test_flexible_ref_with_year_and_ambiguity(env):
    r = run(env, "show", "nghi quyet 109 2021", "--json")
    assert json.loads(r.output)["id"] == "bac-giang:109-NQ/TU@2021-06-08"
    r = run(env, "lineage", "nghi quyet 109")
    assert r.exit_code == 2
    assert "bac-giang:109-NQ/TU@2016-07-04" in r.output


def test_stats_counts_and_conflicts(env):
    r = run(env, "stats")
    assert r.exit_code == 0
    assert "date-conflict (1)" in r.output and "THUC_HIEN" in r.output


def test_completion_is_offered():
    r = runner.invoke(app, ["--help"])
    assert "--install-completion" in r.output
