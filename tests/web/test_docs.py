"""The API docs (/docs Swagger UI, /redoc ReDoc) render with the network off: their assets are ours."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import NO_PLAYWRIGHT, Coach
from tests.web.pages import browser_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def offline(page: Page) -> list[str]:
    """Abort every request that would leave the machine; returns the URLs that tried."""
    blocked: list[str] = []

    def handle(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    page.route("**/*", handle)
    return blocked


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_swagger_ui_renders_the_operations_offline(browser: Browser, coach_server: Coach, size: Any) -> None:
    with browser_page(browser, size, "zh") as (page, problems):
        blocked = offline(page)
        page.goto(coach_server.url + "/docs")
        operations = page.locator(".opblock")
        operations.first.wait_for()
        assert operations.count() >= 20
        expect(
            page.locator(".opblock-summary-path", has_text="/api/v1/reviews/{review_id}/document")
        ).to_have_count(1)
        assert blocked == []
        assert problems.responses == []


def test_redoc_renders_the_operations_offline(browser: Browser, coach_server: Coach) -> None:
    with browser_page(browser, "desktop", "en") as (page, problems):
        blocked = offline(page)
        page.goto(coach_server.url + "/redoc")
        heading = page.locator("h2", has_text="Edit parts of a review (each part sent replaces that part)")
        expect(heading).to_have_count(1)
        expect(page.locator(".menu-content [role=menuitem]").first).to_be_visible()
        assert blocked == []
        assert problems.responses == []


def test_the_docs_assets_come_from_the_app(browser: Browser, coach_server: Coach) -> None:
    with browser_page(browser, "desktop", "zh") as (page, _):
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url))
        page.goto(coach_server.url + "/docs")
        page.locator(".opblock").first.wait_for()
        assets = [url for url in loaded if url.endswith((".js", ".css"))]
        assert assets and all(url.startswith(coach_server.url + "/docs/assets/") for url in assets)
