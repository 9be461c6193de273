"""A turn the engine cannot handle is re-asked, logged with the request id, and flagged in tests."""

from __future__ import annotations

import pytest

from coach.engines.rules.stages import reflection
from coach.request_context import current_request_id
from tests.engines.rules.conftest import catch_all_records
from tests.engines.rules.helpers import TO_LESSONS_ZH, Coaching


def _broken(t: object) -> None:
    raise KeyError("person")


def test_a_failing_stage_is_logged_with_the_request_id_and_flagged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    coach = Coaching()
    coach.script(*TO_LESSONS_ZH[:-1])  # the last one would skip the reflection
    assert coach.stage == "reflection"
    monkeypatch.setattr(reflection, "handle", _broken)
    token = current_request_id.set("req-42")
    try:
        result = coach.say("最触动的是大客户拖款")
    finally:
        current_request_id.reset(token)
    assert result.stage == "reflection" and result.reply  # the user gets the question again
    flagged = catch_all_records(caplog.records)
    assert len(flagged) == 1  # what the autouse fixture fails a test for
    record = flagged[0]
    assert "request req-42" in record.getMessage() and "stage reflection" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    caplog.clear()  # this test caused the failure on purpose; the fixture must not fail it


def test_a_normal_turn_leaves_no_catch_all_record(caplog: pytest.LogCaptureFixture) -> None:
    Coaching().say("回款目标1.2亿，实际9600万")
    assert catch_all_records(caplog.records) == []
