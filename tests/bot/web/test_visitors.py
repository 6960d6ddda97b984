"""Visitor cookies: ID.SIGNATURE under the web secret; anything forged, edited or malformed proves no visitor."""

from __future__ import annotations

import hashlib
import hmac
import re

import pytest

from bot.web.visitors import VISITOR_COOKIE, cookie_value, new_visitor_cookie, visitor_from_cookie

pytestmark = pytest.mark.unit

SECRET = "visitor-secret-for-tests-0123456789abcdef"
OTHER_SECRET = "another-visitor-secret-0123456789abcdef"


def _signed(visitor: str, secret: str = SECRET) -> str:
    """The documented scheme: HMAC-SHA256 of the id under the secret, hex, first 32 characters."""
    return f"{visitor}.{hmac.new(secret.encode(), visitor.encode(), hashlib.sha256).hexdigest()[:32]}"


def _flip(text: str, index: int) -> str:
    return text[:index] + ("0" if text[index] != "0" else "1") + text[index + 1 :]


def test_a_new_cookie_proves_its_visitor() -> None:
    value = new_visitor_cookie(SECRET)
    assert re.fullmatch(r"[0-9a-f]{32}\.[0-9a-f]{32}", value)
    visitor = visitor_from_cookie(SECRET, value)
    assert visitor == value.split(".")[0]
    assert value == _signed(visitor)


def test_each_new_cookie_is_a_new_visitor() -> None:
    visitors = {visitor_from_cookie(SECRET, new_visitor_cookie(SECRET)) for _ in range(20)}
    assert len(visitors) == 20 and None not in visitors


def test_an_edited_id_is_refused() -> None:
    value = new_visitor_cookie(SECRET)
    assert visitor_from_cookie(SECRET, _flip(value, 0)) is None
    assert visitor_from_cookie(SECRET, _flip(value, 31)) is None


def test_an_edited_signature_is_refused() -> None:
    value = new_visitor_cookie(SECRET)
    assert visitor_from_cookie(SECRET, _flip(value, 33)) is None
    assert visitor_from_cookie(SECRET, _flip(value, len(value) - 1)) is None
    assert visitor_from_cookie(SECRET, value[:-1]) is None  # a truncated signature


def test_a_cookie_signed_with_another_secret_is_refused() -> None:
    assert visitor_from_cookie(OTHER_SECRET, new_visitor_cookie(SECRET)) is None
    assert visitor_from_cookie(SECRET, _signed("a" * 32, OTHER_SECRET)) is None


def test_only_32_character_ids_are_visitors_even_when_signed() -> None:
    assert visitor_from_cookie(SECRET, _signed("a" * 32)) == "a" * 32
    assert visitor_from_cookie(SECRET, _signed("a" * 31)) is None
    assert visitor_from_cookie(SECRET, _signed("a" * 33)) is None
    assert visitor_from_cookie(SECRET, _signed("")) is None


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        ".",
        "a.b.c",
        "nodot",
        "0" * 32,
        "0" * 32 + ".",
        "." + "0" * 32,
        "z" * 32 + "." + "z" * 32,  # not hex
        "0" * 32 + "." + "0" * 32,  # hex, but not the signature
        "0" * 32 + ".." + "0" * 32,
    ],
)
def test_malformed_values_are_no_visitor(value: str | None) -> None:
    assert visitor_from_cookie(SECRET, value) is None


def test_a_signed_cookie_with_one_more_dot_is_refused() -> None:
    value = new_visitor_cookie(SECRET)
    assert visitor_from_cookie(SECRET, value + ".") is None
    assert visitor_from_cookie(SECRET, "x." + value) is None


@pytest.mark.parametrize(
    "value",
    [pytest.param("a" * 32 + ".é", id="e-acute"), pytest.param("a" * 32 + "." + "Ã©" * 16, id="latin1-read-utf8")],
)
def test_a_non_ascii_signature_is_refused_not_a_crash(value: str) -> None:
    assert visitor_from_cookie(SECRET, value) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("overturn_visitor=abc.def", "abc.def"),
        ("a=1; overturn_visitor=abc.def; b=2", "abc.def"),
        ('overturn_visitor="abc.def"', "abc.def"),
        ("other=abc.def", None),
        ("OVERTURN_VISITOR=abc.def", None),
        ("overturn_visitor", None),
        ("garbage", None),
        (";;;", None),
        ("=;;==", None),
        ("\x00\x01", None),
    ],
)
def test_cookie_value_reads_the_visitor_cookie_from_a_cookie_header(header: str | None, expected: str | None) -> None:
    assert cookie_value(header) == expected


def test_cookie_value_reads_any_named_cookie() -> None:
    assert cookie_value("access_token=t0k; overturn_visitor=v", "access_token") == "t0k"
    assert VISITOR_COOKIE == "overturn_visitor"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("overturn_visitor={value}; other=b c", id="space-in-a-later-cookie"),
        pytest.param('prefs={{"theme":"dark"}}; overturn_visitor={value}', id="json-cookie-before"),
        pytest.param('other="unterminated; overturn_visitor={value}', id="unterminated-quote-before"),
    ],
)
def test_a_neighbours_malformed_cookie_does_not_hide_the_visitor(header: str) -> None:
    """The standard library's SimpleCookie drops the whole header for one bad cookie; the gate's parser does not."""
    value = new_visitor_cookie(SECRET)
    assert visitor_from_cookie(SECRET, cookie_value(header.format(value=value))) is not None
