"""Pattern definitions used by the tests (and mirrored by the demo)."""

from __future__ import annotations

SIX_DAY_SCHOOL = {
    "kind": "weekly",
    "holidays_apply": True,
    "shifts": {
        "wd": {"start": "07:00", "end": "13:30", "break": 30},
        "fri": {"start": "07:00", "end": "11:30", "break": 0},
        "sat": {"start": "07:00", "end": "12:30", "break": 0},
    },
    "week": {"mon": "wd", "tue": "wd", "wed": "wd", "thu": "wd", "fri": "fri", "sat": "sat"},
}

HOSPITAL_3_SHIFTS = {
    "kind": "roster",
    "holidays_apply": False,
    "ramadan_applies": False,
    "shifts": {
        "P": {"start": "07:00", "end": "14:00"},
        "S": {"start": "14:00", "end": "21:00"},
        "M": {"start": "21:00", "end": "07:00"},
    },
}

HOSPITAL_CYCLE = {
    "kind": "cycle",
    "holidays_apply": False,
    "ramadan_applies": False,
    "anchor": "2026-01-05",
    "shifts": {
        "P": {"start": "07:00", "end": "14:00"},
        "S": {"start": "14:00", "end": "21:00"},
        "M": {"start": "21:00", "end": "07:00"},
    },
    "cycle": ["P", "P", "S", "S", "M", "M", None, None],
}

FIRE_24H = {
    "kind": "cycle",
    "holidays_apply": False,
    "ramadan_applies": False,
    "anchor": "2026-01-01",
    "shifts": {"D24": {"start": "08:00", "end": "08:00", "break": 120}},
    "cycle": ["D24", None, None],
}

PART_TIME = {
    "kind": "weekly",
    "holidays_apply": True,
    "shifts": {"pw": {"start": "08:00", "end": "12:00"}},
    "week": {"mon": "pw", "tue": "pw", "wed": "pw", "thu": "pw", "fri": "pw"},
}

FLEX = {
    "kind": "weekly",
    "holidays_apply": True,
    "flex_minutes": 90,
    "weekly_hours": 37.5,
    "shifts": {
        "reg": {"start": "07:00", "end": "15:30", "break": 60},
        "fri": {"start": "07:00", "end": "16:00", "break": 90},
        "ram": {"start": "07:30", "end": "14:30", "break": 30},
    },
    "week": {"mon": "reg", "tue": "reg", "wed": "reg", "thu": "reg", "fri": "fri"},
    "ramadan_week": {"mon": "ram", "tue": "ram", "wed": "ram", "thu": "ram", "fri": "ram"},
}
