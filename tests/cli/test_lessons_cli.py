"""`coach lessons …` end to end on a real data folder: import, search, export, recurring, reindex."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from chromadb.api.client import SharedSystemClient
from typer.testing import CliRunner

from coach.cli import app
from tests.library.sample_lessons import SAMPLE

runner = CliRunner()


def _write_jsonl(path: Path) -> Path:
    lines = [json.dumps(x, ensure_ascii=False) for x in SAMPLE[:6]]
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({"text": "缺少维度", "action": "stop"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_keeps_good_lines_reports_bad_ones_and_search_returns_the_ids(
    coach_home: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["lessons", "import", str(_write_jsonl(tmp_path / "lessons.jsonl"))])
    assert result.exit_code == 1  # bad lines make the exit code say so
    assert "lessons.jsonl:3" in result.output and "invalid JSON" in result.output
    assert "lessons.jsonl:5" in result.output and "dimension" in result.output
    assert "imported 6 lessons, 2 bad lines skipped" in result.output

    found = runner.invoke(app, ["lessons", "search", "压货 冲业绩", "--k", "3", "--format", "json"])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.output)
    assert hits[0]["id"] == "S02" and len(hits) <= 3

    table = runner.invoke(app, ["lessons", "search", "灰度发布", "--team", "移动端App"])
    assert table.exit_code == 0 and "S01" in table.output

    bad = runner.invoke(app, ["lessons", "search", "灰度", "--dimension", "money"])
    assert bad.exit_code == 2 and "organization, culture, people, business" in bad.output

    exported = runner.invoke(app, ["lessons", "export"])
    assert {json.loads(line)["id"] for line in exported.output.splitlines()} == {x["id"] for x in SAMPLE[:6]}


def test_csv_import_accepts_chinese_labels(coach_home: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "lessons.csv"
    csv_file.write_text(
        "id,text,team,dimension,action,review_date,context\n"
        "C1,每周一对一沟通不能取消,研发部,人,继续,2025-03-01,离职面谈里三个人说没人关心成长\n"
        "C2,需求评审必须有测试参加,研发部,组织,新增,2025-13-01,\n",
        encoding="utf-8-sig",
    )
    result = runner.invoke(app, ["lessons", "import", str(csv_file)])
    assert "lessons.csv:3" in result.output and "review_date" in result.output
    assert "imported 1 lessons" in result.output
    hits = json.loads(runner.invoke(app, ["lessons", "search", "一对一 沟通", "--format", "json"]).output)
    assert hits[0]["id"] == "C1" and hits[0]["dimension"] == "people" and hits[0]["action"] == "continue"


def test_reindex_repairs_a_deleted_index_and_recurring_runs(coach_home: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["lessons", "import", str(_write_jsonl(tmp_path / "lessons.jsonl"))])
    SharedSystemClient.clear_system_cache()
    shutil.rmtree(coach_home / "vectorstore")
    degraded = runner.invoke(app, ["lessons", "search", "压货"])
    assert degraded.exit_code == 0 and "lexical" in degraded.output
    repaired = runner.invoke(app, ["lessons", "reindex"])
    assert repaired.exit_code == 0 and "reindexed 6 lessons" in repaired.output
    again = runner.invoke(app, ["lessons", "search", "压货"])
    assert "hybrid" in again.output
    recurring = runner.invoke(app, ["lessons", "recurring", "--format", "json"])
    assert recurring.exit_code == 0 and isinstance(json.loads(recurring.output), list)
