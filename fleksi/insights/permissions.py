"""Who sees which dashboard and report (through the scoping module).

Tiers (PermenPANRB 4/2025 Pasal 35: monitoring is tiered):

- **regency** — the regency-wide roles (``regency.view``: Sekda, Bupati, BKPSDM, Diskominfo):
  every perangkat daerah and kecamatan, and any unit below;
- **inspektorat** — the auditor: the regency figures with the audit-trail summary (anyone
  holding ``audit.view`` may open that page);
- **perangkat daerah** / **unit** — a head of unit (Plt/Plh included) or a service-unit
  manager: the subtrees they head or manage.

The per-person table of a unit needs the right to see those people (``people.view_all``, or a
subtree the user heads or manages). Reports: every regency-wide role sees and downloads
them; the Sekda and BKPSDM ask for one. Out of scope is 404; seen but not allowed is 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from fleksi.accounts.domain.access import Perm
from fleksi.accounts.models import Role, User
from fleksi.accounts.permissions import Scope, scope_for
from fleksi.insights.models import EvaluationReport
from fleksi.org.models import Unit
from fleksi.org.selectors import subtree_q

REGENCY, INSPEKTORAT, PERANGKAT_DAERAH, UNIT = "regency", "inspektorat", "perangkat_daerah", "unit"
GENERATORS = (Role.SEKDA, Role.BKPSDM_ADMIN)


def tier_of(scope: Scope) -> str | None:
    if scope.has_role(Role.AUDITOR):
        return INSPEKTORAT
    if scope.has(Perm.REGENCY_VIEW):
        return REGENCY
    paths = scope.led_unit_paths
    if not paths:
        return None
    return PERANGKAT_DAERAH if any(p.count(".") == 1 for p in paths) else UNIT


def sees_people_lists(user: User) -> bool:
    """Whether the insights link to per-person lists: those who see everyone, heads of unit
    (Plt/Plh included) and service-unit managers."""
    scope = scope_for(user)
    return scope.sees_all_people or bool(scope.led_unit_paths)


def tier_for(user: User) -> str | None:
    return tier_of(scope_for(user))


def may_use_scope(scope: Scope) -> bool:
    """Whether the dashboards are for a scope at all (the navigation asks)."""
    return tier_of(scope) is not None


def home_unit(user: User) -> Unit | None:
    """The unit a head's or manager's dashboard opens on: the widest subtree they hold."""
    paths = sorted(scope_for(user).led_unit_paths, key=lambda p: (p.count("."), p))
    return Unit.objects.filter(path=paths[0]).first() if paths else None


def sees_regency(user: User) -> bool:
    return scope_for(user).has(Perm.REGENCY_VIEW)


def require_regency(user: User) -> None:
    if not sees_regency(user):
        raise Http404


def require_audit(user: User) -> None:
    if not scope_for(user).has(Perm.AUDIT_VIEW):
        raise Http404


def units_visible(user: User) -> QuerySet[Unit]:
    scope = scope_for(user)
    if scope.has(Perm.REGENCY_VIEW):
        return Unit.objects.all()
    paths = scope.led_unit_paths
    return Unit.objects.filter(subtree_q(paths)) if paths else Unit.objects.none()


def access_unit(user: User, unit_id: int) -> Unit:
    unit = (
        units_visible(user).select_related("parent", "root", "kecamatan").filter(pk=unit_id).first()
    )
    if unit is None:
        raise Http404
    return unit


def may_see_people(user: User, unit: Unit) -> bool:
    scope = scope_for(user)
    return scope.sees_all_people or scope.heads_or_manages(unit.path)


def may_see_reports(user: User) -> bool:
    return sees_regency(user)


def may_generate_reports(user: User) -> bool:
    scope = scope_for(user)
    return any(scope.has_role(r) for r in GENERATORS)


def require_generate(user: User) -> None:
    if not may_see_reports(user):
        raise Http404
    if not may_generate_reports(user):
        raise PermissionDenied


def reports_visible(user: User) -> QuerySet[EvaluationReport]:
    if not may_see_reports(user):
        return EvaluationReport.objects.none()
    return EvaluationReport.objects.all()


def access_report(user: User, report_id: int) -> EvaluationReport:
    report = reports_visible(user).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report
