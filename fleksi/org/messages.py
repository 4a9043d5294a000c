"""Translated messages for the codes raised by ``fleksi.org.domain``."""

from __future__ import annotations

from django.utils.translation import gettext as _

from fleksi.org.domain.nip import NipProblem


def nip_problem_message(problem: NipProblem) -> str:
    messages = {
        "nip_length": _("The number must have exactly 18 digits (it has %(n)d).")
        % {"n": len(problem.value)},
        "nip_digits": _("The number may contain digits only."),
        "nip_birth_date": _(
            "Digits 1–8 of the NIP (%(value)s) are not a valid birth date (YYYYMMDD)."
        )
        % {"value": problem.value},
        "nip_tmt": _("Digits 9–14 of the NIP (%(value)s) are not a valid TMT year and month.")
        % {"value": problem.value},
        "nip_tmt_before_adult": _(
            "Digits 9–14 of the NIP (TMT %(value)s) fall before the 18th birthday."
        )
        % {"value": problem.value},
        "nip_sex": _("Digit 15 of the NIP must be 1 (male) or 2 (female), not %(value)s.")
        % {"value": problem.value},
        "nip_birth_mismatch": _(
            "Digits 1–8 of the NIP (%(value)s) do not match the recorded birth date."
        )
        % {"value": problem.value},
        "nip_sex_mismatch": _("Digit 15 of the NIP (%(value)s) does not match the recorded sex.")
        % {"value": problem.value},
    }
    return messages.get(problem.code, problem.code)
