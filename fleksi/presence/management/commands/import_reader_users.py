"""``manage.py import_reader_users FILE [--dry-run]``: who each attendance reader user id is
(columns MESIN, ID_PENGGUNA, NIP; docs/presence.md)."""

from __future__ import annotations

from fleksi.common.importing.command import ImportCommand
from fleksi.presence.messages import IMPORT_MESSAGES
from fleksi.presence.services.readers import reader_users_file_import


class Command(ImportCommand):
    import_file = staticmethod(reader_users_file_import)
    help = "Map attendance reader user ids to employees by NIP (MESIN, ID_PENGGUNA, NIP)."
    messages = IMPORT_MESSAGES
