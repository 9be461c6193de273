"""Tables sized to the terminal: the lesson text gets the room, short fields never wrap.

Below WIDE columns a search hit's team, date and labels move under its text, so an 80-column
terminal still shows whole words and whole lines of Chinese instead of 4-character chunks.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from coach.domain.library import LessonHit

WIDE = 120
ID_CELLS_NARROW = 10
TEAM_CELLS = 16


def terminal_width() -> int:
    """COLUMNS when set, else the terminal's width, else 80."""
    return shutil.get_terminal_size((80, 24)).columns


def terminal_console(stderr: bool = False) -> Console:
    return Console(width=terminal_width(), stderr=stderr)


def _short(value: str | None, cells: int) -> Text:
    text = Text(value or "—", no_wrap=True, overflow="ellipsis")
    text.truncate(cells, overflow="ellipsis")
    return text


def search_table(title: str, hits: Sequence[LessonHit], width: int | None = None) -> Table:
    width = width or terminal_width()
    table = Table(title=title)
    table.add_column("#", no_wrap=True, justify="right")
    table.add_column("score", no_wrap=True)
    if width >= WIDE:
        table.add_column("id", no_wrap=True)
        table.add_column("team", no_wrap=True, max_width=TEAM_CELLS)
        for column in ("date", "dimension", "action"):
            table.add_column(column, no_wrap=True)
        table.add_column("lesson", ratio=1, overflow="fold")
    else:
        table.add_column("id", no_wrap=True, max_width=ID_CELLS_NARROW)
        table.add_column("lesson · team · date · dimension/action", ratio=1, overflow="fold")
    for n, hit in enumerate(hits, start=1):
        date = hit.review_date.isoformat() if hit.review_date else "—"
        score = f"{hit.score:.3f}"
        if width >= WIDE:
            team = _short(hit.team, TEAM_CELLS)
            table.add_row(str(n), score, hit.id, team, date, hit.dimension.value, hit.action.value, hit.text)
        else:
            cell = Text(hit.text)
            cell.append(
                f"\n{hit.team or '—'} · {date} · {hit.dimension.value}/{hit.action.value}", style="dim"
            )
            table.add_row(str(n), score, _short(hit.id, ID_CELLS_NARROW), cell)
    return table


def recurring_table(cluster: dict[str, Any], width: int | None = None) -> Table:
    """One recurring cluster (its JSON form, from the library or from the server)."""
    width = width or terminal_width()
    team_cells = TEAM_CELLS if width >= WIDE else ID_CELLS_NARROW
    table = Table(title=f"{cluster['note_zh']}\n{cluster['note_en']}", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("team", no_wrap=True, max_width=team_cells)
    table.add_column("lesson", ratio=1, overflow="fold")
    table.add_column("sim", no_wrap=True)
    table.add_column("earlier actions" if width >= WIDE else "actions", no_wrap=True)
    for lesson in cluster["lessons"]:
        similarity = f"{lesson['similarity']:.2f}" if lesson["similarity"] is not None else "first"
        table.add_row(
            lesson["review_date"] or "—",
            _short(lesson["team"], team_cells),
            lesson["text"],
            similarity,
            lesson["action_status"],
        )
    return table
