from django.urls import path

from fleksi.documents import views

app_name = "documents"
urlpatterns = [
    path("perbup/<int:version_id>/", views.version_documents, name="version"),
    path("perbup/<int:version_id>/draft/", views.perbup_draft, name="perbup_draft"),
    path("perbup/<int:version_id>/diff/", views.perbup_diff, name="perbup_diff"),
    path("<int:document_id>/file/", views.document_file, name="file"),
]
