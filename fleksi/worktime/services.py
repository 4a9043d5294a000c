"""Writes to work schedules: patterns and unit patterns of a draft version (the Perbup), and
personal patterns. Each opens its own transaction and appends its audit entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change, audit_record
from fleksi.common.errors import Conflict, NotAllowed, ValidationFailed
from fleksi.org.models import Employee, Unit
from fleksi.org.services import unit_stream
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import version_in_force
from fleksi.worktime.domain.patterns import Pattern, Problem, definition_of, parse_definition
from fleksi.worktime.models import (
    DutyRoster,
    DutyShift,
    DutySwap,
    PersonWorkPattern,
    UnitWorkPattern,
    WorkPattern,
)
from fleksi.worktime.selectors import plan_of

CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def _problem_message(p: Problem) -> str:
    messages = {
        "kind": _("The kind must be a weekly pattern, a cycle or a roster."),
        "shifts": _("Give between one and twelve shifts, each with a short code."),
        "time": _("A shift needs a start and an end as hours and minutes (07:30)."),
        "break": _("A break is whole minutes, shorter than the shift."),
        "week": _("Each day of the week names one of the shifts, or none."),
        "cycle": _(
            "A cycle lists one to 56 days, each a shift or a day off, with at least one shift."
        ),
        "anchor": _("A cycle needs the date of its first day."),
        "flex": _("A flexible start is between 0 and 240 minutes."),
        "hours": _("Weekly hours are between 1 and 80."),
    }
    return messages.get(p.code, p.code)


def _draft(version: PolicyVersion) -> PolicyVersion:
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise Conflict(
            "policy_not_draft",
            _("A published version cannot be changed; create a new draft from it."),
        )
    return locked


def _audit(actor: Any, version: PolicyVersion, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        change=Change(
            action=f"worktime.{action}",
            object_type="policy.version",
            object_id=str(version.pk),
            object_repr=str(version.regulation_number),
            **values,
        ),
    )


def patterns_copy_to_draft(source: PolicyVersion, draft: PolicyVersion) -> None:
    """A new draft starts with the patterns and unit patterns of its source (registered with
    the policy's draft creation)."""
    copies = {}
    for p in WorkPattern.objects.filter(version=source):
        copies[p.pk] = WorkPattern.objects.create(
            version=draft,
            code=p.code,
            name=p.name,
            definition=p.definition,
            is_default=p.is_default,
            asn_type=p.asn_type,
            basis=p.basis,
        )
    UnitWorkPattern.objects.bulk_create(
        [
            UnitWorkPattern(version=draft, unit_id=u.unit_id, pattern=copies[u.pattern_id])
            for u in UnitWorkPattern.objects.filter(version=source)
        ]
    )


def work_pattern_set(
    *,
    actor: Any,
    version: PolicyVersion,
    code: str,
    name: str,
    definition: Any,
    basis: str,
    is_default: bool = False,
    asn_type: str = "",
) -> WorkPattern:
    """Create or replace a pattern of a draft version."""
    code = code.strip().lower()
    if not 1 <= len(code) <= 30 or not set(code) <= CODE_CHARS:
        raise ValidationFailed(
            "pattern_code",
            _("A pattern code is a short code of letters, digits, - and _ (e.g. shift3)."),
        )
    parsed = parse_definition(code, definition)
    if isinstance(parsed, list):
        raise ValidationFailed(
            "pattern_invalid",
            _("The pattern is not valid."),
            errors={p.where: [_problem_message(p)] for p in parsed},
        )
    if not basis.strip():
        raise ValidationFailed(
            "pattern_basis",
            _("Say where the pattern comes from (an article, or “ditetapkan PPK dalam Perbup”)."),
        )
    if asn_type and asn_type not in Employee.AsnType.values:
        raise ValidationFailed("pattern_asn_type", _("Unknown ASN type."))
    with transaction.atomic():
        version = _draft(version)
        if is_default:
            WorkPattern.objects.filter(version=version, is_default=True).exclude(code=code).update(
                is_default=False
            )
        if asn_type:
            WorkPattern.objects.filter(version=version, asn_type=asn_type).exclude(
                code=code
            ).update(asn_type="")
        pattern, created = WorkPattern.objects.update_or_create(
            version=version,
            code=code,
            defaults={
                "name": name.strip()[:120],
                "definition": definition_of(parsed),
                "is_default": is_default,
                "asn_type": asn_type,
                "basis": basis.strip()[:200],
            },
        )
        _audit(
            actor,
            version,
            "pattern.create" if created else "pattern.update",
            after={"code": code, "definition": pattern.definition, "basis": pattern.basis},
        )
    return pattern


def unit_work_pattern_set(
    *, actor: Any, version: PolicyVersion, unit: Unit, code: str | None
) -> UnitWorkPattern | None:
    """Give a unit (and its sub-units) a pattern of a draft version; ``code`` None removes it."""
    with transaction.atomic():
        version = _draft(version)
        existing = UnitWorkPattern.objects.filter(version=version, unit=unit).first()
        before = {"unit": unit.pk, "pattern": existing.pattern.code} if existing else None
        result: UnitWorkPattern | None = None
        if code is None:
            if existing is not None:
                existing.delete()
        else:
            pattern = WorkPattern.objects.filter(version=version, code=code).first()
            if pattern is None:
                raise ValidationFailed(
                    "pattern_unknown", _("This version has no pattern with that code.")
                )
            result, _created = UnitWorkPattern.objects.update_or_create(
                version=version, unit=unit, defaults={"pattern": pattern}
            )
        _audit(
            actor, version, "unit_pattern", before=before, after={"unit": unit.pk, "pattern": code}
        )
    return result


def person_work_pattern_assign(
    *,
    actor: Any,
    employee: Employee,
    code: str,
    start: date,
    end: date | None = None,
    cycle_offset: int = 0,
    reason: str = "",
) -> PersonWorkPattern:
    """Give one person a pattern of their own from ``start``. An open-ended earlier pattern
    ends the day before; a later one, or one that overlaps otherwise, is refused."""
    if end is not None and end < start:
        raise ValidationFailed("period_order", _("The end comes before the start."))
    if not 0 <= cycle_offset <= 56:
        raise ValidationFailed("pattern_offset", _("The place in the cycle is between 0 and 56."))
    known = WorkPattern.objects.filter(code=code).exclude(version__status="draft").exists()
    if not known:
        raise ValidationFailed(
            "pattern_unknown", _("No published version of the Perbup has a pattern with that code.")
        )
    with transaction.atomic():
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        mine = PersonWorkPattern.objects.filter(employee=employee)
        for other in mine.filter(start__lte=end or date.max).exclude(end__lt=start):
            if other.end is None and other.start < start:
                other.end = start - timedelta(days=1)
                other.save(update_fields=["end"])
                continue
            raise Conflict(
                "pattern_overlap",
                _("This person already has a pattern of their own in that period."),
            )
        row = PersonWorkPattern.objects.create(
            employee=employee,
            pattern_code=code,
            start=start,
            end=end,
            cycle_offset=cycle_offset,
            reason=reason.strip()[:255],
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        audit_record(
            actor=actor,
            stream=unit_stream(employee.unit),
            change=Change(
                action="worktime.person_pattern",
                object_type="org.employee",
                object_id=str(employee.pk),
                object_repr=employee.name,
                after={"pattern": code, "start": start, "end": end, "offset": cycle_offset},
            ),
        )
    return row


# --- monthly duty rosters ("jadwal dinas") -------------------------------------------------


def month_days(month: date) -> list[date]:
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return [first + timedelta(days=i) for i in range(last.day)]


def roster_members(unit: Unit) -> dict[int, Employee]:
    """The active people of a unit and its sub-units: who a roster of the unit may plan."""
    return {
        e.pk: e for e in Employee.objects.filter(is_active=True, unit__path__startswith=unit.path)
    }


def roster_pattern(month: date, code: str) -> Pattern:
    """The roster pattern ``code`` of the version in force on the month's first day."""
    version = version_in_force(month.replace(day=1))
    pattern = plan_of(version.pk if version else None).patterns.get(code)
    if pattern is None or pattern.kind != "roster":
        raise ValidationFailed(
            "roster_pattern",
            _("The Perbup in force that month has no duty-roster pattern with that code."),
        )
    return pattern


def _roster_audit(actor: Any, roster: DutyRoster, action: str, **values: Any) -> None:
    audit_record(
        actor=actor,
        stream=unit_stream(roster.unit),
        change=Change(
            action=f"worktime.roster.{action}",
            object_type="worktime.dutyroster",
            object_id=str(roster.pk),
            object_repr=f"{roster.unit.name} {roster.month:%Y-%m}",
            **values,
        ),
    )


def duty_roster_save(
    *,
    actor: Any,
    unit: Unit,
    month: date,
    pattern_code: str,
    shifts: Mapping[tuple[int, date], str],
    min_staff: Mapping[str, int] | None = None,
) -> DutyRoster:
    """Create or replace the draft roster of ``unit`` for ``month``: ``shifts`` maps
    (employee id, day) to a shift code of the pattern ("" or absent: a day off). All or
    nothing; a published roster is changed only by swaps."""
    month = month.replace(day=1)
    pattern = roster_pattern(month, pattern_code)
    members = roster_members(unit)
    days = set(month_days(month))
    errors: dict[str, list[str]] = {}
    for (employee_id, day), code in shifts.items():
        if employee_id not in members:
            errors.setdefault("employee", []).append(
                _("Someone on the roster is not in this unit.")
            )
        if day not in days:
            errors.setdefault("day", []).append(_("A day of the roster is outside its month."))
        if code and code not in pattern.shifts:
            errors.setdefault("shift", []).append(
                _("“%(code)s” is not a shift of the pattern.") % {"code": code}
            )
    minimum = dict(min_staff or {})
    for code, n in minimum.items():
        if code not in pattern.shifts or not isinstance(n, int) or not 0 <= n <= 500:
            errors.setdefault("min_staff", []).append(
                _("A minimum is a shift of the pattern and a number of people (0 to 500).")
            )
    if errors:
        raise ValidationFailed(
            "roster_invalid",
            _("The roster is not valid."),
            errors={k: sorted(set(v)) for k, v in errors.items()},
        )
    with transaction.atomic():
        roster, created = DutyRoster.objects.select_for_update().get_or_create(
            unit=unit,
            month=month,
            defaults={
                "pattern_code": pattern_code,
                "min_staff": minimum,
                "created_by": actor if getattr(actor, "pk", None) else None,
            },
        )
        if roster.status == DutyRoster.Status.PUBLISHED:
            raise Conflict(
                "roster_published",
                _("This roster is published: change it by swaps of shifts."),
            )
        roster.pattern_code = pattern_code
        roster.min_staff = minimum
        roster.save(update_fields=["pattern_code", "min_staff"])
        roster.shifts.all().delete()
        DutyShift.objects.bulk_create(
            DutyShift(roster=roster, employee_id=e, day=d, shift_code=code)
            for (e, d), code in sorted(shifts.items())
            if code
        )
        _roster_audit(
            actor,
            roster,
            "create" if created else "update",
            after={"pattern": pattern_code, "shifts": sum(1 for c in shifts.values() if c)},
        )
    return roster


def _shortfalls(roster: DutyRoster, days: Iterable[date]) -> dict[str, list[str]]:
    """Days on which a shift has fewer people than the roster's minimum."""
    counts: dict[tuple[date, str], int] = {}
    for day, code in DutyShift.objects.filter(roster=roster, day__in=list(days)).values_list(
        "day", "shift_code"
    ):
        counts[(day, code)] = counts.get((day, code), 0) + 1
    found: dict[str, list[str]] = {}
    for day in days:
        for code, n in sorted(roster.min_staff.items()):
            have = counts.get((day, code), 0)
            if have < n:
                found.setdefault(day.isoformat(), []).append(
                    _("Shift %(code)s has %(have)s of at least %(n)s people.")
                    % {"code": code, "have": have, "n": n}
                )
    return found


def duty_roster_publish(*, actor: Any, roster: DutyRoster) -> DutyRoster:
    """Publish a draft roster: every shift meets its minimum staff, then the roster becomes
    the schedule of everyone on it for the whole month (a day without a shift is a day off)."""
    with transaction.atomic():
        roster = DutyRoster.objects.select_for_update().select_related("unit").get(pk=roster.pk)
        if roster.status == DutyRoster.Status.PUBLISHED:
            raise Conflict("roster_published", _("This roster is already published."))
        days = month_days(roster.month)
        short = _shortfalls(roster, days)
        if short:
            raise ValidationFailed(
                "roster_min_staff",
                _("Some shifts have fewer people than the minimum."),
                errors=short,
            )
        planned = set(DutyShift.objects.filter(roster=roster).values_list("employee_id", "day"))
        people = {e for e, _d in planned}
        try:
            with transaction.atomic():
                DutyShift.objects.bulk_create(
                    DutyShift(roster=roster, employee_id=e, day=d, shift_code="")
                    for e in sorted(people)
                    for d in days
                    if (e, d) not in planned
                )
        except IntegrityError:
            raise Conflict(
                "roster_person_taken",
                _("Someone on this roster is already on another published roster that month."),
            ) from None
        DutyShift.objects.filter(roster=roster).update(published=True)
        roster.status = DutyRoster.Status.PUBLISHED
        roster.published_at = timezone.now()
        roster.save(update_fields=["status", "published_at"])
        _roster_audit(actor, roster, "publish", after={"people": len(people)})
    return roster


def duty_swap_request(
    *,
    actor: Any,
    requester: Employee,
    roster: DutyRoster,
    day: date,
    other: Employee,
    reason: str = "",
    today: date | None = None,
) -> DutySwap:
    """Ask to exchange one's shift of ``day`` with a colleague of the same roster (who may be
    off that day: they take the shift). Waits for the roster's manager."""
    today = today or timezone.localdate()
    if getattr(actor, "employee_id", None) != requester.pk:
        raise NotAllowed("swap_not_own", _("You can only ask to swap your own shifts."))
    roster = DutyRoster.objects.select_related("unit").get(pk=roster.pk)
    if roster.status != DutyRoster.Status.PUBLISHED:
        raise Conflict("roster_not_published", _("Only a published roster's shifts are swapped."))
    if day < today or day.replace(day=1) != roster.month:
        raise ValidationFailed("swap_day", _("Choose a day of this roster from today on."))
    codes = dict(
        DutyShift.objects.filter(
            roster=roster, day=day, employee__in=[requester, other]
        ).values_list("employee_id", "shift_code")
    )
    if requester.pk not in codes or other.pk not in codes or requester.pk == other.pk:
        raise ValidationFailed("swap_people", _("Both people must be on this roster."))
    if codes[requester.pk] == codes[other.pk]:
        raise ValidationFailed("swap_same", _("You both have the same shift that day."))
    try:
        with transaction.atomic():
            swap = DutySwap.objects.create(
                roster=roster, day=day, requester=requester, other=other, reason=reason[:255]
            )
            _roster_audit(
                actor,
                roster,
                "swap.request",
                after={"day": day, "requester": requester.pk, "other": other.pk},
            )
    except IntegrityError:
        raise Conflict("swap_pending", _("A swap of that day is already waiting.")) from None
    return swap


def duty_swap_decide(*, actor: Any, swap: DutySwap, approve: bool) -> DutySwap:
    """The roster's manager approves (the two shifts of the day are exchanged, the minimum
    staff still holds) or rejects a swap."""
    with transaction.atomic():
        roster = (
            DutyRoster.objects.select_for_update().select_related("unit").get(pk=swap.roster_id)
        )
        swap = DutySwap.objects.select_for_update().get(pk=swap.pk)
        if swap.status != DutySwap.Status.PENDING:
            raise Conflict("swap_decided", _("This swap has already been decided."))
        if approve:
            rows = {
                r.employee_id: r
                for r in DutyShift.objects.select_for_update().filter(
                    roster=roster, day=swap.day, employee_id__in=[swap.requester_id, swap.other_id]
                )
            }
            mine, theirs = rows[swap.requester_id], rows[swap.other_id]
            mine.shift_code, theirs.shift_code = theirs.shift_code, mine.shift_code
            DutyShift.objects.bulk_update([mine, theirs], ["shift_code"])
            short = _shortfalls(roster, [swap.day])
            if short:
                raise ValidationFailed(
                    "roster_min_staff",
                    _("Some shifts have fewer people than the minimum."),
                    errors=short,
                )
        swap.status = DutySwap.Status.APPROVED if approve else DutySwap.Status.REJECTED
        swap.decided_by = actor if getattr(actor, "pk", None) else None
        swap.decided_at = timezone.now()
        swap.save(update_fields=["status", "decided_by", "decided_at"])
        _roster_audit(actor, roster, "swap.decide", after={"swap": swap.pk, "status": swap.status})
    return swap
