"""The words officials use (domain brief §12), kept in the Indonesian catalogue: a phrasing
that an official would correct never comes back in a msgstr."""

import re
from pathlib import Path

import polib
import pytest

CATALOGUE = Path(__file__).resolve().parents[3] / "locale" / "id" / "LC_MESSAGES" / "django.po"

# (pattern, what to write instead) — case-insensitive, on every translated string.
FORBIDDEN = [
    (r"kehilangan hak|\bhak (atas )?WFA", "“WFA ditangguhkan”: WFA is not a right"),
    (r"\bporsi\b", "persentase"),
    (r"\bpermintaan\b", "pengajuan / permohonan"),
    (r"\brahasia\b", "terbatas (rahasia is a formal classification)"),
    (r"hasil kerja yang direncanakan", "rencana output harian"),
    (r"\b(di)?terbit(kan)?\b|\bmenerbitkan\b", "ditetapkan / diundangkan"),
    (r"\bterbuka\b", "baru / belum ditangani"),
    (r"\btugas kedinasan\b(?! secara fleksibel)", "dinas luar (DL) for official duty"),
    (r"dinas luar di luar kantor", "dinas luar (DL)"),
    (r"peringatan pengaman", "peringatan dini mutu layanan"),
    (r"\bstatus disiplin\b", "status hukuman disiplin"),
    (r"\bpapan unit\b", "papan kehadiran unit"),
    (r"\bkonter\b", "loket"),
    (r"\btanpa sinyal\b", "tidak ada sinyal"),
]


def translations() -> list[tuple[str, str]]:
    """(msgid, msgstr) of every live entry; plural forms each count as a msgstr."""
    out: list[tuple[str, str]] = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        out.append((entry.msgid, entry.msgstr))
        out += [(entry.msgid, text) for text in entry.msgstr_plural.values()]
    return out


def test_the_catalogue_is_read():
    found = dict(translations())
    assert found["No signal"] == "Tidak ada sinyal"
    assert len(found) > 1000


@pytest.mark.parametrize(("pattern", "instead"), FORBIDDEN)
def test_the_catalogue_keeps_the_officials_words(pattern, instead):
    wrong = [
        (msgid, msgstr)
        for msgid, msgstr in translations()
        if msgid and re.search(pattern, msgstr, re.IGNORECASE)
    ]
    assert wrong == [], f"write {instead}: {wrong[:5]}"


def test_suspension_is_worded_as_wfa_ditangguhkan():
    found = dict(translations())
    assert found["WFA suspension"] == "Penangguhan WFA"
    assert found["A WFA suspension was lifted"] == "Penangguhan WFA dicabut"
