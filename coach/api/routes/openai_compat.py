"""The coach behind the OpenAI chat API: `POST /v1/chat/completions` and `GET /v1/models`.

Any OpenAI client or chat front end can hold a 复盘 with the model `retro-coach`. A
conversation maps to a coaching session by, in order: the `X-Session-Id` header, the
`user` field (one session per user name, created on first use), or — for front ends
that resend the whole history and send neither — a hash of the history before the last
user message, which the session carries forward turn by turn. Only the last user
message is a new turn: earlier messages are already in the session. The session id
comes back in the `X-Session-Id` header, in the response `id` (`chatcmpl-<session>`)
and as `session_id`; `system_fingerprint` says which engine answered
(`retro-coach/llm`, `retro-coach/rules`, `retro-coach/rules-fallback`).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from coach.api.deps import Services, ServicesDep, WorkspaceDep
from coach.api.i18n import text_language
from coach.api.routes.sessions import begun
from coach.engines.base import Delta, TurnResult
from coach.offline import count_tokens
from coach.services.chat import SessionNotFound

router = APIRouter(prefix="/v1", tags=["openai_compat"])

MODEL_ID = "retro-coach"
SESSION_HEADER = "X-Session-Id"
_CREATED = int(time.time())


class OpenAIError(Exception):
    def __init__(self, status: int, message: str, code: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.param = status, message, code, param

    def response(self) -> JSONResponse:
        kind = "invalid_request_error" if self.status < 500 else "server_error"
        body = {"error": {"message": self.message, "type": kind, "param": self.param, "code": self.code}}
        return JSONResponse(body, status_code=self.status)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        parts = self.content or []
        return "".join(str(p.get("text", "")) for p in parts if p.get("type") in ("text", "input_text"))


class ChatCompletionRequest(BaseModel):
    """The fields we read; sampling parameters and the like are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    user: str | None = Field(default=None, max_length=200)


def _describe(exc: ValidationError) -> tuple[str, str | None]:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err.get("loc", ()))
    if err.get("type") == "missing":
        return f"Missing required parameter: '{loc}'.", loc
    return f"Invalid value for '{loc}': {err.get('msg')}", loc or None


def _models_entry() -> dict[str, Any]:
    return {"id": MODEL_ID, "object": "model", "created": _CREATED, "owned_by": "retro-coach"}


@router.get("/models", summary="The models this server offers: the coach")
def list_models() -> dict[str, Any]:
    return {"object": "list", "data": [_models_entry()]}


@router.get("/models/{model_id}", summary="One model")
def get_model(model_id: str) -> Any:
    if model_id != MODEL_ID:
        return OpenAIError(
            404, f"The model '{model_id}' does not exist", "model_not_found", "model"
        ).response()
    return _models_entry()


def _history_ref(workspace: str, messages: list[ChatMessage]) -> str:
    """A stable name for a conversation's history (roles and texts), for clients that send no id."""
    digest = hashlib.sha256(workspace.encode())
    for m in messages:
        if m.role in ("user", "assistant"):
            digest.update(f"\x1e{m.role}\x1f{m.text.strip()}".encode())
    return "conv:" + digest.hexdigest()[:40]


def _user_ref(user: str) -> str:
    """The session's name for an OpenAI `user`; one too long for the column (200) by its digest."""
    ref = f"user:{user}"
    return ref if len(ref) <= 200 else "user#" + hashlib.sha256(user.encode()).hexdigest()[:40]


def _fingerprint(result: TurnResult) -> str:
    return f"{MODEL_ID}/{result.engine}" + ("-fallback" if result.fallback else "")


def _usage(prompt: str, reply: str) -> dict[str, int]:
    p, c = count_tokens(prompt), count_tokens(reply)
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


@router.post("/chat/completions", summary="OpenAI-compatible chat: the coach as model `retro-coach`")
async def chat_completions(request: Request, services: ServicesDep, workspace: WorkspaceDep) -> Any:
    try:
        raw = await request.body()
        try:
            data = json.loads(raw or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise OpenAIError(400, "The request body is not valid JSON.", "invalid_json") from None
        if not isinstance(data, dict):
            raise OpenAIError(400, "The request body must be a JSON object.", "invalid_request")
        try:
            body = ChatCompletionRequest.model_validate(data)
        except ValidationError as exc:
            message, param = _describe(exc)
            raise OpenAIError(400, message, "invalid_value", param) from None
        return await run_in_threadpool(_complete, body, request, services, workspace)
    except OpenAIError as err:
        return err.response()


def _complete(body: ChatCompletionRequest, request: Request, services: Services, workspace: str) -> Any:
    if body.model != MODEL_ID:
        raise OpenAIError(
            404,
            f"The model '{body.model}' does not exist; this server offers '{MODEL_ID}'.",
            "model_not_found",
            "model",
        )
    last = body.messages[-1]
    if last.role != "user":
        raise OpenAIError(400, "The last message must come from the user.", "invalid_value", "messages")
    text = last.text.strip()
    if not text:
        raise OpenAIError(400, "The last user message is empty.", "invalid_value", "messages")
    limit = services.settings.max_message_chars
    if len(text) > limit:
        raise OpenAIError(
            400,
            f"The message is too long ({len(text)} characters, limit {limit}).",
            "message_too_long",
            "messages",
        )

    chat = services.chat
    session_id = request.headers.get(SESSION_HEADER)
    next_ref: str | None = None
    if session_id:
        try:
            chat.get(workspace, session_id)
        except SessionNotFound:
            raise OpenAIError(
                404, f"Session {session_id} not found.", "session_not_found", SESSION_HEADER
            ) from None
    elif body.user:
        ref = _user_ref(body.user)
        session_id = chat.find_by_ref(workspace, ref)
        if session_id is None:
            session_id = chat.create_session(workspace, language=text_language(text), external_ref=ref)[0].id
    else:
        earlier = body.messages[:-1]
        ref = _history_ref(workspace, earlier)
        found = chat.find_by_ref(workspace, ref) if any(m.role == "assistant" for m in earlier) else None
        session_id = (
            found or chat.create_session(workspace, language=text_language(text), external_ref=ref)[0].id
        )
        next_ref = ref
    assert session_id is not None

    completion_id = f"chatcmpl-{session_id}"
    headers = {SESSION_HEADER: session_id}
    prompt_text = "\n".join(m.text for m in body.messages)

    def remember(result: TurnResult) -> None:
        if next_ref is not None:
            history = [*body.messages, ChatMessage(role="assistant", content=result.reply)]
            chat.move_ref(workspace, session_id, _history_ref(workspace, history))

    if not body.stream:
        result = chat.post(workspace, session_id, text)
        remember(result)
        return JSONResponse(
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": int(time.time()),
                "model": MODEL_ID,
                "system_fingerprint": _fingerprint(result),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": result.reply},
                        "finish_reason": "stop",
                        "logprobs": None,
                    }
                ],
                "usage": _usage(prompt_text, result.reply),
                "session_id": session_id,
                "stage": result.stage,
                "engine": result.engine,
                "fallback": result.fallback,
            },
            headers=headers,
        )

    include_usage = bool((getattr(body, "stream_options", None) or {}).get("include_usage"))
    turn = begun(chat.stream(workspace, session_id, text))  # a busy session: 409 before the stream

    def events() -> Iterator[str]:
        created = int(time.time())
        base = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID}

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
            payload = {**base, **extra, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

        yield chunk({"role": "assistant", "content": ""})
        try:
            for event in turn:
                if isinstance(event, Delta):
                    if event.text:
                        yield chunk({"content": event.text})
                    continue
                remember(event)
                extra = {
                    "system_fingerprint": _fingerprint(event),
                    "session_id": session_id,
                    "stage": event.stage,
                    "engine": event.engine,
                    "fallback": event.fallback,
                }
                yield chunk({}, "stop", **extra)
                if include_usage:
                    usage = {**base, "choices": [], "usage": _usage(prompt_text, event.reply)}
                    yield f"data: {json.dumps(usage)}\n\n"
        except Exception as exc:  # the stream has started: the error travels in-stream
            error = {
                "error": {"message": str(exc) or type(exc).__name__, "type": "server_error", "code": None}
            }
            yield f"data: {json.dumps(error, ensure_ascii=False)}\n\n"
        yield "data: [DONE]\n\n"

    return StreamingResponse(
        events(), media_type="text/event-stream", headers={**headers, "Cache-Control": "no-cache"}
    )
