"""Reporting what was delivered (with evidence), and revising a report."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Employee
from fleksi.outputs.models import OutputReport, PlannedOutput, SkpResult, Verification
from fleksi.outputs.selectors.deadlines import report_due_on, verification_due_at
from fleksi.outputs.services.common import audit
from fleksi.outputs.services.evidence import CheckedFile, check_file, check_url
from fleksi.outputs.services.notices import tell
from fleksi.outputs.services.plans import MAX_QUANTITY, check_rhk, require_own, take_over
from fleksi.schedule.models import WorkPlanItem

DESCRIPTION_MAX = 2000


def _validate(*, quantity: Decimal, description: str, unit: str, has_file: bool, url: str) -> None:
    errors: dict[str, list[str]] = {}
    if not Decimal(0) <= quantity <= MAX_QUANTITY:
        errors["quantity"] = [_("The quantity cannot be negative.")]
    if not description.strip():
        errors["description"] = [_("Say what was delivered.")]
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = [_("At most %(n)d characters.") % {"n": DESCRIPTION_MAX}]
    if not unit.strip():
        errors["unit"] = [_("Give a unit of measure (document, report, letter…).")]
    if not has_file and not url:
        errors["evidence"] = [_("Add evidence: a file (photo, PDF, document) or a link.")]
    if errors:
        raise ValidationFailed("report_invalid", _("The report is not complete."), errors=errors)


def _open_verification(report: OutputReport, employee: Employee) -> Verification | None:
    """The direct supervisor verifies first (nobody, for the one employee without one)."""
    supervisor = employee.supervisor
    if supervisor is None or not supervisor.is_active:
        return None
    return Verification.objects.create(
        report=report, level=1, verifier=supervisor, due_at=verification_due_at(timezone.now())
    )


def _store(report: OutputReport, checked: CheckedFile | None, url: str) -> None:
    if checked is not None:
        report.evidence.save(checked.storage_name, checked.upload, save=False)
        report.evidence_name = checked.name
        report.evidence_type = checked.kind
        report.evidence_size = checked.size
        report.evidence_sha256 = checked.sha256
    report.evidence_url = url


def _evidence_summary(report: OutputReport) -> dict[str, Any]:
    return {
        "evidence_sha256": report.evidence_sha256,
        "evidence_type": report.evidence_type,
        "evidence_size": report.evidence_size,
        "evidence_url": report.evidence_url,
    }


def report_submit(
    *,
    actor: Any,
    employee: Employee,
    day: Any,
    quantity: Decimal,
    description: str,
    planned: PlannedOutput | None = None,
    item: WorkPlanItem | None = None,
    unit: str = "",
    rhk: SkpResult | None = None,
    evidence: UploadedFile | None = None,
    evidence_url: str = "",
) -> OutputReport:
    """Report the output of ``day``: against a planned output (or a request's plan item,
    taken over now), or as unplanned work. The report is late when made after the policy's
    report deadline; it goes to the direct supervisor for verification."""
    require_own(actor, employee)
    now = timezone.now()
    if day > timezone.localdate(now):
        raise ValidationFailed("report_future", _("Outputs are reported on or after their day."))
    if planned is not None and (planned.employee_id != employee.pk or planned.day != day):
        raise ValidationFailed("plan_other_day", _("This planned output belongs to another day."))
    url = check_url(evidence_url)
    checked = check_file(evidence) if evidence is not None else None
    unit = planned.unit if planned is not None else item.unit_of_measure if item else unit
    _validate(
        quantity=quantity, description=description, unit=unit, has_file=checked is not None, url=url
    )
    check_rhk(employee, day, rhk)
    with transaction.atomic():
        if item is not None:
            planned = take_over(actor, employee, item)
            if planned.day != day:
                raise ValidationFailed(
                    "plan_other_day", _("This planned output belongs to another day.")
                )
        if planned is not None:
            planned = PlannedOutput.objects.select_for_update().get(pk=planned.pk)
            if OutputReport.objects.filter(planned_output=planned).exists():
                raise Conflict("already_reported", _("This output has already been reported."))
            if rhk is not None and planned.rhk_id != rhk.pk:
                planned.rhk = rhk
                planned.save(update_fields=["rhk"])
            rhk = rhk or planned.rhk
        due = report_due_on(day)
        report = OutputReport(
            employee=employee,
            day=day,
            planned_output=planned,
            rhk=rhk,
            description=description.strip(),
            quantity=quantity,
            unit=unit.strip()[:40],
            reported_at=now,
            due_on=due,
            late=timezone.localdate(now) > due,
        )
        _store(report, checked, url)
        report.save()
        verification = _open_verification(report, employee)
        audit(
            actor,
            employee,
            "report.submit",
            "report",
            report.pk,
            after={
                "day": day,
                "planned_output": planned.pk if planned else None,
                "quantity": quantity,
                "unit": report.unit,
                "late": report.late,
                "due_on": due,
                "rhk": rhk.pk if rhk else None,
                **_evidence_summary(report),
            },
        )
        if verification is not None:
            tell(
                kind="output.reported",
                to=[verification.verifier],
                params={"name": employee.name, "what": _short(report), "day": day.isoformat()},
                url=f"/outputs/reports/{report.pk}/",
                source=("outputs.report", str(report.pk)),
            )
    return report


def _short(report: OutputReport) -> str:
    text = report.planned_output.description if report.planned_output else report.description
    return text if len(text) <= 80 else text[:79] + "…"


def report_revise(
    *,
    actor: Any,
    report: OutputReport,
    quantity: Decimal,
    description: str,
    rhk: SkpResult | None = None,
    evidence: UploadedFile | None = None,
    evidence_url: str | None = None,
) -> OutputReport:
    """Change a report that was returned (or still waits): it goes back to verification."""
    employee = report.employee
    require_own(actor, employee)
    url = check_url(evidence_url) if evidence_url is not None else report.evidence_url
    checked = check_file(evidence) if evidence is not None else None
    _validate(
        quantity=quantity,
        description=description,
        unit=report.unit,
        has_file=checked is not None or bool(report.evidence),
        url=url,
    )
    check_rhk(employee, report.day, rhk)
    with transaction.atomic():
        report = OutputReport.objects.select_for_update().get(pk=report.pk)
        if report.status not in (OutputReport.Status.SUBMITTED, OutputReport.Status.RETURNED):
            raise Conflict("report_final", _("An accepted or rejected report cannot change."))
        before = {
            "quantity": report.quantity,
            "description": report.description,
            "rhk": report.rhk_id,
            **_evidence_summary(report),
        }
        Verification.objects.filter(report=report, status=Verification.Status.PENDING).update(
            status=Verification.Status.SUPERSEDED, acted_at=timezone.now()
        )
        report.quantity, report.description = quantity, description.strip()
        report.rhk = rhk or report.rhk
        report.status, report.quality = OutputReport.Status.SUBMITTED, None
        report.revision += 1
        _store(report, checked, url)
        report.save()
        if report.planned_output_id and rhk is not None:
            PlannedOutput.objects.filter(pk=report.planned_output_id).update(rhk=rhk)
        verification = _open_verification(report, employee)
        audit(
            actor,
            employee,
            "report.revise",
            "report",
            report.pk,
            before=before,
            after={
                "quantity": quantity,
                "description": report.description,
                "rhk": report.rhk_id,
                "revision": report.revision,
                **_evidence_summary(report),
            },
        )
        if verification is not None:
            tell(
                kind="output.reported",
                to=[verification.verifier],
                params={
                    "name": employee.name,
                    "what": _short(report),
                    "day": report.day.isoformat(),
                },
                url=f"/outputs/reports/{report.pk}/",
                source=("outputs.report", str(report.pk)),
            )
    return report
