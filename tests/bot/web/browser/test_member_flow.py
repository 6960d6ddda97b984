"""The member's whole journey in a real browser against the real app on 127.0.0.1 (template letters, SQLite)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from bot.documents import letter_pdf
from tests.bot.web.browser.chat_steps import agree, confirm_details, question, send, skip_to_letter
from tests.bot.web.browser.conftest import screenshot
from tests.bot.web.browser.servers import WebServers

pytestmark = pytest.mark.browser

LETTER = (Path(__file__).resolve().parents[4] / "bot" / "examples" / "denial_mri.txt").read_text(encoding="utf-8")
SERVICE = "MRI lumbar spine"
CANARY_NAME = "Quokka Canarysson"
LETTER_IDS = ["U0000000001", "2026E0000042", "PA-00000087"]  # member id, claim and reference numbers


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF"), data[:20]
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def download_pdf(page: Page, root: Page) -> bytes:
    with page.expect_download() as info:
        root.get_by_role("link", name="Download PDF").click()
    path = info.value.path()
    return Path(path).read_bytes()


def test_pasted_letter_to_downloaded_pdf(web: WebServers, page: Page) -> None:
    page.goto(web.app_url)
    expect(page.get_by_role("button", name="I agree")).to_be_visible()
    screenshot(page, "01-welcome")
    agree(page)
    send(page, page, LETTER)
    expect(page.get_by_text("What name will you sign")).to_be_visible()
    send(page, page, CANARY_NAME)
    form = page.get_by_test_id("confirm-details")
    expect(form).to_be_visible()
    expect(form.get_by_text("Date of Service: 02/14/2026")).to_be_visible()  # the letter's words beside the fact
    form.locator("input[name=service_date]").fill("2026-02-15")  # the member corrects a fact
    screenshot(page, "02-confirm")
    confirm_details(page)
    screenshot(page, "03-question")
    page.get_by_role("button", name="Yes", exact=True).click()  # question 1: quick reply
    expect(question(page, 2)).to_be_visible()
    send(page, page, "I don't know")  # question 2: typed
    expect(question(page, 3)).to_be_visible()
    skip_to_letter(page, 3)
    screenshot(page, "04-letter")

    text = pdf_text(download_pdf(page, page))
    assert SERVICE in text
    assert "February 15, 2026" in text and "February 14, 2026" not in text  # the correction, not the letter's date
    assert CANARY_NAME in text  # the member's name comes back in their letter, and only there

    # Nothing the app keeps on disk (database, checkpoints, Chainlit's folder), and nothing it logged, holds
    # the member's name or the letter's identifiers in the clear.
    identifiers = [CANARY_NAME, *LETTER_IDS]
    assert all(value in text for value in LETTER_IDS)
    files = [p for p in web.home.rglob("*") if p.is_file()]
    leaks = [(p.name, v) for p in files for v in identifiers if v.encode() in p.read_bytes()]
    assert leaks == []
    log = web.app.drain()
    assert [v for v in identifiers if v in log] == []


def test_reload_mid_interview_resumes_at_the_waiting_question(web: WebServers, page: Page, tmp_path: Path) -> None:
    page.goto(web.app_url)
    agree(page)
    send(page, page, LETTER)
    page.get_by_role("button", name="Skip", exact=True).click()  # no name
    confirm_details(page)
    page.get_by_role("button", name="No", exact=True).click()
    expect(question(page, 2)).to_be_visible()
    waiting = question(page, 2).inner_text()

    page.reload()
    expect(page.get_by_text("Welcome back")).to_be_visible()
    expect(question(page, 2)).to_be_visible()
    assert question(page, 2).inner_text() == waiting
    expect(question(page, 1)).to_have_count(0)  # answered questions are not asked again
    screenshot(page, "05-reloaded")
    page.get_by_role("button", name="Skip", exact=True).click()
    expect(question(page, 3)).to_be_visible()

    # A file sent with an answer is not the letter, but it must not stay on disk either.
    stray = tmp_path / "notes.pdf"
    stray.write_bytes(letter_pdf("My notes about my doctor visits, for my own records only."))
    page.locator("input[type=file]").first.set_input_files(str(stray))
    expect(page.locator("#attachments")).to_contain_text("notes.pdf")
    send(page, page, "skip")
    expect(question(page, 4)).to_be_visible()
    assert [p for p in (web.home / "web" / ".files").rglob("*") if p.is_file()] == []


def test_a_crashed_app_resumes_the_interview_after_restart(web: WebServers, page: Page) -> None:
    page.goto(web.app_url)
    agree(page)
    send(page, page, LETTER)
    page.get_by_role("button", name="Skip", exact=True).click()
    confirm_details(page)
    page.get_by_role("button", name="Yes", exact=True).click()
    expect(question(page, 2)).to_be_visible()

    web.kill_and_restart_app()
    page.reload()
    expect(page.get_by_text("Welcome back")).to_be_visible()
    expect(question(page, 2)).to_be_visible()
    skip_to_letter(page, 2)
    text = pdf_text(download_pdf(page, page))
    assert "expedited" in text.lower()  # the answer given before the crash ("urgent: yes") reached the letter


def test_widget_on_the_portal_page_completes_the_flow(web: WebServers, page: Page) -> None:
    page.goto(web.portal_url)
    page.locator("#chainlit-copilot-button").click()
    widget = page.locator("#chainlit-copilot")
    agree(widget)
    screenshot(page, "06-widget")
    send(widget, page, LETTER)
    # The portal told us who the member is: no name question.
    confirm_details(widget)
    skip_to_letter(widget, 1)
    screenshot(page, "07-widget-letter")
    href = widget.get_by_role("link", name="Download PDF").get_attribute("href")
    assert href is not None and href.startswith(web.app_url)
    response = page.context.request.get(href)  # the browser's own cookies: the signed-in member
    assert response.status == 200
    text = pdf_text(response.body())
    assert SERVICE in text and "Alex Demo" in text

    stranger = page.context.browser.new_context()  # type: ignore[union-attr]
    try:
        assert stranger.request.get(href).status == 404  # no session, no letter
    finally:
        stranger.close()


def test_uploaded_pdf_is_read_and_not_kept(web: WebServers, page: Page, tmp_path: Path) -> None:
    upload = tmp_path / "denial.pdf"
    upload.write_bytes(letter_pdf(LETTER))
    page.goto(web.app_url)
    agree(page)
    page.locator("input[type=file]").first.set_input_files(str(upload))
    expect(page.locator("#attachments")).to_contain_text("denial.pdf")
    send(page, page, "Here is my letter.")
    expect(page.get_by_text("What name will you sign")).to_be_visible()
    uploads = web.home / "web" / ".files"
    assert [p for p in uploads.rglob("*") if p.is_file()] == []
    page.get_by_role("button", name="Skip", exact=True).click()
    expect(page.get_by_test_id("confirm-details")).to_be_visible()
    expect(page.get_by_test_id("confirm-details").locator("input[name=service]")).to_have_value(
        "MRI lumbar spine without contrast"
    )


def test_bad_input_gets_a_plain_answer_and_the_member_can_go_on(web: WebServers, page: Page, tmp_path: Path) -> None:
    page.goto(web.app_url)
    agree(page)
    send(page, page, "hello")
    expect(page.get_by_text("too short to be a denial letter")).to_be_visible()

    blank = tmp_path / "blank.png"
    Image.new("RGB", (800, 600), "white").save(blank)
    page.locator("input[type=file]").first.set_input_files(str(blank))
    expect(page.locator("#attachments").get_by_alt_text("blank.png")).to_be_visible()
    send(page, page, "Here it is.")
    expect(page.get_by_text("You can also paste the letter's text")).to_be_visible()
    screenshot(page, "08-bad-input")
    assert "Traceback" not in page.content()

    send(page, page, LETTER)
    expect(page.get_by_text("What name will you sign")).to_be_visible()
