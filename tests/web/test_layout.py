"""The workspace on a phone (390×844) and a desktop (1280×800), in Chinese and English, light and dark."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import httpx
import pytest

from tests.web.conftest import NO_PLAYWRIGHT, Coach
from tests.web.pages import browser_page, covered_links, overflow, squeezed

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

W = "#retro-coach-widget >> "
SIZES = ("phone", "desktop")
LANGS = ("zh", "en")
NAV = {
    "zh": ["复盘记录", "经验库", "重复的教训", "上传纪要"],
    "en": ["Reviews", "Lessons", "Recurring", "Upload notes"],
}
OPEN_REVIEW = {"zh": "查看复盘 →", "en": "Open review →"}


def pages_of(review_id: str) -> dict[str, tuple[str, str]]:
    """Every page of the workspace: (hash route, what shows it has rendered)."""
    return {
        "reviews": ("#/", "table.reviews"),
        "review": (f"#/reviews/{review_id}", "#related .hit, #related .empty"),
        "search": ("#/search?q=回款跟踪", "#results .hits, #results .empty"),
        "recurring": ("#/recurring", "#clusters .clusters, #clusters .empty"),
        "upload": ("#/upload", "#start-upload"),
    }


def visit(page: Page, coach: Coach, route: str, ready: str) -> None:
    page.goto(f"{coach.url}/{route}")
    page.locator(ready).first.wait_for()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_no_page_is_wider_than_the_viewport_and_no_link_is_covered(
    browser: Browser, coach_server: Coach, finished_review: dict[str, Any], size: Any, lang: Any
) -> None:
    with browser_page(browser, size, lang) as (page, problems):
        for name, (route, ready) in pages_of(finished_review["id"]).items():
            visit(page, coach_server, route, ready)
            if name in ("search", "review"):  # the links the floating launcher used to cover
                links = page.locator("main a", has_text=OPEN_REVIEW[lang])
                assert links.count() >= 1, f"{name} has no {OPEN_REVIEW[lang]} link to check"
            assert overflow(page) == [], f"{name} at {size}"
            assert squeezed(page) == [], f"{name} at {size}"
            assert covered_links(page) == [], f"{name} at {size}"
        assert problems.console == [] and problems.responses == []


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_navigation_is_one_row_that_scrolls_and_the_coach_docks_in_the_top_bar(
    browser: Browser, coach_server: Coach, lang: Literal["zh", "en"]
) -> None:
    with browser_page(browser, "phone", lang) as (page, _):
        visit(page, coach_server, "#/", "main h1")
        links = page.locator(".topbar nav a")
        expect(links).to_have_text(NAV[lang])
        boxes = [links.nth(i).bounding_box() for i in range(links.count())]
        brand = page.locator(".brand").bounding_box()
        assert all(b is not None for b in boxes) and brand is not None
        assert len({round(b["y"]) for b in boxes if b}) == 1, "the links are on one row"
        assert all(b["height"] < 40 for b in boxes if b), "no link wraps (复/盘/记/录)"
        assert min(b["y"] for b in boxes if b) >= brand["y"] + brand["height"], "the nav has its own row"
        assert page.locator(".topbar nav").evaluate("n => getComputedStyle(n).overflowX") == "auto"

        # the floating launcher would cover the page: it is hidden, and the top bar's button opens the chat
        expect(page.locator(W + ".launcher")).to_be_hidden()
        page.locator("#coach-open").click()
        expect(page.locator(W + ".panel")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator(W + ".panel")).to_be_hidden()


def test_on_a_desktop_the_navigation_is_in_the_top_bar_and_the_launcher_floats(
    browser: Browser, coach_server: Coach
) -> None:
    with browser_page(browser, "desktop", "zh") as (page, _):
        visit(page, coach_server, "#/", "main h1")
        bar = page.locator(".topbar").bounding_box()
        assert bar is not None and bar["height"] <= 60
        expect(page.locator("#coach-open")).to_be_hidden()
        launcher = page.locator(W + ".launcher")
        expect(launcher).to_be_visible()
        launcher.click()
        expect(page.locator(W + ".panel")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator(W + ".panel")).to_be_hidden()
        expect(launcher).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_review_stacks_its_tables_and_lists_the_lessons_by_dimension(
    browser: Browser,
    coach_server: Coach,
    finished_review: dict[str, Any],
    lang: Literal["zh", "en"],
    screenshots: Path,
) -> None:
    review = finished_review
    with browser_page(browser, "phone", lang) as (page, _):
        visit(page, coach_server, f"#/reviews/{review['id']}", "#step-lessons")
        expect(page.locator(".lesson-grid")).to_be_hidden()
        lesson_list = page.locator(".lesson-list")
        expect(lesson_list).to_be_visible()
        dimensions = {lesson["dimension"] for lesson in review["lessons"]}
        expect(lesson_list.locator("ul[data-dimension]")).to_have_count(len(dimensions))
        for lesson in review["lessons"]:
            expect(lesson_list.locator(f'ul[data-dimension="{lesson["dimension"]}"]')).to_contain_text(
                lesson["text"]
            )
        expect(page.locator("table.plan thead")).to_be_hidden()
        cell = page.locator("table.plan td[data-label]").first
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label.strip('"') == ("事项" if lang == "zh" else "What")
        status = page.locator("select.status").first
        status.scroll_into_view_if_needed()
        expect(status).to_be_in_viewport(ratio=1)  # the whole select, not cut off at the right
        if lang == "zh":
            page.locator("#related .hit, #related .empty").first.wait_for()
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(screenshots / "review-phone.png"), full_page=True)


def test_on_a_desktop_the_review_keeps_its_tables_and_the_4x4_lesson_grid(
    browser: Browser, coach_server: Coach, finished_review: dict[str, Any]
) -> None:
    with browser_page(browser, "desktop", "zh") as (page, _):
        visit(page, coach_server, f"#/reviews/{finished_review['id']}", "#step-lessons")
        expect(page.locator(".lesson-grid")).to_be_visible()
        expect(page.locator(".lesson-grid tbody td")).to_have_count(16)
        expect(page.locator(".lesson-list")).to_be_hidden()
        for table in ("table.goals", "table.plan"):
            expect(page.locator(f"{table} thead")).to_be_visible()
        cell = page.locator("table.plan td[data-label]").first
        assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell"
        status = page.locator("select.status").first
        status.scroll_into_view_if_needed()
        expect(status).to_be_in_viewport(ratio=1)
        assert overflow(page) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_chart_legend_names_the_missed_and_far_missed_bars(
    browser: Browser, coach_server: Coach, finished_review: dict[str, Any], size: Any
) -> None:
    with browser_page(browser, size, "zh") as (page, _):
        visit(page, coach_server, f"#/reviews/{finished_review['id']}", "svg.chart")
        legend = page.locator("svg.chart text.chart-legend")
        expect(legend).to_have_text(["目标值", "结果", "未达成", "差距很大"])
        swatch = page.locator("svg.chart rect.swatch.missed")
        assert swatch.evaluate("r => getComputedStyle(r).fill") == "rgb(214, 158, 46)"  # the orange bar
        # on a phone the chart scrolls sideways in its own box: the legend is reached by scrolling it
        missed = page.locator("svg.chart text.chart-legend", has_text="未达成")
        missed.scroll_into_view_if_needed()
        expect(swatch).to_be_in_viewport(ratio=1)
        expect(missed).to_be_in_viewport(ratio=0.9)  # its glyph box may graze the scroll box edge


@pytest.mark.parametrize("size", SIZES)
def test_dark_mode_changes_the_colors(browser: Browser, coach_server: Coach, size: Any) -> None:
    colors = {}
    for scheme in ("light", "dark"):
        with browser_page(browser, size, "zh", color_scheme=scheme) as (page, _):
            visit(page, coach_server, "#/", "main h1")
            colors[scheme] = page.evaluate(
                """() => [document.documentElement, document.querySelector('.topbar'),
                          document.querySelector('main h1')].map(e => {
                    const s = getComputedStyle(e); return [s.backgroundColor, s.color]; })"""
            )
            panel = page.locator(W + ".panel")
            colors[scheme].append(panel.evaluate("p => getComputedStyle(p).getPropertyValue('--c-bg')"))
    light, dark = colors["light"], colors["dark"]
    assert light[0][0] != dark[0][0], "page background"
    assert light[1][0] != dark[1][0], "top bar background"
    assert light[2][1] != dark[2][1], "heading color"
    assert light[3] != dark[3], "the widget's background"


@pytest.mark.parametrize("size", SIZES)
def test_the_favicon_is_an_svg_served_by_the_app(browser: Browser, coach_server: Coach, size: Any) -> None:
    with browser_page(browser, size, "zh") as (page, problems):
        visit(page, coach_server, "#/", "main h1")
        href = page.locator('link[rel="icon"]').get_attribute("href")
        assert href == "/static/favicon.svg"
        assert problems.console == [] and problems.responses == []
    for path in (href, "/favicon.ico"):
        response = httpx.get(coach_server.url + path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("image/svg+xml")
        assert response.text.startswith("<svg")


@pytest.mark.parametrize(("size", "lang"), [("phone", "zh"), ("phone", "en"), ("desktop", "zh")])
def test_the_file_chooser_speaks_the_page_language(
    browser: Browser, coach_server: Coach, size: Any, lang: Literal["zh", "en"]
) -> None:
    with browser_page(browser, size, lang) as (page, _):
        visit(page, coach_server, "#/upload", "#start-upload")
        expect(page.locator(".file-drop .button")).to_have_text(
            "选择文件" if lang == "zh" else "Choose files"
        )
        expect(page.locator("#file-names")).to_have_text(
            "还没有选择文件" if lang == "zh" else "No files chosen yet"
        )
        native = page.locator("#notes-files").bounding_box()
        assert native is not None and native["width"] <= 1, "the native 'Choose Files' button is not shown"
        page.locator("#notes-files").set_input_files(
            [{"name": "a.md", "mimeType": "text/plain", "buffer": b"x"}]
        )
        expect(page.locator("#file-names")).to_contain_text("a.md")


@pytest.mark.parametrize(("size", "lang"), [("phone", "zh"), ("phone", "en"), ("desktop", "zh")])
def test_search_says_when_no_more_relevant_lessons_follow(
    browser: Browser,
    coach_server: Coach,
    finished_review: dict[str, Any],
    size: Any,
    lang: Literal["zh", "en"],
) -> None:
    with browser_page(browser, size, lang) as (page, _):
        with page.expect_request(lambda r: "/lessons/search" in r.url) as sent:
            visit(page, coach_server, "#/search?q=回款跟踪", "#results .hits")
        assert "floor=true" in sent.value.url
        hits = page.locator("#results .hits .hit")
        expect(hits.first).to_be_visible()
        last = page.locator("#results > *").last
        expect(last).to_have_class("no-more")  # right after the last relevant hit
        expect(last).to_have_text("没有更相关的了" if lang == "zh" else "No more relevant lessons")
