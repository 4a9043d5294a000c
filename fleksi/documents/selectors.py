"""What the generated documents read: a version's facts and the Lampiran's positions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import groupby

from django.utils import timezone, translation

from fleksi.documents.domain.diff import VersionFacts
from fleksi.documents.domain.monitoring import Comparison, MonitoringFacts, UnitLine
from fleksi.documents.domain.perbup import LampiranAgency, PerbupFacts, group_lampiran
from fleksi.documents.domain.unitdocs import (
    BLANK,
    ApplicationFacts,
    KeputusanFacts,
    KeputusanRow,
    PlanItem,
)
from fleksi.documents.domain.words import day_words
from fleksi.documents.models import GeneratedDocument
from fleksi.insights.messages import (
    INDICATOR_LABELS,
    concern_reason,
    indicator_value,
    recommendation,
)
from fleksi.insights.selectors.dashboards import regency_dashboard
from fleksi.insights.services.report_content import HEADLINE
from fleksi.jobmap.selectors.classes import position_class_map
from fleksi.org.models import Position, Unit
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.messages import PARAM_LABELS
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of, version_in_force
from fleksi.schedule.models import RequestDay, WfaRequest

LAMPIRAN_CLASSES = ("capable", "partly")


def lampiran(params: PolicyParams) -> tuple[LampiranAgency, ...]:
    """Per perangkat daerah, the positions whose class (under ``params``' thresholds, from the
    approved duty mapping) allows WFA under ``params``. Three queries."""
    wanted = set(params.allowed_position_classes) & set(LAMPIRAN_CLASSES)
    classes = position_class_map(params=params)
    ids = [pid for pid, cls in classes.items() if cls in wanted]
    rows = [
        (
            p.unit.root.name if p.unit.root is not None else p.unit.name,
            p.unit.name,
            p.name,
            classes[p.pk],
        )
        for p in Position.objects.filter(pk__in=ids, unit__is_active=True).select_related(
            "unit", "unit__root"
        )
    ]
    return group_lampiran(rows)


def param_labels() -> dict[str, str]:
    """Every parameter's label in Indonesian (the documents are in Indonesian)."""
    with translation.override("id"):
        return {key: str(label) for key, label in PARAM_LABELS.items()}


def perbup_facts(version: PolicyVersion) -> PerbupFacts:
    params = params_of(version)
    return PerbupFacts(
        title=version.title,
        label=version.regulation_number,
        kind=version.kind,
        effective_from=version.effective_from,
        params=params,
        lampiran=lampiran(params),
        enacted_number=version.enacted_number,
        enacted_on=version.enacted_on,
        gazette_number=version.gazette_number,
        gazette_year=version.gazette_year,
        promulgated_on=version.promulgated_on,
        in_force=version.stage == PolicyVersion.LegalStage.PROMULGATED,
        labels=param_labels(),
    )


def version_facts(version: PolicyVersion) -> VersionFacts:
    return VersionFacts(
        label=version.regulation_number,
        title=version.title,
        effective_from=version.effective_from,
        params=params_of(version),
        labels=param_labels(),
    )


def documents_of_version(version: PolicyVersion) -> list[GeneratedDocument]:
    return list(
        GeneratedDocument.objects.filter(version=version)
        .select_related("created_by", "base_version")
        .order_by("-created_at", "-id")[:50]
    )


# --- The application form and the unit head's keputusan ----------------------------------------

UNIT_HEAD_TITLES = {"kecamatan": "Camat", "rsud": "Direktur Utama"}


def head_title(unit: Unit) -> str:
    """ "Kepala Dinas …", "Camat Tabang", "Direktur Utama RSUD …"."""
    if unit.kind == "kecamatan":
        return f"Camat {unit.name.removeprefix('Kecamatan ').strip()}"
    if unit.kind in UNIT_HEAD_TITLES:
        return f"{UNIT_HEAD_TITLES[unit.kind]} {unit.name}"
    return f"Kepala {unit.name}"


def policy_text(version: PolicyVersion | None) -> str:
    """The Perbup as a dasar hukum line."""
    if version is None:
        return "ketentuan nasional (belum ada Peraturan Bupati yang berlaku)"
    if version.enacted_on is not None:
        return (
            f"Peraturan Bupati Kutai Kartanegara Nomor {version.enacted_number} Tahun "
            f"{version.enacted_on.year} tentang {version.title}"
        )
    return f"{version.regulation_number} tentang {version.title}"


def location_text(request: WfaRequest) -> str:
    if request.location_type == WfaRequest.Location.OFFICE and request.office is not None:
        return request.office.name
    if request.location_type == WfaRequest.Location.APPROVED_PLACE and request.place is not None:
        return f"{request.place.name}, {request.place.desa}"
    domicile = request.employee.domicile
    where = f" ({domicile})" if domicile is not None else ""
    return f"Tempat tinggal sesuai domisili yang tercatat{where}"


def _quantity(value: Decimal) -> str:
    """12 → "12"; 2.50 → "2,5" (Indonesian decimals, whatever the reader's language)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def application_facts(request: WfaRequest) -> ApplicationFacts:
    employee = request.employee
    approver = next(
        (
            str(step.acted_by)
            for step in request.steps.select_related("acted_by").order_by("-level")
            if step.status == "approved" and step.acted_by is not None
        ),
        "",
    )
    letter = ""
    if request.duty_letter_number:
        on = day_words(request.duty_letter_date) if request.duty_letter_date else BLANK
        letter = f"Nomor {request.duty_letter_number} tanggal {on}"
    return ApplicationFacts(
        name=employee.name,
        nip=employee.nip,
        position=employee.position.name if employee.position_id else BLANK,
        unit=employee.unit.name,
        kind=request.kind,
        location=location_text(request),
        days=tuple(
            request.days.exclude(status__in=["cancelled", "recalled"]).values_list("day", flat=True)
        ),
        reason=request.reason,
        evidence=request.evidence_name,
        duty_letter=letter,
        plan=tuple(
            PlanItem(
                description=p.description,
                quantity=_quantity(p.quantity),
                unit_of_measure=p.unit_of_measure,
                due=p.due_date,
            )
            for p in request.plan_items.order_by("order", "pk")
        ),
        status=request.status,
        submitted_on=timezone.localdate(request.submitted_at),
        policy=policy_text(request.policy_version),
        approver=approver,
    )


def keputusan_facts(unit: Unit, start: date, end: date, *, on: date) -> KeputusanFacts:
    """Every approved WFA day in ``unit``'s subtree between ``start`` and ``end``, per person."""
    days = (
        RequestDay.objects.filter(
            status=RequestDay.Status.APPROVED,
            day__range=(start, end),
            employee__unit__path__startswith=unit.path,
        )
        .select_related(
            "employee",
            "employee__position",
            "employee__unit",
            "employee__domicile",
            "request",
            "request__office",
            "request__place",
            "request__place__desa",
            "request__employee__domicile",
        )
        .order_by("employee__name", "employee_id", "day")
    )
    rows: list[KeputusanRow] = []
    for _pk, group in groupby(days, key=lambda d: d.employee_id):
        items = list(group)
        employee = items[0].employee
        rows.append(
            KeputusanRow(
                name=employee.name,
                nip=employee.nip,
                position=employee.position.name if employee.position_id else BLANK,
                unit=employee.unit.name,
                days=tuple(d.day for d in items),
                locations="; ".join(dict.fromkeys(location_text(d.request) for d in items)),
            )
        )
    return KeputusanFacts(
        unit=unit.name,
        head_title=head_title(unit),
        start=start,
        end=end,
        policy=policy_text(version_in_force(end) or version_in_force(start)),
        rows=tuple(rows),
        on=on,
    )


# --- The monitoring report (Pasal 35) -----------------------------------------------------------

UNIT_KEYS = ("wfa_use_pct", "achievement_pct", "attendance_pct", "readiness_pct")


def monitoring_facts(month: date, *, on: date) -> MonitoringFacts:
    """The regency's figures of ``month`` from the evaluation (its monthly rows), before and
    after WFA, per perangkat daerah, and the units of concern, worded in Indonesian."""
    with translation.override("id"):
        d = regency_dashboard([month])
        return MonitoringFacts(
            month=month,
            policy=policy_text(d.version),
            wfa_start=d.start.day,
            headline=tuple(
                (str(INDICATOR_LABELS[k]), indicator_value(k, getattr(d.total, k)))
                for k in HEADLINE
            ),
            comparisons=tuple(
                Comparison(
                    key=c.key,
                    label=str(INDICATOR_LABELS[c.key]),
                    before=indicator_value(c.key, c.before),
                    after=indicator_value(c.key, c.after),
                    verdict=c.verdict,
                )
                for c in d.changes
            ),
            units=tuple(
                UnitLine(
                    r.name, tuple(indicator_value(k, getattr(r.figures, k)) for k in UNIT_KEYS)
                )
                for r in d.rows
            ),
            concerns=tuple((c.name, concern_reason(c), recommendation(c)) for c in d.concerns),
            on=on,
        )
