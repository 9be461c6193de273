"""Request body limits: Content-Length up front, and a count of what is actually streamed."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive


class BodyTooLarge(HTTPException):
    """Raised from `receive` once the streamed body passes the limit (FastAPI re-raises HTTP errors)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413)
        self.limit = limit


# bulk routes: a batch of notes (JSON or files) or a lessons import, bounded as one upload
BULK_ROUTES = frozenset({("POST", "/api/v1/summaries"), ("POST", "/api/v1/lessons")})


def body_limit(method: str, path: str, content_type: str, max_body_bytes: int, max_upload_bytes: int) -> int:
    """Uploads (bulk routes, multipart) get the upload limit as a whole; the rest, the body limit."""
    bulk = (method, path.rstrip("/")) in BULK_ROUTES or content_type.startswith("multipart/form-data")
    return max_upload_bytes if bulk else max_body_bytes


def declared_length(value: str | None) -> int | None:
    """Content-Length as a number, None when absent or malformed (the server rejects malformed ones)."""
    if value is None or not value.strip().isdigit():
        return None
    return int(value)


def limited_receive(receive: Receive, limit: int) -> Receive:
    """`receive` that raises BodyTooLarge once more than `limit` bytes have arrived."""
    received = 0

    async def wrapped() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit)
        return message

    return wrapped
