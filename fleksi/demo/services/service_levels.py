"""Demo data of the public-service figures: services with their standard at Disdukcapil's
counters, the Mal Pelayanan Publik, two puskesmas and two kecamatan PATEN desks; about six
months of daily figures (working days), SP4N-LAPOR!-style complaints and quarterly IKM
surveys; then the safeguard's check of the seeding day.

Called by the demo seeding (``fleksi.demo``) after the policy::

    from fleksi.demo.services.service_levels import seed_service_levels
    seed_service_levels(rng=random.Random(seed + 6), today=plan.today)

**The WFA start.** The demo's policy comes into force on the seeding day, which leaves no
figures "since WFA". The demo therefore sets the WFA start of the settings
(:data:`WFA_STARTED_DAYS_AGO` days before the seeding day): the baseline is the 90 days
before it, the recent window the last 30 days. One service degrades after that date —
Kartu Keluarga at Bu Sari's counters (processing and waiting time up by about a third,
more days above the standard, three times the complaints) — so the check raises its alerts
and tells her and the Sekda. The other services hold: their daily noise is small and their
complaints are set per window so that the recent rate never exceeds the baseline.

Units that do not exist are skipped; services that exist already are kept, and figures are
only written when there are no demo figures yet, so a second call adds nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fleksi.audit.services import AGENCY_STREAM, Change, audit_record
from fleksi.org.models import Unit
from fleksi.policy.selectors import work_calendar
from fleksi.servicelevel.domain.ikm import GradeScale, ikm_grade, ikm_index
from fleksi.servicelevel.domain.safeguard import Windows, windows_for
from fleksi.servicelevel.models import (
    Complaint,
    PublicService,
    SatisfactionSurvey,
    ServiceDaily,
    ServiceLevelConfig,
    Source,
)
from fleksi.servicelevel.selectors import thresholds_on
from fleksi.servicelevel.services import safeguard_check

WFA_STARTED_DAYS_AGO = 45
HISTORY_DAYS = 182
BATCH = 2000
CATEGORIES = (
    "Prosedur pelayanan",
    "Waktu penyelesaian",
    "Sikap petugas",
    "Sarana dan prasarana",
    "Persyaratan",
)


@dataclass(frozen=True)
class DemoService:
    unit_code: str
    code: str
    name: str
    processing_unit: str
    standard: int
    waiting_standard: int | None
    per_day: int  # requests received on a working day
    processing: float  # typical median processing time (service unit)
    waiting: float  # typical median waiting time (minutes)
    complaints_per_1000: float
    ikm: float  # typical element average (1–4)
    reference: str
    degrades: bool = False


SERVICES = (
    DemoService("DISDUKCAPIL.02.01", "DUKCAPIL-KTP", "Perekaman dan pencetakan KTP-el",
                "minutes", 60, 30, 46, 38, 18, 2.0, 3.70, "SK Kadis Dukcapil Kukar 12/2025"),
    DemoService("DISDUKCAPIL.02.01", "DUKCAPIL-KK", "Penerbitan Kartu Keluarga (KK)",
                "minutes", 60, 30, 52, 36, 17, 2.0, 3.72, "SK Kadis Dukcapil Kukar 12/2025",
                degrades=True),
    DemoService("DISDUKCAPIL.02.02", "DUKCAPIL-PINDAH", "Surat Keterangan Pindah",
                "minutes", 60, 30, 18, 30, 12, 1.5, 3.68, "SK Kadis Dukcapil Kukar 12/2025"),
    DemoService("DISDUKCAPIL.03.01", "DUKCAPIL-AKTA-LAHIR", "Akta Kelahiran",
                "days", 3, 30, 24, 1.2, 15, 1.5, 3.74, "SK Kadis Dukcapil Kukar 12/2025"),
    DemoService("DPMPTSP.05", "MPP-INFO", "Loket informasi dan pengaduan MPP",
                "minutes", 15, 20, 60, 8, 9, 1.0, 3.80, "SK Kadis DPMPTSP Kukar 4/2025"),
    DemoService("DPMPTSP.05", "MPP-NIB", "Pendampingan NIB dan perizinan berusaha",
                "minutes", 60, 30, 22, 35, 14, 1.5, 3.66, "SK Kadis DPMPTSP Kukar 4/2025"),
    DemoService("DINKES.09", "PKM-TGR-RJ", "Rawat jalan Puskesmas Tenggarong",
                "minutes", 60, 45, 85, 40, 28, 2.5, 3.60, "SK Kepala Puskesmas Tenggarong 2/2025"),
    DemoService("DINKES.11", "PKM-TBG-RJ", "Rawat jalan Puskesmas Tabang",
                "minutes", 60, 45, 28, 35, 20, 2.5, 3.55, "SK Kepala Puskesmas Tabang 1/2025"),
    DemoService("KEC-TENGGARONG.06", "PATEN-TGR", "PATEN Kecamatan Tenggarong",
                "minutes", 60, 30, 20, 25, 10, 2.0, 3.62, "Perbup Kukar tentang PATEN"),
    DemoService("KEC-TABANG.06", "PATEN-TBG", "PATEN Kecamatan Tabang",
                "minutes", 60, 30, 6, 30, 10, 2.0, 3.50, "Perbup Kukar tentang PATEN"),
)  # fmt: skip


@dataclass(frozen=True)
class ServiceLevelSeedReport:
    services: int
    days: int
    complaints: int
    surveys: int
    alerts: int


def _noise(rng: random.Random, spread: float) -> float:
    return 1 + rng.uniform(-spread, spread)


def seed_service_levels(
    *,
    rng: random.Random,
    today: date | None = None,
    wfa_start: date | None = None,
    since: date | None = None,
) -> ServiceLevelSeedReport:
    """``wfa_start`` (default: :data:`WFA_STARTED_DAYS_AGO` days ago) and ``since`` (the first
    day with figures, default :data:`HISTORY_DAYS` ago) let the demo's history move them."""
    today = today or timezone.localdate()
    start = wfa_start or today - timedelta(days=WFA_STARTED_DAYS_AGO)
    first = min(since or today, today - timedelta(days=HISTORY_DAYS))
    units = dict(
        Unit.objects.filter(code__in={s.unit_code for s in SERVICES}).values_list("code", "pk")
    )
    wanted = [s for s in SERVICES if s.unit_code in units]
    with transaction.atomic():
        ServiceLevelConfig.objects.update_or_create(pk=1, defaults={"wfa_start": start})
        have = set(PublicService.objects.values_list("code", flat=True))
        PublicService.objects.bulk_create(
            [
                PublicService(
                    unit_id=units[s.unit_code],
                    code=s.code,
                    name=s.name,
                    processing_unit=s.processing_unit,
                    standard_max_processing=s.standard,
                    standard_max_waiting_minutes=s.waiting_standard,
                    standard_reference=s.reference,
                )
                for s in wanted
                if s.code not in have
            ]
        )
        if ServiceDaily.objects.filter(source=Source.DEMO).exists():
            return ServiceLevelSeedReport(len(wanted), 0, 0, 0, 0)
        ids = dict(
            PublicService.objects.filter(code__in=[s.code for s in wanted]).values_list(
                "code", "pk"
            )
        )
        _version, params, _t = thresholds_on(today)
        windows = windows_for(
            day=today,
            wfa_start=start,
            baseline_days=params.safeguard_baseline_days,
            recent_days=params.safeguard_recent_days,
        )
        assert windows is not None
        cal = work_calendar(first, today)
        days = [d for d in cal.working_days(first, today) if d < today]
        now = timezone.now()
        figures: list[ServiceDaily] = []
        complaints: list[Complaint] = []
        surveys: list[SatisfactionSurvey] = []
        scale = GradeScale()
        for s in wanted:
            sid, unit_id = ids[s.code], units[s.unit_code]
            received_by_day: dict[date, int] = {}
            for d in days:
                after = s.degrades and d >= start
                received = max(0, round(s.per_day * _noise(rng, 0.15)))
                done_share = rng.uniform(0.9, 0.97) if after else rng.uniform(0.97, 1.0)
                processing = (
                    s.processing * (1.55 if after else 1.0) * _noise(rng, 0.12 if after else 0.05)
                )
                waiting = s.waiting * (1.35 if after else 1.0) * _noise(rng, 0.05)
                received_by_day[d] = received
                figures.append(
                    ServiceDaily(
                        service_id=sid,
                        day=d,
                        received=received,
                        completed=round(received * done_share),
                        median_processing=Decimal(f"{processing:.2f}"),
                        median_waiting_minutes=Decimal(f"{waiting:.1f}"),
                        source=Source.DEMO,
                        entered_at=now,
                    )
                )
            complaints += _complaints(rng, s, sid, unit_id, received_by_day, windows, today, now)
            surveys += _surveys(rng, s, sid, unit_id, start, today, scale, now)
        ServiceDaily.objects.bulk_create(figures, batch_size=BATCH)
        Complaint.objects.bulk_create(complaints, batch_size=BATCH)
        SatisfactionSurvey.objects.bulk_create(surveys, batch_size=BATCH)
        audit_record(
            actor=None,
            stream=AGENCY_STREAM,
            change=Change(
                action="demo.seed",
                object_type="servicelevel.figures",
                after={
                    "services": len(wanted),
                    "days": len(figures),
                    "complaints": len(complaints),
                    "surveys": len(surveys),
                },
                context={"today": today, "wfa_start": start},
            ),
        )
        alerts = safeguard_check(day=today).alerts
    return ServiceLevelSeedReport(
        len(wanted), len(figures), len(complaints), len(surveys), len(alerts)
    )


def _complaints(
    rng: random.Random,
    s: DemoService,
    sid: int,
    unit_id: int,
    received_by_day: dict[date, int],
    windows: Windows,
    today: date,
    now: datetime,
) -> list[Complaint]:
    """Complaints spread over the days in proportion to the requests. Per safeguard window
    the count is fixed: the baseline rounded, the recent window of a stable service rounded
    down at 90 % of the rate (so noise never raises an alert), of the degrading one tripled."""
    rate = s.complaints_per_1000 / 1000
    periods = {
        "baseline": [d for d in received_by_day if windows.in_baseline(d)],
        "recent": [d for d in received_by_day if windows.in_recent(d)],
    }
    periods["other"] = [
        d for d in received_by_day if d not in set(periods["baseline"] + periods["recent"])
    ]
    picked: list[date] = []
    for name, period in periods.items():
        requests = sum(received_by_day[d] for d in period)
        if name == "recent":
            count = int(requests * rate * (3 if s.degrades else 0.9))
        else:
            count = round(requests * rate)
        weights = [received_by_day[d] or 1 for d in period]
        picked += rng.choices(period, weights=weights, k=count) if period else []
    out: list[Complaint] = []
    for n, day in enumerate(sorted(picked), start=1):
        age = (today - day).days
        if age > 21:
            status, resolution = rng.choice(("resolved", "closed")), rng.randint(1, 14)
        elif age > 7:
            status, resolution = rng.choice(("in_process", "resolved")), None
        else:
            status, resolution = rng.choice(("open", "in_process")), None
        if status == "resolved" and resolution is None:
            resolution = min(age, rng.randint(1, 7))
        out.append(
            Complaint(
                external_id=f"LAPOR-{day:%y%m%d}-{s.code}-{n:03d}",
                service_id=sid,
                unit_id=unit_id,
                received_on=day,
                category=rng.choice(CATEGORIES),
                status=status,
                resolution_days=resolution,
                source=Source.DEMO,
                updated_at=now,
            )
        )
    return out


def _surveys(
    rng: random.Random,
    s: DemoService,
    sid: int,
    unit_id: int,
    start: date,
    today: date,
    scale: GradeScale,
    now: datetime,
) -> list[SatisfactionSurvey]:
    """Two quarterly surveys before the WFA start and one since (the degrading service's a
    little lower, still within the threshold: not every measure moves together)."""
    periods = [
        (start - timedelta(days=180), start - timedelta(days=91), s.ikm),
        (start - timedelta(days=90), start - timedelta(days=1), s.ikm),
        (start, today - timedelta(days=1), s.ikm - (0.2 if s.degrades else 0.0)),
    ]
    out: list[SatisfactionSurvey] = []
    for first, last, level in periods:
        elements = [
            Decimal(f"{min(4.0, max(1.0, level + rng.uniform(-0.12, 0.12))):.3f}") for _ in range(9)
        ]
        index = ikm_index(elements)
        out.append(
            SatisfactionSurvey(
                service_id=sid,
                unit_id=unit_id,
                period_start=first,
                period_end=last,
                respondents=rng.randint(90, 320),
                **dict(zip(SatisfactionSurvey.ELEMENTS, elements, strict=True)),
                index=index,
                grade=ikm_grade(index, scale),
                source=Source.DEMO,
                entered_at=now,
            )
        )
    return out
