"""The gate in front of Chainlit: portal sign-ins, visitor cookies, letter downloads and metrics."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

from bot.web.gate import install_gate
from bot.web.metrics import timed_turn
from bot.web.portal_tokens import mint_portal_token
from bot.web.visitors import VISITOR_COOKIE, VISITOR_MAX_AGE_S, new_visitor_cookie, visitor_from_cookie

pytestmark = pytest.mark.unit

SECRET = "gate-secret-for-tests-" + "0123456789abcdef" * 3
MAX_TTL = 300
LETTER = "Dear Appeals Unit,\n\nPlease reconsider.\n\nSincerely,\nAna"
PAGE = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@dataclass
class Letters:
    """The letter lookup: records what it was asked, answers `text` (None: not theirs)."""

    text: str | None = LETTER
    calls: list[tuple[str | None, str]] = field(default_factory=list)

    async def __call__(self, session_cookie: str | None, thread_id: str) -> str | None:
        self.calls.append((session_cookie, thread_id))
        return self.text


@dataclass
class Site:
    client: TestClient
    letters: Letters
    sign_ins: list[str]


def _site(letters: Letters | None = None, *, secure_cookies: bool = False) -> Site:
    app = FastAPI()
    lookup = letters or Letters()
    sign_ins: list[str] = []
    install_gate(app, SECRET, MAX_TTL, lookup, secure_cookies=secure_cookies)

    @app.post("/auth/jwt")
    async def chainlit_sign_in() -> dict[str, str]:
        sign_ins.append("reached")
        return {"signed_in": "yes"}

    @app.get("/", response_class=HTMLResponse)
    async def page() -> str:
        return "<html><body>widget</body></html>"

    @app.get("/project/settings")
    async def api() -> dict[str, str]:
        return {"ui": "settings"}

    return Site(TestClient(app), lookup, sign_ins)


@pytest.fixture
def site() -> Site:
    return _site()


# ---- POST /auth/jwt ----


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(None, id="no-header"),
        pytest.param("", id="empty"),
        pytest.param("Bearer", id="no-token"),
        pytest.param("Bearer    ", id="blank-token"),
        pytest.param("Basic dXNlcjpwYXNz", id="basic"),
        pytest.param(f"Token {mint_portal_token(SECRET, 'member-42')}", id="wrong-scheme"),
        pytest.param(mint_portal_token(SECRET, "member-42"), id="no-scheme"),
        pytest.param("Bearer not-a-jwt", id="garbage"),
        pytest.param(f"Bearer {mint_portal_token('another-secret-' + 'f' * 48, 'member-42')}", id="wrong-secret"),
        pytest.param(f"Bearer {mint_portal_token(SECRET, 'member-42', now=time.time() - 3600)}", id="expired"),
        pytest.param(f"Bearer {mint_portal_token(SECRET, 'member-42', ttl_s=MAX_TTL * 12)}", id="too-long-lived"),
    ],
)
def test_a_sign_in_without_a_good_portal_token_never_reaches_chainlit(site: Site, authorization: str | None) -> None:
    headers = {} if authorization is None else {"authorization": authorization}
    response = site.client.post("/auth/jwt", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    token = (authorization or "").rpartition(" ")[2]
    if len(token) > 20:
        assert all(part not in detail for part in token.split("."))
    assert site.sign_ins == []
    assert "set-cookie" not in response.headers


def test_the_refusal_says_why(site: Site) -> None:
    expired = mint_portal_token(SECRET, "member-42", now=time.time() - 3600)
    assert "expired" in site.client.post("/auth/jwt", headers={"authorization": f"Bearer {expired}"}).json()["detail"]
    long_lived = mint_portal_token(SECRET, "member-42", ttl_s=MAX_TTL + 1)
    detail = site.client.post("/auth/jwt", headers={"authorization": f"Bearer {long_lived}"}).json()["detail"]
    assert f"longer than {MAX_TTL} seconds" in detail
    assert "patient portal" in site.client.post("/auth/jwt").json()["detail"]


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_a_good_portal_token_reaches_chainlit(site: Site, scheme: str) -> None:
    token = mint_portal_token(SECRET, "member-42", ttl_s=MAX_TTL, display_name="Ana")
    response = site.client.post("/auth/jwt", headers={"authorization": f"{scheme} {token}"})
    assert response.status_code == 200
    assert response.json() == {"signed_in": "yes"}
    assert site.sign_ins == ["reached"]


def test_other_requests_need_no_portal_token(site: Site) -> None:
    assert site.client.get("/project/settings").json() == {"ui": "settings"}
    assert site.client.get("/auth/jwt").status_code == 405  # only the POST is checked, and routed as usual


# ---- the visitor cookie ----


def _set_cookies(response_headers: list[str]) -> list[str]:
    return [value for value in response_headers if value.startswith(f"{VISITOR_COOKIE}=")]


def test_a_page_load_without_a_cookie_gets_a_signed_visitor_cookie(site: Site) -> None:
    response = site.client.get("/", headers=PAGE)
    assert response.status_code == 200 and "widget" in response.text
    [header] = _set_cookies(response.headers.get_list("set-cookie"))
    attributes = [part.strip().lower() for part in header.split(";")]
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert f"max-age={VISITOR_MAX_AGE_S}" in attributes
    assert "secure" not in attributes
    value = header.split(";")[0].split("=", 1)[1]
    assert visitor_from_cookie(SECRET, value) is not None


def test_secure_cookies_when_served_over_https() -> None:
    response = _site(secure_cookies=True).client.get("/", headers=PAGE)
    [header] = _set_cookies(response.headers.get_list("set-cookie"))
    assert "secure" in [part.strip().lower() for part in header.split(";")]


def test_a_visitor_with_a_valid_cookie_keeps_it(site: Site) -> None:
    first = site.client.get("/", headers=PAGE)
    assert _set_cookies(first.headers.get_list("set-cookie"))
    again = site.client.get("/", headers=PAGE)  # the client sends the cookie back
    assert again.status_code == 200
    assert _set_cookies(again.headers.get_list("set-cookie")) == []


def test_a_forged_or_foreign_cookie_is_replaced(site: Site) -> None:
    for bad in ["0" * 32 + "." + "0" * 32, new_visitor_cookie("another-secret-" + "f" * 48), "junk"]:
        client = TestClient(site.client.app)
        client.cookies.set(VISITOR_COOKIE, bad)
        [header] = _set_cookies(client.get("/", headers=PAGE).headers.get_list("set-cookie"))
        fresh = header.split(";")[0].split("=", 1)[1]
        assert fresh != bad and visitor_from_cookie(SECRET, fresh) is not None


@pytest.mark.parametrize(
    ("method", "path", "accept"),
    [
        ("GET", "/project/settings", "application/json"),
        ("GET", "/", "*/*"),
        ("GET", "/overturn/metrics", "text/html"),
        ("POST", "/auth/jwt", "text/html"),
    ],
)
def test_only_page_loads_get_a_visitor_cookie(site: Site, method: str, path: str, accept: str) -> None:
    response = site.client.request(method, path, headers={"accept": accept})
    assert _set_cookies(response.headers.get_list("set-cookie")) == []


def test_a_non_ascii_cookie_gets_a_fresh_one_not_an_error(site: Site) -> None:
    client = TestClient(site.client.app, raise_server_exceptions=False)
    cookie = f"{VISITOR_COOKIE}={'a' * 32}.é".encode()  # a browser sends the bytes; Starlette reads latin-1
    response = client.get("/", headers={b"accept": b"text/html", b"cookie": cookie})
    assert response.status_code == 200
    assert _set_cookies(response.headers.get_list("set-cookie"))


# ---- metrics ----


async def test_metrics_are_prometheus_text_with_turn_timings(site: Site) -> None:
    @timed_turn("gate-test")
    async def turn() -> None:
        return None

    await turn()
    response = site.client.get("/overturn/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert "# TYPE overturn_web_turn_seconds histogram" in response.text
    assert 'overturn_web_turn_seconds_count{kind="gate-test"}' in response.text
    assert site.letters.calls == []


# ---- letter downloads ----


def test_the_owner_downloads_a_pdf_never_cached(site: Site) -> None:
    site.client.cookies.set("access_token", "chainlit-session-jwt")
    response = site.client.get("/overturn/letters/abc.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="appeal-letter.pdf"'
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    assert site.letters.calls == [("chainlit-session-jwt", "abc")]


@pytest.mark.parametrize(
    ("extension", "media_type", "magic"),
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("txt", "text/plain; charset=utf-8", LETTER.encode("utf-8")),
    ],
)
def test_other_formats_download_too(site: Site, extension: str, media_type: str, magic: bytes) -> None:
    response = site.client.get(f"/overturn/letters/t0ab12cd34ef.{extension}")
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="appeal-letter.{extension}"'
    assert response.content.startswith(magic)
    assert site.letters.calls == [(None, "t0ab12cd34ef")]  # no session cookie: the lookup decides


def test_a_letter_that_is_not_theirs_is_not_available() -> None:
    site = _site(Letters(text=None))
    site.client.cookies.set("access_token", "someone-else")
    response = site.client.get("/overturn/letters/abc.pdf")
    assert response.status_code == 404
    assert "not available" in response.text
    assert not response.content.startswith(b"%PDF")
    assert "content-disposition" not in response.headers
    assert site.letters.calls == [("someone-else", "abc")]


@pytest.mark.parametrize(
    "path",
    ["/overturn/letters/abc.html", "/overturn/letters/..%2Fabc.pdf", "/overturn/letters/a-b.pdf", "/overturn/letters/"],
)
def test_a_path_that_is_not_a_download_never_asks_for_a_letter(site: Site, path: str) -> None:
    response = site.client.get(path)
    assert response.status_code == 404
    assert site.letters.calls == []


def test_only_a_get_downloads(site: Site) -> None:
    assert site.client.post("/overturn/letters/abc.pdf").status_code in (404, 405)
    assert site.letters.calls == []
