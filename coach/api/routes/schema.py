"""The Retrospective's JSON Schema."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from coach.domain.retrospective import retrospective_json_schema

router = APIRouter(tags=["schema"])


@router.get("/schema", summary="JSON Schema of the Retrospective document")
def get_schema() -> dict[str, Any]:
    return retrospective_json_schema()
