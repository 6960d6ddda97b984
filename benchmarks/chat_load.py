"""Chat load: N members at once through the whole web conversation, against one app process.

Run: .venv/bin/python -m benchmarks.chat_load [--sessions 50 100 200] [--think 3.0] [--ramp 10]
     [--checkpoints memory]  (the app's OVERTURN_CHECKPOINT_URL; default a SQLite file, as on a laptop)

Starts the replay model (benchmarks.replay_model) and one app process (`python -m bot.web`), both working in a
temporary folder that is removed at the end, and signs one probe member through the whole conversation (which
warms the app up and counts the questions). Then, for each N, N members at once, each with its own portal
sign-in and Socket.IO connection: consent (the button), the sample denial letter, "yes" to the confirmation,
an answer to every question ("yes" to yes/no questions, the first choice of a choice, "skip" otherwise), and
the finished letter. Members start spread over --ramp seconds and think --think seconds (±50 %) before each
reply. They wait for each other twice: after the confirmation and before their last answer, and start again
spread over --ramp seconds. The app's metrics are read at both points, so the window between them holds only
question → next question turns; the price is that the N letters are then written within --ramp seconds, a
harsher burst than members arriving at random would make.

Printed per N: members that finished (and why the others did not); the app's own turn timings (histogram
overturn_web_turn_seconds at /overturn/metrics, p50/p95 interpolated within buckets) for every `message` turn
and for the answer turns alone; the time a member waits from sending to seeing the next step; the app's
resident memory when every member is mid-interview, and per member; the app's CPU use in each window.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import re
import secrets
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import socketio  # type: ignore[import-untyped]

from bot.web import views
from bot.web.metrics import METRICS_PATH
from bot.web.portal_tokens import mint_portal_token

REPO = Path(__file__).resolve().parent.parent
LETTER = (REPO / "bot" / "examples" / "denial_mri.txt").read_text(encoding="utf-8")
TARGET_P95_S = 0.050
READY_LINE = "Overturn is ready at"
SOCKET_PATH = "/ws/socket.io"
TURN_KINDS = ("consent", "letter", "name", "confirm", "answer", "compose")
_QUESTION = re.compile(r"\*\*Question \d+")
_LABELS = re.compile(r'(\w+)="([^"]*)"')


# ---- the two servers ----


@dataclass(frozen=True)
class App:
    url: str
    pid: int
    secret: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def app_environment(folder: Path, port: int, secret: str, model_url: str, checkpoints: str) -> dict[str, str]:
    settings = {
        "WEB_HOST": "127.0.0.1",
        "WEB_PORT": str(port),
        "WEB_PUBLIC_URL": "",
        "WEB_ROOT": str(folder / "web"),
        "WEB_SECRET": secret,
        "WEB_SECRET_FILE": str(folder / "web_secret"),
        "KEY_FILE": str(folder / "key"),
        "DATABASE_URL": f"sqlite:///{folder / 'overturn.db'}",
        "CHECKPOINT_URL": checkpoints or f"sqlite:///{folder / 'checkpoints.db'}",
        "MODEL_URL": model_url,
        "SHADOW_PROMPT": "",
        "SHADOW_MODEL": "",
    }
    inherited = {key: value for key, value in os.environ.items() if not key.startswith("OVERTURN_")}
    return {**inherited, "PYTHONPATH": str(REPO), **{f"OVERTURN_{key}": value for key, value in settings.items()}}


def wait_until(
    ready: Callable[[], bool], process: subprocess.Popen[bytes], log: Path, what: str, timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{what} did not start (exit code {process.poll()}); its log ends:\n{tail}")
        time.sleep(0.2)


def answers_http(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def running_servers(folder: Path, checkpoints: str = "") -> Iterator[App]:
    """The replay model and the app, started in `folder` (`checkpoints`: the app's checkpoint URL, empty for a
    SQLite file there); both stopped on the way out, whatever happened."""
    processes: list[subprocess.Popen[bytes]] = []
    try:
        model_port, app_port, secret = free_port(), free_port(), secrets.token_urlsafe(32)
        model_url = f"http://127.0.0.1:{model_port}"
        environment = app_environment(folder, app_port, secret, model_url, checkpoints)
        model_log, app_log = folder / "replay.log", folder / "app.log"
        model_command = [sys.executable, "-m", "benchmarks.replay_model", "--port", str(model_port)]
        with model_log.open("wb") as out:
            processes.append(subprocess.Popen(model_command, cwd=folder, env=environment, stdout=out, stderr=out))
        wait_until(lambda: answers_http(f"{model_url}/v1/models"), processes[0], model_log, "the replay model", 30)
        with app_log.open("wb") as out:
            app_command = [sys.executable, "-m", "bot.web"]
            processes.append(subprocess.Popen(app_command, cwd=folder, env=environment, stdout=out, stderr=out))
        app_url = f"http://127.0.0.1:{app_port}"

        def app_ready() -> bool:  # the line comes at start-up, a moment before the port is open
            said = READY_LINE in app_log.read_text(encoding="utf-8", errors="replace")
            return said and answers_http(f"{app_url}{METRICS_PATH}")

        wait_until(app_ready, processes[1], app_log, "the app", 300)
        yield App(app_url, processes[1].pid, secret)
    finally:
        for process in reversed(processes):
            stop(process)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process (utime and stime, fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()  # the name may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---- the app's turn histogram ----

Buckets = dict[float, float]  # upper bound (le) -> cumulative count


@dataclass(frozen=True)
class Scrape:
    turns: dict[str, Buckets]  # by kind
    errors: float

    def since(self, earlier: Scrape) -> Scrape:
        turns = {
            kind: {le: count - earlier.turns.get(kind, {}).get(le, 0.0) for le, count in buckets.items()}
            for kind, buckets in self.turns.items()
        }
        return Scrape(turns, self.errors - earlier.errors)


def parse_metrics(text: str) -> Scrape:
    turns: dict[str, Buckets] = defaultdict(dict)
    errors = 0.0
    for line in text.splitlines():
        name, _, rest = line.partition("{") if "{" in line else line.partition(" ")
        if name == "overturn_web_turn_seconds_bucket":
            labels_text, _, value = rest.rpartition("} ")
            labels = dict(_LABELS.findall(labels_text))
            turns[labels["kind"]][float(labels["le"])] = float(value)
        elif name == "overturn_web_turn_errors_total":
            errors = float(rest)
    return Scrape(dict(turns), errors)


async def scrape(http: httpx.AsyncClient) -> Scrape:
    response = await http.get(METRICS_PATH)
    response.raise_for_status()
    return parse_metrics(response.text)


@dataclass(frozen=True)
class Reading:
    """The app at one moment: its turn metrics, its memory, and the CPU time it and this process have used."""

    metrics: Scrape
    rss_mib: float
    app_cpu_s: float
    own_cpu_s: float
    at: float


async def read_app(http: httpx.AsyncClient, pid: int) -> Reading:
    metrics = await scrape(http)
    return Reading(metrics, rss_mib(pid), cpu_seconds(pid), time.process_time(), time.perf_counter())


@dataclass(frozen=True)
class Window:
    """What happened between two readings."""

    metrics: Scrape
    seconds: float
    app_cpu_s: float
    own_cpu_s: float

    @classmethod
    def between(cls, start: Reading, end: Reading) -> Window:
        metrics = end.metrics.since(start.metrics)
        return cls(metrics, end.at - start.at, end.app_cpu_s - start.app_cpu_s, end.own_cpu_s - start.own_cpu_s)


def histogram_quantile(buckets: Buckets, q: float) -> float | None:
    """Like Prometheus' histogram_quantile: linear within the bucket the rank falls in; None without data."""
    bounds = sorted(buckets)
    total = buckets.get(math.inf, 0.0)
    if total <= 0:
        return None
    rank, lower, below = q * total, 0.0, 0.0
    for upper in bounds:
        count = buckets[upper]
        if count >= rank:
            if math.isinf(upper):
                return lower  # past the last finite bucket: that bound is all we know
            return lower + (upper - lower) * (rank - below) / (count - below) if count > below else upper
        lower, below = upper, count
    return lower


# ---- one member ----


@dataclass
class Step:
    """What the app showed after a turn: the kind of step, its text and the quick replies it offered."""

    kind: str  # consent, letter, name, confirm, question, done, or unexpected
    text: str
    message_id: str
    seen_at: float
    replies: list[str] = field(default_factory=list)


def step_kind(text: str) -> str | None:
    """The step a message shows, or None for one that shows none (progress lines, the letter itself)."""
    if text.startswith(("⏳", "`", views.WELCOME_BACK)):
        return None
    markers = (
        ("consent", views.WELCOME),
        ("letter", views.ASK_FOR_LETTER),
        ("name", views.ASK_FOR_NAME),
        ("confirm", views.confirmation_text({})),
    )
    for kind, marker in markers:
        if text.startswith(marker.splitlines()[0]):
            return kind
    if _QUESTION.search(text):
        return "question"
    if "/overturn/letters/" in text:
        return "done"
    return "unexpected"


def answer_for(step: Step) -> str:
    """A fitting answer that is the same every time, so every member sees the same questions as the probe."""
    if "yes" in step.replies:
        return "yes"
    choices = [value for value in step.replies if value and value not in (views.SKIP, views.DONT_KNOW)]
    return choices[0] if choices else views.SKIP


class MemberFailed(Exception):
    pass


class Gate:
    """Members wait here until every member still running has arrived (one that fails leaves), and then until
    the phase has read the metrics and opens the gate."""

    def __init__(self, parties: int, *, open_now: bool = False) -> None:
        self._missing = parties
        self.full = asyncio.Event()
        self.open = asyncio.Event()
        if open_now:
            self.open.set()

    def leave(self) -> None:
        self._missing -= 1
        if self._missing <= 0:
            self.full.set()

    async def arrive(self) -> None:
        self.leave()
        await self.open.wait()


@dataclass(frozen=True)
class Pace:
    think_s: float
    ramp_s: float
    rng: random.Random

    async def think(self) -> None:
        await asyncio.sleep(self.think_s * self.rng.uniform(0.5, 1.5))

    async def scatter(self) -> None:
        """After a gate: start again spread out, as the members first did."""
        await asyncio.sleep(self.rng.uniform(0, self.ramp_s))


@dataclass
class Outcome:
    finished: bool = False
    error: str | None = None
    questions: int = 0
    waits: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))


class Member:
    """One simulated member: a portal sign-in, a Socket.IO connection, and the conversation to its end."""

    def __init__(self, app: App, http: httpx.AsyncClient, member_id: str, turn_timeout_s: float) -> None:
        self.app = app
        self.http = http
        self.member_id = member_id
        self.session_id = str(uuid.uuid4())
        self.turn_timeout_s = turn_timeout_s
        self.outcome = Outcome()
        self._cookie = ""
        self._doing = "signing in"  # for the error line when a turn fails
        self._events: asyncio.Queue[tuple[float, str, Any]] = asyncio.Queue()
        self._client = socketio.AsyncClient(reconnection=False)
        self._client.on("*", self._on_event)

    def _on_event(self, event: str, data: Any = None) -> None:  # sync: keeps the events in arrival order
        self._events.put_nowait((time.perf_counter(), event, data))

    async def run(self, pace: Pace, gates: dict[str, Gate], compose_after: int | None) -> Outcome:
        """The whole conversation; `compose_after` is how many answers come before the one that writes the letter."""
        passed: set[str] = set()
        try:
            await self._connect()
            step = await self._opening()
            await pace.think()
            step = await self._consent()
            await pace.think()
            step = await self._turn(LETTER, "letter", expect=("confirm", "name"))
            if step.kind == "name":
                await pace.think()
                step = await self._turn(views.SKIP, "name", expect=("confirm",))
            await pace.think()
            step = await self._turn("yes", "confirm", expect=("question", "done"))
            passed.add("interview")
            await gates["interview"].arrive()
            await pace.scatter()
            while step.kind == "question":
                if self.outcome.questions == compose_after and "compose" not in passed:
                    passed.add("compose")
                    await gates["compose"].arrive()
                    await pace.scatter()
                elif self.outcome.questions:
                    await pace.think()
                step = await self._answer(step)
            self.outcome.finished = True
        except Exception as exc:  # a member's failure is a result, never the benchmark's end
            self.outcome.error = f"{self._doing}: {type(exc).__name__} {exc}".strip()[:200]
        finally:
            for name, gate in gates.items():
                if name not in passed:
                    gate.leave()
            with contextlib.suppress(Exception):
                await self._client.disconnect()
        return self.outcome

    async def _connect(self) -> None:
        token = mint_portal_token(self.app.secret, self.member_id, ttl_s=300, display_name="Load Test")
        response = await self.http.post("/auth/jwt", headers={"Authorization": f"Bearer {token}"})
        response.raise_for_status()
        self._cookie = f"access_token={response.cookies['access_token']}"
        self._doing = "connecting"
        auth = {
            "sessionId": self.session_id,
            "clientType": "webapp",
            "userEnv": "{}",
            "chatProfile": None,
            "threadId": None,
        }
        await self._client.connect(
            self.app.url,
            headers={"Cookie": self._cookie},
            auth=auth,
            transports=["websocket"],
            socketio_path=SOCKET_PATH,
            wait_timeout=self.turn_timeout_s,
        )
        await self._client.emit("connection_successful")

    async def _opening(self) -> Step:
        self._doing = "waiting for the welcome"
        async with asyncio.timeout(self.turn_timeout_s):
            return _expect(await self._next_step(), ("consent",))

    async def _consent(self) -> Step:
        self._doing = "consenting"
        action = {"name": "consent", "payload": {"agree": True}, "label": "I agree", "id": str(uuid.uuid4())}
        started = time.perf_counter()
        async with asyncio.timeout(self.turn_timeout_s):
            response = await self.http.post(
                "/project/action",
                json={"sessionId": self.session_id, "action": action},
                headers={"Cookie": self._cookie},
            )
            response.raise_for_status()
            step = _expect(await self._next_step(), ("letter",))
        self.outcome.waits["consent"].append(step.seen_at - started)
        return step

    async def _answer(self, question: Step) -> Step:
        step, wait = await self._say(answer_for(question), expect=("question", "done"))
        self.outcome.questions += 1
        self.outcome.waits["answer" if step.kind == "question" else "compose"].append(wait)
        return step

    async def _turn(self, text: str, turn: str, *, expect: tuple[str, ...]) -> Step:
        step, wait = await self._say(text, expect=expect)
        self.outcome.waits[turn].append(wait)
        return step

    async def _say(self, text: str, *, expect: tuple[str, ...]) -> tuple[Step, float]:
        """Types `text`; once the app has finished the turn, returns the step it showed and how long that took."""
        self._doing = f"waiting for the reply to {text[:20]!r} after {self.outcome.questions} answers"
        message = {
            "id": str(uuid.uuid4()),
            "threadId": "",
            "name": self.member_id,
            "type": "user_message",
            "output": text,
            "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        }
        started = time.perf_counter()
        async with asyncio.timeout(self.turn_timeout_s):
            await self._client.emit("client_message", {"message": message, "fileReferences": []})
            step = _expect(await self._next_step(), expect)
            step.replies = await self._replies_until_turn_ends(step.message_id)
        return step, step.seen_at - started

    async def _next_step(self) -> Step:
        while True:
            at, event, data = await self._events.get()
            # Chainlit also sends its "run" steps (hidden from members, cot = "hidden") as new_message.
            if event == "new_message" and isinstance(data, dict) and data.get("type") == "assistant_message":
                text = str(data.get("output") or "")
                if (kind := step_kind(text)) is not None:
                    return Step(kind, text, str(data.get("id")), at)

    async def _replies_until_turn_ends(self, message_id: str) -> list[str]:
        """The quick replies sent with a step; the app sends them after the message and before `task_end`."""
        replies: list[str] = []
        while True:
            _, event, data = await self._events.get()
            if event == "task_end":
                return replies
            if event == "action" and isinstance(data, dict) and data.get("forId") == message_id:
                replies.append(str((data.get("payload") or {}).get("value", "")))


def _expect(step: Step, kinds: tuple[str, ...]) -> Step:
    if step.kind not in kinds:
        raise MemberFailed(f"expected {' or '.join(kinds)}, got {step.kind}: {step.text[:120]!r}")
    return step


# ---- one phase: N members at once ----


@dataclass
class Phase:
    sessions: int
    outcomes: list[Outcome]
    windows: dict[str, Window]  # "all", "intake", "answers", "compose"
    rss_before_mib: float
    rss_mid_mib: float  # the most while every member is mid-interview
    loop_lag_s: list[float]
    expected_questions: int | None

    def waits(self, turn: str) -> list[float]:
        return [wait for outcome in self.outcomes for wait in outcome.waits.get(turn, [])]


async def watch_loop_lag(samples: list[float], interval_s: float = 0.05) -> None:
    """How late this process's own event loop wakes up: what the members' timings include besides the app."""
    while True:
        started = time.perf_counter()
        await asyncio.sleep(interval_s)
        samples.append(time.perf_counter() - started - interval_s)


async def delayed(
    delay_s: float, member: Member, pace: Pace, gates: dict[str, Gate], compose_after: int | None
) -> Outcome:
    await asyncio.sleep(delay_s)
    return await member.run(pace, gates, compose_after)


async def run_phase(
    app: App, http: httpx.AsyncClient, args: argparse.Namespace, sessions: int, probe: Outcome
) -> Phase:
    compose_after = probe.questions - 1 if probe.finished else None
    pace = Pace(args.think, args.ramp, random.Random(sessions))
    gates = {"interview": Gate(sessions), "compose": Gate(sessions)}
    lag: list[float] = []
    watcher = asyncio.create_task(watch_loop_lag(lag))
    readings = {"start": await read_app(http, app.pid)}
    members = [
        asyncio.create_task(
            delayed(
                index * args.ramp / sessions,
                Member(app, http, f"load-{sessions}-{index}", args.turn_timeout),
                pace,
                gates,
                compose_after,
            )
        )
        for index in range(sessions)
    ]
    for name, gate in gates.items():
        await gate.full.wait()
        readings[name] = await read_app(http, app.pid)
        gate.open.set()
    outcomes = list(await asyncio.gather(*members))
    readings["end"] = await read_app(http, app.pid)
    watcher.cancel()
    windows = {
        "all": Window.between(readings["start"], readings["end"]),
        "intake": Window.between(readings["start"], readings["interview"]),
        "answers": Window.between(readings["interview"], readings["compose"]),
        "compose": Window.between(readings["compose"], readings["end"]),
    }
    rss_mid = max(readings["interview"].rss_mib, readings["compose"].rss_mib)
    rss_before = readings["start"].rss_mib
    return Phase(sessions, outcomes, windows, rss_before, rss_mid, lag, probe.questions or None)


async def run_probe(app: App, http: httpx.AsyncClient, args: argparse.Namespace) -> Outcome:
    gates = {"interview": Gate(1, open_now=True), "compose": Gate(1, open_now=True)}
    pace = Pace(0.0, 0.0, random.Random(0))
    return await Member(app, http, "load-probe", args.turn_timeout).run(pace, gates, None)


# ---- the report ----


def percentile(samples: list[float], q: float) -> float | None:
    if not samples:
        return None
    ordered = sorted(samples)
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:.1f}"


def pair(p50: float | None, p95: float | None) -> str:
    return f"{ms(p50)} / {ms(p95)}"


def server_pair(window: Scrape, kind: str = "message") -> str:
    buckets = window.turns.get(kind, {})
    return pair(histogram_quantile(buckets, 0.5), histogram_quantile(buckets, 0.95))


def turn_count(window: Scrape, kind: str = "message") -> int:
    return round(window.turns.get(kind, {}).get(math.inf, 0.0))


def answers_separated(phase: Phase) -> bool:
    """Whether the window between the gates held answer turns only (every member asked as many as the probe)."""
    finished = [outcome for outcome in phase.outcomes if outcome.finished]
    return phase.expected_questions is not None and all(o.questions == phase.expected_questions for o in finished)


def table(phases: list[Phase]) -> str:
    lines = [
        "| N | finished | server p50/p95 ms, all message turns | server p50/p95 ms, answer turns "
        "| client p50/p95 ms, answer turns | RSS MiB (before → mid) | KiB/session | server answer p95 / 50 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for phase in phases:
        finished = sum(outcome.finished for outcome in phase.outcomes)
        answers = phase.windows["answers"].metrics
        answer_p95 = histogram_quantile(answers.turns.get("message", {}), 0.95)
        separated = server_pair(answers) if answers_separated(phase) else f"{server_pair(answers)} (mixed)"
        waits = phase.waits("answer")
        per_session_kib = (phase.rss_mid_mib - phase.rss_before_mib) * 1024 / phase.sessions
        ratio = "n/a" if answer_p95 is None else f"{answer_p95 / TARGET_P95_S:.2f}"
        lines.append(
            f"| {phase.sessions} | {finished}/{phase.sessions} | {server_pair(phase.windows['all'].metrics)} "
            f"| {separated} | {pair(percentile(waits, 0.5), percentile(waits, 0.95))} "
            f"| {phase.rss_before_mib:.0f} → {phase.rss_mid_mib:.0f} | {per_session_kib:.0f} | {ratio} |"
        )
    return "\n".join(lines)


def cpu_use(window: Window) -> str:
    """How busy the app was: its own CPU time per turn tells the work a turn costs from the waiting it did."""
    turns = sum(turn_count(window.metrics, kind) for kind in window.metrics.turns)
    busy = 100 * window.app_cpu_s / window.seconds if window.seconds > 0 else 0.0
    own = 100 * window.own_cpu_s / window.seconds if window.seconds > 0 else 0.0
    per_turn = f"{1000 * window.app_cpu_s / turns:.1f} ms CPU per turn" if turns else "no turns"
    return f"{window.seconds:.0f} s; app CPU {busy:.0f} % of a core, {per_turn}; load client CPU {own:.0f} %"


def details(phase: Phase) -> str:
    whole = phase.windows["all"]
    lines = [f"N={phase.sessions}: {whole.seconds:.0f} s, {whole.metrics.errors:.0f} turn errors in the app"]
    for name in ("intake", "answers", "compose", "all"):
        window = phase.windows[name]
        kinds = ", ".join(
            f"{kind} n={turn_count(window.metrics, kind)} p50/p95 {server_pair(window.metrics, kind)} ms"
            for kind in sorted(window.metrics.turns)
            if turn_count(window.metrics, kind)
        )
        lines.append(f"  server, {name} window: {kinds or 'no turns'}")
        lines.append(f"    {cpu_use(window)}")
    for turn in TURN_KINDS:
        if waits := phase.waits(turn):
            p50, p95 = percentile(waits, 0.5), percentile(waits, 0.95)
            lines.append(f"  client, {turn}: n={len(waits)} p50/p95 {pair(p50, p95)} ms, max {ms(max(waits))} ms")
    lag95, lag_max = percentile(phase.loop_lag_s, 0.95), max(phase.loop_lag_s, default=0.0)
    lines.append(f"  load client's own event-loop lag: p95 {ms(lag95)} ms, max {ms(lag_max)} ms")
    errors: dict[str, int] = defaultdict(int)
    for outcome in phase.outcomes:
        if outcome.error:
            errors[outcome.error] += 1
    lines += [f"  not finished ({count}): {error}" for error, count in sorted(errors.items())]
    if not answers_separated(phase):
        lines.append(f"  note: not every member asked {phase.expected_questions} questions; answers window is mixed")
    return "\n".join(lines)


# ---- main ----


async def run_all(app: App, args: argparse.Namespace) -> list[Phase]:
    limits = httpx.Limits(max_connections=max(args.sessions) + 10, max_keepalive_connections=50)
    async with httpx.AsyncClient(base_url=app.url, timeout=args.turn_timeout, limits=limits) as http:
        probe = await run_probe(app, http, args)
        if not probe.finished:
            raise RuntimeError(f"the probe member did not finish: {probe.error}")
        print(f"probe: {probe.questions} questions; the sample letter reads and writes fine", flush=True)
        phases = []
        for sessions in args.sessions:
            phase = await run_phase(app, http, args, sessions, probe)
            print(details(phase), flush=True)
            phases.append(phase)
        return phases


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[50, 100, 200], help="members at once, per phase")
    parser.add_argument("--think", type=float, default=3.0, help="mean seconds a member thinks before a reply")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which members start")
    parser.add_argument(
        "--checkpoints",
        default="",
        help="the app's OVERTURN_CHECKPOINT_URL (default: a SQLite file in the temp folder)",
    )
    parser.add_argument("--turn-timeout", type=float, default=120.0, help="seconds a member waits for one turn")
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.sessions) or args.think < 0 or args.ramp < 0 or args.turn_timeout <= 0:
        parser.error("sessions must be positive; think and ramp not negative; the turn timeout positive")
    return args


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    command = shlex.join([Path(sys.executable).name, "-m", "benchmarks.chat_load", *argv])
    with (
        tempfile.TemporaryDirectory(prefix="overturn-chat-load-") as folder,
        running_servers(Path(folder), args.checkpoints) as app,
    ):
        checkpoints = args.checkpoints or "SQLite file"
        print(f"app at {app.url} (pid {app.pid}), checkpoints: {checkpoints}, sessions {args.sessions}", flush=True)
        phases = asyncio.run(run_all(app, args))
    print(f"\n`{command}` (think {args.think:g} s ±50 %, ramp {args.ramp:g} s)\n")
    print(table(phases))


if __name__ == "__main__":
    main()
