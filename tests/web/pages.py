"""Helpers of the browser tests: a page at a given size, language and color scheme, and layout checks."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
LOCALES = {"zh": "zh-CN", "en": "en-US"}


@dataclass
class Problems:
    """What went wrong while pages loaded: console errors and failed responses."""

    console: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)


@contextlib.contextmanager
def browser_page(
    browser: Browser,
    size: Literal["phone", "desktop"],
    lang: Literal["zh", "en"],
    color_scheme: Literal["light", "dark"] = "light",
) -> Iterator[tuple[Page, Problems]]:
    """A fresh context (its own localStorage) with the viewport, language and color scheme asked for."""
    context = browser.new_context(
        viewport=SIZES[size],
        locale=LOCALES[lang],
        color_scheme=color_scheme,
        is_mobile=size == "phone",
        has_touch=size == "phone",
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    problems = Problems()
    page.on("console", lambda m: problems.console.append(m.text) if m.type == "error" else None)
    page.on(
        "response", lambda r: problems.responses.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    try:
        yield page, problems
    finally:
        context.close()


# Elements past the right edge of the viewport, unless a box that scrolls sideways (and itself fits)
# holds them; and boxes that hide content they cut off (a select clipped by overflow: hidden).
OVERFLOW_JS = """
(width) => {
  const problems = [];
  // a phone widens its layout viewport to fit a page too wide: that is the problem, not the yardstick
  if (window.innerWidth !== width) problems.push("layout viewport widened to " + window.innerWidth);
  const describe = (el) => {
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "");
    const cls = typeof el.className === "string" ? el.className.trim().split(/\\s+/).join(".") : "";
    return cls ? name + "." + cls : name;
  };
  if (document.documentElement.scrollWidth > width) {
    problems.push("page scrolls sideways: " + document.documentElement.scrollWidth + " > " + width);
  }
  const inScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll") return p.getBoundingClientRect().right <= width + 1;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 1 && !inScroller(el)) {
      problems.push(describe(el) + " ends at " + Math.round(box.right));
    }
    const style = getComputedStyle(el);
    if (style.overflowX === "hidden" && !el.classList.contains("visually-hidden")
        && el.scrollWidth > el.clientWidth + 1 && !["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName)) {
      problems.push(describe(el) + " cuts off content: " + el.scrollWidth + " > " + el.clientWidth);
    }
  }
  return problems;
}
"""

# Every link of the page, scrolled to the bottom of the viewport, to its middle, and to the height of
# the widget's floating launcher: the element under the link's center must be the link.
COVERED_LINKS_JS = """
() => {
  const covered = [];
  const host = document.getElementById("retro-coach-widget");
  const launcher = host && host.shadowRoot ? host.shadowRoot.querySelector(".launcher") : null;
  const float = launcher ? launcher.getBoundingClientRect() : null;
  for (const link of document.querySelectorAll("main a")) {
    const first = link.getBoundingClientRect();
    if (first.width === 0 || first.height === 0) continue;
    for (const place of ["end", "center", "launcher"]) {
      if (place === "launcher") {
        if (!float || float.height === 0) continue;
        link.scrollIntoView({ block: "center" });
        const now = link.getClientRects()[0];
        window.scrollBy(0, (now.top + now.height / 2) - (float.top + float.height / 2));
      } else {
        link.scrollIntoView({ block: place, inline: "nearest" });
      }
      const box = link.getClientRects()[0];  // a link broken over two lines: its first line
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (y < 0 || y > window.innerHeight) continue;  // the page cannot scroll that far
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === link || link.contains(hit))) {
        const under = hit ? hit.tagName + "#" + hit.id + "." + hit.className : "nothing";
        covered.push(link.textContent.trim() + " (" + place + ") under " + under);
      }
    }
  }
  window.scrollTo(0, 0);
  return covered;
}
"""


# Text squeezed into a column about one character wide (复/盘/记/录, one character per line).
SQUEEZED_JS = """
() => {
  const squeezed = [];
  const texts = "td, th, a, button, label, li, h1, h2, h3, p, span, select";
  for (const el of document.body.querySelectorAll(texts)) {
    const text = el.textContent.trim();
    const box = el.getBoundingClientRect();
    if (text.length < 3 || box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(el);
    const em = parseFloat(style.fontSize);
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (inner < 2.5 * em && box.height > 2.5 * em) squeezed.push(el.tagName + " " + text.slice(0, 12));
  }
  return squeezed;
}
"""


def squeezed(page: Page) -> list[str]:
    return page.evaluate(SQUEEZED_JS)  # type: ignore[no-any-return]


def overflow(page: Page) -> list[str]:
    viewport = page.viewport_size
    assert viewport is not None
    return page.evaluate(OVERFLOW_JS, viewport["width"])  # type: ignore[no-any-return]


def covered_links(page: Page) -> list[str]:
    return page.evaluate(COVERED_LINKS_JS)  # type: ignore[no-any-return]
