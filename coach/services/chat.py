"""Chat sessions: every user turn is committed before the engine runs, every reply before it is returned."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.domain.library import LessonHit
from coach.domain.retrospective import ActionItem, Language, Retrospective
from coach.engines.base import (
    CoachEngine,
    Delta,
    OpenAction,
    TurnContext,
    TurnEvent,
    TurnResult,
)
from coach.services.ports import LessonLibraryPort
from coach.storage.db import Database
from coach.storage.tables import ActionItemRow, ChatSession, LessonRow, Review, Team, Turn, new_id

log = logging.getLogger("coach.chat")
K = TypeVar("K")
V = TypeVar("V")

# once a session is past these stages its lessons were confirmed (or deliberately left)
_LESSONS_SETTLED = ("actions", "done")


class TimedCache(Generic[K, V]):
    """A small map whose entries expire: past lessons may change, but not within a conversation's pause."""

    def __init__(self, seconds: float, size: int) -> None:
        self.seconds, self.size = seconds, size
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or time.monotonic() - item[0] > self.seconds:
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class SessionNotFound(LookupError):
    pass


def team_id_for(db: Session, workspace_id: str, name: str | None) -> str | None:
    """The team's id, created on first use."""
    if not name:
        return None
    team = db.scalar(select(Team).where(Team.workspace_id == workspace_id, Team.name == name))
    if team is None:
        team = Team(workspace_id=workspace_id, name=name)
        db.add(team)
        db.flush()
    return team.id


def open_actions_of_team(
    db: Session, workspace_id: str, team_id: str | None, exclude_review: str
) -> list[OpenAction]:
    """Actions of the team's earlier reviews that nobody has reported done."""
    if team_id is None:
        return []
    rows = db.execute(
        select(ActionItemRow, Review)
        .join(Review, Review.id == ActionItemRow.review_id)
        .where(
            ActionItemRow.workspace_id == workspace_id,
            ActionItemRow.team_id == team_id,
            ActionItemRow.status != "done",
            ActionItemRow.review_id != exclude_review,
        )
        .order_by(Review.review_date.desc().nulls_last(), Review.created_at.desc(), ActionItemRow.position)
    ).all()
    return [
        OpenAction(
            id=a.id,
            review_id=r.id,
            review_title=r.title,
            review_date=r.review_date,
            what=a.what,
            how=a.how,
            who=a.who,
            due=a.due,
        )
        for a, r in rows
    ]


def sync_action_items(db: Session, review: Review, doc: Retrospective) -> None:
    """Mirror the document's actions into the tracked table, keeping any status already recorded."""
    existing = {
        row.what: row for row in db.scalars(select(ActionItemRow).where(ActionItemRow.review_id == review.id))
    }
    keep: set[str] = set()
    for position, item in enumerate(doc.actions):
        row = existing.get(item.what)
        if row is None:
            row = ActionItemRow(workspace_id=review.workspace_id, team_id=review.team_id, review_id=review.id)
            db.add(row)
        _copy_action(row, item, position)
        keep.add(item.what)
    for what, row in existing.items():
        if what not in keep:
            db.delete(row)


def _copy_action(row: ActionItemRow, item: ActionItem, position: int) -> None:
    row.position, row.what, row.how, row.due, row.who = position, item.what, item.how, item.when, item.who
    row.kind = item.kind.value if item.kind else None


class ChatService:
    def __init__(
        self,
        database: Database,
        engine_factory: Callable[[], CoachEngine],
        library: LessonLibraryPort | None = None,
    ) -> None:
        self.database = database
        self.engine_factory = engine_factory
        self.library = library
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        # embedding confirmed lessons takes ~50 ms each on this CPU: the reply does not wait for it
        self._indexer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lesson-index")
        self._pending: list[Future[None]] = []
        # the coach cites past lessons for the same texts turn after turn; a query embedding is ~25 ms
        self._recent_searches: TimedCache[tuple[str, str, int], list[LessonHit]] = TimedCache(
            seconds=120, size=512
        )

    def _lock(self, session_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(session_id, threading.Lock())

    # ---- sessions -------------------------------------------------------------------------

    def create_session(
        self,
        workspace_id: str,
        *,
        title: str | None = None,
        team: str | None = None,
        language: Language = "zh",
        review_date: dt.date | None = None,
        external_ref: str | None = None,
    ) -> tuple[ChatSession, TurnResult]:
        """A new session and its review; the coach's opening turn is committed with it."""
        review_date = review_date or dt.date.today()
        title = title or (
            f"{team or ''}复盘 {review_date}"
            if language == "zh"
            else f"{team or 'Team'} review {review_date}"
        )
        with self.database.session() as db:
            team_id = team_id_for(db, workspace_id, team)
            review_id = new_id()
            doc = Retrospective(
                id=review_id, team=team, title=title.strip(), date=review_date, language=language
            )
            review = Review(
                id=review_id,
                workspace_id=workspace_id,
                team_id=team_id,
                title=doc.title,
                review_date=review_date,
                language=language,
                document=doc.model_dump(mode="json"),
            )
            db.add(review)
            db.flush()  # the session row references the review: insert it first
            chat = ChatSession(
                workspace_id=workspace_id,
                team_id=team_id,
                review_id=review_id,
                language=language,
                external_ref=external_ref,
            )
            db.add(chat)
            db.flush()
            ctx = self._context(db, chat, doc)
            opening = self.engine_factory().opening(doc, ctx)
            self._save_result(db, chat, review, opening)
            db.commit()
            return chat, opening

    def get(self, workspace_id: str, session_id: str) -> tuple[ChatSession, Retrospective, list[Turn]]:
        with self.database.session() as db:
            chat = self._load(db, workspace_id, session_id)
            review = db.get(Review, chat.review_id)
            assert review is not None
            turns = list(db.scalars(select(Turn).where(Turn.session_id == chat.id).order_by(Turn.id)))
            return chat, Retrospective.model_validate(review.document), turns

    def find_by_ref(self, workspace_id: str, external_ref: str) -> str | None:
        with self.database.session() as db:
            return db.scalar(
                select(ChatSession.id)
                .where(ChatSession.workspace_id == workspace_id, ChatSession.external_ref == external_ref)
                .order_by(ChatSession.created_at.desc())
                .limit(1)
            )

    # ---- turns ----------------------------------------------------------------------------

    def post(self, workspace_id: str, session_id: str, text: str) -> TurnResult:
        result: TurnResult | None = None
        for event in self.stream(workspace_id, session_id, text):
            if isinstance(event, TurnResult):
                result = event
        assert result is not None
        return result

    def stream(self, workspace_id: str, session_id: str, text: str) -> Iterator[TurnEvent]:
        """Commit the user's turn, then yield the engine's deltas, then the committed result."""
        with self._lock(session_id), self.database.session() as db:
            chat = self._load(db, workspace_id, session_id)
            db.add(Turn(session_id=chat.id, role="user", text=text, stage=chat.stage))
            db.commit()
            review = db.get(Review, chat.review_id)
            assert review is not None
            doc = Retrospective.model_validate(review.document)
            ctx = self._context(db, chat, doc)
            engine = self.engine_factory()
            for event in engine.execute(dict(chat.state), doc, text, ctx):
                if isinstance(event, Delta):
                    yield event
                    continue
                self._save_result(db, chat, review, event)
                db.commit()
                self._index_lessons(review, event)
                yield event

    # ---- helpers --------------------------------------------------------------------------

    def _load(self, db: Session, workspace_id: str, session_id: str) -> ChatSession:
        chat = db.get(ChatSession, session_id)
        if chat is None or chat.workspace_id != workspace_id:
            raise SessionNotFound(session_id)
        return chat

    def _context(self, db: Session, chat: ChatSession, doc: Retrospective) -> TurnContext:
        workspace_id = chat.workspace_id
        library = self.library

        review_id = chat.review_id

        def lookup(query: str, k: int) -> list[LessonHit]:
            if library is None or not query.strip():
                return []
            hits = self._recent_searches.get((workspace_id, query, k))
            if hits is None:
                hits = library.search(workspace_id, query, k + 1)
                self._recent_searches.put((workspace_id, query, k), hits)
            return [h for h in hits if h.review_id != review_id][:k]

        def match(text: str) -> LessonHit | None:
            return library.same_as(workspace_id, text, other_than_review=review_id) if library else None

        return TurnContext(
            session_id=chat.id,
            language=chat.language,  # type: ignore[arg-type]
            review_date=doc.date,
            open_actions=open_actions_of_team(db, workspace_id, chat.team_id, chat.review_id),
            lesson_lookup=lookup,
            lesson_match=match,
        )

    def _save_result(self, db: Session, chat: ChatSession, review: Review, result: TurnResult) -> None:
        doc = result.review
        document = doc.model_dump(mode="json")
        actions_changed = document["actions"] != (review.document or {}).get("actions")
        review.document = document
        review.title = doc.title
        review.review_date = doc.date
        chat.state = result.state
        chat.stage = result.stage
        if actions_changed:
            sync_action_items(db, review, doc)
        for update in result.action_updates:
            row = db.get(ActionItemRow, update.action_id)
            if row is not None and row.workspace_id == chat.workspace_id:
                row.status, row.status_note = update.status, update.note
        db.add(
            Turn(
                session_id=chat.id,
                role="coach",
                text=result.reply,
                stage=result.stage,
                engine=result.engine,
                fallback=result.fallback,
                model=result.model,
                prompt_version=result.prompt_version,
                tokens=result.tokens,
                sources=[h.model_dump(mode="json") for h in result.sources],
            )
        )

    def _index_lessons(self, review: Review, result: TurnResult) -> None:
        """Hand a review's confirmed lessons to the library, off the reply's path."""
        if not (result.lessons_confirmed and self.library and result.review.lessons):
            return
        self._submit(review.workspace_id, review.id, result.review)

    def _submit(self, workspace_id: str, review_id: str, doc: Retrospective) -> None:
        library = self.library
        assert library is not None
        context = (
            "；".join([s.text for s in doc.shortfalls] + [c.phenomenon for c in doc.cause_chains]) or None
        )

        def index() -> None:
            try:
                library.add_review_lessons(
                    workspace_id, review_id, doc.team, doc.date, doc.lessons, context=context
                )
            except Exception:  # the review is committed; reconcile_lessons() repairs at the next start
                log.exception("indexing the lessons of review %s failed", review_id)

        with self._locks_guard:
            self._pending = [f for f in self._pending if not f.done()]
            self._pending.append(self._indexer.submit(index))

    def wait_for_indexing(self, timeout: float = 60.0) -> None:
        """Block until lessons handed to the library so far are indexed (tests, shutdown)."""
        with self._locks_guard:
            pending = list(self._pending)
        for future in pending:
            future.result(timeout=timeout)

    def reconcile_lessons(self) -> int:
        """Index the lessons of settled chat reviews the library lacks (a crash before indexing)."""
        if self.library is None:
            return 0
        with self.database.session() as db:
            rows = db.execute(
                select(Review.workspace_id, Review.id, Review.document)
                .join(ChatSession, ChatSession.review_id == Review.id)
                .where(ChatSession.stage.in_(_LESSONS_SETTLED))
                .where(~select(LessonRow.id).where(LessonRow.review_id == Review.id).exists())
            ).all()
        missing = [(ws, rid, Retrospective.model_validate(doc)) for ws, rid, doc in rows]
        for workspace_id, review_id, doc in missing:
            if doc.lessons:
                self._submit(workspace_id, review_id, doc)
        return len(missing)


def session_public(chat: ChatSession, doc: Retrospective, turns: list[Turn]) -> dict[str, Any]:
    """The session as the API shows it."""
    return {
        "id": chat.id,
        "session_id": chat.id,
        "review_id": chat.review_id,
        "team": doc.team,
        "title": doc.title,
        "language": chat.language,
        "date": doc.date.isoformat() if doc.date else None,
        "stage": chat.stage,
        "review": doc.model_dump(mode="json"),
        "turns": [
            {
                "role": t.role,
                "text": t.text,
                "stage": t.stage,
                "engine": t.engine,
                "fallback": t.fallback,
                "sources": t.sources,
                "created_at": t.created_at.isoformat() if t.created_at else None,
            }
            for t in turns
        ],
    }
