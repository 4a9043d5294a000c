from django.urls import path

from fleksi.policy import views, views_legal

app_name = "policy"
urlpatterns = [
    path("", views.version_list, name="version_list"),
    path("new/", views.draft_create, name="draft_create"),
    path("compare/", views.version_diff, name="version_diff"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar/change/", views.calendar_change, name="calendar_change"),
    path("<int:version_id>/", views.version_detail, name="version_detail"),
    path("<int:version_id>/edit/", views.version_edit, name="version_edit"),
    path("<int:version_id>/units/", views.override_set, name="override_set"),
    path("<int:version_id>/roles/", views.role_minimum_set, name="role_minimum_set"),
    path("<int:version_id>/delete/", views.version_delete, name="version_delete"),
    # The legal path (decision 0025)
    path("<int:version_id>/legal/submit/", views_legal.legal_submit, name="legal_submit"),
    path("<int:version_id>/legal/comment/", views_legal.legal_comment, name="legal_comment"),
    path("<int:version_id>/legal/return/", views_legal.legal_return, name="legal_return"),
    path("<int:version_id>/legal/clear/", views_legal.legal_clear, name="legal_clear"),
    path("<int:version_id>/legal/initial/", views_legal.legal_initial, name="legal_initial"),
    path("<int:version_id>/legal/enact/", views_legal.legal_enact, name="legal_enact"),
    path(
        "<int:version_id>/legal/promulgate/",
        views_legal.legal_promulgate,
        name="legal_promulgate",
    ),
    path(
        "<int:version_id>/legal/documents/",
        views_legal.legal_document_upload,
        name="legal_document_upload",
    ),
    path(
        "<int:version_id>/legal/documents/<int:document_id>/",
        views_legal.legal_document,
        name="legal_document",
    ),
    path("<int:version_id>/amend/", views_legal.amendment_create, name="amendment_create"),
    path("<int:version_id>/revoke/", views_legal.revocation_create, name="revocation_create"),
]
