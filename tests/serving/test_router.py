from __future__ import annotations

import asyncio

import httpx
import pytest

from serving.backend import Backend, BreakerSettings, Retries
from serving.errors import BackendsUnavailable, StreamInterrupted
from serving.router import Router
from serving.types import ChatRequest, Completion
from tests.serving.fakes import (
    DONE_EVENT,
    Script,
    backend,
    chat_request,
    chunk,
    error_response,
    ok,
    stream,
    usage_chunk,
)

ONE_TRY = Retries(attempts=1, backoff_s=0, max_backoff_s=0)
TEMPLATE = "Dear reviewer, I am writing to appeal (template letter)."


def template_letter(request: ChatRequest) -> Completion:
    return Completion(candidates=[TEMPLATE], model="template:v1", request_id="tmpl", latency_s=0.0, backend="fallback")


def router_for(
    scripts: dict[str, Script],
    backends: list[Backend] | None = None,
    *,
    with_fallback: bool = True,
    allow_external: bool = False,
) -> Router:
    def dispatch(request: httpx.Request) -> httpx.Response:
        return scripts[request.url.host.split(".")[0]](request)

    backends = backends or [backend(name, retries=ONE_TRY) for name in scripts]
    return Router(
        backends,
        template_letter if with_fallback else None,
        transport=httpx.MockTransport(dispatch),
        allow_external=allow_external,
    )


@pytest.mark.unit
async def test_primary_answers_and_backup_is_left_alone() -> None:
    primary, backup = Script(ok("From primary.")), Script()
    router = router_for({"primary": primary, "backup": backup})
    completion = await router.complete(chat_request(), redacted=False)
    assert (completion.candidates, completion.backend) == (["From primary."], "primary")
    assert backup.requests == []
    assert router.metrics.value("requests_total", backend="primary", outcome="ok") == 1
    assert router.metrics.value("tokens_total", backend="primary", kind="prompt") == 21
    assert router.metrics.value("tokens_total", backend="primary", kind="completion") == 9
    assert router.metrics.value("request_seconds_count", backend="primary") == 1


@pytest.mark.unit
async def test_a_failing_primary_hands_over_to_the_backup() -> None:
    primary, backup = Script(error_response(503, "down")), Script(ok("From backup."))
    router = router_for({"primary": primary, "backup": backup})
    completion = await router.complete(chat_request(), redacted=False)
    assert (completion.candidates, completion.backend, completion.fallback_used) == (["From backup."], "backup", False)
    assert router.metrics.value("requests_total", backend="primary", outcome="transient") == 1
    assert router.metrics.value("requests_total", backend="backup", outcome="ok") == 1


@pytest.mark.unit
async def test_breaker_opens_skips_then_half_opens_and_closes() -> None:
    cooling = backend("primary", retries=ONE_TRY, breaker=BreakerSettings(threshold=2, cooldown_s=0.05))
    primary = Script(error_response(500, "x"), httpx.ConnectError("refused"), ok("Back again."))
    backup = Script(ok("b1"), ok("b2"), ok("b3"))
    router = router_for({"primary": primary, "backup": backup}, [cooling, backend("backup", retries=ONE_TRY)])

    for _ in range(2):
        assert (await router.complete(chat_request(), redacted=False)).backend == "backup"
    assert router.breaker_state("primary") == "open"
    assert router.metrics.value("breaker_state", backend="primary") == 2

    assert (await router.complete(chat_request(), redacted=False)).backend == "backup"
    assert len(primary.requests) == 2  # skipped while open
    assert router.metrics.value("requests_total", backend="primary", outcome="open") == 1

    await asyncio.sleep(0.08)
    assert router.breaker_state("primary") == "half-open"
    assert (await router.complete(chat_request(), redacted=False)).candidates == ["Back again."]
    assert router.breaker_state("primary") == "closed"
    assert router.metrics.value("breaker_state", backend="primary") == 0


@pytest.mark.unit
async def test_unknown_model_does_not_open_the_breaker() -> None:
    primary = Script(*(error_response(404, "no such model") for _ in range(3)))
    router = router_for({"primary": primary})
    for _ in range(3):
        completion = await router.complete(chat_request(model="missing-adapter"), redacted=False)
        assert completion.fallback_used is True
    assert router.breaker_state("primary") == "closed"
    assert router.metrics.value("requests_total", backend="primary", outcome="permanent") == 3


@pytest.mark.unit
async def test_all_failing_uses_the_fallback() -> None:
    router = router_for({"primary": Script(error_response(503, "x")), "backup": Script(httpx.ReadTimeout("slow"))})
    completion = await router.complete(chat_request(), redacted=True)
    assert completion.fallback_used is True
    assert completion.candidates == [TEMPLATE]
    assert completion.model == "template:v1"
    assert router.metrics.value("fallbacks_total", reason="unavailable") == 1


@pytest.mark.unit
async def test_without_a_fallback_the_reasons_are_reported() -> None:
    router = router_for({"primary": Script(error_response(503, "x"))}, with_fallback=False)
    with pytest.raises(BackendsUnavailable) as caught:
        await router.complete(chat_request(), redacted=False)
    assert list(caught.value.reasons) == ["primary"]
    assert "503" in caught.value.reasons["primary"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("allow_external", "redacted", "reaches_external"),
    [(False, False, False), (False, True, False), (True, False, False), (True, True, True)],
)
async def test_privacy_gate(allow_external: bool, redacted: bool, reaches_external: bool) -> None:
    external = backend("cloud", retries=ONE_TRY, external=True, kind="openai")
    cloud = Script(ok("From the cloud."))
    router = router_for({"cloud": cloud}, [external], allow_external=allow_external)
    completion = await router.complete(chat_request(), redacted=redacted)
    assert (len(cloud.requests) == 1) is reaches_external
    assert completion.fallback_used is not reaches_external
    withheld = router.metrics.value("requests_total", backend="cloud", outcome="withheld")
    assert withheld == (0 if reaches_external else 1)


@pytest.mark.unit
async def test_privacy_gate_applies_to_streams_and_probes() -> None:
    external = backend("cloud", retries=ONE_TRY, external=True)
    cloud = Script()
    router = router_for({"cloud": cloud}, [external], with_fallback=False)
    with pytest.raises(BackendsUnavailable, match="stream"):
        async for _ in router.stream(chat_request(), redacted=False):
            pass
    assert await router.probe("cloud") is False
    assert cloud.requests == []


@pytest.mark.unit
async def test_stream_yields_text_and_counts_tokens() -> None:
    events = (chunk("Dear "), chunk("reviewer"), chunk(finish="stop"), usage_chunk(12, 2), DONE_EVENT)
    router = router_for({"primary": Script(stream(*events))})
    texts = [text async for text in router.stream(chat_request(), redacted=False)]
    assert texts == ["Dear ", "reviewer"]
    assert router.metrics.value("tokens_total", backend="primary", kind="prompt") == 12
    assert router.metrics.value("requests_total", backend="primary", outcome="ok") == 1


@pytest.mark.unit
async def test_a_stream_that_cannot_start_moves_to_the_backup() -> None:
    primary = Script(error_response(502, "bad gateway"))
    backup = Script(stream(chunk("Hello", finish="stop"), DONE_EVENT))
    router = router_for({"primary": primary, "backup": backup})
    assert [text async for text in router.stream(chat_request(), redacted=False)] == ["Hello"]


@pytest.mark.unit
async def test_a_stream_broken_midway_surfaces_interruption() -> None:
    primary = Script(stream(chunk("Dear "), chunk("revi")))
    backup = Script()
    router = router_for({"primary": primary, "backup": backup})
    seen: list[str] = []
    with pytest.raises(StreamInterrupted):
        async for text in router.stream(chat_request(), redacted=False):
            seen.append(text)
    assert seen == ["Dear ", "revi"]
    assert backup.requests == []  # text already went out; the caller decides
    assert router.metrics.value("requests_total", backend="primary", outcome="interrupted") == 1


@pytest.mark.unit
async def test_complete_streaming_falls_back_when_the_stream_breaks() -> None:
    router = router_for({"primary": Script(stream(chunk("Dear "), chunk("revi")))})
    shown: list[str] = []
    completion = await router.complete_streaming(chat_request(), redacted=False, on_delta=shown.append)
    assert shown == ["Dear ", "revi"]
    assert completion.fallback_used is True
    assert completion.candidates == [TEMPLATE]
    assert router.metrics.value("fallbacks_total", reason="stream_interrupted") == 1


@pytest.mark.unit
async def test_complete_streaming_returns_the_whole_answer() -> None:
    events = (chunk("Dear "), chunk("reviewer", finish="stop"), usage_chunk(7, 2), DONE_EVENT)
    primary = Script(stream(*events))
    router = router_for({"primary": primary})
    completion = await router.complete_streaming(chat_request(), redacted=False)
    assert (completion.candidates, completion.backend, completion.fallback_used) == (
        ["Dear reviewer"],
        "primary",
        False,
    )
    assert completion.usage.completion_tokens == 2
    assert completion.request_id == primary.requests[0].headers["X-Request-Id"]


@pytest.mark.unit
async def test_streaming_through_the_router_wants_one_candidate() -> None:
    router = router_for({"primary": Script()})
    with pytest.raises(ValueError, match="n=1"):
        async for _ in router.stream(chat_request(n=2), redacted=False):
            pass


@pytest.mark.unit
async def test_probe_closes_a_cooled_breaker_when_the_server_is_back() -> None:
    models = httpx.Response(200, json={"object": "list", "data": [{"id": "appeal-writer"}]})
    cooling = backend("primary", retries=ONE_TRY, breaker=BreakerSettings(threshold=1, cooldown_s=0.05))
    primary = Script(httpx.ConnectError("refused"), models)
    router = router_for({"primary": primary}, [cooling])
    assert await router.probe("primary") is False
    assert router.breaker_state("primary") == "open"
    assert await router.probe("primary") is False  # still cooling: no request made
    assert len(primary.requests) == 1
    await asyncio.sleep(0.08)
    assert await router.probe("primary") is True
    assert router.breaker_state("primary") == "closed"
    assert primary.requests[-1].url.path == "/v1/models"


@pytest.mark.unit
def test_backend_names_must_be_unique() -> None:
    with pytest.raises(ValueError, match="unique"):
        Router([backend("a"), backend("a")])


@pytest.mark.unit
async def test_logs_carry_ids_and_outcomes_but_never_the_letter(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    secret = "Member Odalys Fenwick-Tarrant, id CANARY-5531"
    request = chat_request(messages=[{"role": "user", "content": secret}])
    primary = Script(error_response(400, f"cannot handle {secret}"))
    router = router_for({"primary": primary, "backup": Script(ok("x"))})
    await router.complete(request, redacted=False)
    assert "CANARY-5531" not in caplog.text
    assert "outcome=permanent" in caplog.text
    assert primary.requests[0].headers["X-Request-Id"] in caplog.text
