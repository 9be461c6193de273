"""An OpenAI-protocol stub server on loopback, scripted per test.

Real HTTP for the real clients (`openai`, langchain-openai's ChatOpenAI); only the model
is scripted. Each POST to `/v1/chat/completions` takes the next step of the script:

    Reply("text")                 an answer; streamed as SSE when the request asks for it
    Reply(json_obj)               the same, with the object serialised as JSON text
    Reply("…", delay=1.5)         a slow answer (hits the client's timeout, or the turn's deadline)
    Reply("…", finish="length")   an answer cut off at max_tokens (finish_reason "length")
    Status(429, retry_after_ms=5) an error status with an OpenAI error body
    Drop()                        the connection closes without an answer
    ToolCall(name, args)          a function-calling answer

An exhausted script answers 500 so a test never passes on an unplanned call.

It can also impersonate a weak local server (`Server(...)`): llama.cpp's `GET /props`
(n_ctx) and `POST /tokenize` (a token per 3 UTF-8 bytes, so counts differ from tiktoken's),
and refusing `json_schema` or a named `tool_choice` with 400, or letting json_schema run
away to max_tokens, as llama-server does. The structured-output probe (recognised by its
marker) is answered by the server itself, never from the script, and counted.
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
    finish: str = "stop"

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
PROBE_MARKER = "structured-output probe"


@dataclass(frozen=True)
class Server:
    """What kind of server the stub plays (default: a well-behaved OpenAI-compatible one)."""

    llama_cpp: bool = False  # answers GET /props and POST /tokenize
    n_ctx: int = 4096
    refuse: frozenset[str] = frozenset()  # of "json_schema", "tool_choice": 400 like llama-server
    json_schema_runs_away: bool = False  # json_schema answers loop until max_tokens
    json_mode_shape: dict[str, Any] = field(default_factory=lambda: {"sum": 5})
    vllm_max_model_len: int | None = None  # GET /v1/models lists it, as vLLM does
    ollama_context: int | None = None  # POST /api/show answers model_info, as Ollama does


@dataclass
class StubState:
    script: list[Step] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: Server = field(default_factory=Server)
    probe_calls: int = 0
    tokenize_calls: int = 0
    props_calls: int = 0

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
        server = self.server.state.server
        if self.path.rstrip("/") == "/props" and server.llama_cpp:
            with self.server.state.lock:
                self.server.state.props_calls += 1
            self._json(200, {"default_generation_settings": {"n_ctx": server.n_ctx}, "total_slots": 1})
        elif self.path.rstrip("/").endswith("/models"):
            entry: dict[str, Any] = {"id": "stub-model", "object": "model", "owned_by": "stub"}
            if server.vllm_max_model_len:
                entry["max_model_len"] = server.vllm_max_model_len
            self._json(200, {"object": "list", "data": [entry]})
        else:
            self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        state = self.server.state
        if self.path.rstrip("/") == "/api/show" and state.server.ollama_context:
            self._json(200, {"model_info": {"qwen2.context_length": state.server.ollama_context}})
            return
        if self.path.rstrip("/") == "/tokenize" and state.server.llama_cpp:
            with state.lock:
                state.tokenize_calls += 1
            content = str(body.get("content") or "").encode()
            self._json(200, {"tokens": list(range(-(-len(content) // 3)))})
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            return
        model = str(body.get("model") or "stub-model")
        is_probe = PROBE_MARKER in json.dumps(body.get("messages"), ensure_ascii=False)
        with state.lock:
            if is_probe:
                state.probe_calls += 1
            else:
                state.requests.append(body)
        refusal = self._refusal(body)
        if refusal:
            self._json(400, {"error": {"message": refusal, "type": "invalid_request_error"}})
            return
        if is_probe:
            self._probe(body, model)
            return
        step = state.next_step()
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
                    self._json(200, _completion(model, message, step.finish, step.usage))

    def _refusal(self, body: dict[str, Any]) -> str | None:
        refuse = self.server.state.server.refuse
        kind = (body.get("response_format") or {}).get("type")
        if "json_schema" in refuse and kind == "json_schema":
            return "response_format json_schema is not supported"
        if "tool_choice" in refuse and isinstance(body.get("tool_choice"), dict):
            return "tool_choice must be one of none, auto, required"
        return None

    def _probe(self, body: dict[str, Any], model: str) -> None:
        """The structured-output probe, answered the way the impersonated server would."""
        server = self.server.state.server
        kind = (body.get("response_format") or {}).get("type")
        if kind == "json_schema" and server.json_schema_runs_away:
            message = {"role": "assistant", "content": '{"sum": 5, "sum": 5, "sum": 5, "sum"'}
            self._json(200, _completion(model, message, "length", (30, 64)))
        elif body.get("tools"):
            name = body["tools"][0]["function"]["name"]
            call = {"id": "call_p", "type": "function", "function": {"name": name, "arguments": '{"sum": 5}'}}
            self._json(
                200,
                _completion(
                    model, {"role": "assistant", "content": None, "tool_calls": [call]}, "tool_calls", (30, 5)
                ),
            )
        elif kind == "json_object":
            content = json.dumps(server.json_mode_shape)
            self._json(200, _completion(model, {"role": "assistant", "content": content}, "stop", (30, 5)))
        else:
            self._json(
                200, _completion(model, {"role": "assistant", "content": '{"sum": 5}'}, "stop", (30, 5))
            )

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
            send({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": step.finish}]})
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

    def __init__(self, server: Server | None = None) -> None:
        self.state = StubState(server=server or Server())
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
    def probe_calls(self) -> int:
        return self.state.probe_calls

    @property
    def tokenize_calls(self) -> int:
        return self.state.tokenize_calls

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def remaining(self) -> int:
        return len(self.state.script)

    def __enter__(self) -> StubOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
