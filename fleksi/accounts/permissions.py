"""The one scoping module: who may see and change which employee, unit and record.

Every page and endpoint asks here. A user's :class:`Scope` combines

- the assigned roles (Sekda, Bupati, BKPSDM, Diskominfo, service-unit manager, auditor),
- what follows from the organisation on the day: their own record (employee), their direct
  subordinates (supervisor), the subtree of every unit they head, definitively or as
  Plt/Plh (head of unit), and the subtrees a service-unit manager is assigned to.

Sensitive per-person data (exceptions with their reasons, evidence files) is narrower than
seeing a person: only the person, their approval chain (direct supervisor, the head —
definitive or Plt/Plh — of a unit whose subtree holds them) and BKPSDM
(``people.sensitive_all``) see it; see :meth:`Scope.sees_sensitive_of`. Regency-wide roles
without it (Sekda, Bupati, auditor, Diskominfo) get counts, not names and reasons.

Objects out of scope are answered with 404 (their existence is not revealed); objects in
scope that the user may see but not change are answered with 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from fleksi.accounts.domain.access import Perm, permissions_of
from fleksi.accounts.models import Role, RoleAssignment, User
from fleksi.org.models import ActingAssignment, Employee, Unit
from fleksi.org.selectors import subtree_q, units_headed_by


@dataclass(frozen=True)
class Scope:
    user_id: int
    employee_id: int | None
    own_unit_id: int | None
    roles: frozenset[str]
    perms: frozenset[Perm]
    headed_unit_paths: tuple[str, ...]
    managed_unit_paths: tuple[str, ...]  # service-unit manager
    admin_unit_paths: tuple[str, ...] = ()  # unit personnel administrator
    acting_unit_ids: frozenset[int] = frozenset()  # units headed today as Plt/Plh

    @property
    def sees_all_people(self) -> bool:
        return Perm.PEOPLE_VIEW_ALL in self.perms

    @property
    def sees_all_sensitive(self) -> bool:
        return Perm.SENSITIVE_VIEW_ALL in self.perms

    # --- Subtree coverage ---------------------------------------------------------------------

    @property
    def led_unit_paths(self) -> tuple[str, ...]:
        """The subtrees the user heads (Plt/Plh included) or manages as service-unit manager:
        those whose dashboards and figures are theirs (administration excluded)."""
        return self.headed_unit_paths + self.managed_unit_paths

    def heads_or_manages(self, path: str) -> bool:
        return any(path.startswith(p) for p in self.led_unit_paths)

    def covers(self, path: str) -> bool:
        """Whether a unit (by its path) lies in a subtree the user heads, manages or
        administers."""
        return any(path.startswith(p) for p in self.unit_paths)

    def administers(self, path: str) -> bool:
        """Whether a unit lies in a subtree the user administers (unit personnel
        administrator)."""
        return any(path.startswith(p) for p in self.admin_unit_paths)

    def heads(self, path: str) -> bool:
        """Whether a unit lies in a subtree the user heads (definitively or as Plt/Plh)."""
        return any(path.startswith(p) for p in self.headed_unit_paths)

    def sees_unit_people(self, path: str) -> bool:
        """Whether the user sees every person of a unit: all people, or a covering subtree."""
        return self.sees_all_people or self.covers(path)

    def is_acting_head_of(self, unit_id: int) -> bool:
        return unit_id in self.acting_unit_ids

    def leads(self, employee: Employee) -> bool:
        """Direct supervisor, or acting head (Plt/Plh) of the employee's unit today; never
        oneself."""
        if self.employee_id is None or self.employee_id == employee.pk:
            return False
        return employee.supervisor_id == self.employee_id or self.is_acting_head_of(
            employee.unit_id
        )

    def led_q(self, prefix: str = "") -> Q:
        """The people the user leads (see :meth:`leads`), as a filter through ``prefix``."""
        if self.employee_id is None:
            return Q(pk__in=[])
        return (
            Q(**{f"{prefix}supervisor_id": self.employee_id})
            | Q(**{f"{prefix}unit_id__in": self.acting_unit_ids})
        ) & ~Q(**{f"{prefix}pk": self.employee_id})

    def in_subtrees_q(self, prefix: str = "") -> Q:
        """Rows whose unit (``<prefix>unit``: an employee's, a roster's, …) lies in a subtree
        the user heads, manages or administers."""
        return subtree_q(self.unit_paths, f"{prefix}unit__path")

    def in_headed_q(self, prefix: str = "") -> Q:
        """Rows whose unit (``<prefix>unit``) lies in a subtree the user heads."""
        return subtree_q(self.headed_unit_paths, f"{prefix}unit__path")

    def subtree_units(self) -> QuerySet[Unit]:
        """Every unit of the subtrees the user heads, manages or administers."""
        return Unit.objects.filter(subtree_q(self.unit_paths))

    def headed_units(self) -> QuerySet[Unit]:
        """The units the user heads today (definitively or as Plt/Plh), by path."""
        return Unit.objects.filter(path__in=self.headed_unit_paths).order_by("path")

    def managed_units(self) -> QuerySet[Unit]:
        """The units a service-unit manager is assigned to, by path."""
        return Unit.objects.filter(path__in=self.managed_unit_paths).order_by("path")

    def root_units(self) -> QuerySet[Unit]:
        """The top units of every subtree the user heads, manages or administers."""
        return Unit.objects.filter(path__in=self.unit_paths).order_by("path")

    def direct_reports(self) -> QuerySet[Employee]:
        """The active employees whose direct supervisor the user is."""
        if self.employee_id is None:
            return Employee.objects.none()
        return Employee.objects.filter(supervisor_id=self.employee_id, is_active=True)

    # --- Sensitive per-person data ------------------------------------------------------------

    def sees_sensitive_of(self, employee: Employee) -> bool:
        """Whether the user may read an employee's sensitive data (exceptions and their
        reasons, evidence): the person, their direct supervisor, the head (Plt/Plh included)
        of a unit whose subtree holds them, and BKPSDM."""
        if self.sees_all_sensitive:
            return True
        if self.employee_id is not None and self.employee_id in (
            employee.pk,
            employee.supervisor_id,
        ):
            return True
        return self.heads(employee.unit.path)

    def sensitive_q(self, prefix: str = "") -> Q:
        """:meth:`sees_sensitive_of` as a filter on employees (through ``prefix``, e.g.
        ``"employee__"``)."""
        if self.sees_all_sensitive:
            return Q()
        q = Q(pk__in=[])
        if self.employee_id is not None:
            q |= Q(**{f"{prefix}pk": self.employee_id})
            q |= Q(**{f"{prefix}supervisor_id": self.employee_id})
        return q | self.in_headed_q(prefix)

    def sees_personal_details_of(self, employee: Employee) -> bool:
        """Whether the user may read an employee's personal details — NIP (it encodes the
        birth date and sex), birth date, domicile and disciplinary status: whoever reads their
        sensitive data (:meth:`sees_sensitive_of`) and the personnel administrator of a unit
        whose subtree holds them, who keeps the record. Others who see the person (Sekda,
        Bupati, auditor) see name, position and unit only: the least each role needs
        (UU 27/2022 Pasal 16 ayat (2) huruf b and c)."""
        return self.sees_sensitive_of(employee) or self.administers(employee.unit.path)

    def personal_details_q(self, prefix: str = "") -> Q:
        """:meth:`sees_personal_details_of` as a filter on employees."""
        if self.sees_all_sensitive:
            return Q()
        return self.sensitive_q(prefix) | subtree_q(self.admin_unit_paths, f"{prefix}unit__path")

    def personal_details_among(self, people: QuerySet[Employee]) -> set[int] | None:
        """The ids among ``people`` whose personal details the user may read (one query);
        ``None``: all of them."""
        if self.sees_all_sensitive:
            return None
        return set(people.filter(self.personal_details_q()).values_list("pk", flat=True))

    @property
    def unit_paths(self) -> tuple[str, ...]:
        """Every subtree whose people the user may see."""
        return self.headed_unit_paths + self.managed_unit_paths + self.admin_unit_paths

    def has(self, perm: Perm) -> bool:
        return perm in self.perms

    def has_role(self, role: str) -> bool:
        return role in self.roles


def scope_for(user: User, day: date | None = None) -> Scope:
    """The user's scope today (cached on the user object for the request)."""
    day = day or timezone.localdate()
    cached: tuple[date, Scope] | None = getattr(user, "_fleksi_scope", None)
    if cached is not None and cached[0] == day:
        return cached[1]
    roles: set[str] = set()
    managed: list[str] = []
    administered: list[str] = []
    for role, unit_path in (
        RoleAssignment.objects.current().filter(user=user).values_list("role", "unit__path")
    ):
        roles.add(role)
        if role == Role.SERVICE_MANAGER and unit_path:
            managed.append(unit_path)
        elif role == Role.UNIT_ADMIN and unit_path:
            administered.append(unit_path)
    headed: list[str] = []
    acting: frozenset[int] = frozenset()
    employee: Employee | None = None
    if user.employee_id is not None:
        employee = Employee.objects.select_related("position", "unit").get(pk=user.employee_id)
        if employee.is_active:
            roles.add(Role.EMPLOYEE)
            if Employee.objects.filter(supervisor_id=employee.pk, is_active=True).exists():
                roles.add(Role.SUPERVISOR)
            headed = [u.path for u in units_headed_by(employee, day)]
            acting = frozenset(
                ActingAssignment.objects.filter(
                    employee_id=employee.pk, start_date__lte=day, end_date__gte=day
                ).values_list("unit_id", flat=True)
            )
            if headed:
                roles.add(Role.UNIT_HEAD)
    scope = Scope(
        user_id=user.pk,
        employee_id=employee.pk if employee and employee.is_active else None,
        own_unit_id=employee.unit_id if employee and employee.is_active else None,
        roles=frozenset(roles),
        perms=permissions_of(roles),
        headed_unit_paths=tuple(sorted(headed)),
        managed_unit_paths=tuple(sorted(managed)),
        admin_unit_paths=tuple(sorted(administered)),
        acting_unit_ids=acting,
    )
    user._fleksi_scope = (day, scope)  # type: ignore[attr-defined]
    return scope


# --- People -----------------------------------------------------------------------------------


def _people_q(scope: Scope) -> Q:
    q = Q(pk__in=[])
    if scope.employee_id is not None:
        q |= Q(pk=scope.employee_id) | Q(supervisor_id=scope.employee_id)
    if scope.unit_paths:
        q |= scope.in_subtrees_q()
    return q


def employees_visible_to(user: User) -> QuerySet[Employee]:
    scope = scope_for(user)
    qs = Employee.objects.all()
    if scope.sees_all_people:
        return qs
    return qs.filter(_people_q(scope))


def can_change_employee(user: User, employee: Employee) -> bool:
    return scope_for(user).has(Perm.PEOPLE_CHANGE)


def access_employee(user: User, employee_id: int, *, change: bool = False) -> Employee:
    """The employee if the user may see it (404 otherwise); 403 if a change is not allowed."""
    employee = (
        employees_visible_to(user)
        .select_related(
            "unit", "unit__root", "position", "supervisor", "domicile", "domicile__kecamatan"
        )
        .filter(pk=employee_id)
        .first()
    )
    if employee is None:
        raise Http404
    if change and not can_change_employee(user, employee):
        raise PermissionDenied
    return employee


# --- Units ------------------------------------------------------------------------------------


def units_visible_to(user: User) -> QuerySet[Unit]:
    """Units whose page the user may open: all for regency-wide roles; else the subtrees they
    head or manage and their own unit."""
    scope = scope_for(user)
    if scope.sees_all_people or scope.has(Perm.REGENCY_VIEW):
        return Unit.objects.all()
    q = subtree_q(scope.unit_paths)
    if scope.own_unit_id is not None:
        q |= Q(pk=scope.own_unit_id)
    return Unit.objects.filter(q)


def access_unit(user: User, unit_id: int) -> Unit:
    unit = (
        units_visible_to(user)
        .select_related("parent", "root", "kecamatan")
        .filter(pk=unit_id)
        .first()
    )
    if unit is None:
        raise Http404
    return unit


def unit_people_visible(user: User, unit: Unit) -> QuerySet[Employee]:
    """The people of a unit page: everyone of the subtree when the user's scope covers the
    unit; otherwise (an employee on their own unit's page) the colleagues of that unit only."""
    scope = scope_for(user)
    if scope.sees_unit_people(unit.path):
        return Employee.objects.filter(unit__path__startswith=unit.path, is_active=True)
    if scope.own_unit_id == unit.pk:
        return Employee.objects.filter(unit=unit, is_active=True)
    return Employee.objects.none()


# --- Capabilities -----------------------------------------------------------------------------


def require(user: User, perm: Perm) -> None:
    """403 unless the user holds ``perm``."""
    if not scope_for(user).has(perm):
        raise PermissionDenied
