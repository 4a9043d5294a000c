"""Organisation and people (capability C1): the agency, its unit tree, positions, employees,
acting officials and offices."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fleksi.places.models import Desa, Kecamatan

TOP_UNIT_KINDS = ("opd", "kecamatan", "rsud", "other")


class Agency(models.Model):
    """The one government agency (instansi) this deployment serves."""

    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    secretariat_unit = models.ForeignKey(
        "Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regional secretariat (Setda)"),
        help_text=_("Its head, the Sekda, supervises and approves for heads of perangkat daerah."),
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agency")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="agency_singleton")]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A unit of the agency. Top-level units are perangkat daerah (OPD, kecamatan office,
    RSUD, other); below them bagian, bidang, seksi, UPT, puskesmas, schools."""

    class Kind(models.TextChoices):
        OPD = "opd", _("OPD (dinas/badan/sekretariat)")
        KECAMATAN = "kecamatan", _("Kecamatan office")
        RSUD = "rsud", _("RSUD")
        OTHER = "other", _("Other perangkat daerah")
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        BAGIAN = "bagian", _("Bagian")
        BIDANG = "bidang", _("Bidang")
        SUBBAGIAN = "subbagian", _("Subbagian")
        SEKSI = "seksi", _("Seksi")
        UPT = "upt", _("UPT")
        PUSKESMAS = "puskesmas", _("Puskesmas")
        SEKOLAH = "sekolah", _("School")
        KELURAHAN = "kelurahan", _("Kelurahan office")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    root = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("perangkat daerah"),
        help_text=_("The perangkat daerah this unit belongs to (itself for a perangkat daerah)."),
    )
    # Materialised path of ids ("12.345.") so that a subtree is one indexed prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_public_service = models.BooleanField(
        _("direct public-service unit"),
        default=False,
        help_text=_("Serves the public face to face (counters, puskesmas, schools...)."),
    )
    kecamatan = models.ForeignKey(
        Kecamatan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("kecamatan"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(parent__isnull=True) & Q(kind__in=TOP_UNIT_KINDS))
                | (Q(parent__isnull=False) & ~Q(kind__in=TOP_UNIT_KINDS)),
                name="unit_kind_matches_level",
                violation_error_message=_(
                    "A perangkat daerah has no parent; a sub-unit must have one."
                ),
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_perangkat_daerah(self) -> bool:
        return self.parent_id is None


class Position(models.Model):
    """A position (jabatan) in a unit. Several employees may hold the same non-managerial
    position; a unit has at most one head position."""

    class Kind(models.TextChoices):
        JPT_PRATAMA = "jpt_pratama", _("JPT pratama (eselon II)")
        ADMINISTRATOR = "administrator", _("Administrator (eselon III)")
        PENGAWAS = "pengawas", _("Pengawas (eselon IV)")
        FUNGSIONAL = "fungsional", _("Functional")
        PELAKSANA = "pelaksana", _("Pelaksana")

    class Level(models.TextChoices):
        NONE = "", _("—")
        AHLI_PERTAMA = "ahli_pertama", _("Ahli pertama")
        AHLI_MUDA = "ahli_muda", _("Ahli muda")
        AHLI_MADYA = "ahli_madya", _("Ahli madya")
        AHLI_UTAMA = "ahli_utama", _("Ahli utama")
        PEMULA = "pemula", _("Pemula")
        TERAMPIL = "terampil", _("Terampil")
        MAHIR = "mahir", _("Mahir")
        PENYELIA = "penyelia", _("Penyelia")

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    level = models.CharField(
        _("functional level"), max_length=16, choices=Level.choices, blank=True, default=""
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="positions", verbose_name=_("unit")
    )
    is_head = models.BooleanField(_("head of unit"), default=False)
    service_role = models.SlugField(
        _("service role"),
        max_length=30,
        blank=True,
        help_text=_(
            "For staffing minimums: e.g. “counter” for counter officers. Empty for most positions."
        ),
    )

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["unit__path", "-is_head", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=Q(is_head=True), name="position_one_head_per_unit"
            ),
            models.CheckConstraint(
                condition=(Q(kind="fungsional") & ~Q(level=""))
                | (~Q(kind="fungsional") & Q(level="")),
                name="position_level_only_for_functional",
            ),
            models.CheckConstraint(
                condition=Q(is_head=False)
                | Q(kind__in=["jpt_pratama", "administrator", "pengawas"]),
                name="position_head_is_managerial",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Employee(models.Model):
    """An ASN of the agency, keyed by NIP (PNS/CPNS) or NI PPPK."""

    class AsnType(models.TextChoices):
        PNS = "pns", _("PNS")
        CPNS = "cpns", _("CPNS")
        PPPK = "pppk", _("PPPK (full time)")
        PPPK_PARUH_WAKTU = "pppk_pw", _("PPPK (part time)")

    class Sex(models.TextChoices):
        MALE = "1", _("Male")
        FEMALE = "2", _("Female")

    class Discipline(models.TextChoices):
        NONE = "none", _("None")
        IN_PROCESS = "in_process", _("Being examined")
        SERVING = "serving", _("Serving a penalty")

    class Rating(models.TextChoices):
        NONE = "", _("Not rated")
        SANGAT_BAIK = "sangat_baik", _("Sangat Baik")
        BAIK = "baik", _("Baik")
        BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
        KURANG = "kurang", _("Kurang/Misconduct")
        SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")

    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=150)
    asn_type = models.CharField(_("ASN type"), max_length=8, choices=AsnType.choices)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("birth date"))
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="holders", verbose_name=_("position")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="employees", verbose_name=_("unit")
    )
    supervisor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subordinates",
        verbose_name=_("direct supervisor"),
    )
    supervisor_overridden = models.BooleanField(
        _("supervisor set by hand"),
        default=False,
        help_text=_("When off, the supervisor follows the unit structure."),
    )
    domicile = models.ForeignKey(
        Desa,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
        verbose_name=_("domicile (desa/kelurahan)"),
    )
    tmt_appointment = models.DateField(_("appointment date (TMT)"))
    last_promotion_date = models.DateField(_("last promotion"), null=True, blank=True)
    last_transfer_date = models.DateField(_("last transfer"), null=True, blank=True)
    last_rotation_date = models.DateField(_("last rotation"), null=True, blank=True)
    discipline_status = models.CharField(
        _("disciplinary status"), max_length=12, choices=Discipline.choices, default="none"
    )
    discipline_start = models.DateField(_("disciplinary status since"), null=True, blank=True)
    discipline_end = models.DateField(_("disciplinary status until"), null=True, blank=True)
    last_rating = models.CharField(
        _("last performance rating"), max_length=16, choices=Rating.choices, blank=True
    )
    last_rating_year = models.PositiveSmallIntegerField(_("rating year"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["name", "nip"]
        indexes = [
            models.Index(fields=["unit", "is_active"], name="employee_unit_active_idx"),
            models.Index(fields=["name"], name="employee_name_idx"),
            models.Index(fields=["asn_type"], name="employee_asn_type_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=models.F("id")), name="employee_not_own_supervisor"
            ),
            models.CheckConstraint(
                condition=Q(discipline_status="none") | Q(discipline_start__isnull=False),
                name="employee_discipline_has_start",
            ),
            models.CheckConstraint(
                condition=Q(discipline_end__isnull=True)
                | Q(discipline_start__isnull=True)
                | Q(discipline_end__gte=models.F("discipline_start")),
                name="employee_discipline_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"

    if TYPE_CHECKING:
        unit_id: int
        position_id: int
        supervisor_id: int | None


class ActingAssignment(models.Model):
    """A Plt (long) or Plh (short) acting head: while active, the official acts as head of
    the unit (approves, supervises) in addition to their own position."""

    class Kind(models.TextChoices):
        PLT = "plt", _("Plt (pelaksana tugas)")
        PLH = "plh", _("Plh (pelaksana harian)")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="acting_assignments", verbose_name=_("unit")
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="acting_assignments",
        verbose_name=_("acting official"),
    )
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    decree = models.CharField(_("decree number"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("acting assignment")
        verbose_name_plural = _("acting assignments")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="acting_dates_ordered",
            )
        ]
        indexes = [models.Index(fields=["unit", "start_date", "end_date"], name="acting_unit_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit}: {self.employee.name}"

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


class Office(models.Model):
    """An office building of a unit, with the geofence used for on-site check-in."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="offices", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=255, blank=True)
    desa = models.ForeignKey(
        Desa, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("desa/kelurahan")
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    geofence_radius_m = models.PositiveIntegerField(
        _("geofence radius (m)"),
        null=True,
        blank=True,
        help_text=_("Empty: the radius of the policy in force."),
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90)
                & Q(longitude__gte=-180, longitude__lte=180),
                name="office_coordinates_range",
            ),
            models.CheckConstraint(
                condition=Q(geofence_radius_m__isnull=True) | Q(geofence_radius_m__gte=10),
                name="office_geofence_min",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One uploaded registry export: the file (kept in private storage), who uploaded it,
    what its validation found and, once applied, what the import changed.

    Problems are kept as codes with parameters (``[line, column, code, params]``), so that
    each reader sees them in their own language.
    """

    class Status(models.TextChoices):
        VALIDATED = "validated", _("Validated")
        APPLIED = "applied", _("Applied")
        FAILED = "failed", _("Failed")

    file = models.FileField(_("file"), upload_to="imports/people/%Y/%m/", max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by_id = models.BigIntegerField(_("uploaded by (account id)"), null=True, blank=True)
    uploaded_by_label = models.CharField(_("uploaded by"), max_length=150)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    error_count = models.PositiveIntegerField(_("problems"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rows with problems"), default=0)
    summary = models.JSONField(_("validation summary"), default=dict, blank=True)
    errors = models.JSONField(_("problems"), default=list, blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    applied_by_label = models.CharField(_("applied by"), max_length=150, blank=True)
    applied_partial = models.BooleanField(_("valid rows only"), default=False)
    result = models.JSONField(_("import result"), default=dict, blank=True)

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["-uploaded_at"], name="import_batch_uploaded_idx")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def can_apply(self) -> bool:
        return self.status == self.Status.VALIDATED and self.rows_rejected < self.rows_total
