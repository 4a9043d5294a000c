from django.urls import path

from fleksi.schedule.views import board, calendar, decisions, new, places, requests

app_name = "schedule"
urlpatterns = [
    path("", requests.mine, name="mine"),
    path("new/", new.request_new, name="request_new"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/<int:request_id>/", requests.request_detail, name="request_detail"),
    path("requests/<int:request_id>/cancel/", requests.request_cancel_view, name="request_cancel"),
    path("requests/<int:request_id>/revise/", new.request_revise, name="request_revise"),
    path("requests/<int:request_id>/evidence/", requests.request_evidence, name="request_evidence"),
    path("requests/<int:request_id>/recall/", decisions.recall, name="request_recall"),
    path("inbox/", decisions.inbox, name="inbox"),
    path("inbox/bulk/", decisions.inbox_bulk, name="inbox_bulk"),
    path("steps/<int:step_id>/decide/", decisions.step_decide, name="step_decide"),
    path("board/", board.board, name="board"),
    path("absences/", board.absences, name="absences"),
    path("absences/<int:absence_id>/delete/", board.absence_remove, name="absence_delete"),
    path("calendar/", calendar.my_calendar, name="calendar"),
    path("calendar/link/", calendar.feed_renew, name="feed_renew"),
    path("feed/<str:token>.ics", calendar.feed, name="feed"),
    path("places/", places.places, name="places"),
    path("places/<int:place_id>/decide/", places.place_decision, name="place_decide"),
]
