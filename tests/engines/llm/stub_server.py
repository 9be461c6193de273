"""An OpenAI-protocol stub server on loopback, scripted per test.

Real HTTP for the real clients (`openai`, langchain-openai's ChatOpenAI); only the model
is scripted. Each POST to `/v1/chat/completions` takes the next step of the script:

    Reply("text")                 an answer; streamed as SSE when the request asks for it
    Reply(json_obj)               the same, with the object serialised as JSON text
    Reply("…", delay=1.5)         a slow answer (hits the client's timeout)
    Status(429, retry_after_ms=5) an error status with an OpenAI error body
    Drop()                        the connection closes without an answer
    ToolCall(name, args)          a function-calling answer

An exhausted script answers 500 so a test never passes on an unplanned call.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    content: Any
    delay: float = 0.0
    usage: tuple[int, int] = (11, 7)

    @property
    def text(self) -> str:
        return self.content if isinstance(self.content, str) else json.dumps(self.content, ensure_ascii=False)


@dataclass
class Status:
    code: int
    message: str = "scripted error"
    retry_after_ms: int | None = None


@dataclass
class Drop:
    pass


@dataclass
class ToolCall:
    name: str
    args: dict[str, Any]


Step = Reply | Status | Drop | ToolCall


@dataclass
class StubState:
    script: list[Step] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_step(self) -> Step | None:
        with self.lock:
            return self.script.pop(0) if self.script else None


def _completion(model: str, message: dict[str, Any], finish: str, usage: tuple[int, int]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
    }


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _json(self, code: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._json(
                200, {"object": "list", "data": [{"id": "stub-model", "object": "model", "owned_by": "stub"}]}
            )
        else:
            self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        state = self.server.state
        with state.lock:
            state.requests.append(body)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            return
        step = state.next_step()
        model = str(body.get("model") or "stub-model")
        if step is None:
            self._json(500, {"error": {"message": "stub script exhausted", "type": "server_error"}})
        elif isinstance(step, Drop):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif isinstance(step, Status):
            headers = {"retry-after-ms": str(step.retry_after_ms)} if step.retry_after_ms is not None else {}
            kind = "rate_limit_exceeded" if step.code == 429 else "server_error"
            self._json(step.code, {"error": {"message": step.message, "type": kind, "code": kind}}, headers)
        elif isinstance(step, ToolCall):
            call = {
                "id": "call_1",
                "type": "function",
                "function": {"name": step.name, "arguments": json.dumps(step.args, ensure_ascii=False)},
            }
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
            self._json(200, _completion(model, message, "tool_calls", (11, 7)))
        else:
            if step.delay:
                time.sleep(step.delay)
            if body.get("stream"):
                self._stream(model, step, bool((body.get("stream_options") or {}).get("include_usage")))
            else:
                message = {"role": "assistant", "content": step.text}
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._json(200, _completion(model, message, "stop", step.usage))

    def _stream(self, model: str, step: Reply, include_usage: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

        def send(payload: dict[str, Any] | str) -> None:
            data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        base = {
            "id": "chatcmpl-stub",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
        }
        try:
            send({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]})
            text = step.text
            for i in range(0, len(text), 2):
                send({**base, "choices": [{"index": 0, "delta": {"content": text[i : i + 2]}}]})
            send({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            if include_usage:
                p, c = step.usage
                send(
                    {
                        **base,
                        "choices": [],
                        "usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c},
                    }
                )
            send("[DONE]")
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    state: StubState


class StubOpenAI:
    """Start with `with StubOpenAI() as stub:`; script with `stub.script([...])`; inspect `stub.requests`."""

    def __init__(self) -> None:
        self.state = StubState()
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.state = self.state
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.state.requests

    def script(self, steps: list[Step]) -> StubOpenAI:
        with self.state.lock:
            self.state.script = list(steps)
        return self

    @property
    def remaining(self) -> int:
        return len(self.state.script)

    def __enter__(self) -> StubOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
