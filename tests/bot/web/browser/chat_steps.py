"""A member's steps in the chat, the same in the full page and in the portal widget (Playwright pierces the
widget's shadow DOM, so one set of locators serves both)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

MAX_QUESTIONS = 40


def agree(root: Page | Locator) -> None:
    root.get_by_role("button", name="I agree").click()
    expect(root.get_by_text("paste the text of your denial letter")).to_be_visible()


def send(root: Page | Locator, page: Page, text: str) -> None:
    box = root.locator("#chat-input")
    box.fill(text)
    page.keyboard.press("Enter")


def question(root: Page | Locator, number: int) -> Locator:
    return root.get_by_text(re.compile(rf"^Question {number}( of about \d+)?\.$"))


def confirm_details(root: Page | Locator) -> None:
    root.get_by_test_id("confirm-submit").click()
    expect(question(root, 1)).to_be_visible()


def skip_to_letter(root: Page | Locator, first: int) -> None:
    """Answers 'Skip' from question `first` on until the letter's download links show."""
    download = root.get_by_role("link", name="Download PDF")
    for number in range(first, first + MAX_QUESTIONS):
        next_question = question(root, number + 1)
        root.get_by_role("button", name="Skip", exact=True).last.click()
        next_question.or_(download).first.wait_for(timeout=120_000)
        if download.count():
            return
    raise AssertionError(f"no letter after {MAX_QUESTIONS} questions")
