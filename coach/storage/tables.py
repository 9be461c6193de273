"""SQL tables: the system of record (SQLAlchemy 2, SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates


def new_id() -> str:
    return uuid.uuid4().hex[:16]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


DEFAULT_WORKSPACE = "default"


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Workspace(Base):
    __tablename__ = "workspaces"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    allowed_origins: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    key_hash: Mapped[str] = mapped_column(String(128), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16))  # admin | member | widget
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RateWindow(Base):
    """Requests counted per identity and minute, shared by every replica (coach/security/ratelimit.py)."""

    __tablename__ = "rate_windows"
    identity: Mapped[str] = mapped_column(String(200), primary_key=True)
    window: Mapped[int] = mapped_column(Integer, primary_key=True)  # minutes since the epoch
    count: Mapped[int] = mapped_column(Integer, default=0)


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    __table_args__ = (Index("ux_team_name", "workspace_id", "name", unique=True),)


class Review(Base):
    """One retrospective; `document` is the Retrospective JSON as it stands."""

    __tablename__ = "reviews"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(2), default="zh")
    source: Mapped[str] = mapped_column(String(16), default="chat")  # chat | notes
    document: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # a chat's review is a draft until its document holds a fact: drafts are never listed,
    # exported, counted or followed up (NULL, as in databases made before drafts, is not a draft)
    draft: Mapped[bool | None] = mapped_column()
    # archived reviews leave lists, search, recurrences and follow-ups until restored or purged
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # sha256 of a summarized note's text: the same note again updates this review
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    @validates("document")
    def _leave_draft(self, _key: str, document: dict[str, Any]) -> dict[str, Any]:
        """A draft becomes a review with its first fact, whoever writes it (chat, editor)."""
        if self.draft and holds_facts(document):
            self.draft = False
        return document


# the parts of a Retrospective document that are facts a user gave (title, team and date are not)
FACT_FIELDS = ("highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions")
GOAL_FACTS = ("target", "result", "target_value", "result_value")


def holds_facts(document: dict[str, Any]) -> bool:
    """Whether a stored Retrospective document says anything beyond its title, team and date.

    A goal counts once it has a target or a result: the rules engine takes a greeting ("你好",
    "hi") for a goal's name and then asks for its numbers.
    """
    goals = document.get("goals") or []
    return (
        any(document.get(field) for field in FACT_FIELDS)
        or any(goal.get(key) not in (None, "") for goal in goals for key in GOAL_FACTS)
        or bool(str(document.get("summary") or "").strip())
    )


class ChatSession(Base):
    """A coaching conversation; `state` is the engine's serialized state machine."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id"))
    language: Mapped[str] = mapped_column(String(2), default="zh")
    stage: Mapped[str] = mapped_column(String(16), default="review")
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    external_ref: Mapped[str | None] = mapped_column(String(200), index=True)
    # one writer per session across replicas: who is answering a turn, and until when at most
    lease_owner: Mapped[str | None] = mapped_column(String(40))
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Turn(Base):
    """One message of a conversation, user or coach, committed before it is answered."""

    __tablename__ = "turns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # user | coach
    text: Mapped[str] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(String(16))
    engine: Mapped[str | None] = mapped_column(String(16))
    fallback: Mapped[bool] = mapped_column(default=False)
    fallback_reason: Mapped[str | None] = mapped_column(String(32))  # why the rules engine answered
    model: Mapped[str | None] = mapped_column(String(100))
    prompt_version: Mapped[str | None] = mapped_column(String(100))
    tokens: Mapped[int | None] = mapped_column(Integer)
    sources: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ActionItemRow(Base):
    """An action of a review, tracked across reviews (followup records status here)."""

    __tablename__ = "action_items"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    how: Mapped[str | None] = mapped_column(Text)
    due: Mapped[dt.date | None] = mapped_column(Date)
    who: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done | not_done
    status_note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class LessonRow(Base):
    """A lesson in the library; the Chroma index is rebuilt from these rows."""

    __tablename__ = "lessons"
    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    team: Mapped[str | None] = mapped_column(String(200), index=True)
    review_id: Mapped[str | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    dimension: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[str | None] = mapped_column(Text)
    recurrence_of: Mapped[str | None] = mapped_column(ForeignKey("lessons.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # BM25 tokens (a JSON list) and the tokenizer version that made them: jieba over 100k
    # lessons takes ~60 s, reading stored tokens under 2 s
    tokens: Mapped[str | None] = mapped_column(Text)
    tokens_version: Mapped[int | None] = mapped_column(Integer)


class LessonRevision(Base):
    """Changes with every write to a workspace's lessons, so other processes' caches can tell."""

    __tablename__ = "lesson_revisions"
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), primary_key=True)
    # the version orders writes; token is what databases made before it hold (NOT NULL there)
    token: Mapped[str] = mapped_column(String(32))
    version: Mapped[int | None] = mapped_column(Integer)


class SummaryJob(Base):
    __tablename__ = "summary_jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    workspace_id: Mapped[str] = mapped_column(ForeignKey("workspaces.id"), index=True)
    team: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued|running|done
    index_lessons: Mapped[bool] = mapped_column(default=False)
    # make a new review even for a note summarized before (NULL: update that note's review)
    force: Mapped[bool | None] = mapped_column()
    overview_md: Mapped[str | None] = mapped_column(Text)
    # one runner per job across replicas: who runs it, and until when unless renewed
    lease_owner: Mapped[str | None] = mapped_column(String(40))
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SummaryJobItem(Base):
    """One note of a job; `status` done/error items are never redone after a restart."""

    __tablename__ = "summary_job_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("summary_jobs.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    content: Mapped[bytes | None] = mapped_column()
    file_mtime: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued|done|error
    error: Mapped[str | None] = mapped_column(Text)
    review_id: Mapped[str | None] = mapped_column(ForeignKey("reviews.id"))
    engine: Mapped[str | None] = mapped_column(String(16))  # llm | rules: who summarized the note
    fallback_reason: Mapped[str | None] = mapped_column(String(32))  # why rules took over from the llm


class WorkLease(Base):
    """A named piece of background work one process at a time does (draining the outbox, a review's
    lessons); held until `until` unless renewed, so a dead holder's work is taken over."""

    __tablename__ = "work_leases"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner: Mapped[str | None] = mapped_column(String(40))
    until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LessonOutbox(Base):
    """A lesson whose vector is to be written or removed: committed with the lesson, drained into Chroma."""

    __tablename__ = "lesson_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workspace_id: Mapped[str] = mapped_column(String(64))
    lesson_id: Mapped[str] = mapped_column(String(64))
    # link recurrences once embedded (a new or edited lesson); a repair or a restore only embeds
    link: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IndexGeneration(Base):
    """Which generation of Chroma collections serves search; a reindex builds the next and switches."""

    __tablename__ = "index_generations"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    switched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
