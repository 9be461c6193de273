"""The tenant check, in one place: a row is the caller's only if it is in the caller's workspace.

A row of another workspace is "not found", exactly like a missing one, so a caller learns nothing
of what other workspaces hold. Fetches by id go through `owned`, lists through `in_workspace`, and
rows already loaded by id (primary-key lookups kept fast on SQLite) through `of_workspace`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session


class Tenanted(Protocol):
    """A table whose rows each belong to one workspace."""

    workspace_id: Any  # the mapped column: a str on a row, a SQL column on the class


T = TypeVar("T", bound=Tenanted)


def belongs(row: Tenanted, workspace_id: str) -> bool:
    """Whether the loaded row is of this workspace."""
    return bool(row.workspace_id == workspace_id)


def owned(db: Session, model: type[T], row_id: str, workspace_id: str) -> T | None:
    """The row with this id if the workspace holds it; None for a missing row and another's alike."""
    row = db.get(model, row_id)
    return row if row is not None and belongs(row, workspace_id) else None


def of_workspace(rows: Iterable[T], workspace_id: str) -> list[T]:
    """The rows among these that are of this workspace."""
    return [row for row in rows if belongs(row, workspace_id)]


def in_workspace(model: type[Tenanted], workspace_id: str) -> ColumnElement[bool]:
    """The where-clause that keeps a query to the workspace's rows."""
    return cast(ColumnElement[bool], model.workspace_id == workspace_id)
