"""Access control: API keys per workspace, scopes, local mode, request limits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.middleware import Middleware

from coach.security.bind import ensure_bind_allowed
from coach.security.cors import WorkspaceCors
from coach.security.middleware import AccessControl
from coach.security.registry import CreatedKey, KeyAdminError, KeyInfo, KeyRegistry, Principal
from coach.security.scopes import Scope

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = [
    "CreatedKey",
    "KeyAdminError",
    "KeyInfo",
    "KeyRegistry",
    "Principal",
    "Scope",
    "ensure_bind_allowed",
    "install_access_control",
]


def install_access_control(app: FastAPI) -> KeyRegistry:
    """Wire the access layer into an app whose `state.services` is set; call after all middleware.

    The access check goes innermost (inside the request-id middleware, so its errors carry the
    request id); the workspace CORS goes outermost (preflights are answered before anything else).
    """
    services = app.state.services
    registry = KeyRegistry(services.database)
    services.extras["keys"] = registry
    app.user_middleware.append(Middleware(AccessControl, registry=registry, settings=services.settings))
    app.add_middleware(WorkspaceCors, registry=registry)
    return registry
