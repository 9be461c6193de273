"""The process's services and the typed dependency aliases the routes use.

Routes reach storage only through these services (coach.services, coach.library): they hold no SQL
and no tenant check of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request

from coach.api.i18n import request_language
from coach.domain.retrospective import Language
from coach.library import LessonLibrary
from coach.services.chat import ChatService
from coach.services.reviews import ReviewService
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


def get_settings(services: ServicesDep) -> Settings:
    return services.settings


def get_chat(services: ServicesDep) -> ChatService:
    return services.chat


def get_library(services: ServicesDep) -> LessonLibrary:
    return services.library


def get_reviews(services: ServicesDep) -> ReviewService:
    return ReviewService(services.database, services.library)


SettingsDep = Annotated[Settings, Depends(get_settings)]
ChatDep = Annotated[ChatService, Depends(get_chat)]
LibraryDep = Annotated[LessonLibrary, Depends(get_library)]
ReviewsDep = Annotated[ReviewService, Depends(get_reviews)]
