"""The Perbup's legal path as pure data: its stages, the steps between them and who acts.

Draft (BKPSDM / Bagian Organisasi) → harmonisation by the Bagian Hukum (returned to the
draft or cleared) → the Sekda's initials (paraf) → the Bupati enacts (ditetapkan: number,
date) → the Sekda promulgates (diundangkan in the Berita Daerah: number, year) → in force
on its date (UU 12/2011; Permendagri 80/2015). Roles are plain strings here; the edges map
each step to a permission.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Stage(StrEnum):
    DRAFTING = "drafting"
    HARMONISATION = "harmonisation"
    CLEARED = "cleared"
    INITIALLED = "initialled"
    ENACTED = "enacted"
    PROMULGATED = "promulgated"


class Step(StrEnum):
    SUBMIT = "submit"  # the drafter sends the draft to the Bagian Hukum
    RETURN = "return"  # the Bagian Hukum returns it to the drafter, with comments
    CLEAR = "clear"  # the Bagian Hukum clears it (harmonised)
    INITIAL = "initial"  # the Sekda's paraf
    ENACT = "enact"  # the Bupati: ditetapkan
    PROMULGATE = "promulgate"  # the Sekda: diundangkan in the Berita Daerah


# step → (the stages it may start from, the stage it leads to)
TRANSITIONS: dict[Step, tuple[frozenset[Stage], Stage]] = {
    Step.SUBMIT: (frozenset({Stage.DRAFTING}), Stage.HARMONISATION),
    Step.RETURN: (frozenset({Stage.HARMONISATION}), Stage.DRAFTING),
    Step.CLEAR: (frozenset({Stage.HARMONISATION}), Stage.CLEARED),
    Step.INITIAL: (frozenset({Stage.CLEARED}), Stage.INITIALLED),
    Step.ENACT: (frozenset({Stage.INITIALLED}), Stage.ENACTED),
    Step.PROMULGATE: (frozenset({Stage.ENACTED}), Stage.PROMULGATED),
}

# The steps that may follow each stage (the page offers them, the service refuses the rest).
NEXT_STEPS: dict[Stage, tuple[Step, ...]] = {
    stage: tuple(step for step, (starts, _to) in TRANSITIONS.items() if stage in starts)
    for stage in Stage
}


def allowed(step: Step, stage: Stage) -> bool:
    return stage in TRANSITIONS[step][0]


def target(step: Step) -> Stage:
    return TRANSITIONS[step][1]


# A harmonisation comment is about the whole draft (""), one parameter (its key) or one
# article of the text ("Pasal 5", "Pasal 5 ayat (2)").
ARTICLE = re.compile(r"Pasal \d{1,3}( ayat \(\d{1,2}\))?")

# The numbers the Bupati and the Sekda give: digits, optionally a letter suffix ("18A").
REGULATION_NUMBER = re.compile(r"[1-9]\d{0,3}[A-Z]?")

PDF_MAGIC = b"%PDF-"
MAX_SIGNED_BYTES = 20 * 1024 * 1024
