"""The two scripted dialogues of the rules engine, replayed over HTTP against a real server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.engines.rules.dialogues import DIALOGUES
from tests.helpers import ServerProcess

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path_factory.mktemp("dialogues") / "home").start()
    yield proc
    proc.stop()


def _post(server: ServerProcess, path: str, body: dict) -> dict:
    response = httpx.post(f"{server.url}{path}", json=body, timeout=30)
    assert response.status_code in (200, 201), response.text
    return response.json()


def replay(server: ServerProcess, dialogue: dict) -> dict:
    """Play the script turn by turn, checking the stage and the reply each time; return the session."""
    session = _post(
        server,
        "/api/v1/sessions",
        {
            "team": dialogue["team"],
            "title": dialogue["title"],
            "language": dialogue["language"],
            "date": dialogue["review_date"],
        },
    )
    assert session["stage"] == dialogue["opening"]["stage"]
    for step in dialogue["turns"]:
        turn = _post(server, f"/api/v1/sessions/{session['id']}/messages", {"text": step["user"]})
        assert turn["stage"] == step["stage"], (step["user"], turn["reply"])
        for fragment in step["reply_contains"]:
            assert fragment in turn["reply"], (step["user"], turn["reply"])
    return session


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_scripted_review_ends_with_a_complete_document(server: ServerProcess, language: str) -> None:
    dialogue = DIALOGUES[language]
    session = replay(server, dialogue)
    final = dialogue["final"]
    review = httpx.get(f"{server.url}/api/v1/reviews/{session['review_id']}").json()

    goal = next(g for g in review["goals"] if g["name"] == final["goal"]["name"])
    assert goal["gap_ratio"] == pytest.approx(final["goal"]["gap_ratio"])
    assert goal["verdict"] == final["goal"]["verdict"]

    main = [c for c in review["cause_chains"] if c["is_main"]]
    assert len(main) == 1
    assert final["main_root_contains"] in main[0]["root_cause"]
    assert main[0]["share"] == pytest.approx(final["main_share"])
    assert main[0]["phenomenon"] and main[0]["surface_cause"]

    assert len(review["lessons"]) >= final["min_lessons"]
    assert all(le["dimension"] and le["action"] for le in review["lessons"])
    dated = [a for a in review["actions"] if a["who"] and a["when"]]
    assert len(dated) >= final["min_actions"]
    assert {a["who"] for a in dated} >= set(final["action_owners"])
    assert len(review["action_items"]) == len(review["actions"])

    report = httpx.get(f"{server.url}/api/v1/reviews/{session['review_id']}.md").text
    headings = (
        ("## 一、回顾评估", "## 二、分析根因", "## 三、总结提取", "## 四、转化应用")
        if language == "zh"
        else ("## 1. Review", "## 2. Root causes", "## 3. Lessons", "## 4. Actions")
    )
    for heading in headings:
        assert heading in report
    assert main[0]["root_cause"] in report


def test_the_next_review_of_the_team_starts_with_its_open_actions(server: ServerProcess) -> None:
    dialogue = {**DIALOGUES["zh"], "team": "华东销售-跟进"}
    first = replay(server, dialogue)
    first_actions = httpx.get(f"{server.url}/api/v1/reviews/{first['review_id']}").json()["action_items"]

    second = _post(server, "/api/v1/sessions", {"team": dialogue["team"], "date": "2026-07-31"})
    assert second["stage"] == "followup"
    assert first_actions[0]["what"] in second["reply"]

    _post(server, f"/api/v1/sessions/{second['id']}/messages", {"text": "完成了"})
    _post(server, f"/api/v1/sessions/{second['id']}/messages", {"text": "没做，因为人手不够"})
    after = httpx.get(f"{server.url}/api/v1/reviews/{first['review_id']}").json()["action_items"]
    statuses = [(a["status"], a["status_note"]) for a in after[:2]]
    assert statuses[0][0] == "done"
    assert statuses[1][0] == "not_done"
    assert "人手不够" in (statuses[1][1] or "")
