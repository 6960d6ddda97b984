"""What the guardrails found: one result per check, and the report stored with every letter."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class CheckResult(BaseModel):
    """One check's verdict. `problems` are short, human-readable, and quote only placeholders and the letter."""

    model_config = ConfigDict(frozen=True)

    name: str
    passed: bool
    problems: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _verdict_matches_problems(self) -> CheckResult:
        if self.passed == bool(self.problems):
            raise ValueError("a check passes exactly when it has no problems")
        return self

    @classmethod
    def from_problems(cls, name: str, problems: list[str]) -> CheckResult:
        """The result of a check that found `problems` (duplicates dropped, order kept)."""
        unique = list(dict.fromkeys(problems))
        return cls(name=name, passed=not unique, problems=unique)


class GuardrailReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    results: list[CheckResult]

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results)

    def failed_names(self) -> list[str]:
        return [result.name for result in self.results if not result.passed]

    def problems(self) -> list[str]:
        """Every problem, prefixed with its check's name."""
        return [f"{result.name}: {problem}" for result in self.results for problem in result.problems]

    def summary(self) -> str:
        total = len(self.results)
        failed = [result for result in self.results if not result.passed]
        if not failed:
            return f"all {total} checks passed"
        parts = ", ".join(f"{r.name} ({len(r.problems)} problem{'s' if len(r.problems) != 1 else ''})" for r in failed)
        return f"{len(failed)} of {total} checks failed: {parts}"
