"""The workspace page (GET /), in headless Chromium, on reviews created through the API."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import httpx
import pytest

from tests.web.conftest import NO_PLAYWRIGHT, Coach
from tests.web.pages import browser_page, overflow

if TYPE_CHECKING:
    from playwright.sync_api import Browser, FilePayload, Page

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

NOTES = {
    "q1-sales.md": (
        "# 华东销售 Q1 复盘会\n日期：2026-04-10\n\n"
        "回款目标1.2亿，实际9600万，未达成。新客户目标50家，实际62家。\n"
        "亮点：新客户超额完成，因为渠道推广做得好。\n"
        "不足：回款没达成，原因是大客户付款审批周期变长。\n"
        "根因：没有回款跟踪机制，回款没有明确负责人，约占七成。\n"
        "经验：继续渠道推广；新增回款跟踪机制。\n"
        "行动：张伟 5月15日前 建立回款周报。\n"
    ),
    "ops-incident.txt": (
        "Ops review 2026-04-12\n"
        "Availability target 99.9%, actual 99.5%.\n"
        "Root cause: no canary release; share about 80%.\n"
        "Lesson: start canary releases for every deploy.\n"
        "Action: Li to add canary stage by 2026-05-01.\n"
    ),
}


def test_review_page_shows_the_four_steps(
    page: Page, coach_server: Coach, finished_review: dict[str, Any], screenshots: Path
) -> None:
    review = finished_review
    page.goto(f"{coach_server.url}/#/reviews/{review['id']}")
    grid = page.locator(".lesson-grid")
    grid.wait_for()

    # lessons: a 4×4 grid, each lesson in its dimension × action cell
    assert grid.locator("tbody td").count() == 16
    assert grid.locator("thead th").all_inner_texts()[1:] == ["继续", "停止", "优化", "新增"]
    assert grid.locator("tbody th").all_inner_texts() == ["组织", "文化", "人", "业务"]
    for lesson in review["lessons"]:
        cell = grid.locator(f'td[data-dimension="{lesson["dimension"]}"][data-action="{lesson["action"]}"]')
        expect(cell).to_contain_text(lesson["text"])

    # the cause ladder 现象→表因→根因, the main cause highlighted with its share
    chains = page.locator(".ladder .chain")
    assert chains.count() == len(review["cause_chains"])
    assert chains.first.locator(".rung").count() == 3
    main = [c for c in review["cause_chains"] if c["is_main"]]
    assert page.locator(".chain.main").count() == len(main)
    if main:
        expect(page.locator(".chain.main .rung.root")).to_contain_text(main[0]["root_cause"] or "—")
        if main[0]["share"] is not None:
            expect(page.locator(".chain.main .share")).to_contain_text(f"{round(main[0]['share'] * 100)}%")

    # goals: the table and the target-vs-result chart
    assert page.locator("table.goals tbody tr").count() == len(review["goals"])
    charted = [g for g in review["goals"] if g["target_value"] is not None and g["result_value"] is not None]
    if charted:
        assert page.locator("svg.chart rect.bar.bar-result").count() == len(charted)

    href = page.locator("#export-md").get_attribute("href")
    assert href and href.startswith(f"/api/v1/reviews/{review['id']}.md")
    assert httpx.get(coach_server.url + href).status_code == 200

    # related past lessons: the earlier review of another team, found by this review's root causes
    related = page.locator("#related .hit")
    related.first.wait_for()
    href = related.first.locator("a").get_attribute("href")
    assert href and href.startswith("#/reviews/") and review["id"] not in href

    # the page CSP refuses an injected stylesheet: hide the host element through the CSSOM
    page.locator("#retro-coach-widget").evaluate("host => { host.style.display = 'none'; }")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshots / "review.png"), full_page=True)
    page.locator("#retro-coach-widget").evaluate("host => { host.style.display = ''; }")

    page.emulate_media(media="print")
    assert not page.locator(".topbar").is_visible()
    assert not page.locator("#export-md").is_visible()
    page.emulate_media(media="screen")


def test_action_status_is_editable(page: Page, coach_server: Coach, finished_review: dict[str, Any]) -> None:
    review = finished_review
    assert review["action_items"], "the scripted dialogue should produce an action plan"
    action = review["action_items"][0]
    page.goto(f"{coach_server.url}/#/reviews/{review['id']}")
    row = page.locator(f'tr[data-action-id="{action["id"]}"]')
    with page.expect_response(lambda r: r.request.method == "PATCH") as patched:
        row.locator("select.status").select_option("done")
    assert patched.value.status == 200
    expect(row).to_have_class("status-done")
    with coach_server.api() as api:
        items = api.get(f"/reviews/{review['id']}").json()["action_items"]
    assert next(a for a in items if a["id"] == action["id"])["status"] == "done"


def test_reviews_are_listed_by_team_and_date(
    page: Page, coach_server: Coach, finished_review: dict[str, Any]
) -> None:
    page.goto(coach_server.url + "/")
    row = page.locator(f'tr[data-review="{finished_review["id"]}"]')
    # the widget is on the workspace too, styled under the page's strict CSP (no inline styles)
    launcher = page.locator("#retro-coach-widget >> .launcher")
    assert launcher.evaluate("b => getComputedStyle(b).position") == "fixed"
    expect(row).to_contain_text(finished_review["title"])
    expect(row).to_contain_text(finished_review["date"])
    page.locator("#team-filter").select_option(finished_review["team"])
    expect(page).to_have_url(re.compile(r"#/\?team="))
    filtered = page.locator(f'.card[data-team="{finished_review["team"]}"] table.reviews')
    filtered.wait_for()
    teams = filtered.locator("tbody td:nth-child(2)").all_inner_texts()
    assert teams and set(teams) == {finished_review["team"]}
    page.locator("#lang-switch").click()  # zh ⇄ en, remembered
    expect(page.locator('[data-nav="reviews"]')).to_have_text("Reviews")
    expect(page.locator("table.reviews thead")).to_contain_text("Team")
    row.locator("a").click()
    expect(page.locator(".lesson-grid thead")).to_contain_text("Continue")


@pytest.mark.parametrize(("size", "lang"), [("desktop", "zh"), ("phone", "en")])
def test_upload_shows_progress_then_the_batch_overview(
    browser: Browser, coach_server: Coach, size: Any, lang: Literal["zh", "en"], screenshots: Path
) -> None:
    with browser_page(browser, size, lang) as (page, _):
        page.goto(coach_server.url + "/#/upload")
        files: list[FilePayload] = [
            {"name": name, "mimeType": "text/plain", "buffer": text.encode()} for name, text in NOTES.items()
        ]
        page.locator("#notes-files").set_input_files(files)
        expect(page.locator("#file-names")).to_contain_text("q1-sales.md")
        page.locator("#start-upload").click()
        job = page.locator(".job")
        job.wait_for()
        expect(job).to_have_attribute("data-status", "done", timeout=60_000)
        expect(page.locator(".meter")).to_have_attribute("aria-valuenow", "100")
        expect(page.locator(".job-item a")).to_have_count(len(NOTES))

        # the overview: each note's review, then the batch's goals, recurring causes and lessons, actions
        overview = page.locator("#batch-overview")
        expect(overview.locator("h2")).to_have_text("批量总览" if lang == "zh" else "Batch overview")
        results = overview.locator(".batch-result")
        expect(results).to_have_count(len(NOTES))
        for name in NOTES:
            expect(overview.locator(".batch-result", has_text=name).locator("a")).to_have_attribute(
                "href", re.compile(r"^#/reviews/")
            )
        expect(overview.locator(".md h3").first).to_have_text("批量复盘总览")  # the notes are in Chinese
        expect(overview.locator(".md table").first).to_be_visible()
        assert overflow(page) == []
        if size == "phone":
            page.screenshot(path=str(screenshots / "upload-phone.png"), full_page=True)
        else:
            page.screenshot(path=str(screenshots / "upload.png"), full_page=True)
        results.first.locator("a").click()
        page.locator("#step-lessons").wait_for()


def test_lesson_search_highlights_matches(
    page: Page, coach_server: Coach, finished_review: dict[str, Any]
) -> None:
    page.goto(coach_server.url + "/#/search")
    page.locator('input[name="q"]').fill("回款跟踪")
    page.locator('.search-form button[type="submit"]').click()
    results = page.locator("#results")
    results.locator(".hits, .empty, .error").first.wait_for()
    assert results.locator(".hits .hit").count() >= 1, results.inner_text()
    assert page.locator(".hits mark").count() >= 1
    assert "q=" in page.url


def test_recurring_lessons_show_who_learned_it_when_and_what_became_of_the_actions(
    page: Page, coach_server: Coach, screenshots: Path
) -> None:
    lesson = {"text": "新功能上线先灰度给一小部分用户，别一次推给所有人", "dimension": "business"}
    lesson["action"] = "start"
    with coach_server.api() as api:
        created = api.post(
            "/lessons",
            json=[
                {**lesson, "id": "WEB-R1", "team": "移动端", "review_date": "2025-03-03"},
                {**lesson, "id": "WEB-R2", "team": "增长组", "review_date": "2025-07-20"},
            ],
        )
    assert created.status_code == 201, created.text
    assert {x["id"]: x["recurrence_of"] for x in created.json()["lessons"]}["WEB-R2"] == "WEB-R1"

    page.goto(coach_server.url + "/#/recurring")
    expect(page.locator('[data-nav="recurring"]')).to_have_class(re.compile("active"))
    cluster = page.locator('.cluster[data-cluster="WEB-R1"]')
    expect(cluster).to_contain_text("2025年3月学到过，2025年7月又学了一次")
    expect(cluster.locator("li[data-lesson]")).to_have_count(2)
    expect(cluster.locator("li[data-lesson]").first).to_contain_text("移动端")
    expect(cluster.locator("li[data-lesson]").last).to_contain_text("增长组")
    expect(cluster.locator(".tag").first).to_have_text("当时的行动：没有记录")
    page.screenshot(path=str(screenshots / "recurring.png"), full_page=True)

    page.locator("#lang-switch").click()
    expect(cluster).to_contain_text("learned in Mar 2025 and again in Jul 2025")
    expect(page.locator("h1")).to_have_text("Lessons learned more than once")


@pytest.mark.parametrize(("size", "lang"), [("desktop", "zh"), ("phone", "en")])
def test_the_whole_workspace_downloads_as_json_markdown_and_an_actions_csv(
    browser: Browser,
    coach_server: Coach,
    finished_review: dict[str, Any],
    size: Any,
    lang: Literal["zh", "en"],
) -> None:
    with browser_page(browser, size, lang) as (page, problems):
        page.goto(coach_server.url + "/")
        links = page.locator("#export-all a")
        expect(links).to_have_text(["JSON", "Markdown", "行动项 CSV" if lang == "zh" else "Actions CSV"])
        assert overflow(page) == []
        saved = {}
        for fmt in ("json", "markdown", "actions.csv"):
            with page.expect_download() as download:
                page.locator(f'#export-all a[data-format="{fmt}"]').click()
            saved[fmt] = Path(download.value.path()).read_bytes()
        assert problems.responses == []

    documents = json.loads(saved["json"])
    assert finished_review["id"] in {d["id"] for d in documents}
    heading = "## 一、回顾评估" if lang == "zh" else "## 1. Review"
    markdown = saved["markdown"].decode("utf-8")
    assert finished_review["title"] in markdown and heading in markdown
    assert saved["actions.csv"].startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(saved["actions.csv"].decode("utf-8-sig"))))
    assert finished_review["id"] in {r["review_id"] for r in rows}
