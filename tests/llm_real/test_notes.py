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


def summarize(url: str, notes: list[dict[str, str]], timeout_s: float) -> tuple[dict[str, Any], float]:
    """The finished job, and how long it took from the request to its last note."""
    with httpx.Client(base_url=url + API, timeout=30) as http:
        started = time.monotonic()
        created = http.post("/summaries", json={"notes": notes, "team": "real-model suite"})
        assert created.status_code == 202, created.text
        job_id = created.json()["id"]
        while time.monotonic() - started < timeout_s:
            job = http.get(f"/summaries/{job_id}")
            assert job.status_code == 200, job.text
            if job.json()["status"] in ("done", "failed"):
                return job.json(), time.monotonic() - started
            time.sleep(0.5)
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
    bound = len(notes) * (NOTE_DEADLINE_S + 1)
    job, seconds = summarize(llm_app.url, notes, timeout_s=bound + 60)
    rules_job, _ = summarize(rules_app.url, notes, timeout_s=60)

    for item in job["items"]:
        ledger.record(
            "note", language_of[item["name"]], item["engine"], item["fallback"], seconds / len(notes)
        )
    assert job["status"] == "done" and [i["status"] for i in job["items"]] == ["done", "done"], job
    assert seconds <= bound, f"{seconds:.1f} s for {len(notes)} notes"
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
