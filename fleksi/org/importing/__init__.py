"""The people import: reading registry exports (``readers``), looking up what Fleksi holds
(``state``), working out and writing the changes (``plan``, ``apply``), the service that does
it in one transaction (``service``), stored batches for the upload page (``batches``) and the
translated problem messages (``messages``). The rules themselves are pure, in
``fleksi.org.domain.people_import``."""
