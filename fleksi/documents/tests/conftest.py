from fleksi.schedule.tests.conftest import wfa  # noqa: F401 - the schedule's WFA world
