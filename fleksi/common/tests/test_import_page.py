"""The one import page (``fleksi.common.importing.page``): the form, the size limit, the
problems by line and column, and the counts of a correct file."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation

from fleksi.common.domain.importing import RowProblem
from fleksi.common.importing.messages import describe
from fleksi.common.importing.page import ImportPage
from fleksi.common.importing.reader import Limits

LIMITS = Limits(max_bytes=1024 * 1024)


def page(data: bytes | None = None, *, problems=(), dry_run=True):
    calls = []

    def run(*, actor, name, data, dry_run):
        calls.append((actor, name, data, dry_run))
        return SimpleNamespace(problems=list(problems), applied=not dry_run, rows=12_345)

    factory = RequestFactory()
    if data is None:
        request = factory.get("/impor/")
    else:
        fields = {"file": SimpleUploadedFile("data.csv", data)}
        if dry_run:
            fields["dry_run"] = "on"
        request = factory.post("/impor/", fields)
    request.user = AnonymousUser()
    with translation.override("id"):
        imports = ImportPage(
            template="importing/page.html",
            import_file=run,
            describe=describe,
            counts=(("rows", "Baris"),),
            limits=LIMITS,
        )
        response = imports.render(request, actor="pengguna")
    return response, calls


def test_the_form_starts_with_check_only_ticked():
    response, calls = page()
    assert response.status_code == 200
    assert 'name="dry_run"' in response.content.decode()
    assert "checked" in response.content.decode()
    assert calls == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    response, calls = page(b"x" * (1024 * 1024 + 1))
    assert calls == []
    assert "1 MB" in response.content.decode()


def test_problems_are_listed_by_line_and_column_in_indonesian():
    problems = [RowProblem(0, "", "too_many_rows", {"rows": 3}), RowProblem(4, "NIP", "required")]
    response, calls = page(b"NIP\n1\n", problems=problems)
    text = response.content.decode()
    assert calls == [("pengguna", "data.csv", b"NIP\n1\n", True)]
    assert "lebih dari 3 baris" in text
    assert '<td class="mono">NIP</td>' in text
    assert "12.345" not in text  # no counts when the file has problems


def test_a_correct_file_shows_its_counts_and_whether_it_was_written():
    response, calls = page(b"NIP\n1\n", dry_run=False)
    text = response.content.decode()
    assert calls == [("pengguna", "data.csv", b"NIP\n1\n", False)]
    assert "12.345" in text
    assert "Berhasil diimpor." in text
