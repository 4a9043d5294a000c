"""The default approval route, as data (editable later without code)."""

from django.db import migrations

ROUTE = [("staff", 1, "unit_head"), ("subunit_head", 1, "parent_head"), ("pd_head", 1, "sekda")]


def forwards(apps, schema_editor):
    rule = apps.get_model("schedule", "ApprovalRule")
    for applies_to, order, resolver in ROUTE:
        rule.objects.get_or_create(applies_to=applies_to, order=order,
                                   defaults={"resolver": resolver})


def backwards(apps, schema_editor):
    apps.get_model("schedule", "ApprovalRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("schedule", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
