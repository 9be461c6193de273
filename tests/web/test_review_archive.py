"""Deleting (archiving) a review from the workspace, after a confirmation, and restoring it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import pytest

from tests.web.conftest import NO_PLAYWRIGHT, Coach
from tests.web.pages import browser_page, overflow
from tests.web.test_review_editing import new_review

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser


def listed(coach: Coach, review_id: str, archived: bool) -> bool:
    with coach.api() as api:
        rows = api.get("/reviews", params={"archived": str(archived).lower(), "limit": 500}).json()
    return review_id in [r["id"] for r in rows]


@pytest.mark.parametrize(("size", "lang"), [("desktop", "zh"), ("phone", "en")])
def test_a_review_is_deleted_only_after_a_confirmation_and_can_be_restored(
    browser: Browser, coach_server: Coach, size: Any, lang: Literal["zh", "en"]
) -> None:
    review_id = new_review(coach_server, f"归档组-{size}")
    answers = [False, True]
    asked: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        asked.append(dialog.message)
        if answers.pop(0):
            dialog.accept()
        else:
            dialog.dismiss()

    with browser_page(browser, size, lang) as (page, _):
        page.on("dialog", on_dialog)
        page.goto(f"{coach_server.url}/#/reviews/{review_id}")
        archive = page.locator("#archive-review")
        expect(archive).to_have_text("删除" if lang == "zh" else "Delete")
        archive.click()  # dismissed: nothing happens
        expect(page.locator("#archived-notice")).to_have_count(0)
        assert listed(coach_server, review_id, archived=False)

        with page.expect_response(lambda r: r.request.method == "DELETE") as deleted:
            archive.click()
        assert deleted.value.status == 200
        assert len(asked) == 2 and ("归档" in asked[0] if lang == "zh" else "archived" in asked[0])
        expect(page.locator("#archived-notice")).to_be_visible()
        expect(page.locator("[data-edit]")).to_have_count(0)
        assert overflow(page) == []
        assert not listed(coach_server, review_id, archived=False)
        assert listed(coach_server, review_id, archived=True)

        page.goto(f"{coach_server.url}/#/?archived=1")
        page.locator(f'tr[data-review="{review_id}"] a').click()
        with page.expect_response(lambda r: r.url.endswith("/restore")) as restored:
            page.locator("#restore-review").click()
        assert restored.value.status == 200
        expect(page.locator("#archived-notice")).to_have_count(0)
        expect(page.locator("[data-edit]")).to_have_count(4)
        assert listed(coach_server, review_id, archived=False)
