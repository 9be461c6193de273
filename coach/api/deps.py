"""The process's services and the typed dependency aliases the routes use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request

from coach.api.i18n import request_language
from coach.domain.retrospective import Language
from coach.library import LessonLibrary
from coach.services.chat import ChatService
from coach.settings import Settings
from coach.storage.db import Database
from coach.storage.tables import DEFAULT_WORKSPACE


@dataclass
class Services:
    """Everything a request may need, built once per app."""

    settings: Settings
    database: Database
    chat: ChatService
    library: LessonLibrary
    extras: dict[str, Any] = field(default_factory=dict)


def get_services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


def get_workspace(request: Request) -> str:
    """The caller's workspace (access control narrows this when keys exist)."""
    return getattr(request.state, "workspace_id", DEFAULT_WORKSPACE)


def get_language(request: Request) -> Language:
    return request_language(request)


ServicesDep = Annotated[Services, Depends(get_services)]
WorkspaceDep = Annotated[str, Depends(get_workspace)]
LanguageDep = Annotated[Language, Depends(get_language)]
