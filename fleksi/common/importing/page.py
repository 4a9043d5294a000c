"""The one import page: upload a file, check it ("only check the file", ticked at first),
see every problem by line and column or what the import would change, then upload it again
unticked to apply it. Template ``importing/page.html`` (an app's template extends it to
write its layout in block ``intro``, and may add a block ``before``, e.g. its navigation).

An app declares an :class:`ImportPage` (its template, import, sentences for problems and
the counts to show); its view checks the permission and calls :meth:`ImportPage.render`.
The people import keeps its stored batches (upload → preview page → apply) and shares the
problem table ``importing/_problems.html``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fleksi.common.importing.messages import problem_message
from fleksi.common.importing.reader import LIMITS, MB, Limits

MAX_PROBLEMS_SHOWN = 500


def columns_help(columns: Sequence[str]) -> Any:
    """The help text "Columns: A, B, C." in the language of the request (lazily)."""
    return lazy(lambda: gettext("Columns: %(columns)s.") % {"columns": ", ".join(columns)}, str)()


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))
    dry_run = forms.BooleanField(
        label=_("Only check the file; import nothing"), required=False, initial=True
    )

    def __init__(self, *args: Any, limits: Limits = LIMITS, help_text: Any = "", **kw: Any):
        super().__init__(*args, **kw)
        self.limits = limits
        self.fields["file"].help_text = help_text

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.limits.max_bytes:
            raise forms.ValidationError(
                problem_message("file_too_large", {"mb": self.limits.max_bytes // MB})
            )
        return upload


@dataclass(frozen=True)
class ImportPage:
    """What an app declares for its import page; its view checks the permission, then
    calls :meth:`render` with the actor (and any other argument of ``import_file``)."""

    template: str  # extends ``importing/page.html``
    import_file: Callable[..., Any]  # (actor=, name=, data=, dry_run=, **options) → report
    describe: Callable[[Any], str]  # a problem → its sentence
    counts: Sequence[tuple[str, Any]]  # (attribute of the report, label) shown after a check
    limits: Limits = LIMITS
    help_text: Any = ""

    def render(
        self, request: HttpRequest, *, context: dict[str, Any] | None = None, **options: Any
    ) -> HttpResponse:
        """The page; after an upload, the report of ``import_file``: its problems as
        sentences, or the counts of what it changes (or would change, on a check)."""
        form = ImportForm(
            request.POST or None,
            request.FILES or None,
            limits=self.limits,
            help_text=self.help_text,
        )
        report = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            report = self.import_file(
                name=upload.name,
                data=upload.read(),
                dry_run=form.cleaned_data["dry_run"],
                **options,
            )
        problems = list(report.problems) if report is not None else []
        shown = problems[:MAX_PROBLEMS_SHOWN]
        # Rows read but left out by design (e.g. a punch for a slot already taken): said
        # after the counts of a report that has ``notices``.
        notices = [] if problems else list(getattr(report, "notices", []))[:MAX_PROBLEMS_SHOWN]
        return render(
            request,
            self.template,
            {
                "form": form,
                "report": report,
                "problems": [(p.line, p.column, self.describe(p)) for p in shown],
                "more_problems": len(problems) - len(shown),
                "notices": [(p.line, p.column, self.describe(p)) for p in notices],
                "counts": [(label, getattr(report, name)) for name, label in self.counts]
                if report is not None and not problems
                else [],
                **(context or {}),
            },
        )
