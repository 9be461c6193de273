"""A zh and an en meeting note summarized with SmolLM2: no 5xx, bounded, no worse than the rules."""

from __future__ import annotations

import time
from typing import Any

import httpx

from tests.helpers import ServerProcess
from tests.llm_real import ledger
from tests.llm_real.checks import fence_markers_in, prompt_text_in
from tests.llm_real.client import API, filed
from tests.llm_real.conftest import NOTE_DEADLINE_S
from tests.llm_real.material import NOTES

POLL_S = 0.5


def summarize(url: str, notes: list[dict[str, str]], timeout_s: float) -> tuple[dict[str, Any], list[float]]:
    """The finished job, and each note's time: from the previous note's end (the first: the request's)."""
    with httpx.Client(base_url=url + API, timeout=30) as http:
        started = time.monotonic()
        created = http.post("/summaries", json={"notes": notes, "team": "real-model suite"})
        assert created.status_code == 202, created.text
        job_id = created.json()["id"]
        ended: dict[str, float] = {}
        while time.monotonic() - started < timeout_s:
            job = http.get(f"/summaries/{job_id}")
            assert job.status_code == 200, job.text
            now = time.monotonic() - started
            for item in job.json()["items"]:
                if item["status"] in ("done", "failed"):
                    ended.setdefault(item["name"], now)
            if job.json()["status"] in ("done", "failed"):
                ends = sorted(ended.values())
                return job.json(), [b - a for a, b in zip([0.0, *ends], ends, strict=False)]
            time.sleep(POLL_S)
    raise AssertionError(f"job {job_id} still running after {timeout_s:.0f} s")


def reviews(url: str, job: dict[str, Any]) -> dict[str, dict[str, Any]]:
    with httpx.Client(base_url=url + API, timeout=30) as http:
        out = {}
        for item in job["items"]:
            response = http.get(f"/reviews/{item['review_id']}")
            assert response.status_code == 200, response.text
            out[item["name"]] = response.json()
        return out


def test_two_notes_with_the_real_model_are_no_worse_than_the_rules(
    llm_app: ServerProcess, rules_app: ServerProcess
) -> None:
    notes = [{"name": name, "text": text} for name, text in NOTES.values()]
    language_of = {name: lang for lang, (name, _) in NOTES.items()}
    bound = NOTE_DEADLINE_S + 1 + POLL_S  # a note's deadline, a second, and the poll's interval
    job, seconds = summarize(llm_app.url, notes, timeout_s=len(notes) * bound + 60)
    rules_job, _ = summarize(rules_app.url, notes, timeout_s=60)

    for item, took in zip(job["items"], seconds, strict=False):
        ledger.record("note", language_of[item["name"]], item["engine"], item["fallback"], took)
    assert job["status"] == "done" and [i["status"] for i in job["items"]] == ["done", "done"], job
    assert len(seconds) == len(notes) and max(seconds) <= bound, f"notes took {seconds} s"
    for item in job["items"]:
        assert (item["engine"] == "llm") == (item["fallback"] is None), item
    fell_back = [i for i in job["items"] if i["fallback"]]
    if fell_back:  # the overview says so, in the job and in the report
        assert f"{len(fell_back)} of {len(notes)}" in job["overview_md"], job["overview_md"]

    with_model, without = reviews(llm_app.url, job), reviews(rules_app.url, rules_job)
    for name, doc in with_model.items():
        lang = language_of[name]
        for text in [
            doc.get("summary") or "",
            *(lesson.get("text", "") for lesson in doc.get("lessons") or []),
        ]:
            assert not fence_markers_in(text), (name, text)
            assert prompt_text_in(text, lang) is None, (name, text)
        worse = {k: v for k, v in filed(doc).items() if v < filed(without[name])[k]}
        assert not worse, f"{name}: the LLM path filed less than the rules engine: {worse}"
