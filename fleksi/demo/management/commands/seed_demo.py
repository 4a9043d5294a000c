from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from fleksi.common.errors import ServiceError
from fleksi.demo.domain.records import DEFAULT_SEED, SIZES
from fleksi.demo.services import demo_database_is_empty
from fleksi.demo.services.history import demo_seed_with_history
from fleksi.org.models import Employee, Unit


class Command(BaseCommand):
    help = (
        "Fill an empty database with the synthetic demo regency (Kutai Kartanegara): "
        "58 perangkat daerah, their units, positions, employees and accounts. 'small' has "
        "about a thousand employees, 'kukar' about 19,000. The same seed gives the same data. "
        "A database that already holds organisation data is refused (or, with --if-empty, "
        "left alone): the demo never adds to existing data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=SIZES, default="small")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--history",
            type=int,
            default=0,
            metavar="N",
            help="Also write N months of history before the current month (and the current "
            "month up to yesterday): check-ins, WFA days, outputs, ratings, service figures, "
            "and the evaluation's monthly figures.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and say so) when the database already holds organisation data.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not demo_database_is_empty():
            units, people = Unit.objects.count(), Employee.objects.count()
            held = _("%(units)d units and %(people)d employees") % {
                "units": units,
                "people": people,
            }
            if options["if_empty"]:
                self.stdout.write(
                    _("The database already holds data (%(held)s): demo data not seeded.")
                    % {"held": held}
                )
                return
            raise CommandError(
                _(
                    "The database already holds data (%(held)s). The demo is only seeded into "
                    "an empty database: use --if-empty to skip quietly, or start afresh (delete "
                    "var/fleksi.sqlite3, or drop and re-create the PostgreSQL database) and run "
                    "'manage.py migrate' first."
                )
                % {"held": held}
            )
        size, seed = options["size"], options["seed"]
        self.stdout.write(
            _("Seeding the %(size)s demo (seed %(seed)d)…") % {"size": size, "seed": seed}
        )
        try:
            report = demo_seed_with_history(size=size, seed=seed, history=options["history"])
        except ServiceError as error:
            raise CommandError(error.message) from error
        c = report.counts
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Seeded in %(seconds).1f s: %(pd)d perangkat daerah, %(units)d units, "
                    "%(positions)d positions, %(employees)d employees, %(offices)d offices, "
                    "%(acting)d acting officials, %(kecamatan)d kecamatan, %(desa)d "
                    "desa/kelurahan, %(accounts)d accounts."
                )
                % {"seconds": report.seconds, "pd": c["perangkat_daerah"], **c}
            )
        )
        if options["history"]:
            self.stdout.write(
                _(
                    "History of %(months)d months: %(rows)d rows (%(checkins)d check-ins, "
                    "%(days)d WFA days, %(outputs)d planned outputs of which %(onsite)d on "
                    "site, %(reports)d reports)."
                )
                % {
                    "months": c["history_months"],
                    "rows": c["history_rows"],
                    "checkins": c.get("history_presence_checkin", 0),
                    "days": c.get("history_schedule_requestday", 0),
                    "outputs": c.get("history_outputs_plannedoutput", 0),
                    "onsite": c.get("history_onsite_outputs", 0),
                    "reports": c.get("history_outputs_outputreport", 0),
                }
            )
            self.stdout.write(
                _("Timings: %(timings)s")
                % {"timings": ", ".join(f"{k} {v:.1f} s" for k, v in report.timings.items())}
            )
