"""A workspace's reviews in bulk, streamed: JSON (the Retrospective documents), Markdown, actions CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Literal

from coach.domain.report import render_markdown
from coach.domain.retrospective import Language
from coach.services.reviews import ReviewService

ExportFormat = Literal["json", "markdown", "actions.csv"]
FORMATS: tuple[ExportFormat, ...] = ("json", "markdown", "actions.csv")
MEDIA_TYPES: dict[ExportFormat, str] = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "actions.csv": "text/csv; charset=utf-8",
}
FILE_NAMES: dict[ExportFormat, str] = {
    "json": "reviews.json",
    "markdown": "reviews.md",
    "actions.csv": "actions.csv",
}
# Excel reads a CSV without a byte-order mark as the system code page and garbles Chinese
BOM = "\ufeff"
ACTION_COLUMNS = (
    "review_id",
    "review_title",
    "review_date",
    "team",
    "position",
    "what",
    "how",
    "who",
    "due",
    "kind",
    "status",
    "status_note",
)


def export_chunks(
    reviews: ReviewService,
    workspace_id: str,
    fmt: ExportFormat,
    *,
    lang: Language | None = None,
    archived: bool = False,
) -> Iterator[str]:
    """The export as text chunks, one review (or action) at a time."""
    if fmt == "json":
        return _json(reviews, workspace_id, archived)
    if fmt == "markdown":
        return _markdown(reviews, workspace_id, lang, archived)
    return _actions_csv(reviews, workspace_id, archived)


def _json(reviews: ReviewService, workspace_id: str, archived: bool) -> Iterator[str]:
    yield "["
    for n, doc in enumerate(reviews.iter_documents(workspace_id, archived=archived)):
        yield ("\n" if n == 0 else ",\n") + json.dumps(doc.model_dump(mode="json"), ensure_ascii=False)
    yield "\n]\n"


def _markdown(
    reviews: ReviewService, workspace_id: str, lang: Language | None, archived: bool
) -> Iterator[str]:
    for n, doc in enumerate(reviews.iter_documents(workspace_id, archived=archived)):
        yield ("" if n == 0 else "\n\n---\n\n") + render_markdown(doc, lang).rstrip() + "\n"


def _actions_csv(reviews: ReviewService, workspace_id: str, archived: bool) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: list[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield BOM + line(list(ACTION_COLUMNS))
    for action, review in reviews.iter_actions(workspace_id, archived=archived):
        yield line(
            [
                review.id,
                review.title,
                review.review_date.isoformat() if review.review_date else "",
                (review.document or {}).get("team") or "",
                action.position + 1,
                action.what,
                action.how or "",
                action.who or "",
                action.due.isoformat() if action.due else "",
                action.kind or "",
                action.status,
                action.status_note or "",
            ]
        )
