"""Browser tests: headless Debian Chromium (/usr/bin/chromium, installed by `make browser`) driven by Playwright.

Skipped with a reason when Chromium is absent, unless OVERTURN_REQUIRE_BROWSER=1 (CI), where that is a failure.
Screenshots go to OVERTURN_SCREENSHOTS (default build/screenshots).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.bot.web.browser.servers import WebServers, running_web

CHROMIUM = Path(os.environ.get("OVERTURN_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(os.environ.get("OVERTURN_SCREENSHOTS", "build/screenshots"))
# A turn that reads a letter or writes one takes seconds on a loaded 2-core machine.
expect.set_options(timeout=60_000)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("OVERTURN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing; `make browser` installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing; `make browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebServers]:
    with running_web(tmp_path) as servers:
        yield servers


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    context.set_default_timeout(60_000)
    yield context.new_page()
    context.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled")
