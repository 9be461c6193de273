"""Chat sessions: every user turn is committed before the engine runs, every reply before it is returned."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from coach.domain.library import LessonHit
from coach.domain.retrospective import Language, Retrospective
from coach.engines.base import (
    CoachEngine,
    Delta,
    TurnContext,
    TurnEvent,
    TurnResult,
)
from coach.services.action_items import open_actions_of_team, sync_action_items, team_id_for
from coach.services.ports import LessonLibraryPort
from coach.storage.db import Database
from coach.storage.leases import new_holder, orphaned
from coach.storage.tables import ActionItemRow, ChatSession, LessonRow, Review, Turn, new_id
from coach.storage.tenancy import in_workspace, owned

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


# a turn takes milliseconds (rules) to the LLM turn deadline (20 s); a lease left by a replica on another
# host that died mid-turn expires after this (one on this host is taken over at once: storage.leases.orphaned)
LEASE_TTL_S = 60.0
# how long a turn waits for another replica's turn on the same session before a 409 (the client retries)
LEASE_WAIT_S = 30.0


class SessionBusy(RuntimeError):
    """Another writer kept the session's lease past LEASE_WAIT_S."""

    zh = "这个会话正在处理上一条消息，请稍后重试"
    en = "This session is still answering an earlier message; please retry shortly"

    def __init__(self, session_id: str) -> None:
        super().__init__(session_id)
        self.session_id = session_id


@dataclass
class Lease:
    """This turn's claim on its session row."""

    owner: str
    released: bool = False


def lesson_context(doc: Retrospective) -> str | None:
    """What a review's lessons answer (its shortfalls, the phenomena): kept beside each lesson."""
    said = [s.text for s in doc.shortfalls] + [c.phenomenon for c in doc.cause_chains]
    return "；".join(text for text in said if text) or None


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
        self._recent_searches: TimedCache[tuple[str, str, int, int], list[LessonHit]] = TimedCache(
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
                draft=True,  # listed from the first fact the user gives (Review._leave_draft)
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
                .where(in_workspace(ChatSession, workspace_id), ChatSession.external_ref == external_ref)
                .order_by(ChatSession.created_at.desc())
                .limit(1)
            )

    def move_ref(self, workspace_id: str, session_id: str, external_ref: str) -> None:
        """A session mapped from a conversation's history answers to its new history from now on
        (sessions named by the client keep their name)."""
        with self.database.session() as db:
            chat = owned(db, ChatSession, session_id, workspace_id)
            if chat is not None and (chat.external_ref or "").startswith("conv:"):
                chat.external_ref = external_ref
                db.commit()

    # ---- turns ----------------------------------------------------------------------------

    def post(self, workspace_id: str, session_id: str, text: str) -> TurnResult:
        result: TurnResult | None = None
        for event in self.stream(workspace_id, session_id, text):
            if isinstance(event, TurnResult):
                result = event
        assert result is not None
        return result

    def stream(self, workspace_id: str, session_id: str, text: str) -> Iterator[TurnEvent]:
        """Commit the user's turn, then yield the engine's deltas, then the committed result.

        One writer per session: the in-process lock queues this replica's turns, the lease on the
        session row queues other replicas'. No DB connection is held while the engine runs (its
        lesson lookups open their own): read, close, think, then open a session to save.
        """
        with self._lock(session_id), self._lease(workspace_id, session_id) as owner:
            with self.database.session() as db:
                chat = self._load(db, workspace_id, session_id)
                db.add(Turn(session_id=chat.id, role="user", text=text, stage=chat.stage))
                db.commit()
                review = db.get(Review, chat.review_id)
                assert review is not None
                doc = Retrospective.model_validate(review.document)
                ctx = self._context(db, chat, doc)
                state = dict(chat.state)
            engine = self.engine_factory()
            for event in engine.execute(state, doc, text, ctx):
                if isinstance(event, Delta):
                    yield event
                    continue
                with self.database.session() as db:
                    chat = self._load(db, workspace_id, session_id)
                    review = db.get(Review, chat.review_id)
                    assert review is not None
                    self._save_result(db, chat, review, event)
                    chat.lease_owner, chat.lease_until = None, None  # released with the reply's commit
                    db.commit()
                owner.released = True
                self._index_lessons(review, event)
                yield event

    @contextmanager
    def _lease(self, workspace_id: str, session_id: str) -> Iterator[Lease]:
        """Hold the session's row lease for one turn; SessionBusy when another writer keeps it too long."""
        lease = Lease(owner=new_holder())
        deadline = time.monotonic() + LEASE_WAIT_S
        pause = 0.005
        while not self._try_lease(workspace_id, session_id, lease.owner):
            if time.monotonic() > deadline:
                raise SessionBusy(session_id)
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
        try:
            yield lease
        finally:
            if not lease.released:
                self._release_lease(session_id, lease.owner)

    def _try_lease(self, workspace_id: str, session_id: str, owner: str) -> bool:
        """Take the lease if it is free, expired, or left by a dead process on this host."""
        now = dt.datetime.now(dt.UTC)
        with self.database.session() as db:
            free = or_(ChatSession.lease_until.is_(None), ChatSession.lease_until < now)
            if self._claim(db, session_id, owner, free):
                return True
            holder = self._load(db, workspace_id, session_id).lease_owner  # SessionNotFound: don't wait
            return bool(holder and orphaned(holder)) and self._claim(
                db, session_id, owner, ChatSession.lease_owner == holder
            )

    @staticmethod
    def _claim(db: Session, session_id: str, owner: str, free: ColumnElement[bool]) -> bool:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=LEASE_TTL_S)
        taken = db.execute(
            sql_update(ChatSession)
            .where(ChatSession.id == session_id, free)
            .values(lease_owner=owner, lease_until=until, updated_at=ChatSession.updated_at)
            .execution_options(synchronize_session=False)
        )
        db.commit()
        return bool(taken.rowcount == 1)  # type: ignore[attr-defined]

    def _release_lease(self, session_id: str, owner: str) -> None:
        with self.database.session() as db:
            db.execute(
                sql_update(ChatSession)
                .where(ChatSession.id == session_id, ChatSession.lease_owner == owner)
                .values(lease_owner=None, lease_until=None, updated_at=ChatSession.updated_at)
                .execution_options(synchronize_session=False)
            )
            db.commit()

    # ---- helpers --------------------------------------------------------------------------

    def _load(self, db: Session, workspace_id: str, session_id: str) -> ChatSession:
        chat = owned(db, ChatSession, session_id, workspace_id)
        if chat is None:
            raise SessionNotFound(session_id)
        return chat

    def _context(self, db: Session, chat: ChatSession, doc: Retrospective) -> TurnContext:
        workspace_id = chat.workspace_id
        library = self.library

        review_id = chat.review_id

        def lookup(query: str, k: int) -> list[LessonHit]:
            if library is None or not query.strip():
                return []
            # keyed on the lessons' version: an edit, here or on another replica, is never cited stale
            key = (workspace_id, query, k, library.version(workspace_id))
            hits = self._recent_searches.get(key)
            if hits is None:
                hits = library.search(workspace_id, query, k + 1)
                self._recent_searches.put(key, hits)
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
            row = owned(db, ActionItemRow, update.action_id, chat.workspace_id)
            if row is not None:
                row.status, row.status_note = update.status, update.note
        db.add(
            Turn(
                session_id=chat.id,
                role="coach",
                text=result.reply,
                stage=result.stage,
                engine=result.engine,
                fallback=result.fallback,
                fallback_reason=result.fallback_reason,
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
        context = lesson_context(doc)

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
                .where(ChatSession.stage.in_(_LESSONS_SETTLED), Review.archived_at.is_(None))
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
                "fallback_reason": t.fallback_reason,
                "sources": t.sources,
                "created_at": t.created_at.isoformat() if t.created_at else None,
            }
            for t in turns
        ],
    }
