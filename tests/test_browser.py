"""The docs as a new integrator uses them, in a real browser with no internet.

Playwright drives Debian's Chromium (never a downloaded browser) with every request to
a host other than the test server blocked: Swagger UI must run a request and show the
four risk factors, and ReDoc must show the claim schemas, from this server's assets
alone. Screenshots go to var/screenshots/. Chromium missing: skipped loudly, or failed
when KB_TEST_BROWSER=require (CI).
"""

import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from api.config import REPO_ROOT
from tests.conftest import load_data, uvicorn_serving
from tests.helpers import LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RISK_FACTORS = [
    "Individual Reactions",
    "Allergic Reactions",
    "Inadequate Dosage",
    "Timing of Treatment",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = (
            "BROWSER TEST NOT RUN: Chromium is not installed here "
            "(apt-get install chromium); the docs were not checked in a browser."
        )
        if os.environ.get("KB_TEST_BROWSER") == "require":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@contextmanager
def page_reaching(browser: object, *servers: str) -> Iterator[tuple[object, list[str]]]:
    """A page that may reach only `servers`; what else it tried is recorded."""
    from playwright.sync_api import Browser, Route

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    blocked: list[str] = []

    def only_the_test_server(route: Route) -> None:
        if route.request.url.startswith(servers):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_test_server)
    yield context.new_page(), blocked
    context.close()


@pytest.fixture
def page(browser: object, live_server: str) -> Iterator[tuple[object, list[str]]]:
    with page_reaching(browser, live_server) as reaching:
        yield reaching


def test_swagger_ui_runs_the_risk_factors_request(
    page: tuple[object, list[str]], live_server: str
) -> None:
    from playwright.sync_api import Page, expect

    tab, blocked = page
    assert isinstance(tab, Page)
    tab.goto(f"{live_server}/docs")
    operation = tab.locator("#operations-risk-factors-risk-factors-list_risk_factors")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    body = operation.locator(".live-responses-table .response-col_description pre").first
    expect(body).to_contain_text("Timing of Treatment", timeout=15_000)

    text = body.inner_text()
    assert [text.index(f'"title": "{title}"') for title in RISK_FACTORS] == sorted(
        text.index(f'"title": "{title}"') for title in RISK_FACTORS
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "swagger-risk-factors.png"), full_page=True)
    assert blocked == []


def test_redoc_shows_a_schema_per_claim_type(
    page: tuple[object, list[str]], live_server: str
) -> None:
    from playwright.sync_api import Page, expect

    tab, blocked = page
    assert isinstance(tab, Page)
    tab.goto(f"{live_server}/redoc#tag/claims/operation/claims-get_claim")
    operation = tab.locator('[data-section-id="tag/claims/operation/claims-get_claim"]')
    operation.get_by_role("button", name=re.compile(r"^200")).first.click()
    claim_type = operation.locator("select").nth(1)
    expect(claim_type).to_be_visible(timeout=15_000)
    assert "risk_factor" in claim_type.locator("option").all_inner_texts()

    assert "What the factor can lead to" not in operation.inner_text()

    claim_type.select_option("risk_factor")
    expect(operation).to_contain_text("What the factor can lead to, in the quote's words.")
    expect(operation).to_contain_text("Position in the source's numbered list of risk factors")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "redoc-risk-factor-schema.png"), full_page=False)
    assert blocked == []


@contextmanager
def examples_site() -> Iterator[str]:
    """docs/examples served by a plain file server: an app of another origin than the API."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(REPO_ROOT / "docs" / "examples"))
    site = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}"
    finally:
        site.shutdown()
        site.server_close()


def test_a_browser_eventsource_shows_each_change_as_it_is_committed(
    browser: object, tmp_path: Path
) -> None:
    """docs/examples/stream.html, from another origin, as an app would embed it."""
    from playwright.sync_api import Page, expect

    url = f"sqlite:///{tmp_path / 'kb.sqlite3'}"
    key = load_data(url, curator="browser")
    with (
        uvicorn_serving(url) as server,
        examples_site() as site,
        page_reaching(browser, server, site) as (tab, blocked),
    ):
        assert isinstance(tab, Page)
        tab.goto(f"{site}/stream.html?api={server}")
        expect(tab.locator("#status")).to_have_text("listening", timeout=10_000)
        tag = {"slug": "injection", "label": "Injection", "description": "How it is given."}
        with LiveServer(server, key).client() as client:
            created = client.post("/v1/tags", json=tag)

        expect(tab.locator("#changes li")).to_have_text(
            ["tag injection created by browser"], timeout=5_000
        )
        assert created.status_code == 201
        assert blocked == []
