"""Who gets what from every evaluation page and endpoint, per tier:

- regency: Sekda, Bupati, BKPSDM, Diskominfo (``regency.view``); Inspektorat: the auditor;
- perangkat daerah: the heads of Disdukcapil (head_a) and Bappeda (head_b);
- unit: the head of the Seksi Loket (head_seksi) and the service-unit manager of the Bidang
  Pelayanan (layanan);
- nobody else (staff, the unit personnel administrator): 404.
"""

import pytest
from django.utils import timezone

from fleksi.common.domain.months import month_key, previous_month
from fleksi.insights.tests.conftest import ready_report
from fleksi.testkit.access import REGENCY, Case, api_case, check, matrix, reversers

HEADS = frozenset({"head_a", "head_b", "head_seksi", "layanan"})
TIERED = REGENCY | HEADS
AUDIT = frozenset({"sekda", "bkpsdm", "auditor"})
SEES_LOKET = REGENCY | {"head_a", "head_seksi", "layanan"}
GENERATORS = frozenset({"sekda", "bkpsdm"})
MONTH = month_key(previous_month(timezone.localdate()))


url, api = reversers("insights", "insights_")


LOKET = lambda w: w.units["a_loket"].pk  # noqa: E731
TGR = lambda w: w.kecamatan["tgr"].pk  # noqa: E731


def report(w):
    return ready_report(w).pk


PAGES = [
    Case("insights:index", lambda w: url("index"), TIERED),
    Case("insights:audit", lambda w: url("audit"), AUDIT),
    Case("insights:unit", lambda w: url("unit", LOKET(w)), SEES_LOKET),
    Case("insights:kecamatan", lambda w: url("kecamatan", TGR(w)), REGENCY),
    Case("insights:reports", lambda w: url("reports"), REGENCY),
    Case(
        "insights:report_new",
        lambda w: url("report_new"),
        GENERATORS,
        ok=302,
        method="post",
        data=lambda w: {"kind": "monthly", "month": MONTH},
        overrides=dict.fromkeys(REGENCY - GENERATORS, 403),
    ),
    Case("insights:report_file", lambda w: url("report_file", report(w), "pdf"), REGENCY),
]
APIS = [
    api_case("api:insights_dashboard", lambda w: api("dashboard"), TIERED),
    api_case("api:insights_unit", lambda w: api("unit", LOKET(w)), SEES_LOKET),
    api_case("api:insights_reports", lambda w: api("reports"), REGENCY),
    api_case(
        "api:insights_report_new",
        lambda w: api("report_new"),
        GENERATORS,
        ok=202,
        method="post",
        data=lambda w: {"kind": "monthly", "month": MONTH},
        overrides=dict.fromkeys(REGENCY - GENERATORS, 403),
    ),
    api_case("api:insights_report", lambda w: api("report", report(w)), REGENCY),
]

CASES = PAGES + APIS
COVERED = {c.route for c in CASES}


@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, shared_computed, case, who):
    check(client, shared_computed, case, who)
