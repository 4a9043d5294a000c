"""The second factor: TOTP (an authenticator app) with single-use recovery codes, on
django-otp's devices. Required for the roles in ``FLEKSI_MFA_REQUIRED_ROLES`` (every role
above employee by default); an employee may turn it on."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from fleksi.accounts.models import User
from fleksi.accounts.permissions import scope_for
from fleksi.audit.services import Change, audit_record

RECOVERY_CODES = 10


def mfa_enabled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def mfa_required(user: User) -> bool:
    return bool(scope_for(user).roles & settings.FLEKSI_MFA_REQUIRED_ROLES)


def mfa_setup_start(user: User) -> TOTPDevice:
    """The authenticator being set up (a new secret unless one is waiting for its code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def _new_recovery_codes(user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def mfa_setup_confirm(user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the authenticator with a code from it; returns the recovery codes (shown
    once), or ``None`` when the code is wrong."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if not device.verify_token(code.strip().replace(" ", "")):
            return None
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save()
        codes = _new_recovery_codes(user)
        audit_record(
            actor=user,
            change=Change(
                action="accounts.mfa.enable",
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=user.username,
            ),
        )
    return codes


def mfa_recovery_codes_renew(user: User) -> list[str]:
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        audit_record(
            actor=user,
            change=Change(
                action="accounts.mfa.recovery_codes",
                object_type="accounts.user",
                object_id=str(user.pk),
                object_repr=user.username,
            ),
        )
    return codes


def mfa_verify(user: User, code: str) -> bool:
    """A code from the authenticator, or an unused recovery code (then used up). Each device
    slows repeated wrong codes (django-otp's throttling)."""
    code = code.strip().replace(" ", "")
    if not code or len(code) > 16:
        return False
    with transaction.atomic():
        if code.isdigit():
            for totp in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
                if totp.verify_token(code):
                    return True
            return False
        for static in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if static.verify_token(code):
                return True
    return False
