"""A chat session over the service's HTTP API, timed turn by turn, as a user's client sees it."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.llm_real.material import Dialogue

API = "/api/v1"
SECTIONS = ("goals", "highlights", "shortfalls", "cause_chains", "reflections", "lessons", "actions")


@dataclass
class Turn:
    status: int
    seconds: float
    body: dict[str, Any]
    deltas: list[str] = field(default_factory=list)
    stream_errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def reply(self) -> str:
        return str(self.body.get("reply", ""))


class ChatClient:
    """One session on one server; `send` posts a message as JSON, or as SSE with `stream=True`."""

    def __init__(self, url: str, dialogue: Dialogue, timeout_s: float = 300.0) -> None:
        self.http = httpx.Client(base_url=url + API, timeout=timeout_s)
        body = {"team": dialogue.team, "date": dialogue.date, "language": dialogue.language}
        response = self.http.post("/sessions", json=body)
        response.raise_for_status()
        self.session: dict[str, Any] = response.json()
        self.id = self.session["id"]
        self.review: dict[str, Any] = self.session["review"]

    def send(self, text: str, *, stream: bool = False) -> Turn:
        started = time.monotonic()
        turn = self._stream(text) if stream else self._post(text)
        turn.seconds = time.monotonic() - started
        if "review" in turn.body:
            self.review = turn.body["review"]
        return turn

    def _post(self, text: str) -> Turn:
        response = self.http.post(f"/sessions/{self.id}/messages", json={"text": text})
        body = (
            response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
        )
        return Turn(response.status_code, 0.0, body)

    def _stream(self, text: str) -> Turn:
        headers = {"accept": "text/event-stream"}
        turn = Turn(0, 0.0, {})
        with self.http.stream(
            "POST", f"/sessions/{self.id}/messages", json={"text": text}, headers=headers
        ) as r:
            turn.status = r.status_code
            event = None
            for line in r.iter_lines():
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data = json.loads(line[6:])
                    if event == "delta":
                        turn.deltas.append(data["text"])
                    elif event == "result":
                        turn.body = data
                    elif event == "error":
                        turn.stream_errors.append(data)
        return turn

    def coach_turns(self) -> list[dict[str, Any]]:
        """The coach's side of the transcript, with each turn's engine and fallback reason."""
        response = self.http.get(f"/sessions/{self.id}")
        response.raise_for_status()
        return [t for t in response.json()["turns"] if t["role"] == "coach"]


def footing(review: dict[str, Any]) -> dict[str, Any]:
    """The document's content, without ids: two sessions on the same footing hold the same."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("id", "review_id")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return {section: strip(review.get(section, [])) for section in SECTIONS}


def filed(review: dict[str, Any]) -> dict[str, int]:
    """What a document holds, section by section, and whether it names a main cause."""
    counts = {section: len(review.get(section) or []) for section in SECTIONS}
    counts["main_cause"] = int(any(c.get("is_main") for c in review.get("cause_chains") or []))
    return counts
