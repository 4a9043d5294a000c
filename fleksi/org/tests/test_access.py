import io

import pytest
from django.urls import reverse

from fleksi.org.importing.batches import import_batch_run
from fleksi.testkit.access import EVERYONE, REGENCY, Case, check, matrix
from fleksi.testkit.people_files import csv_bytes, private_storage_in, small_agency, table

B_SIDE = frozenset({"head_b", "staff_b1"}) | REGENCY
SEES_STAFF_B1 = frozenset({"head_b", "staff_b1", "sekda", "bkpsdm", "bupati", "auditor"})
IMPORTER = frozenset({"bkpsdm"})


def _batch(w):
    """A validated import of a small valid file (made on first use)."""
    made = w.__dict__.setdefault("_made", {})  # forgotten after each test (module_world)
    if "import_batch" not in made:
        data = csv_bytes(table(small_agency()))
        made["import_batch"], _ = import_batch_run(
            actor=None, file=io.BytesIO(data), file_name="x.csv"
        )
    return made["import_batch"]


CASES = [
    Case("org:unit_list", lambda w: reverse("org:unit_list"), EVERYONE),
    Case("org:unit_detail", lambda w: reverse("org:unit_detail", args=[w.units["b"].pk]), B_SIDE),
    Case("org:people", lambda w: reverse("org:people"), EVERYONE),
    Case(
        "org:employee_detail",
        lambda w: reverse("org:employee_detail", args=[w.people["staff_b1"].pk]),
        SEES_STAFF_B1,
    ),
    # People import: the BKPSDM administrator only (403 for everyone else).
    Case("org:import_people", lambda w: reverse("org:import_people"), IMPORTER, denied=403),
    Case(
        "org:import_people",
        lambda w: reverse("org:import_people"),
        IMPORTER,
        denied=403,
        method="post",
    ),
    Case(
        "org:import_batch",
        lambda w: reverse("org:import_batch", args=[_batch(w).pk]),
        IMPORTER,
        denied=403,
    ),
    Case(
        "org:import_apply",
        lambda w: reverse("org:import_apply", args=[_batch(w).pk]),
        IMPORTER,
        ok=302,
        denied=403,
        method="post",
    ),
    Case(
        "org:import_errors",
        lambda w: reverse("org:import_errors", args=[_batch(w).pk]),
        IMPORTER,
        denied=403,
    ),
    # API
    Case("api:unit_tree", lambda w: reverse("api:unit_tree"), EVERYONE, anon=401, api=True),
    Case(
        "api:unit_detail",
        lambda w: reverse("api:unit_detail", args=[w.units["b"].pk]),
        B_SIDE,
        anon=401,
        api=True,
    ),
    Case("api:employee_list", lambda w: reverse("api:employee_list"), EVERYONE, anon=401, api=True),
    Case(
        "api:employee_detail",
        lambda w: reverse("api:employee_detail", args=[w.people["staff_b1"].pk]),
        SEES_STAFF_B1,
        anon=401,
        api=True,
    ),
]
COVERED = {c.route for c in CASES}


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    private_storage_in(settings, tmp_path)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "who"), matrix(CASES))
def test_access(client, module_world, case, who):
    check(client, module_world, case, who)
