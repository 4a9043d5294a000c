"""The criteria a duty must meet to suit flexible work by location (WFA).

PermenPANRB 4/2025 Pasal 23 names five; the regency (PPK) may add its own through the policy
(``PolicyParams.extra_duty_criteria``: tuples of ``(code, label_id, label_en)``). A duty is
*suitable* when every criterion it was assessed against is answered "yes".

Labels of the five national criteria are translated in ``fleksi.jobmap.messages``; extra
criteria carry their own labels in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

PERMEN = "PermenPANRB 4/2025"


@dataclass(frozen=True)
class Criterion:
    code: str
    article: str
    label_id: str = ""  # only for extra criteria; national ones are labelled in messages.py
    label_en: str = ""
    extra: bool = False


PASAL_23: tuple[Criterion, ...] = (
    Criterion("outside_office", f"{PERMEN} Pasal 23 huruf a"),
    Criterion("no_special_room", f"{PERMEN} Pasal 23 huruf b"),
    Criterion("ict", f"{PERMEN} Pasal 23 huruf c"),
    Criterion("little_contact", f"{PERMEN} Pasal 23 huruf d"),
    Criterion("no_continuous_supervision", f"{PERMEN} Pasal 23 huruf e"),
)
PASAL_23_CODES: tuple[str, ...] = tuple(c.code for c in PASAL_23)
EXTRA_ARTICLE = f"{PERMEN} Pasal 23 huruf f"
REASON_MAX_LENGTH = 500


def criteria_with(extra: Iterable[tuple[str, str, str]] = ()) -> tuple[Criterion, ...]:
    """The national criteria followed by the policy's extra ones (a code already used is
    skipped: the national criterion wins)."""
    result = list(PASAL_23)
    seen = set(PASAL_23_CODES)
    for code, label_id, label_en in extra:
        if code in seen:
            continue
        seen.add(code)
        result.append(Criterion(code, EXTRA_ARTICLE, label_id, label_en, extra=True))
    return tuple(result)


def duty_suitable(answers: Mapping[str, bool | None], criteria: Iterable[Criterion | str]) -> bool:
    """Suitable iff every criterion is answered "yes" (a missing answer is not a yes)."""
    codes = [c.code if isinstance(c, Criterion) else c for c in criteria]
    return bool(codes) and all(answers.get(code) is True for code in codes)


@dataclass(frozen=True)
class AnswerProblem:
    """One gap in an assessment: a duty's criterion without an answer or without a reason."""

    duty_id: int
    criterion: str
    code: str  # missing_answer | missing_reason


def assessment_gaps(
    duty_ids: Sequence[int],
    criteria: Sequence[Criterion | str],
    answers: Mapping[tuple[int, str], tuple[bool | None, str]],
) -> list[AnswerProblem]:
    """What keeps an assessment from being proposed: every duty × criterion needs a yes/no
    and a short reason. Returned in duty order, then criterion order."""
    codes = [c.code if isinstance(c, Criterion) else c for c in criteria]
    problems: list[AnswerProblem] = []
    for duty_id in duty_ids:
        for code in codes:
            answer, reason = answers.get((duty_id, code), (None, ""))
            if answer is None:
                problems.append(AnswerProblem(duty_id, code, "missing_answer"))
            elif not reason.strip():
                problems.append(AnswerProblem(duty_id, code, "missing_reason"))
    return problems
