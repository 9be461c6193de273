"""Chat sessions: create, talk (JSON or SSE), read back."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from coach.api.deps import ChatDep, LanguageDep, SettingsDep, WorkspaceDep
from coach.api.errors import UserError
from coach.api.i18n import text_language
from coach.api.schemas import MessageCreate, SessionCreate, SessionPublic, TurnPublic
from coach.engines.base import Delta, TurnEvent, TurnResult
from coach.services.chat import SessionBusy, SessionNotFound, session_public

router = APIRouter(prefix="/sessions", tags=["sessions"])
log = logging.getLogger("coach.api")


def _not_found(session_id: str) -> UserError:
    return UserError(404, f"找不到会话 {session_id}", f"Session {session_id} not found", "session_not_found")


def turn_public(session_id: str, result: TurnResult) -> TurnPublic:
    return TurnPublic(
        session_id=session_id,
        reply=result.reply,
        stage=result.stage,
        review=result.review,
        sources=result.sources,
        engine=result.engine,
        fallback=result.fallback,
        fallback_reason=result.fallback_reason,
    )


def checked_text(text: str, max_chars: int) -> str:
    """The message as the engine should see it, or a clear 4xx."""
    stripped = text.strip()
    if not stripped:
        raise UserError(422, "消息不能为空", "The message is empty", "empty_message")
    if len(text) > max_chars:
        raise UserError(
            413,
            f"消息太长（{len(text)} 字），上限 {max_chars} 字；请分几次发送",
            f"The message is too long ({len(text)} characters, limit {max_chars}); send it in parts",
            "message_too_long",
        )
    return stripped


@router.post("", status_code=201, summary="Start a retrospective session")
def create_session(
    body: SessionCreate, chats: ChatDep, workspace: WorkspaceDep, lang: LanguageDep
) -> SessionPublic:
    hint = " ".join(filter(None, [body.title, body.team]))
    language = body.language or (text_language(hint, lang) if hint else lang)
    chat, opening = chats.create_session(
        workspace,
        title=body.title,
        team=body.team,
        language=language,
        review_date=body.date,
    )
    chat, doc, turns = chats.get(workspace, chat.id)
    public = SessionPublic.model_validate(session_public(chat, doc, turns))
    public.reply, public.sources = opening.reply, opening.sources
    return public


@router.get("/{session_id}", summary="A session: its turns and its review as it stands")
def get_session(session_id: str, chats: ChatDep, workspace: WorkspaceDep) -> SessionPublic:
    try:
        chat, doc, turns = chats.get(workspace, session_id)
    except SessionNotFound:
        raise _not_found(session_id) from None
    return SessionPublic.model_validate(session_public(chat, doc, turns))


def begun(turn: Iterator[TurnEvent]) -> Iterator[TurnEvent]:
    """A streamed turn with its first step taken before the response starts: the session's lease is
    then held, or SessionBusy answers 409 (Retry-After) as for JSON, never an error inside a 200.
    Any other failure is left for the stream to report in-stream, as before."""
    try:
        first = next(turn)
    except StopIteration:
        return iter(())
    except SessionBusy:
        raise
    except Exception as exc:
        return _raising(exc)
    return itertools.chain([first], turn)


def _raising(exc: Exception) -> Iterator[TurnEvent]:
    raise exc
    yield  # a generator: the exception is raised when the stream asks for its first event


def _sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post(
    "/{session_id}/messages",
    summary="Send a message; JSON, or SSE when Accept: text/event-stream",
    response_model=TurnPublic,
)
def post_message(
    session_id: str,
    body: MessageCreate,
    request: Request,
    chats: ChatDep,
    settings: SettingsDep,
    workspace: WorkspaceDep,
) -> TurnPublic | StreamingResponse:
    text = checked_text(body.text, settings.max_message_chars)
    try:
        chats.get(workspace, session_id)
    except SessionNotFound:
        raise _not_found(session_id) from None
    if "text/event-stream" not in request.headers.get("accept", ""):
        return turn_public(session_id, chats.post(workspace, session_id, text))

    request_id = getattr(request.state, "request_id", None)
    turn = begun(chats.stream(workspace, session_id, text))

    def events() -> Iterator[str]:
        try:
            for event in turn:
                if isinstance(event, Delta):
                    yield _sse("delta", {"text": event.text})
                else:
                    yield _sse("result", turn_public(session_id, event).model_dump(mode="json"))
        except Exception:  # the stream has started: errors travel in-stream, details stay in the log
            log.exception("turn failed in stream, request %s", request_id)
            yield _sse(
                "error",
                {"message": "处理失败，请重试 / The turn failed, please retry", "request_id": request_id},
            )
        yield _sse("done", {})

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
