from django.urls import path

from fleksi.outputs.views import day, measures, people, reports, skp

app_name = "outputs"
urlpatterns = [
    path("", day.day, name="day"),
    path("day/<str:day>/plan/", day.plan_add, name="plan_add"),
    path("day/<str:day>/report/", day.report_new, name="report_new"),
    path("plans/<int:planned_id>/delete/", day.plan_delete, name="plan_delete"),
    path("reports/<int:report_id>/", reports.report_detail, name="report_detail"),
    path("reports/<int:report_id>/edit/", day.report_edit, name="report_edit"),
    path("reports/<int:report_id>/evidence/", reports.evidence, name="evidence"),
    path("reports/<int:report_id>/verify/", reports.verify, name="verify"),
    path("inbox/", reports.inbox, name="inbox"),
    path("inbox/accept/", reports.inbox_accept, name="inbox_accept"),
    path("skp/", skp.skp_mine, name="skp_mine"),
    path("skp/new/", skp.skp_create, name="skp_create"),
    path("skp/import/", skp.skp_import, name="skp_import"),
    path("skp/<int:skp_id>/", skp.skp_detail, name="skp_detail"),
    path("skp/<int:skp_id>/results/new/", skp.rhk_create, name="rhk_create"),
    path("skp/<int:skp_id>/agree/", skp.skp_agree, name="skp_agree"),
    path("results/<int:result_id>/edit/", skp.rhk_edit, name="rhk_edit"),
    path("results/<int:result_id>/delete/", skp.rhk_delete, name="rhk_delete"),
    path("people/<int:employee_id>/", people.person, name="person"),
    path("people/<int:employee_id>/dialogue/", people.dialogue_add, name="dialogue_add"),
    path("people/<int:employee_id>/rating/<str:month>/", people.rating, name="rating"),
    path("suspensions/<int:suspension_id>/reinstate/", people.reinstate, name="reinstate"),
    path("team/", measures.team, name="team"),
    path("export/", measures.export, name="export"),
]
