"""Connectivity levels as Kukar has them: none, 2G, 4G, radio link, VSAT/satellite, fibre.

3G was switched off by the big operators in 2022–23, and "fixed broadband" did not say which
link a village has. Stored values are mapped as follows (also in docs/places-readiness.md):

Surveyed profiles (``ConnectivityProfile.best_network``):

- ``3g`` → ``2g``: the 3G network a survey found is gone; what is sure to remain on those
  towers is 2G (voice, SMS). A 4G that nobody surveyed is not claimed; Diskominfo re-surveys,
  and ten check-ins measured at 4G lift the level meanwhile (the measured adjustment).
- ``broadband`` → the link the survey's source names (``vsat``/``satelit``/``satellite``/
  ``bakti`` → ``vsat``; ``radio`` → ``radio_link``; ``fiber``/``fibre``/``serat``/``optik``
  → ``fibre``), else ``vsat``: the fixed link that earns the fewest points, so that no place
  is called better than its survey said.

Measurements (``ConnectivityMeasurement.level``): ``3g`` → ``2g``. The browser's "3g" is a
speed class (round trip ≥ 270 ms or downlink ≤ 0.7 Mbit/s), slower than any working 4G link;
the browser's own ``effective_type`` is kept as it was.

Policy versions (``PolicyVersion.params["min_connectivity"]``, every status — the text of a
version does not change, only the code of a level that no longer exists):

- ``3g`` → ``4g``: a minimum of 3G meant "a mobile data connection"; with 3G gone that is 4G,
  and the places that met the old minimum on a mobile network are those at 4G.
- ``broadband`` → ``radio_link``: a fixed link was required; radio link is the fixed link
  ranked first after 4G by the default points.

No audit entry is written (a migration is not a person's decision); this file is the record.
Reversing maps every fixed link back to ``broadband`` and leaves the rest as it is.
"""

from django.db import migrations, models

PROFILE_3G = "2g"
MEASURED_3G = "2g"
MIN_CONNECTIVITY = {"3g": "4g", "broadband": "radio_link"}
FIXED_BY_WORD = (
    (("vsat", "satelit", "satellite", "bakti"), "vsat"),
    (("radio",), "radio_link"),
    (("fiber", "fibre", "serat", "optik"), "fibre"),
)
FIXED_UNKNOWN = "vsat"


def fixed_link_of(source: str) -> str:
    text = (source or "").lower()
    for words, level in FIXED_BY_WORD:
        if any(word in text for word in words):
            return level
    return FIXED_UNKNOWN


def forwards(apps, schema_editor):
    Profile = apps.get_model("places", "ConnectivityProfile")
    Measurement = apps.get_model("places", "ConnectivityMeasurement")
    PolicyVersion = apps.get_model("policy", "PolicyVersion")
    Profile.objects.filter(best_network="3g").update(best_network=PROFILE_3G)
    for profile in Profile.objects.filter(best_network="broadband").only("pk", "source"):
        Profile.objects.filter(pk=profile.pk).update(best_network=fixed_link_of(profile.source))
    Measurement.objects.filter(level="3g").update(level=MEASURED_3G)
    for version in PolicyVersion.objects.only("pk", "params"):
        params = dict(version.params or {})
        if params.get("min_connectivity") in MIN_CONNECTIVITY:
            params["min_connectivity"] = MIN_CONNECTIVITY[params["min_connectivity"]]
            PolicyVersion.objects.filter(pk=version.pk).update(params=params)


def backwards(apps, schema_editor):
    Profile = apps.get_model("places", "ConnectivityProfile")
    PolicyVersion = apps.get_model("policy", "PolicyVersion")
    Profile.objects.filter(best_network__in=["radio_link", "vsat", "fibre"]).update(
        best_network="broadband"
    )
    for version in PolicyVersion.objects.only("pk", "params"):
        params = dict(version.params or {})
        if params.get("min_connectivity") in {"radio_link", "vsat", "fibre"}:
            params["min_connectivity"] = "broadband"
            PolicyVersion.objects.filter(pk=version.pk).update(params=params)


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0002_connectivity"),
        ("policy", "0004_legal_path"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="connectivitymeasurement",
            name="measurement_level_valid",
        ),
        migrations.RemoveConstraint(
            model_name="connectivityprofile",
            name="connectivity_profile_network_valid",
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="connectivitymeasurement",
            name="level",
            field=models.CharField(
                choices=[("2g", "2G"), ("4g", "4G")], max_length=4, verbose_name="measured level"
            ),
        ),
        migrations.AlterField(
            model_name="connectivityprofile",
            name="best_network",
            field=models.CharField(
                choices=[
                    ("none", "No signal"),
                    ("2g", "2G"),
                    ("4g", "4G"),
                    ("radio_link", "Radio link"),
                    ("vsat", "VSAT/satellite"),
                    ("fibre", "Fibre optic"),
                ],
                max_length=10,
                verbose_name="best network available",
            ),
        ),
        migrations.AddConstraint(
            model_name="connectivitymeasurement",
            constraint=models.CheckConstraint(
                condition=models.Q(("level__in", ["2g", "4g"])), name="measurement_level_valid"
            ),
        ),
        migrations.AddConstraint(
            model_name="connectivityprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("best_network__in", ["none", "2g", "4g", "radio_link", "vsat", "fibre"])
                ),
                name="connectivity_profile_network_valid",
            ),
        ),
    ]
