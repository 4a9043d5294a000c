"""Bahasa Indonesia is complete: every translatable string has a translation.

The catalogue is ``locale/id/LC_MESSAGES/django.po`` (``make messages`` refreshes it). The
compiled ``.mo`` is committed so that a fresh machine needs no gettext tools.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
PO = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_every_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_source():
    po = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.pofile(str(PO)).translated_entries()
    }
    mo = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.mofile(str(MO))
    }
    assert po == mo, "run `make messages` to recompile locale/id/LC_MESSAGES/django.mo"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogue_has_every_string_of_the_code(tmp_path):
    """Extract the strings of a copy of the code and compare with the committed catalogue."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            "var",
            ".git",
            "node_modules",
            "__pycache__",
            ".mypy_cache",
            ".ruff_cache",
            "*.mo",
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-obsolete", "-i", "bench/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / PO.relative_to(ROOT)))}
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PO))}
    missing = sorted(m for _, m in extracted - committed)
    assert missing == [], f"strings missing from the catalogue (run `make messages`): {missing}"
