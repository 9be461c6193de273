"""`coach reviews …` on a real data folder: list, show, export, archive, restore and purge."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from chromadb.api.client import SharedSystemClient
from typer.testing import CliRunner

from coach.cli import app as coach_app
from coach.cli.reviews import app
from coach.notes.synthetic import synthetic_note

runner = CliRunner()


@pytest.fixture
def reviews(coach_home: Path, tmp_path: Path) -> dict[str, str]:
    """Two notes summarized with their lessons indexed; review id by team."""
    ids = {}
    for n, team in ((1, "客服中心"), (2, "二车间")):
        note = tmp_path / f"n{n:02}.md"
        note.write_text(synthetic_note(n), encoding="utf-8")
        result = runner.invoke(
            coach_app, ["summarize", str(note), "--team", team, "--index", "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        ids[team] = json.loads(result.stdout.splitlines()[0])["id"]
    SharedSystemClient.clear_system_cache()  # the next command opens the store afresh, as a new process
    return ids


def _listed(*options: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["list", "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_list_shows_id_date_team_title_and_counts(reviews: dict[str, str]) -> None:
    table = runner.invoke(app, ["list"], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    for review_id in reviews.values():
        assert review_id in table.stdout
    assert "客服中心" in table.stdout and "lessons" in table.stdout
    rows = {r["team"]: r for r in _listed()}
    assert rows["客服中心"]["id"] == reviews["客服中心"]
    assert rows["客服中心"]["goals"] and rows["客服中心"]["lessons"] and rows["客服中心"]["actions"]
    assert [r["id"] for r in _listed("--team", "二车间")] == [reviews["二车间"]]


def test_show_prints_the_markdown_report_and_an_unknown_id_says_so(reviews: dict[str, str]) -> None:
    shown = runner.invoke(app, ["show", reviews["客服中心"]])
    assert shown.exit_code == 0 and "## 一、回顾评估" in shown.stdout
    assert "## 1. Review" in runner.invoke(app, ["show", reviews["客服中心"], "--lang", "en"]).stdout
    missing = runner.invoke(app, ["show", "nope"])
    assert missing.exit_code == 2 and "找不到复盘 nope · Review nope not found" in missing.output


def test_export_writes_json_markdown_and_an_excel_ready_csv(reviews: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["actions.csv", "reviews.json", "reviews.md"]
    docs = json.loads((out / "reviews.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in docs} == set(reviews.values())
    assert (out / "reviews.md").read_text(encoding="utf-8").count("## 一、回顾评估") == 2
    raw = (out / "actions.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["review_id"] for r in rows} == set(reviews.values())
    assert {r["team"] for r in rows} == {"客服中心", "二车间"}


def test_delete_archives_and_restore_brings_back(reviews: dict[str, str]) -> None:
    archived = reviews["客服中心"]
    result = runner.invoke(app, ["delete", archived])
    assert result.exit_code == 0 and "archived" in result.stdout
    assert [r["id"] for r in _listed()] == [reviews["二车间"]]
    assert [r["id"] for r in _listed("--archived")] == [archived]

    assert runner.invoke(app, ["restore", archived]).exit_code == 0
    assert {r["id"] for r in _listed()} == set(reviews.values())
    assert runner.invoke(app, ["restore", "nope"]).exit_code == 2


def test_delete_purge_asks_first_then_removes_sql_rows_and_vectors(
    reviews: dict[str, str], coach_home: Path
) -> None:
    purged = reviews["客服中心"]
    db = sqlite3.connect(coach_home / "coach.db")
    lesson_ids = [r[0] for r in db.execute("SELECT id FROM lessons WHERE review_id = ?", (purged,))]
    assert lesson_ids

    declined = runner.invoke(app, ["delete", purged, "--purge"], input="n\n")
    assert declined.exit_code == 1 and "cannot be undone" in declined.output
    assert purged in {r["id"] for r in _listed()}  # nothing happened

    result = runner.invoke(app, ["delete", purged, "--purge", "--yes"])
    assert result.exit_code == 0, result.output
    assert f"purged {purged}: {len(lesson_ids)} lessons" in result.stdout
    assert db.execute("SELECT count(*) FROM reviews WHERE id = ?", (purged,)).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM lessons WHERE review_id = ?", (purged,)).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM action_items WHERE review_id = ?", (purged,)).fetchone() == (0,)
    db.close()

    from coach.library import LessonLibrary
    from coach.library.dense import collection_name
    from coach.settings import get_settings
    from coach.storage.db import Database

    SharedSystemClient.clear_system_cache()
    settings = get_settings()
    library = LessonLibrary(settings, Database(settings))
    assert library.dense is not None
    collection = library.dense.client.get_collection(collection_name("default"))
    assert collection.get(ids=lesson_ids)["ids"] == []
    assert collection.count() > 0  # the other review's lessons stay
    assert not library.degraded
