"""Accounts, roles and API tokens.

An ASN signs in with their NIP as the username; administrators without a NIP use a login
name. Some roles follow from the organisation (employee, supervisor, head of unit); the
others are assigned (see :class:`RoleAssignment`).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from fleksi.org.models import Employee, Unit


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    SUPERVISOR = "supervisor", _("Direct supervisor")
    UNIT_HEAD = "unit_head", _("Head of unit")
    SEKDA = "sekda", _("Sekda")
    BUPATI = "bupati", _("Bupati")
    BAGIAN_HUKUM = "bagian_hukum", _("Legal division (Bagian Hukum)")
    BAGIAN_ORGANISASI = "bagian_organisasi", _("Organisation division (Bagian Organisasi)")
    BKPSDM_ADMIN = "bkpsdm_admin", _("BKPSDM administrator")
    DISKOMINFO_ADMIN = "diskominfo_admin", _("Diskominfo administrator")
    SERVICE_MANAGER = "service_manager", _("Service-unit manager")
    UNIT_ADMIN = "unit_admin", _("Unit personnel administrator")
    AUDITOR = "auditor", _("Auditor (Inspektorat)")


DERIVED_ROLES = frozenset({Role.EMPLOYEE, Role.SUPERVISOR, Role.UNIT_HEAD})
ASSIGNABLE_ROLES = [r for r in Role if r not in DERIVED_ROLES]
UNIT_SCOPED_ROLES = frozenset({Role.SERVICE_MANAGER, Role.UNIT_ADMIN})


class User(AbstractUser):
    employee = models.OneToOneField(
        Employee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account",
        verbose_name=_("employee"),
    )
    # Raised by "sign out everywhere": it is part of the session hash, so every session
    # signed before it stops at its next request.
    session_generation = models.PositiveIntegerField(default=0)
    # The interface language the person chose ("" = not chosen: Bahasa Indonesia). The
    # browser's Accept-Language is never used: many phones here are set to English.
    language = models.CharField(
        _("language"), max_length=8, blank=True, default="", choices=settings.LANGUAGES
    )

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.employee is not None:
            return self.employee.name
        return self.get_full_name() or self.username

    @property
    def may_sign_in(self) -> bool:
        """Active, and (for an ASN) their employee record is active: a person who left or was
        deactivated cannot use their account or tokens from that moment."""
        if not self.is_active:
            return False
        return self.employee_id is None or self.employee is None or self.employee.is_active

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        return salted_hmac(
            "fleksi.accounts.User.session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    if TYPE_CHECKING:
        employee_id: int | None


class RoleAssignmentQuerySet(models.QuerySet["RoleAssignment"]):
    def current(self) -> RoleAssignmentQuerySet:
        """The assignments in force now (not yet ended)."""
        return self.filter(valid_until__isnull=True)

    def held_at(self, moment: datetime) -> RoleAssignmentQuerySet:
        """The assignments that were in force at ``moment``."""
        return self.filter(valid_from__lte=moment).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=moment)
        )


class RoleAssignment(models.Model):
    """An assigned role, effective-dated: in force from ``valid_from`` until ``valid_until``
    (open while it is held). Revoking ends the row instead of deleting it, so the history of
    who held which role when stays for the Inspektorat. Service-unit managers and unit
    personnel administrators are scoped to a unit and its sub-units."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="role_assignments", verbose_name=_("account")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=[(r.value, r.label) for r in ASSIGNABLE_ROLES]
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("unit"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    valid_from = models.DateTimeField(_("held from"), default=timezone.now)
    valid_until = models.DateTimeField(_("held until"), null=True, blank=True)
    granted_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    grant_reason = models.CharField(_("basis of the assignment"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoke_reason = models.CharField(_("basis of the revocation"), max_length=300, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=Q(valid_until__isnull=True),
                name="role_assignment_one_current_with_unit",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(unit__isnull=True, valid_until__isnull=True),
                name="role_assignment_one_current_without_unit",
            ),
            models.CheckConstraint(
                condition=(Q(role__in=["service_manager", "unit_admin"]) & Q(unit__isnull=False))
                | (~Q(role__in=["service_manager", "unit_admin"]) & Q(unit__isnull=True)),
                name="role_assignment_unit_only_for_unit_roles",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="role_assignment_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "valid_until"], name="role_assignment_user_idx"),
            models.Index(fields=["role", "valid_from"], name="role_assignment_role_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"

    @property
    def is_current(self) -> bool:
        return self.valid_until is None


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    CHECKIN = "checkin", _("Check-in only")
    FULL = "full", _("Full (read and write)")


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 digest is stored; the secret is shown once.

    Its scope limits what it may do on top of its owner's rights: ``read`` only reads,
    ``checkin`` only checks in (and reads the caller's own day), ``full`` does what the owner
    may do. It expires (90 days by default, at most a year)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("account")
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(
        _("scope"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    prefix = models.CharField(max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
