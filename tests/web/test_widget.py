"""The embeddable widget, in headless Chromium, on a host page of another origin."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.web.conftest import NO_PLAYWRIGHT, Coach
from tests.web.pages import browser_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Locator, Page, Route

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

W = "#retro-coach-widget >> "  # the widget's Shadow DOM (open, so Playwright's CSS pierces it)


def open_widget(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(W + ".launcher").click()
    page.locator(W + ".msg.coach .body").first.wait_for()  # the opening question
    page.locator(W + ".panel:not(.busy)").wait_for()


def send(page: Page, text: str) -> Locator:
    """Type and press Enter; returns the coach bubble of this turn once its stream has ended."""
    finished = page.locator(W + ".msg.coach[data-state]")
    before = finished.count()
    box = page.locator(W + "textarea")
    box.fill(text)
    box.press("Enter")
    expect(finished).to_have_count(before + 1)
    return finished.nth(before)


def test_streams_a_reply_on_a_host_page_of_another_origin(
    page: Page, coach_server: Coach, screenshots: Path
) -> None:
    requests: list[tuple[str, str]] = []
    page.on("request", lambda r: requests.append((r.url, r.headers.get("accept", ""))))
    with page.expect_response(lambda r: r.url.endswith("/messages")) as answer:
        open_widget(page, coach_server.host_url + "/host.html")
        reply = send(page, "销售额目标 1.2亿，实际完成 9600万；新客户目标 300 家，实际 320 家")

    response = answer.value
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["access-control-allow-origin"] == coach_server.host_url
    assert any(url.startswith(coach_server.url) and "event-stream" in acc for url, acc in requests)
    assert int(reply.get_attribute("data-deltas") or 0) >= 1, "the reply should arrive as streamed deltas"
    assert reply.locator(".body").inner_text().strip()

    # the method's steps and progress are shown; host styles did not leak into the Shadow DOM
    assert page.locator(W + ".steps li").count() == 4
    assert page.locator(W + ".steps li.current").count() == 1
    launcher_bg = page.locator(W + ".send").evaluate("b => getComputedStyle(b).backgroundColor")
    assert launcher_bg != "rgb(255, 0, 0)"
    page.screenshot(path=str(screenshots / "widget.png"))


def test_quick_reply_chip_sends_its_text(page: Page, coach_server: Coach) -> None:
    open_widget(page, coach_server.host_url + "/host.html")
    page.locator(W + ".chip", has_text="跳过").click()
    page.locator(W + ".msg.user", has_text="跳过").wait_for()
    expect(page.locator(W + ".msg.coach[data-state]")).to_have_count(1)


def test_enter_while_composing_does_not_send(page: Page, coach_server: Coach) -> None:
    open_widget(page, coach_server.host_url + "/host.html")
    box = page.locator(W + "textarea")
    box.fill("复盘")
    box.dispatch_event("compositionstart", {"data": ""})
    box.evaluate(
        """el => el.dispatchEvent(new KeyboardEvent('keydown',
             {key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true}))"""
    )
    # a keydown that reports 229 (Safari sends it just after compositionend) does not send either
    box.dispatch_event("compositionend", {"data": "复盘"})
    box.evaluate(
        """el => el.dispatchEvent(new KeyboardEvent('keydown',
             {key: 'Enter', keyCode: 229, bubbles: true, cancelable: true}))"""
    )
    box.press("Shift+Enter")
    assert page.locator(W + ".msg.user").count() == 0
    assert box.input_value() == "复盘\n"

    box.press("Enter")  # composition over: a plain Enter sends, once
    expect(page.locator(W + ".msg.coach[data-state]")).to_have_count(1)
    assert page.locator(W + ".msg.user").count() == 1
    expect(box).to_have_value("")


def test_html_in_messages_is_inert_text(page: Page, coach_server: Coach) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    open_widget(page, coach_server.host_url + "/host.html")
    payload = (
        '<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2</script> '
        "<b onmouseover=alert(3)>hi</b> **销售额** 目标 100 万"
    )
    send(page, payload)

    log = page.locator(W + ".log")
    assert log.locator("img, script, b, iframe").count() == 0
    user = page.locator(W + ".msg.user .body")
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in user.inner_text()
    assert user.locator("strong").inner_text() == "销售额"  # the Markdown subset still works
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []


def test_reload_keeps_the_conversation(page: Page, coach_server: Coach) -> None:
    open_widget(page, coach_server.host_url + "/host-en.html")
    assert page.locator(W + ".send").inner_text() == "Send"  # <html lang="en">
    send(page, "Revenue target 1000, actual 800")
    before = page.locator(W + ".msg").all_inner_texts()

    page.reload()
    page.locator(W + ".msg.user", has_text="Revenue target 1000").wait_for()  # the panel reopens by itself
    page.locator(W + ".panel:not(.busy)").wait_for()
    assert page.locator(W + ".msg").all_inner_texts() == before


def test_workspace_key_is_sent_as_bearer(page: Page, coach_server: Coach) -> None:
    page.goto(coach_server.host_url + "/host-key.html")
    with page.expect_request(lambda r: "/api/v1/sessions" in r.url) as sent:
        page.locator(W + ".launcher").click()
    assert sent.value.headers.get("authorization") == "Bearer wk_test_123"


def answer_busy(page: Page, coach: Coach, times: int) -> list[float]:
    """Stand in for a second replica holding the session: the first `times` turns get its 409."""
    from coach.services.chat import SessionBusy

    asked: list[float] = []

    def handle(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        asked.append(time.monotonic())
        if len(asked) > times:
            route.continue_()
            return
        lang = route.request.headers.get("accept-language", "zh")
        message = SessionBusy.zh if lang.startswith("zh") else SessionBusy.en
        route.fulfill(
            status=409,
            headers={"access-control-allow-origin": coach.host_url, "retry-after": "1"},
            content_type="application/json",
            body=json.dumps({"error": {"code": "session_busy", "message": message}}),
        )

    page.route("**/api/v1/sessions/*/messages", handle)
    return asked


@pytest.mark.parametrize(("size", "lang"), [("desktop", "zh"), ("phone", "en")])
def test_a_turn_refused_because_another_replica_holds_the_session_is_sent_again(
    browser: Browser, coach_server: Coach, size: Any, lang: str
) -> None:
    with browser_page(browser, size, lang) as (page, _):  # type: ignore[arg-type]
        asked = answer_busy(page, coach_server, times=1)
        open_widget(page, coach_server.host_url + ("/host.html" if lang == "zh" else "/host-en.html"))
        reply = send(page, "回款目标1.2亿，实际9600万")
        expect(reply).to_have_attribute("data-state", "done")
        expect(reply).to_have_attribute("data-retries", "1")
        assert len(asked) == 2 and asked[1] - asked[0] >= 0.4, "asked again after a back-off"
        expect(page.locator(W + ".msg.error")).to_have_count(0)
        expect(page.locator(W + ".msg.user")).to_have_count(1)  # the user's line is shown once
        assert reply.locator(".body").inner_text().strip()


@pytest.mark.parametrize(("size", "lang"), [("phone", "zh"), ("desktop", "en")])
def test_a_session_still_busy_after_the_retries_shows_the_servers_message(
    browser: Browser, coach_server: Coach, size: Any, lang: str
) -> None:
    from coach.services.chat import SessionBusy

    with browser_page(browser, size, lang) as (page, _):  # type: ignore[arg-type]
        asked = answer_busy(page, coach_server, times=100)
        open_widget(page, coach_server.host_url + ("/host.html" if lang == "zh" else "/host-en.html"))
        reply = send(page, "回款目标1.2亿，实际9600万")
        expect(reply).to_have_attribute("data-state", "error")
        message = SessionBusy.zh if lang == "zh" else SessionBusy.en
        expect(page.locator(W + ".msg.error")).to_contain_text(message)
        assert len(asked) == 4, "the first try and three retries"
        gaps = [later - earlier for earlier, later in itertools.pairwise(asked)]
        assert all(gap >= 0.4 for gap in gaps) and gaps[-1] > gaps[0], f"a growing back-off: {gaps}"
