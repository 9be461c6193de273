"""The tenant check: a row of another workspace is not found, in fetches by id and in lists alike.

Also a rule of the code base: services, storage, the library, access control and the API compare a row's
`workspace_id` with a caller's workspace nowhere but in coach/storage/tenancy.py.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import (
    ActionItemRow,
    ChatSession,
    LessonRow,
    Review,
    SummaryJob,
    Team,
    Workspace,
)
from coach.storage.tenancy import belongs, in_workspace, of_workspace, owned
from tests.helpers import ROOT

MODELS = [Team, Review, ChatSession, ActionItemRow, LessonRow, SummaryJob]


@dataclass
class Holdings:
    """The ids of one workspace's rows, by model."""

    workspace: str
    ids: dict[type[Any], str]


def fill(database: Database, workspace: str) -> Holdings:
    """One row of every tenanted kind, in a workspace of its own."""
    with database.session() as db:
        db.add(Workspace(id=workspace, name=workspace))
        db.flush()  # no ORM relationships: the unit of work does not order inserts by foreign key
        team = Team(workspace_id=workspace, name="华东销售")
        db.add(team)
        db.flush()
        review = Review(workspace_id=workspace, team_id=team.id, title="复盘")
        db.add(review)
        db.flush()
        rows: list[Any] = [
            ChatSession(workspace_id=workspace, team_id=team.id, review_id=review.id),
            ActionItemRow(workspace_id=workspace, team_id=team.id, review_id=review.id, what="每周跟踪账龄"),
            LessonRow(
                workspace_id=workspace, review_id=review.id, dimension="business", action="start", text="回款"
            ),
            SummaryJob(workspace_id=workspace),
        ]
        for row in rows:
            db.add(row)
            db.flush()
        db.commit()
        return Holdings(workspace, {type(row): row.id for row in [team, review, *rows]})


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(Settings(home=tmp_path / "home"))
    yield database
    database.engine.dispose()


@pytest.fixture
def acme(database: Database) -> Holdings:
    return fill(database, "acme")


@pytest.fixture
def globex(database: Database) -> Holdings:
    return fill(database, "globex")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_row_is_found_by_id_in_its_own_workspace_only(
    database: Database, acme: Holdings, globex: Holdings, model: type[Any]
) -> None:
    with database.session() as db:
        mine = owned(db, model, acme.ids[model], "acme")
        assert mine is not None and mine.id == acme.ids[model]
        assert owned(db, model, globex.ids[model], "acme") is None  # another workspace's: not found
        assert owned(db, model, "no-such-id", "acme") is None  # the same answer as a missing one


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_list_holds_the_workspace_s_rows_only(
    database: Database, acme: Holdings, globex: Holdings, model: type[Any]
) -> None:
    with database.session() as db:
        for holdings in (acme, globex):
            listed = db.scalars(select(model.id).where(in_workspace(model, holdings.workspace)))
            assert list(listed) == [holdings.ids[model]]
        assert list(db.scalars(select(model.id).where(in_workspace(model, "nobody")))) == []


def test_rows_loaded_by_id_are_kept_to_the_workspace(
    database: Database, acme: Holdings, globex: Holdings
) -> None:
    with database.session() as db:
        both = list(db.scalars(select(LessonRow)))
        assert [row.id for row in of_workspace(both, "globex")] == [globex.ids[LessonRow]]
        assert [belongs(row, "acme") for row in both if row.id == acme.ids[LessonRow]] == [True]
        assert of_workspace(both, "nobody") == []


# ---- the check lives in one place -----------------------------------------------------------

CHECKED = ["coach/api", "coach/services", "coach/storage", "coach/library", "coach/security"]
TENANCY = ROOT / "coach" / "storage" / "tenancy.py"


def _workspace_attribute(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "workspace_id"


def workspace_comparisons(source: str) -> list[int]:
    """Lines comparing a row's (or column's) workspace_id with something that is not another row's.

    Comparing two rows' workspaces (grouping a batch by workspace) is no tenant check; comparing one
    with a caller's workspace id is.
    """
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(map(_workspace_attribute, operands)) and not all(map(_workspace_attribute, operands)):
                lines.append(node.lineno)
    return lines


@pytest.mark.no_storage
def test_the_rule_sees_a_tenant_check_written_out() -> None:
    written_out = (
        "row = db.get(Review, review_id)\n"
        "if row is None or row.workspace_id != workspace_id:\n"
        "    raise ReviewNotFound(review_id)\n"
        "query = select(Review).where(Review.workspace_id == workspace)\n"
        "same = a.workspace_id == b.workspace_id\n"
    )
    assert workspace_comparisons(written_out) == [2, 4]


@pytest.mark.no_storage
def test_no_tenant_check_is_written_out_beside_the_one_in_tenancy() -> None:
    found = {}
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == TENANCY or "migrations" in path.parts:
                continue
            lines = workspace_comparisons(path.read_text(encoding="utf-8"))
            if lines:
                found[str(path.relative_to(ROOT))] = lines
    assert found == {}, f"use coach.storage.tenancy (owned, in_workspace, of_workspace) instead: {found}"
