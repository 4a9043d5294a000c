from django.urls import path

from fleksi.jobmap import views_import
from fleksi.jobmap.views import editing, exceptions, pages

app_name = "jobmap"
urlpatterns = [
    path("", pages.index, name="index"),
    path("regency/", pages.regency, name="regency"),
    path("queue/", pages.queue, name="queue"),
    path("import/", views_import.duty_import, name="import"),
    path("units/<int:unit_id>/", pages.unit, name="unit"),
    path("units/<int:unit_id>/exceptions/", exceptions.exception_list, name="exceptions"),
    path("units/<int:unit_id>/exceptions/new/", exceptions.exception_grant, name="exception_grant"),
    path("exceptions/<int:exception_id>/end/", exceptions.exception_end, name="exception_end"),
    path("positions/<int:position_id>/", pages.position, name="position"),
    path("positions/<int:position_id>/duties/new/", editing.duty_create, name="duty_create"),
    path(
        "positions/<int:position_id>/assessment/", editing.assessment_edit, name="assessment_edit"
    ),
    path("duties/<int:duty_id>/edit/", editing.duty_edit, name="duty_edit"),
    path("duties/<int:duty_id>/delete/", editing.duty_delete, name="duty_delete"),
    path("duties/<int:duty_id>/move/", editing.duty_move, name="duty_move"),
    path("assessments/<int:assessment_id>/", pages.assessment_detail, name="assessment_detail"),
    path(
        "assessments/<int:assessment_id>/approve/",
        editing.assessment_approve,
        name="assessment_approve",
    ),
    path(
        "assessments/<int:assessment_id>/return/",
        editing.assessment_return,
        name="assessment_return",
    ),
]
