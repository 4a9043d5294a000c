"""The project's routes plus ``POST /bench/baseline``: a minimal Django view doing one INSERT
(through the same middleware), the yardstick for the check-in endpoint."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.urls import urlpatterns as project_urlpatterns

BASELINE_TABLE = "bench_baseline"


@csrf_exempt
def baseline_insert(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {BASELINE_TABLE} (body) VALUES (%s)", [request.body[:200]])  # noqa: S608
    return HttpResponse(status=201)


urlpatterns = [path("bench/baseline", baseline_insert), *project_urlpatterns]
