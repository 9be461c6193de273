"""Where a terminal chat runs: in this process (the data folder held), or on the server that owns it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from coach.cli.ownership import DEFAULT_WORKSPACE

if TYPE_CHECKING:
    from coach.cli.remote import OwnerClient
    from coach.domain.library import LessonHit
    from coach.domain.retrospective import Retrospective
    from coach.services.chat import ChatService


class SessionMissing(LookupError):
    """No session with this id in the workspace."""


@dataclass
class CoachTurn:
    """What the terminal shows of one coach reply."""

    reply: str
    stage: str
    sources: list[LessonHit] = field(default_factory=list)
    review: Retrospective | None = None


class ChatBackend(Protocol):
    session_id: str
    language: str

    def say(self, text: str) -> CoachTurn: ...

    def review(self) -> Retrospective: ...


class LocalChat:
    """The chat service of this process (the caller holds the data folder)."""

    def __init__(self, service: ChatService, session_id: str, language: str) -> None:
        self.service, self.session_id, self.language = service, session_id, language

    @staticmethod
    def _service() -> ChatService:
        from coach.api.main import build_services
        from coach.settings import get_settings

        return build_services(get_settings()).chat

    @classmethod
    def start(cls, team: str | None, title: str | None, language: str) -> tuple[LocalChat, CoachTurn]:
        service = cls._service()
        row, opening = service.create_session(
            DEFAULT_WORKSPACE,
            title=title,
            team=team,
            language=language,  # type: ignore[arg-type]
        )
        return cls(service, row.id, language), CoachTurn(opening.reply, opening.stage, opening.sources)

    @classmethod
    def resume(cls, session_id: str) -> tuple[LocalChat, CoachTurn]:
        from coach.services.chat import SessionNotFound

        service = cls._service()
        try:
            row, _doc, turns = service.get(DEFAULT_WORKSPACE, session_id)
        except SessionNotFound:
            raise SessionMissing(session_id) from None
        last = next((t.text for t in reversed(turns) if t.role == "coach"), "")
        return cls(service, row.id, row.language), CoachTurn(last, row.stage)

    def say(self, text: str) -> CoachTurn:
        result = self.service.post(DEFAULT_WORKSPACE, self.session_id, text)
        return CoachTurn(result.reply, result.stage, result.sources, result.review)

    def review(self) -> Retrospective:
        return self.service.get(DEFAULT_WORKSPACE, self.session_id)[1]


class RemoteChat:
    """The same chat through the HTTP API of the server that owns the data folder."""

    def __init__(self, client: OwnerClient, session_id: str, language: str) -> None:
        self.client, self.session_id, self.language = client, session_id, language

    @classmethod
    def start(
        cls, client: OwnerClient, team: str | None, title: str | None, language: str
    ) -> tuple[RemoteChat, CoachTurn]:
        body = {"team": team, "title": title, "language": language}
        session = client.call("POST", "/sessions", json={k: v for k, v in body.items() if v}).json()
        opening = CoachTurn(session["reply"] or "", session["stage"], _hits(session.get("sources")))
        return cls(client, session["id"], session["language"]), opening

    @classmethod
    def resume(cls, client: OwnerClient, session_id: str) -> tuple[RemoteChat, CoachTurn]:
        from coach.cli.remote import ServerRefused, error_message

        response = client.http.get(f"/sessions/{session_id}")
        if response.status_code == 404:
            raise SessionMissing(session_id)
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, error_message(response))
        session = response.json()
        last = next((t["text"] for t in reversed(session["turns"]) if t["role"] == "coach"), "")
        return cls(client, session["id"], session["language"]), CoachTurn(last, session["stage"])

    def say(self, text: str) -> CoachTurn:
        from coach.domain.retrospective import Retrospective

        turn = self.client.call("POST", f"/sessions/{self.session_id}/messages", json={"text": text}).json()
        review = Retrospective.model_validate(turn["review"])
        return CoachTurn(turn["reply"], turn["stage"], _hits(turn["sources"]), review)

    def review(self) -> Retrospective:
        from coach.domain.retrospective import Retrospective

        session = self.client.call("GET", f"/sessions/{self.session_id}").json()
        return Retrospective.model_validate(session["review"])


def _hits(raw: list[dict[str, Any]] | None) -> list[LessonHit]:
    from coach.domain.library import LessonHit

    return [LessonHit.model_validate(hit) for hit in raw or []]
