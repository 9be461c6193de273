"""The web routes without a browser: content types, caching, security headers, no path traversal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coach.api.main import create_app
from coach.settings import Settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    home: Path = tmp_path_factory.mktemp("web-routes")
    with TestClient(create_app(Settings(home=home, engine="rules"))) as test_client:
        yield test_client


def test_widget_js_is_javascript_with_cache_headers(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "max-age=" in response.headers["cache-control"]
    assert response.headers["etag"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "attachShadow" in response.text


def test_workspace_and_demo_pages_are_html_with_a_strict_csp(client: TestClient) -> None:
    for path, marker in (("/", "/static/app.js"), ("/demo", "/widget.js")):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert marker in response.text


def test_static_assets_are_served(client: TestClient) -> None:
    css = client.get("/static/app.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "@media print" in css.text
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")


OUTSIDE = ["/static/../routes/web.py", "/static/%2e%2e/%2e%2e/settings.py", "/static/nope.js"]


@pytest.mark.parametrize("path", OUTSIDE)
def test_no_file_outside_the_static_folder(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_the_api_docs_load_their_assets_from_the_app(client: TestClient) -> None:
    for path, asset in (
        ("/docs", "/docs/assets/swagger-ui-bundle.js"),
        ("/redoc", "/docs/assets/redoc.standalone.js"),
    ):
        page = client.get(path)
        assert page.status_code == 200
        assert asset in page.text
        assert "cdn." not in page.text and "fonts.googleapis" not in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]
        script = client.get(asset)
        assert script.status_code == 200
        assert script.headers["content-type"].startswith("text/javascript")
    assert client.get("/docs/assets/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/docs/assets/core.py").status_code == 404


def test_the_favicon_is_served_as_svg(client: TestClient) -> None:
    for path in ("/static/favicon.svg", "/favicon.ico"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("image/svg+xml")
