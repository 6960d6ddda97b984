"""The Chainlit app: a member's appeal as a calm conversation. Started by `overturn web` (bot.web.launcher).

Stages, kept in the Chainlit session: consent → letter → name → turn (the interview's confirmation and
questions) → done. The interview itself lives in the graph's encrypted checkpoints under a thread id that the
cases table ties to the member's keyed pseudonym, so a reload, a reconnect or a restart finds it again and
shows the waiting step. Chainlit itself keeps nothing (no data layer); uploads are deleted once read.

Handlers stay thin and async: slow work (reading a PDF, database calls, and inside the graph extraction,
redaction, review and delivery) runs in threads, so one member's letter never stalls another's turn; every
failure reaches the member as one plain sentence, never a traceback, and the log gets its type only.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import chainlit as cl
from chainlit.auth.jwt import decode_jwt
from chainlit.server import app as server_app
from starlette.datastructures import Headers

from bot.conversation import Conversation, ConversationError, Turn, new_thread_id
from bot.database import database
from bot.interviews import InterviewRuntime, interview_runtime
from bot.keys import resolve_web_secret
from bot.settings import get_settings
from bot.web import views, warmup
from bot.web.apology import apologising
from bot.web.gate import install_gate
from bot.web.launcher import public_url
from bot.web.letter_files import FORMATS, download_path
from bot.web.metrics import TURN_ERRORS, timed_turn
from bot.web.owners import owner_pseudonym
from bot.web.progress import SlowStepProgress
from bot.web.visitors import cookie_value, visitor_from_cookie
from graph.interview.replies import confirm_decision
from graph.interview.steps import intake_problem
from graph.reading import read_document
from graph.reading.document import ReadError
from store.owned_threads import latest_thread, owns_thread
from store.thread_lock import ThreadBusy

log = logging.getLogger("overturn.web")
CHANNEL = "web"
SETTINGS = get_settings()
SECRET = resolve_web_secret(SETTINGS)
PUBLIC_URL = public_url(SETTINGS)
_runtime: list[InterviewRuntime] = []
_exit_stack = AsyncExitStack()
_background: list[asyncio.Task[None]] = []


def runtime() -> InterviewRuntime:
    if not _runtime:
        raise RuntimeError("the interview runtime is not open yet")
    return _runtime[0]


@cl.on_app_startup
async def open_runtime() -> None:
    _runtime.append(await _exit_stack.enter_async_context(interview_runtime(SETTINGS)))
    await asyncio.to_thread(database, SETTINGS)  # migrate before the first member arrives
    await asyncio.to_thread(warmup.load_models)
    warmup.freeze_heap()
    _background.append(asyncio.create_task(_announce_when_listening()))


async def _announce_when_listening() -> None:
    """Start-up hooks run before the server binds its port: say "ready" only once it accepts connections."""
    while True:
        try:
            _, writer = await asyncio.open_connection(SETTINGS.web_host, SETTINGS.web_port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        print(f"Overturn is ready at {PUBLIC_URL}", flush=True)
        return


@cl.on_app_shutdown
async def close_runtime() -> None:
    await _exit_stack.aclose()


# ---- who is this: a portal member (token verified by the gate) or a visitor (signed cookie) ----


@cl.header_auth_callback
async def visitor_sign_in(headers: Headers) -> cl.User | None:
    visitor = visitor_from_cookie(SECRET, cookie_value(headers.get("cookie")))
    if visitor is None:
        return None
    return cl.User(identifier=f"visitor-{visitor}", metadata={"kind": "visitor"})


def _owner_of(user: cl.User | None) -> str | None:
    if user is None:
        return None
    kind = str((user.metadata or {}).get("kind", ""))
    if kind not in ("portal", "visitor"):
        return None
    return owner_pseudonym(SECRET, kind, user.identifier)


async def _letter_for_download(session_cookie: str | None, thread_id: str) -> str | None:
    if not session_cookie:
        return None
    try:
        owner = _owner_of(decode_jwt(session_cookie))
    except Exception:  # expired, forged or malformed: the same as not signed in
        return None
    if owner is None or not await asyncio.to_thread(owns_thread, database(SETTINGS), owner, thread_id):
        return None
    turn = await runtime().conversation(thread_id).current(carry_on=False)  # a download never runs the graph
    if turn is None or turn.kind != "done":
        return None
    return str(turn.payload.get("text") or "") or None


install_gate(
    server_app,
    SECRET,
    SETTINGS.portal_token_max_ttl_s,
    _letter_for_download,
    secure_cookies=PUBLIC_URL.startswith("https://"),
)


# ---- the conversation ----


@cl.on_chat_start
@timed_turn("open")
@apologising
async def welcome() -> None:
    owner = _owner_of(cl.user_session.get("user"))
    if owner is None:
        await _say("Please open Overturn from your patient portal, or reload this page.")
        return
    cl.user_session.set("owner", owner)
    thread = await asyncio.to_thread(latest_thread, database(SETTINGS), owner, CHANNEL)
    if thread is not None:
        turn = await _guarded(runtime().conversation(thread).current())
        if turn is not None and turn.kind in ("confirm", "question", "done"):
            cl.user_session.set("thread", thread)
            await _say(views.WELCOME_BACK)
            await _show(turn)
            return
    _set_stage("consent")
    await _send_with_buttons(
        cl.Message(
            content=views.WELCOME,
            actions=[
                cl.Action(name="consent", payload={"agree": True}, label="I agree"),
                cl.Action(name="consent", payload={"agree": False}, label="No thanks"),
            ],
        )
    )


@cl.action_callback("consent")
@timed_turn("consent")
@apologising
async def on_consent(action: cl.Action) -> None:
    if _stage() != "consent":
        return
    await _retire_buttons()
    if not action.payload.get("agree"):
        _set_stage("declined")
        await _say(views.DECLINED)
        return
    _set_stage("letter")
    await _say(views.ASK_FOR_LETTER)


@cl.on_message
@timed_turn("message")
@apologising
async def on_message(message: cl.Message) -> None:
    try:
        await _handle_message(message)
    finally:  # a file sent at any step, read or not, must not linger on disk
        for element in message.elements or []:
            path = getattr(element, "path", None)
            if path:
                await asyncio.to_thread(_delete_quietly, Path(path))


async def _handle_message(message: cl.Message) -> None:
    stage = _stage()
    text = message.content or ""
    if stage == "consent":
        await _say(views.NEED_CONSENT)
    elif stage == "letter":
        await _take_letter(message)
    elif stage == "name":
        await _start(None if text.strip().lower() in ("", views.SKIP) else text.strip())
    elif stage == "confirm":
        if text.strip() and confirm_decision(text).accept:
            await _advance({"accept": True})
        else:
            await _say(views.CONFIRM_BY_FORM)
    elif stage == "question":
        await _advance({"answer": text})
    elif stage == "declined":
        await _say(views.DECLINED)
    elif stage == "done":
        await _say("Your letter is above. Choose **Start over** to write another appeal.")
    else:
        await _say("Please reload the page to continue.")


async def _take_letter(message: cl.Message) -> None:
    files = [element for element in message.elements or [] if getattr(element, "path", None)]
    if files:
        letter = await _read_upload(files[0])
    elif (message.content or "").strip():
        letter = (message.content, "pasted")
    else:
        letter = None
        await _say(views.ASK_FOR_LETTER)
    if letter is None:
        return
    problem = intake_problem(letter[0])  # before asking anything else: a paste that is no letter is said at once
    if problem is not None:
        await _say(views.escape(problem))
        return
    cl.user_session.set("letter", letter)
    user = cl.user_session.get("user")
    if user is not None and user.display_name:
        await _start(user.display_name)
        return
    _set_stage("name")
    await _send_with_buttons(
        cl.Message(content=views.ASK_FOR_NAME, actions=[cl.Action(name="skip_name", payload={}, label="Skip")])
    )


@cl.action_callback("skip_name")
@timed_turn("action")
@apologising
async def on_skip_name(action: cl.Action) -> None:
    if _stage() == "name":
        await _start(None)


async def _read_upload(element: Any) -> tuple[str, str] | None:
    path = Path(element.path)
    suffix = Path(str(element.name or "")).suffix.lower()[:8]
    progress = SlowStepProgress("Reading your letter…")
    try:
        try:
            data = await asyncio.to_thread(path.read_bytes)
        finally:
            await asyncio.to_thread(_delete_quietly, path)  # read once, then gone: the letter must not linger
        document = await asyncio.to_thread(read_document, data, f"letter{suffix}", max_bytes=SETTINGS.max_upload_bytes)
    except OSError:
        await _say("I could not open that file. Please upload it again.")
        return None
    except ReadError as exc:
        await _say(f"{exc} You can also paste the letter's text.")
        return None
    finally:
        await progress.finish()
    # The source name is generic: a member's file name can carry their name.
    return document.text, f"upload{suffix}"


def _delete_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("an uploaded letter could not be deleted")


async def _start(member_name: str | None) -> None:
    await _retire_buttons()
    letter = cl.user_session.get("letter")
    if not letter:
        _set_stage("letter")
        await _say(views.ASK_FOR_LETTER)
        return
    thread = new_thread_id()
    progress = SlowStepProgress("Reading your letter…")
    conversation = _conversation(thread, progress)
    turn = await _guarded(
        conversation.start(letter[0], letter[1], member_name, channel=CHANNEL, owner=cl.user_session.get("owner"))
    )
    await progress.finish()
    cl.user_session.set("letter", None)
    if turn is None:
        return
    cl.user_session.set("thread", thread)
    await _show(turn)


async def _advance(reply: object) -> None:
    thread = cl.user_session.get("thread")
    if not thread:
        await _say("Please reload the page to continue.")
        return
    await _retire_buttons()
    progress = SlowStepProgress("One moment…")
    turn = await _guarded(_conversation(thread, progress).send(reply))
    await progress.finish()
    if turn is not None:
        await _show(turn)


def _conversation(thread: str, progress: SlowStepProgress) -> Conversation:
    async def tell(line: dict[str, Any]) -> None:
        await progress.tell(str(line.get("message", "Working…")))

    return runtime().conversation(thread, on_progress=tell)


async def _guarded(pending: Any) -> Turn | None:
    """Runs one turn; anything that goes wrong becomes one sentence for the member, and a log line without PHI."""
    try:
        turn: Turn | None = await pending
        return turn
    except ThreadBusy:
        await _say(views.BUSY)
    except ConversationError as exc:
        await _say(str(exc))
    except Exception as exc:
        TURN_ERRORS.inc()
        log.error("web turn failed: %s", type(exc).__name__)  # the type only: messages can quote the letter
        await _say(views.TROUBLE)
    return None


# ---- showing a turn ----


async def _show(turn: Turn) -> None:
    cl.user_session.set("pending", turn.payload)
    if turn.kind == "confirm":
        _set_stage("confirm")
        await _send_with_buttons(
            cl.Message(
                content=views.confirmation_text(turn.payload),
                elements=[PropsOnlyElement(name="ConfirmDetails", props=views.confirmation_props(turn.payload))],
                actions=[cl.Action(name="confirm_details", payload={"accept": True}, label="Looks right")],
            )
        )
    elif turn.kind == "question":
        _set_stage("question")
        view = views.question_view(turn.payload)
        question_id = str(turn.payload.get("id", ""))
        actions = [
            cl.Action(name="quick_reply", payload={"value": reply.value, "question": question_id}, label=reply.label)
            for reply in view.replies
        ]
        await _send_with_buttons(cl.Message(content=view.text, actions=actions))
    elif turn.kind == "done":
        _set_stage("done")
        await _show_letter(turn.payload)
    else:
        _set_stage("letter")
        await _say(f"{views.escape(str(turn.payload.get('message', 'This letter could not be read.')))}")
        await _say(views.ASK_FOR_LETTER)


async def _show_letter(payload: dict[str, Any]) -> None:
    thread = cl.user_session.get("thread")
    letter = cl.Message(content="")
    for chunk in views.letter_stream(str(payload.get("text", ""))):
        await letter.stream_token(chunk)
    await letter.send()
    links = " · ".join(
        f"[Download {letter_format.label}]({PUBLIC_URL}{download_path(thread, extension)})"
        for extension, letter_format in FORMATS.items()
    )
    await _send_with_buttons(
        cl.Message(
            content=views.finished_text(payload, links),
            actions=[cl.Action(name="start_over", payload={}, label="Start over")],
        )
    )


@cl.action_callback("confirm_details")
@timed_turn("action")
@apologising
async def on_confirm(action: cl.Action) -> None:
    if _stage() != "confirm":
        return
    corrections = views.corrections_from_form(cl.user_session.get("pending") or {}, action.payload.get("values"))
    await _advance({"accept": True, "corrections": corrections} if corrections else {"accept": True})


@cl.action_callback("quick_reply")
@timed_turn("action")
@apologising
async def on_quick_reply(action: cl.Action) -> None:
    pending = cl.user_session.get("pending") or {}
    if _stage() != "question" or action.payload.get("question") != str(pending.get("id", "")):
        return  # a button from an earlier question
    await _advance({"answer": str(action.payload.get("value", ""))})


@cl.action_callback("start_over")
@timed_turn("action")
@apologising
async def on_start_over(action: cl.Action) -> None:
    await _retire_buttons()
    cl.user_session.set("thread", None)
    cl.user_session.set("pending", None)
    _set_stage("letter")
    await _say(views.STARTED_OVER)
    await _say(views.ASK_FOR_LETTER)


# ---- small helpers ----


class PropsOnlyElement(cl.CustomElement):
    """A custom element whose props travel with the message only. Chainlit would also write them to a file in
    its upload folder; the confirmation's props are the letter's details, which must not sit on disk."""

    async def _create(self, persist: bool = True) -> bool:
        self.chainlit_key = self.chainlit_key or self.id
        self.persisted = True
        return True


async def _send_with_buttons(message: cl.Message) -> None:
    """Sends a step's message; its buttons are taken away once the step is answered (so old ones can't be used)."""
    await message.send()
    cl.user_session.set("buttons", message)


async def _retire_buttons() -> None:
    message = cl.user_session.get("buttons")
    cl.user_session.set("buttons", None)
    if message is not None:
        await message.remove_actions()


def _stage() -> str:
    return str(cl.user_session.get("stage") or "")


def _set_stage(stage: str) -> None:
    cl.user_session.set("stage", stage)


async def _say(text: str) -> None:
    await cl.Message(content=text).send()
