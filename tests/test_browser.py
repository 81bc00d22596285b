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
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.config import REPO_ROOT

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


@pytest.fixture
def page(browser: object, live_server: str) -> Iterator[tuple[object, list[str]]]:
    """A page that may reach only the test server; what else it tried is recorded."""
    from playwright.sync_api import Browser, Route

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    blocked: list[str] = []

    def only_the_test_server(route: Route) -> None:
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_test_server)
    yield context.new_page(), blocked
    context.close()


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
