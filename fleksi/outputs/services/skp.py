"""Writing an SKP in the pages: create it, save a result (RHK) with its indicators, remove
a result, and agree the SKP (the supervisor)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Employee
from fleksi.outputs.domain.skp_rows import USUAL_QUALITY_PCT, USUAL_TIME_MONTHS
from fleksi.outputs.models import Skp, SkpIndicator, SkpResult
from fleksi.outputs.services.common import audit


@dataclass(frozen=True)
class IndicatorIn:
    text: str
    target_quantity: Decimal
    target_unit: str
    target_quality_pct: int = USUAL_QUALITY_PCT
    target_time_months: int = USUAL_TIME_MONTHS


def parent_problem(employee: Employee, year: int, parent: SkpResult | None) -> str | None:
    """Why ``parent`` cannot be the result this employee's result cascades from (None: it
    can): it must belong to the SKP of the employee's direct supervisor for the same year."""
    if parent is None:
        return None
    if employee.supervisor_id is None or parent.skp.employee_id != employee.supervisor_id:
        return _("The result cascaded from must be one of your direct supervisor's results.")
    if parent.skp.year != year:
        return _("The result cascaded from must be of the same year (%(year)d).") % {"year": year}
    return None


def skp_create(*, actor: Any, employee: Employee, year: int) -> Skp:
    if not 2000 <= year <= 2100:
        raise ValidationFailed("bad_year", _("Choose a year from 2000 to 2100."))
    try:
        with transaction.atomic():
            skp = Skp.objects.create(employee=employee, year=year, rater=employee.supervisor)
            audit(
                actor,
                employee,
                "skp.create",
                "skp",
                skp.pk,
                after={"year": year, "rater": employee.supervisor_id},
            )
    except IntegrityError as exc:
        raise Conflict(
            "skp_exists", _("There is already an SKP for %(year)d.") % {"year": year}
        ) from exc
    return skp


def _validate(
    skp: Skp,
    number: int,
    text: str,
    kind: str,
    parent: SkpResult | None,
    indicators: Sequence[IndicatorIn],
) -> None:
    errors: dict[str, list[str]] = {}
    if skp.status != Skp.Status.DRAFT:
        raise Conflict("skp_agreed", _("The SKP has been agreed; it no longer changes here."))
    if not 1 <= number <= 99:
        errors["number"] = [_("A number from 1 to 99.")]
    if not text.strip():
        errors["text"] = [_("Write the planned result.")]
    if kind not in SkpResult.Kind.values:
        errors["kind"] = [_("Choose main or additional.")]
    problem = parent_problem(skp.employee, skp.year, parent)
    if problem:
        errors["parent"] = [problem]
    if not indicators:
        errors["indicators"] = [_("Give at least one indicator with its target.")]
    for ind in indicators:
        if (
            not ind.text.strip()
            or not ind.target_unit.strip()
            or ind.target_quantity <= 0
            or not 0 <= ind.target_quality_pct <= 100
            or not 1 <= ind.target_time_months <= 12
        ):
            errors.setdefault("indicators", []).append(
                _(
                    "Each indicator needs a text, a quantity above zero with its unit, a quality "
                    "from 0 to 100 % and a time of 1 to 12 months."
                )
            )
            break
    if errors:
        raise ValidationFailed("rhk_invalid", _("The result is not complete."), errors=errors)


def skp_result_save(
    *,
    actor: Any,
    skp: Skp,
    number: int,
    text: str,
    kind: str = "main",
    parent: SkpResult | None = None,
    indicators: Sequence[IndicatorIn],
    result: SkpResult | None = None,
) -> SkpResult:
    """Create (``result`` None) or change a result; its indicators are replaced."""
    _validate(skp, number, text, kind, parent, indicators)
    try:
        with transaction.atomic():
            before = None
            if result is None:
                result = SkpResult(skp=skp)
            else:
                before = {
                    "number": result.number,
                    "text": result.text,
                    "kind": result.kind,
                    "parent": result.parent_id,
                }
            result.number, result.text, result.kind = number, text.strip()[:500], kind
            result.parent = parent
            result.save()
            result.indicators.all().delete()
            SkpIndicator.objects.bulk_create(
                [
                    SkpIndicator(
                        result=result,
                        order=i,
                        text=ind.text.strip()[:500],
                        target_quantity=ind.target_quantity,
                        target_unit=ind.target_unit.strip()[:40],
                        target_quality_pct=ind.target_quality_pct,
                        target_time_months=ind.target_time_months,
                    )
                    for i, ind in enumerate(indicators, start=1)
                ]
            )
            audit(
                actor,
                skp.employee,
                "skp.result.save",
                "skp_result",
                result.pk,
                before=before,
                after={
                    "skp": skp.pk,
                    "number": number,
                    "text": result.text,
                    "kind": kind,
                    "parent": parent.pk if parent else None,
                    "indicators": [
                        [
                            i.text,
                            i.target_quantity,
                            i.target_unit,
                            i.target_quality_pct,
                            i.target_time_months,
                        ]
                        for i in indicators
                    ],
                },
            )
    except IntegrityError as exc:
        raise Conflict(
            "rhk_number_taken", _("Result number %(n)d is already used.") % {"n": number}
        ) from exc
    return result


def result_in_use(result: SkpResult) -> bool:
    return result.children.exists() or result.planned_outputs.exists() or result.reports.exists()


def skp_result_delete(*, actor: Any, result: SkpResult) -> None:
    skp = result.skp
    if skp.status != Skp.Status.DRAFT:
        raise Conflict("skp_agreed", _("The SKP has been agreed; it no longer changes here."))
    with transaction.atomic():
        if result_in_use(result):
            raise Conflict(
                "rhk_in_use",
                _(
                    "This result is used (by your staff's results, planned outputs or reports) "
                    "and cannot be removed."
                ),
            )
        audit(
            actor,
            skp.employee,
            "skp.result.delete",
            "skp_result",
            result.pk,
            before={"number": result.number, "text": result.text},
        )
        result.delete()


def skp_agree(*, actor: Any, skp: Skp) -> Skp:
    """The supervisor agrees the SKP: from then on its results are fixed."""
    with transaction.atomic():
        skp = Skp.objects.select_for_update().select_related("employee").get(pk=skp.pk)
        if skp.status != Skp.Status.DRAFT:
            raise Conflict("skp_agreed", _("The SKP has already been agreed."))
        if not skp.results.exists():
            raise ValidationFailed("skp_empty", _("An SKP needs at least one result."))
        skp.status, skp.agreed_by, skp.agreed_at = Skp.Status.AGREED, actor, timezone.now()
        skp.save(update_fields=["status", "agreed_by", "agreed_at"])
        audit(actor, skp.employee, "skp.agree", "skp", skp.pk, after={"year": skp.year})
    return skp
