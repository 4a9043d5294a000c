"""Who may see and do what in the output supervision (through the scoping module).

- **Own work**: an employee sees and writes their own SKP, plans and reports.
- **Leading** an employee — being their direct supervisor, or acting head (Plt/Plh) of
  their unit today — lets one see their work and evidence, verify their reports, rate their
  month, write dialogue notes, agree their SKP and reinstate a suspension. A verifier to
  whom a report was escalated may see and verify that report.
- **Heads of unit** see the measures (numbers only) of everyone in their subtree.
- **BKPSDM, the Sekda, the Bupati and the auditor** read everything, and change nothing
  here (BKPSDM imports SKPs) — except the **evidence files**, which are per-person sensitive
  data: only the employee, their approval chain (``Scope.sees_sensitive_of``), a verifier
  of the report and BKPSDM download them; the other readers get 403.
- Anyone else: 404 (existence not revealed). Seen but not allowed: 403.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.eligibility.models import WfaSuspension
from fleksi.org.models import Employee, Unit
from fleksi.outputs.models import OutputReport, Skp, Verification


def reads_all(user: User) -> bool:
    return scope_for(user).sees_all_people


def acting_unit_ids(user: User, day: date | None = None) -> frozenset[int]:
    """Units the user heads on ``day`` (today) as Plt/Plh."""
    return scope_for(user, day).acting_unit_ids


def leads(user: User, employee: Employee) -> bool:
    """Direct supervisor, or acting head of the employee's unit today (never oneself)."""
    return scope_for(user).leads(employee)


def work_q(user: User) -> Q:
    """Employees whose work (reports, evidence, SKP, notes) the user may see."""
    scope = scope_for(user)
    if scope.sees_all_people:
        return Q()
    own = Q(pk=scope.employee_id) if scope.employee_id is not None else Q(pk__in=[])
    return own | scope.led_q()


def measures_q(user: User) -> Q:
    """Employees whose measures the user may see: their work, plus the subtrees they head."""
    scope = scope_for(user)
    if scope.sees_all_people:
        return Q()
    return work_q(user) | scope.in_headed_q()


def may_see_work(user: User, employee: Employee) -> bool:
    scope = scope_for(user)
    return scope.sees_all_people or scope.employee_id == employee.pk or leads(user, employee)


def may_see_measures(user: User, employee: Employee) -> bool:
    return may_see_work(user, employee) or scope_for(user).heads(employee.unit.path)


def require_team_page(user: User) -> None:
    """The team measures and the export: employees and those who read everything (404
    otherwise)."""
    if scope_for(user).employee_id is None and not reads_all(user):
        raise Http404


def measures_unit_choice(user: User, unit_text: str) -> Unit | None:
    """The unit chosen on the team page (``unit`` parameter): one the user heads (Plt/Plh
    included) or any for those who read everything; 404 otherwise, ``None`` when empty."""
    if not unit_text:
        return None
    unit = Unit.objects.filter(pk=int(unit_text)).first() if unit_text.isdigit() else None
    if unit is None or not (reads_all(user) or scope_for(user).heads(unit.path)):
        raise Http404
    return unit


def team_of(user: User) -> QuerySet[Employee]:
    """The people the user leads, and the user (for those who read everything: their direct
    reports)."""
    if reads_all(user):
        return scope_for(user).direct_reports()
    return Employee.objects.filter(work_q(user), is_active=True)


def export_people(user: User, unit: Unit | None) -> QuerySet[Employee]:
    """Whose realisations the export holds: the user's work scope, narrowed to ``unit``."""
    people = Employee.objects.filter(work_q(user))
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    return people


def _employee(employee_id: int) -> Employee:
    employee = (
        Employee.objects.select_related("unit", "position", "supervisor")
        .filter(pk=employee_id)
        .first()
    )
    if employee is None:
        raise Http404
    return employee


def access_work_employee(user: User, employee_id: int) -> Employee:
    employee = _employee(employee_id)
    if not may_see_work(user, employee):
        raise Http404
    return employee


def access_measures_employee(user: User, employee_id: int) -> Employee:
    employee = _employee(employee_id)
    if not may_see_measures(user, employee):
        raise Http404
    return employee


def own_employee(user: User) -> Employee:
    """The user's own employee record (404 for accounts without one)."""
    employee_id = scope_for(user).employee_id
    if employee_id is None:
        raise Http404
    return _employee(employee_id)


def access_report(user: User, report_id: int) -> OutputReport:
    report = (
        OutputReport.objects.select_related(
            "employee", "employee__unit", "planned_output", "rhk", "rhk__skp"
        )
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise Http404
    me = scope_for(user).employee_id
    if may_see_work(user, report.employee):
        return report
    if me is not None and report.verifications.filter(verifier_id=me).exists():
        return report
    raise Http404


def may_see_evidence(user: User, report: OutputReport) -> bool:
    """Whether the user may download the report's evidence file (given they see the report):
    the employee, their approval chain, BKPSDM, or a verifier of this report."""
    scope = scope_for(user)
    if scope.sees_sensitive_of(report.employee) or scope.leads(report.employee):
        return True
    me = scope.employee_id
    return me is not None and report.verifications.filter(verifier_id=me).exists()


def access_evidence(user: User, report_id: int) -> OutputReport:
    """A report whose evidence file the user may download: 404 out of sight or without a
    file, 403 when the report is seen but its evidence is not the user's to read."""
    report = access_report(user, report_id)
    if not report.evidence:
        raise Http404
    if not may_see_evidence(user, report):
        raise PermissionDenied
    return report


def pending_verification(report: OutputReport) -> Verification | None:
    return (
        report.verifications.filter(status=Verification.Status.PENDING)
        .select_related("verifier")
        .first()
    )


def may_verify(user: User, report: OutputReport, pending: Verification | None) -> bool:
    me = scope_for(user).employee_id
    if pending is None or me is None or me == report.employee_id:
        return False
    return pending.verifier_id == me or report.employee.unit_id in acting_unit_ids(user)


def access_verification(user: User, report_id: int) -> tuple[OutputReport, Verification]:
    """A report the user may verify now: 404 out of sight, 403 seen but not theirs (or no
    verification waiting)."""
    report = access_report(user, report_id)
    pending = pending_verification(report)
    if not may_verify(user, report, pending):
        raise PermissionDenied
    assert pending is not None
    return report, pending


def access_skp(user: User, skp_id: int, *, change: bool = False, agree: bool = False) -> Skp:
    skp = Skp.objects.select_related("employee", "employee__unit").filter(pk=skp_id).first()
    if skp is None or not may_see_work(user, skp.employee):
        raise Http404
    own = scope_for(user).employee_id == skp.employee_id
    if agree and not leads(user, skp.employee):
        raise PermissionDenied
    if change and not (own or leads(user, skp.employee)):
        raise PermissionDenied
    return skp


def may_import_skp(user: User) -> bool:
    return scope_for(user).has(Perm.PEOPLE_IMPORT)


def require_skp_import(user: User) -> None:
    if not may_import_skp(user):
        raise PermissionDenied


def access_suspension(user: User, suspension_id: int, *, reinstate: bool = False) -> WfaSuspension:
    suspension = (
        WfaSuspension.objects.select_related("employee", "employee__unit")
        .filter(pk=suspension_id)
        .first()
    )
    if suspension is None or not may_see_work(user, suspension.employee):
        raise Http404
    if reinstate and not leads(user, suspension.employee):
        raise PermissionDenied
    return suspension
