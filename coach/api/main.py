"""The FastAPI application: /api/v1 resources, the OpenAI-compatible endpoint, the web pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from coach import __version__
from coach.api.deps import Services
from coach.api.errors import install_error_handlers
from coach.api.routes import (
    docs,
    export,
    health,
    lessons,
    openai_compat,
    review_edits,
    reviews,
    schema,
    sessions,
    summaries,
    web,
)
from coach.engines.registry import engine_factory
from coach.library import LessonLibrary
from coach.offline import ensure_offline
from coach.security import install_access_control
from coach.services.chat import ChatService
from coach.settings import Settings, get_settings
from coach.storage.db import Database

log = logging.getLogger("coach")


def build_services(settings: Settings) -> Services:
    """Storage, library and engines for one process."""
    ensure_offline(settings)  # the one offline set-up: serve and chat come through here
    database = Database(settings)
    library = LessonLibrary(settings, database)
    chat = ChatService(database, engine_factory(settings), library)
    chat.reconcile_lessons()
    library.warm_up()  # BM25 (jieba) built in the background, not by the first search
    return Services(settings=settings, database=database, chat=chat, library=library)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    services = build_services(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        services.chat.wait_for_indexing(timeout=30)

    app = FastAPI(
        title="Retro Coach · 复盘教练",
        version=__version__,
        description="Coaches a team through a KPI retrospective (复盘) and keeps every lesson searchable.",
        lifespan=lifespan,
        docs_url=None,  # served by routes/docs.py from local assets, so they work offline
        redoc_url=None,
    )
    app.state.services = services
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
            allow_headers=["*"],
            expose_headers=["X-Request-ID", "X-Session-Id"],
        )

    install_access_control(app)

    api = APIRouter(prefix="/api/v1")
    for module in (sessions, reviews, review_edits, export, lessons, summaries, schema):
        api.include_router(module.router)
    app.include_router(api)
    app.include_router(openai_compat.router)
    app.include_router(web.router)
    app.include_router(docs.router)
    app.include_router(health.router)

    return app
