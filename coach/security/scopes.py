"""Scopes and what each route requires: public, widget (chat only), member, admin."""

from __future__ import annotations

import re
from enum import IntEnum, StrEnum


class Scope(StrEnum):
    ADMIN = "admin"
    MEMBER = "member"
    WIDGET = "widget"


class Access(IntEnum):
    """What a route needs; a scope grants every level up to its own."""

    PUBLIC = 0
    WIDGET = 1
    MEMBER = 2
    ADMIN = 3


GRANTS = {Scope.WIDGET: Access.WIDGET, Scope.MEMBER: Access.MEMBER, Scope.ADMIN: Access.ADMIN}

PUBLIC_PATHS = frozenset(
    {"/", "/healthz", "/readyz", "/widget.js", "/demo", "/favicon.ico", "/openapi.json", "/docs", "/redoc"}
)
PUBLIC_PREFIXES = ("/static/", "/docs/")
ADMIN_PREFIXES = ("/api/v1/keys",)
# the chat the widget needs, and nothing else: start a session, read it back, talk
_WIDGET_ROUTES = (
    ("POST", re.compile(r"/api/v1/sessions/?")),
    ("GET", re.compile(r"/api/v1/sessions/[^/]+")),
    ("POST", re.compile(r"/api/v1/sessions/[^/]+/messages")),
)


# deleting for good is the workspace admin's (archiving and restoring are a member's)
_ADMIN_ROUTES = (("POST", re.compile(r"/api/v1/reviews/purge/?")),)


def required_access(method: str, path: str) -> Access:
    """The least access a request needs; unknown paths need a member key so nothing leaks by default."""
    if method in ("GET", "HEAD") and (path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)):
        return Access.PUBLIC
    if path.startswith(ADMIN_PREFIXES):
        return Access.ADMIN
    if any(method == m and pattern.fullmatch(path) for m, pattern in _ADMIN_ROUTES):
        return Access.ADMIN
    for route_method, pattern in _WIDGET_ROUTES:
        if method == route_method and pattern.fullmatch(path):
            return Access.WIDGET
    return Access.MEMBER


def allows(scope: Scope, access: Access) -> bool:
    return GRANTS[scope] >= access
