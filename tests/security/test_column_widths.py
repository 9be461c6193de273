"""Input wider than the column that stores it is refused with a reason, zh and en, on every backend:
PostgreSQL enforces VARCHAR widths (a 500 before these checks), SQLite never did."""

from __future__ import annotations

import pytest

from coach.notes.synthetic import synthetic_note
from tests.security.conftest import SecuredApp

LESSON = {"text": "大促前一周冻结所有非紧急变更", "dimension": "organization", "action": "start"}


@pytest.mark.parametrize(
    ("field", "value"), [("id", "L" * 65), ("team", "华东销售" * 51)], ids=["id", "team"]
)
def test_a_lesson_with_a_too_long_field_is_refused_and_nothing_is_stored(
    secured: SecuredApp, field: str, value: str
) -> None:
    response = secured.client.post("/api/v1/lessons", json=[{**LESSON, "id": "ok"}, {**LESSON, field: value}])
    assert response.status_code == 422, response.text
    assert field in response.text
    exported = secured.client.get("/api/v1/lessons/export")
    assert exported.status_code == 200 and exported.text.strip() == ""


def test_lessons_at_the_widths_are_stored_whole(secured: SecuredApp) -> None:
    lesson = {**LESSON, "id": "L" * 64, "team": "华东销售" * 50}
    response = secured.client.post("/api/v1/lessons", json=lesson)
    assert response.status_code == 201, response.text
    assert response.json()["ids"] == ["L" * 64]
    assert '"team":"' + "华东销售" * 50 + '"' in secured.client.get("/api/v1/lessons/export").text.replace(
        " ", ""
    )


def test_a_summary_job_with_a_too_long_team_is_refused_as_json_and_as_files(secured: SecuredApp) -> None:
    team = "华东销售" * 51
    as_json = secured.client.post(
        "/api/v1/summaries", json={"notes": [{"name": "n.md", "text": synthetic_note(1)}], "team": team}
    )
    as_files = secured.client.post(
        "/api/v1/summaries",
        files={"file": ("n.md", synthetic_note(1).encode())},
        data={"team": team},
        headers={"Accept-Language": "en"},
    )
    assert as_json.status_code == 422 and "team" in as_json.text
    assert as_files.status_code == 422 and as_files.json()["error"]["code"] == "team_too_long"
    assert "at most 200 characters" in as_files.json()["error"]["message"]


def test_an_uploaded_file_with_a_too_long_name_is_refused(secured: SecuredApp) -> None:
    response = secured.client.post(
        "/api/v1/summaries", files={"file": ("周报" * 300 + ".md", synthetic_note(1).encode())}
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "name_too_long"
    assert "文件名最多 500 个字符" in response.json()["error"]["message"]


def test_the_longest_openai_user_names_one_session_across_requests(secured: SecuredApp) -> None:
    user = "销" * 200  # the widest `user` the endpoint takes
    ask = {"model": "retro-coach", "user": user, "messages": [{"role": "user", "content": "复盘一下Q3销售"}]}
    first = secured.client.post("/v1/chat/completions", json=ask)
    again = secured.client.post("/v1/chat/completions", json=ask)
    assert first.status_code == 200, first.text
    assert again.status_code == 200 and again.headers["X-Session-Id"] == first.headers["X-Session-Id"]
