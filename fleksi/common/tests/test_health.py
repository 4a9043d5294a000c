"""/health/live and /health/ready: what a load balancer and an orchestrator poll."""

import pytest
from django.db import connection

from fleksi.common import health

pytestmark = pytest.mark.django_db


def test_live_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_ready_checks_the_database_the_migrations_and_the_queue(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "migrations", "tasks", "replica"}
    assert all(c["ok"] for c in body["checks"].values())


def test_ready_says_503_and_which_check_failed_when_the_database_is_gone(client, monkeypatch):
    def broken():
        raise connection.Database.OperationalError("connection refused")

    monkeypatch.setattr(health, "_database", broken)
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    assert "migrations" not in body["checks"]


def test_ready_says_503_while_a_migration_is_pending(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("policy", "9999")]
    )
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == {"ok": False, "pending": 1}


def test_ready_refuses_other_methods(client):
    assert client.post("/health/ready").status_code == 405
