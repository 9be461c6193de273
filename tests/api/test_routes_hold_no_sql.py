"""Routes hold no SQL: they reach storage through the services (coach.services, coach.library), where
the tenant check lives, and never import the database layer themselves."""

from __future__ import annotations

import ast
import pkgutil

import pytest

import coach.api.routes

FORBIDDEN = ("sqlalchemy", "sqlmodel", "coach.storage.tables")


def imported_modules(source: str) -> set[str]:
    """Every module the source imports, wherever the import statement stands."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def forbidden_imports(source: str) -> set[str]:
    return {
        name
        for name in imported_modules(source)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }


ROUTE_MODULES = sorted(m.name for m in pkgutil.iter_modules(coach.api.routes.__path__))


def test_the_rule_sees_every_way_of_importing_the_database_layer() -> None:
    source = (
        "from sqlalchemy import text\n"
        "import sqlmodel\n"
        "def f():\n"
        "    from coach.storage import tables\n"
        "    from coach.storage.tables import Review\n"
        "from coach.services.reviews import ReviewService\n"
    )
    assert forbidden_imports(source) == {
        "sqlalchemy",
        "sqlalchemy.text",
        "sqlmodel",
        "coach.storage.tables",
        "coach.storage.tables.Review",
    }


def test_every_route_module_is_checked() -> None:
    assert {"reviews", "review_edits", "sessions", "openai_compat", "health", "summaries"} <= set(
        ROUTE_MODULES
    )


@pytest.mark.parametrize("module", ROUTE_MODULES)
def test_a_route_module_imports_no_database_layer(module: str) -> None:
    path = coach.api.routes.__path__[0] + f"/{module}.py"
    with open(path, encoding="utf-8") as source:
        assert forbidden_imports(source.read()) == set(), (
            f"coach/api/routes/{module}.py: go through a service"
        )
