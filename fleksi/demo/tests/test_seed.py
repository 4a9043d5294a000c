"""The small seed end to end through the command, on a real database (seeded once)."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings

from fleksi.accounts.models import Role, User
from fleksi.accounts.permissions import scope_for
from fleksi.audit.models import AuditEntry
from fleksi.audit.selectors import audit_chain_verify
from fleksi.demo.domain.personas import PERSONAS
from fleksi.demo.models import DemoAccount
from fleksi.org.domain.nip import check_employee_number
from fleksi.org.models import ActingAssignment, Agency, Employee, Office, Position, Unit
from fleksi.org.services import supervisors_refresh
from fleksi.places.models import Desa, Kecamatan

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The generator draws dates around "today" (and its draws depend on them): the seeded world
# and the figures below are those of this moment.
MOMENT = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def persona_user(key: str) -> User:
    return User.objects.get(demo_persona__persona=key)


@override_settings(LANGUAGE_CODE="en")
@time_machine.travel(MOMENT)
class SmallSeedTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        out = StringIO()
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):  # as in every test (conftest)
            call_command("seed_demo", "--size", "small", stdout=out)
        cls.output = out.getvalue()

    def test_command_reports_counts(self):
        assert "58 perangkat daerah" in self.output
        assert f"{Employee.objects.count()} employees" in self.output

    def test_counts(self):
        assert Kecamatan.objects.count() == 20
        assert Desa.objects.count() == 237
        assert Desa.objects.filter(kind="kelurahan").count() == 43
        tops = Unit.objects.filter(parent__isnull=True)
        assert tops.count() == 58
        assert {k: tops.filter(kind=k).count() for k in ("opd", "kecamatan", "rsud", "other")} == {
            "opd": 34,
            "kecamatan": 20,
            "rsud": 3,
            "other": 1,
        }
        assert 600 <= Employee.objects.count() <= 1000
        assert Office.objects.filter(unit__parent__isnull=True).count() == 58
        assert ActingAssignment.objects.exists()

    def test_paths_and_secretariat(self):
        assert not Unit.objects.filter(path="").exists()
        setda = Unit.objects.get(code="SETDA")
        agency = Agency.objects.get()
        assert agency.secretariat_unit_id == setda.pk
        paten = Unit.objects.get(code="KEC-TABANG.06")
        assert paten.is_public_service
        assert paten.root_id == Unit.objects.get(code="KEC-TABANG").pk
        assert paten.path.startswith(paten.root.path)

    def test_every_employee_has_a_supervisor_except_the_sekda(self):
        sekda = persona_user("sekda").employee
        assert list(Employee.objects.filter(supervisor__isnull=True)) == [sekda]
        # The organisation's own rule (applied when the secretariat was set) agreed with the
        # seeded supervisors: it changed none of them.
        assert not AuditEntry.objects.filter(action="org.employee.supervisor_derived").exists()
        assert supervisors_refresh(actor=None) == 0

    def test_one_head_per_unit_and_valid_numbers(self):
        assert Position.objects.filter(is_head=True).count() == Unit.objects.count()
        holders = Employee.objects.filter(position__is_head=True)
        assert holders.count() == holders.values("unit").distinct().count()
        for nip, asn_type, birth, sex in Employee.objects.values_list(
            "nip", "asn_type", "birth_date", "sex"
        ):
            assert check_employee_number(nip, asn_type=asn_type, birth_date=birth, sex=sex) == []

    def test_accounts_share_one_hash_of_the_demo_password(self):
        assert User.objects.count() == Employee.objects.count() + 1  # and the Bupati
        assert User.objects.values("password").distinct().count() == 1
        rina = persona_user("rina")
        assert rina.username == rina.employee.nip
        assert rina.check_password(settings.FLEKSI_DEMO_PASSWORD)
        assert set(DemoAccount.objects.values_list("persona", flat=True)) == {
            p.key for p in PERSONAS
        }

    def test_personas_have_their_roles(self):
        expected = {
            "rina": {Role.EMPLOYEE},
            "darto": {Role.EMPLOYEE},
            "supervisor": {Role.EMPLOYEE, Role.SUPERVISOR, Role.UNIT_HEAD},
            "sari": {Role.EMPLOYEE, Role.SUPERVISOR, Role.UNIT_HEAD},
            "andi": {Role.EMPLOYEE, Role.SUPERVISOR, Role.UNIT_HEAD},
            "sekda": {Role.EMPLOYEE, Role.SUPERVISOR, Role.UNIT_HEAD, Role.SEKDA},
            "bupati": {Role.BUPATI},
            "bkpsdm": {Role.EMPLOYEE, Role.BKPSDM_ADMIN},
            "diskominfo": {Role.EMPLOYEE, Role.DISKOMINFO_ADMIN},
            "layanan": {Role.EMPLOYEE, Role.SERVICE_MANAGER},
            "inspektorat": {Role.EMPLOYEE, Role.AUDITOR},
            "hukum": {Role.EMPLOYEE, Role.BAGIAN_HUKUM},
            "organisasi": {Role.EMPLOYEE, Role.BAGIAN_ORGANISASI},
        }
        assert set(expected) == {p.key for p in PERSONAS}
        for key, roles in expected.items():
            assert scope_for(persona_user(key)).roles == roles, key
        for key in (
            "bupati",
            "bkpsdm",
            "diskominfo",
            "layanan",
            "inspektorat",
            "hukum",
            "organisasi",
        ):
            assert persona_user(key).username == key

    def test_persona_details(self):
        rina = persona_user("rina").employee
        supervisor = persona_user("supervisor").employee
        assert rina.supervisor_id == supervisor.pk
        assert rina.domicile.kecamatan.name == "Loa Kulu"
        assert rina.unit.root.code == "BAPPEDA"
        darto = persona_user("darto").employee
        assert darto.unit.root.name == "Kecamatan Tabang"
        assert darto.domicile.kecamatan.name == "Tabang"
        sari = persona_user("sari").employee
        officers = Employee.objects.filter(supervisor=sari)
        assert officers.count() == 6
        assert set(officers.values_list("position__name", flat=True)) == {"Petugas Pelayanan"}
        assert sari.unit.is_public_service
        assert sari.unit.root.code == "DISDUKCAPIL"
        andi = persona_user("andi").employee
        assert andi.unit.kind == "puskesmas"
        assert andi.unit.is_public_service
        assert Employee.objects.filter(unit=andi.unit, position__name="Pengelola Keuangan").exists()
        sekda = persona_user("sekda").employee
        assert sekda.position.is_head
        assert sekda.unit.code == "SETDA"
        layanan = scope_for(persona_user("layanan"))
        assert layanan.managed_unit_paths == (Unit.objects.get(code="DISDUKCAPIL.02").path,)
        assert persona_user("bupati").employee_id is None

    def test_audit_trail_has_summaries_and_is_intact(self):
        # One per perangkat daerah and one for the agency, plus one for the villages'
        # connectivity survey, one for the WFA requests of the weeks before today, one for
        # the public-service figures and one dating the Perbup's legal path as an example.
        assert AuditEntry.objects.filter(action="demo.seed").count() == 63
        # Summaries, not one entry per employee: one per perangkat daerah for the people and
        # one for the duty mapping, plus the policy's own entries and those of the WFA
        # requests of the coming weeks (written through the schedule's services).
        assert AuditEntry.objects.count() < 300
        _checked, problem = audit_chain_verify()
        assert problem is None

    def test_the_perbup_shows_its_enacted_and_promulgated_history_as_an_example(self):
        from fleksi.demo.services.policy import EXAMPLE_NUMBER, PERBUP
        from fleksi.policy.models import PolicyVersion

        perbup = PolicyVersion.objects.get(status="published")
        assert perbup.regulation_number == PERBUP
        assert (perbup.stage, perbup.enacted_number, perbup.gazette_number) == (
            "promulgated",
            EXAMPLE_NUMBER,
            EXAMPLE_NUMBER,
        )
        steps = list(perbup.legal_steps.values_list("step", "actor__username"))
        assert [s for s, _who in steps] == [
            "submit",
            "return",
            "submit",
            "clear",
            "initial",
            "enact",
            "promulgate",
        ]
        assert ("enact", "bupati") in steps
        assert ("clear", "hukum") in steps
        enacted, promulgated = perbup.enacted_on, perbup.promulgated_on
        assert enacted is not None
        assert promulgated is not None
        assert enacted < promulgated <= perbup.effective_from
        assert perbup.signed_documents.count() == 1
        amendment = PolicyVersion.objects.get(kind="amendment")
        assert amendment.stage == "harmonisation"
        assert amendment.title.startswith(f"Perubahan atas {PERBUP}")

    def test_if_empty_does_nothing_the_second_time(self):
        before = (Employee.objects.count(), Unit.objects.count(), User.objects.count())
        out = StringIO()
        call_command("seed_demo", "--size", "small", "--if-empty", stdout=out)
        assert "not seeded" in out.getvalue()
        assert (Employee.objects.count(), Unit.objects.count(), User.objects.count()) == before

    def test_refuses_a_database_with_data(self):
        before = Employee.objects.count()
        with pytest.raises(CommandError, match="empty database"):
            call_command("seed_demo", "--size", "kukar", stdout=StringIO())
        assert Employee.objects.count() == before

    def test_demo_accounts_table(self):
        out = StringIO()
        call_command("demo_accounts", stdout=out)
        text = out.getvalue()
        for key in ("rina", "sari", "bupati", "bkpsdm", "layanan", "inspektorat"):
            assert persona_user(key).username in text
        assert settings.FLEKSI_DEMO_PASSWORD in text
        assert "Rina Kartika" in text


@pytest.mark.django_db
def test_demo_accounts_before_seeding():
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    assert "seed_demo" in out.getvalue()
