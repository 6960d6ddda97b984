"""Generations rows for the shadow-report tests, inserted directly: live and shadow letters for a few cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert

from store.records_schema import cases, generations

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
LIVE_SHA, SHADOW_SHA = "a" * 64, "b" * 64
LETTER = "Dear Acme Health,\nI appeal the denial of [SERVICE_1].\nIt is medically necessary.\nSincerely,\n[PERSON_1]\n"
SHADOW_LETTER = LETTER.replace(
    "It is medically necessary.", "My doctor says it is medically necessary.\nPlease cover it."
)


def guardrails(*failed: str) -> dict[str, object]:
    names = ["grounding", "citations", "placeholders", "remedy"]
    results = [
        {"name": name, "passed": name not in failed, "problems": ["a problem"] if name in failed else []}
        for name in names
    ]
    return {"results": results, "passed": not failed}


def add_case(engine: Engine, case_id: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(cases).values(
                case_id=case_id, thread_id=f"t-{case_id}", owner=None, channel="batch", status="delivered",
                deadline=None, created_at=START, updated_at=START,
            )
        )  # fmt: skip


def add_generation(
    engine: Engine,
    case_id: str,
    minute: int,
    text: str,
    *,
    shadow: bool = False,
    chosen: bool = False,
    failed: tuple[str, ...] = (),
) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(generations).values(
                case_id=case_id, letter_id=None, source="model", shadow=shadow, text=text,
                template="compose/appeal.user.j2", template_sha256=SHADOW_SHA if shadow else LIVE_SHA,
                model_id="large" if shadow else "small", adapter="compose-v2" if shadow else None,
                parameters={"n": 2}, fallback_used=False, guardrails=guardrails(*failed),
                guardrails_passed=not failed, chosen=chosen, created_at=START + timedelta(minutes=minute),
            )
        )  # fmt: skip


def add_sample(engine: Engine) -> None:
    for case_id in ("case-a", "case-b", "case-c", "case-d"):
        add_case(engine, case_id)
    # a: the live letter passes, the shadow fails two checks; an unchosen live attempt and an older shadow are ignored
    add_generation(engine, "case-a", 1, "an attempt that was not chosen", failed=("remedy",))
    add_generation(engine, "case-a", 2, LETTER, chosen=True)
    add_generation(engine, "case-a", 3, "an older shadow", shadow=True)
    add_generation(engine, "case-a", 4, SHADOW_LETTER, shadow=True, failed=("grounding", "citations"))
    # b: the live letter fails, the shadow passes
    add_generation(engine, "case-b", 5, LETTER, chosen=True, failed=("remedy",))
    add_generation(engine, "case-b", 6, SHADOW_LETTER, shadow=True)
    # c: both pass with the same text
    add_generation(engine, "case-c", 7, LETTER, chosen=True)
    add_generation(engine, "case-c", 8, LETTER, shadow=True)
    # d: a shadow with no live letter chosen yet
    add_generation(engine, "case-d", 9, LETTER, shadow=True)
