"""What the generated documents read: a version's facts and the Lampiran's positions."""

from __future__ import annotations

from fleksi.documents.domain.diff import VersionFacts
from fleksi.documents.domain.perbup import LampiranAgency, PerbupFacts, group_lampiran
from fleksi.documents.models import GeneratedDocument
from fleksi.jobmap.selectors.classes import position_class_map
from fleksi.org.models import Position
from fleksi.policy.domain.params import PolicyParams
from fleksi.policy.models import PolicyVersion
from fleksi.policy.selectors import params_of

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
    )


def version_facts(version: PolicyVersion) -> VersionFacts:
    return VersionFacts(
        label=version.regulation_number,
        title=version.title,
        effective_from=version.effective_from,
        params=params_of(version),
    )


def documents_of_version(version: PolicyVersion) -> list[GeneratedDocument]:
    return list(
        GeneratedDocument.objects.filter(version=version)
        .select_related("created_by", "base_version")
        .order_by("-created_at", "-id")[:50]
    )
