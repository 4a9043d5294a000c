"""A generation token that the database changes whenever a policy table changes.

Row-level triggers on SQLite (AFTER INSERT/UPDATE/DELETE); statement-level triggers on
PostgreSQL, TRUNCATE included. The token is random, so a rolled-back change can never make a
later state look like an earlier one.
"""

from django.db import migrations, models

TABLES = (
    "policy_policyversion",
    "policy_unitoverride",
    "policy_roleminimum",
    "policy_calendaroverride",
    "policy_ramadanperiod",
    "policy_nationalwfawindow",
)

SQLITE_UP = [
    f"""CREATE TRIGGER {table}_gen_{op.lower()} AFTER {op} ON {table}
        BEGIN UPDATE policy_policygeneration SET token = random(); END"""
    for table in TABLES
    for op in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_DOWN = [
    f"DROP TRIGGER IF EXISTS {table}_gen_{op.lower()}"
    for table in TABLES
    for op in ("INSERT", "UPDATE", "DELETE")
]

POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION policy_generation_bump() RETURNS trigger AS $$
       BEGIN
         UPDATE policy_policygeneration SET token = floor(random() * 9e15)::bigint;
         RETURN NULL;
       END;
       $$ LANGUAGE plpgsql""",
    *(
        f"""CREATE TRIGGER {table}_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION policy_generation_bump()"""
        for table in TABLES
    ),
]
POSTGRES_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {table}_gen ON {table}" for table in TABLES),
    "DROP FUNCTION IF EXISTS policy_generation_bump()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


def _first_token(apps, schema_editor):
    apps.get_model("policy", "PolicyGeneration").objects.create(token=1)


class Migration(migrations.Migration):
    dependencies = [("policy", "0002_roleminimum")]

    operations = [
        migrations.CreateModel(
            name="PolicyGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.BigIntegerField(verbose_name="token")),
            ],
            options={
                "verbose_name": "policy generation",
                "verbose_name_plural": "policy generations",
            },
        ),
        migrations.RunPython(_first_token, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
