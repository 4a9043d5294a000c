"""Writes of IKM surveys: by form, API or file, upserted by service (or unit) and period;
the index and grade are computed here when a survey is saved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fleksi.audit.services import Change
from fleksi.common.errors import Conflict, ValidationFailed
from fleksi.org.models import Unit
from fleksi.servicelevel.domain.ikm import GradeScale, IkmError, ikm_grade, ikm_index
from fleksi.servicelevel.domain.rows import SurveyRow
from fleksi.servicelevel.models import PublicService, SatisfactionSurvey, Source
from fleksi.servicelevel.services.common import ImportReport, audit_by_stream, stream_of
from fleksi.servicelevel.services.targets import Target, row_targets

ELEMENTS = SatisfactionSurvey.ELEMENTS
MILLI = Decimal("0.001")


def _survey_values(
    elements: Sequence[Decimal], respondents: int, scale: GradeScale
) -> dict[str, Any]:
    rounded = [e.quantize(MILLI) for e in elements]
    index = ikm_index(rounded)
    return {
        **dict(zip(ELEMENTS, rounded, strict=True)),
        "respondents": respondents,
        "index": index,
        "grade": ikm_grade(index, scale),
    }


def survey_problems(
    *, period_start: date, period_end: date, respondents: int, elements: Sequence[Decimal]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if period_end < period_start:
        errors["period_end"] = [_("The end date is before the start date.")]
    if period_end > timezone.localdate():
        errors["period_end"] = [_("The survey period cannot end in the future.")]
    if respondents < 1:
        errors["respondents"] = [_("A survey needs at least one respondent.")]
    try:
        ikm_index(elements)
    except IkmError:
        errors["elements"] = [_("Each of the 9 element averages must lie between 1 and 4.")]
    return errors


def _write_surveys(
    *,
    actor: Any,
    items: Sequence[tuple[Target, date, date, int, Sequence[Decimal]]],
    scale: GradeScale,
    source: str,
    dry_run: bool,
    report: ImportReport,
) -> list[SatisfactionSurvey]:
    now = timezone.now()
    saved: list[SatisfactionSurvey] = []
    changes: list[tuple[str, Change]] = []
    for target, start, end, respondents, elements in items:
        lookup: dict[str, Any] = {"period_start": start, "period_end": end}
        if target.service_id is not None:
            lookup["service_id"] = target.service_id
        else:
            lookup.update(unit_id=target.unit_id, service__isnull=True)
        qs = SatisfactionSurvey.objects.filter(**lookup)
        row = (qs if dry_run else qs.select_for_update()).first()
        after = _survey_values(elements, respondents, scale)
        before = {k: getattr(row, k) for k in after} if row else None
        if before == after and row is not None:
            report.unchanged += 1
            saved.append(row)
            continue
        if row is None:
            report.created += 1
            row = SatisfactionSurvey(
                service_id=target.service_id,
                unit_id=target.unit_id,
                period_start=start,
                period_end=end,
            )
        else:
            report.updated += 1
        for name, value in after.items():
            setattr(row, name, value)
        row.source, row.entered_by, row.entered_at = source, actor, now
        if not dry_run:
            try:
                with transaction.atomic():
                    row.save()
            except IntegrityError as exc:
                raise Conflict(
                    "survey_changed", _("The survey changed meanwhile: enter it again.")
                ) from exc
            keys = [k for k in after if before is None or before[k] != after[k]]
            changes.append(
                (
                    stream_of(target.unit_id, target.root_id),
                    Change(
                        action="servicelevel.survey.save",
                        object_type="servicelevel.survey",
                        object_id=str(row.pk),
                        object_repr=f"IKM {after['index']} {start}–{end}",
                        before={k: before[k] for k in keys} if before else None,
                        after={k: after[k] for k in keys},
                        context={"source": source, "scale": [str(b) for b in _scale(scale)]},
                    ),
                )
            )
        saved.append(row)
    if not dry_run:
        audit_by_stream(actor=actor, changes=changes)
    return saved


def _scale(scale: GradeScale) -> tuple[Decimal, Decimal, Decimal]:
    return scale.a_min, scale.b_min, scale.c_min


def survey_save(
    *,
    actor: Any,
    unit: Unit,
    service: PublicService | None,
    period_start: date,
    period_end: date,
    respondents: int,
    elements: Sequence[Decimal],
    scale: GradeScale,
    source: str = Source.FORM,
) -> SatisfactionSurvey:
    """Save one survey (again for the same service or unit and period: replaced)."""
    errors = survey_problems(
        period_start=period_start,
        period_end=period_end,
        respondents=respondents,
        elements=elements,
    )
    if service is not None and service.unit_id != unit.pk:
        errors["service"] = [_("The service belongs to another unit.")]
    if errors:
        raise ValidationFailed(
            "survey_invalid", _("The survey was not saved: see the fields."), errors=errors
        )
    target = Target(service.pk if service else None, unit.pk, unit.root_id, unit.path)
    with transaction.atomic():
        return _write_surveys(
            actor=actor,
            items=[(target, period_start, period_end, respondents, elements)],
            scale=scale,
            source=source,
            dry_run=False,
            report=ImportReport(rows=1),
        )[0]


def surveys_import(
    *,
    actor: Any,
    rows: Sequence[SurveyRow],
    editable_paths: Sequence[str] | None,
    scale: GradeScale,
    dry_run: bool = False,
) -> ImportReport:
    """Write checked survey rows, all or nothing (upserted by service or unit and period)."""
    report = ImportReport(rows=len(rows))
    targets, report.problems = row_targets(rows, editable_paths, public_only=True)
    if report.problems:
        report.problems.sort(key=lambda p: (p.line, p.column))
        return report
    items = [
        (targets[r.line], r.period_start, r.period_end, r.respondents, r.elements) for r in rows
    ]
    with transaction.atomic():
        _write_surveys(
            actor=actor,
            items=items,
            scale=scale,
            source=Source.IMPORT,
            dry_run=dry_run,
            report=report,
        )
        report.applied = not dry_run
    return report
