"""Editing a review in the workspace: goals, findings, cause chains, lessons and actions, saved in place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pytest

from tests.web.conftest import NO_PLAYWRIGHT, Coach
from tests.web.pages import browser_page, overflow

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

DOCUMENT = {
    "goals": [{"name": "回款", "target": "1.2亿", "result": "9600万"}],
    "shortfalls": [{"text": "夜班交接漏项", "causes": ["交接只靠口头"]}],
    "cause_chains": [
        {"phenomenon": "夜班交接漏项", "surface_cause": "交接只靠口头", "root_cause": "没有交接清单"}
    ],
    "lessons": [{"text": "值班交接必须按清单逐项确认", "dimension": "people", "action": "start"}],
    "actions": [{"what": "编写值班交接清单", "who": "陈静"}],
}


def new_review(coach: Coach, team: str) -> str:
    """A review of its own per test, filled through the edit API."""
    with coach.api() as api:
        session = api.post("/sessions", json={"team": team, "date": "2026-04-30"})
        assert session.status_code == 201, session.text
        review_id = str(session.json()["review_id"])
        filled = api.patch(f"/reviews/{review_id}/document", json=DOCUMENT)
        assert filled.status_code == 200, filled.text
    return review_id


def open_editor(page: Page, coach: Coach, review_id: str, section: str) -> Locator:
    page.goto(f"{coach.url}/#/reviews/{review_id}")
    page.locator(f'[data-edit="{section}"]').click()
    editor = page.locator(f'form[data-editor="{section}"]')
    editor.wait_for()
    return editor


def save(page: Page, editor: Locator) -> None:
    with page.expect_response(lambda r: r.request.method == "PATCH") as saved:
        editor.locator('button[type="submit"]').click()
    assert saved.value.status == 200, saved.value.text()


@pytest.mark.parametrize(("size", "lang"), [("desktop", "zh"), ("phone", "en")])
def test_editing_a_lesson_saves_it_and_the_markdown_export_shows_it(
    browser: Browser, coach_server: Coach, size: Any, lang: Literal["zh", "en"], screenshots: Path
) -> None:
    review_id = new_review(coach_server, f"编辑组-{size}")
    with browser_page(browser, size, lang) as (page, _):
        editor = open_editor(page, coach_server, review_id, "step-lessons")
        assert overflow(page) == []
        rows = editor.locator('.edit-row[data-part="lessons"]')
        rows.first.locator('input[name="text"]').fill("交接清单当班补全，漏项当天复盘")
        editor.locator('[data-add="lessons"]').click()
        added = rows.nth(1)
        added.locator('input[name="text"]').fill("停止只靠口头交代交接事项")
        added.locator('select[name="dimension"]').select_option("culture")
        added.locator('select[name="action"]').select_option("stop")
        if lang == "zh" and size == "desktop":
            page.screenshot(path=str(screenshots / "edit.png"))
        save(page, editor)

        expect(page.locator("#step-lessons .saved")).to_have_text("已保存" if lang == "zh" else "Saved")
        shown = page.locator(".lesson-list" if size == "phone" else ".lesson-grid")
        expect(shown).to_contain_text("交接清单当班补全，漏项当天复盘")
        if size == "desktop":
            cell = page.locator('.lesson-grid td[data-dimension="culture"][data-action="stop"]')
            expect(cell).to_contain_text("停止只靠口头交代交接事项")

    with coach_server.api() as api:
        markdown = api.get(f"/reviews/{review_id}.md").text
        assert "交接清单当班补全，漏项当天复盘" in markdown
        assert "停止只靠口头交代交接事项" in markdown
        assert "值班交接必须按清单逐项确认" not in markdown
        hits = api.get("/lessons/search", params={"q": "口头交代交接", "k": 5}).json()["hits"]
        assert "停止只靠口头交代交接事项" in [h["text"] for h in hits if h["review_id"] == review_id]


@pytest.mark.parametrize(("size", "lang"), [("desktop", "en"), ("phone", "zh")])
def test_editing_a_goal_recomputes_its_verdict(
    browser: Browser, coach_server: Coach, size: Any, lang: Literal["zh", "en"]
) -> None:
    review_id = new_review(coach_server, f"目标组-{size}")
    with browser_page(browser, size, lang) as (page, _):
        expect_verdict = {"zh": ("未达成", "超额完成"), "en": ("missed", "exceeded")}[lang]
        page.goto(f"{coach_server.url}/#/reviews/{review_id}")
        expect(page.locator("table.goals .verdict")).to_have_text(expect_verdict[0])
        editor = open_editor(page, coach_server, review_id, "step-review")
        editor.locator('.edit-row[data-part="goals"] input[name="result"]').fill("1.3亿")
        editor.locator('.edit-row[data-part="shortfalls"] input[name="causes"]').fill(
            "交接只靠口头；夜班人手紧"
        )
        save(page, editor)
        expect(page.locator("table.goals .verdict")).to_have_text(expect_verdict[1])
        expect(page.locator(".finding.shortfalls")).to_contain_text("夜班人手紧")

    with coach_server.api() as api:
        markdown = api.get(f"/reviews/{review_id}.md", params={"lang": lang}).text
    assert "1.3亿" in markdown and expect_verdict[1] in markdown and "夜班人手紧" in markdown


@pytest.mark.parametrize(("size", "lang"), [("desktop", "zh"), ("phone", "en")])
def test_editing_the_cause_chains_and_the_action_plan_and_the_markdown_export_shows_them(
    browser: Browser, coach_server: Coach, size: Any, lang: Literal["zh", "en"]
) -> None:
    review_id = new_review(coach_server, f"原因组-{size}")
    with browser_page(browser, size, lang) as (page, _):
        editor = open_editor(page, coach_server, review_id, "step-analysis")
        assert overflow(page) == []
        row = editor.locator('.edit-row[data-part="cause_chains"]').first
        row.locator('input[name="root_cause"]').fill("交接没有纳入值班考核")
        row.locator('input[name="share"]').fill("70")
        row.locator('input[name="is_main"]').check()
        save(page, editor)
        expect(page.locator(".chain.main .rung.root")).to_contain_text("交接没有纳入值班考核")
        expect(page.locator(".chain.main .share")).to_contain_text("70%")

        editor = open_editor(page, coach_server, review_id, "step-actions")
        editor.locator('[data-add="actions"]').click()
        added = editor.locator('.edit-row[data-part="actions"]').nth(1)
        added.locator('input[name="what"]').fill("每周抽查一次交接记录")
        added.locator('input[name="who"]').fill("王强")
        added.locator('input[name="when"]').fill("2026-05-20")
        added.locator('select[name="kind"]').select_option("improvement")
        save(page, editor)
        plan = page.locator("table.plan tbody tr")
        expect(plan).to_have_count(2)
        expect(plan.nth(1)).to_contain_text("王强")
        expect(plan.nth(1)).to_contain_text("2026-05-20")
        expect(plan.nth(1).locator("select.status")).to_have_value("open")

    with coach_server.api() as api:
        markdown = api.get(f"/reviews/{review_id}.md", params={"lang": lang}).text
    assert "交接没有纳入值班考核" in markdown and "70%" in markdown
    assert "每周抽查一次交接记录" in markdown and "王强" in markdown and "2026-05-20" in markdown
    assert "没有交接清单" not in markdown


@pytest.mark.parametrize(
    ("lang", "message"),
    [("zh", "lessons.0.text：经验内容不能为空"), ("en", "lessons.0.text: the lesson text cannot be empty")],
)
def test_an_invalid_edit_says_what_is_wrong_and_keeps_the_form(
    browser: Browser, coach_server: Coach, lang: Literal["zh", "en"], message: str
) -> None:
    review_id = new_review(coach_server, f"错误组-{lang}")
    with browser_page(browser, "phone", lang) as (page, _):
        editor = open_editor(page, coach_server, review_id, "step-lessons")
        editor.locator('.edit-row[data-part="lessons"] input[name="text"]').fill("")
        with page.expect_response(lambda r: r.request.method == "PATCH") as refused:
            editor.locator('button[type="submit"]').click()
        assert refused.value.status == 422
        expect(editor.locator('[role="alert"]')).to_contain_text(message)
        expect(editor).to_be_visible()
        editor.locator("button.ghost", has_text="取消" if lang == "zh" else "Cancel").click()
        expect(page.locator(".lesson-list")).to_contain_text("值班交接必须按清单逐项确认")
