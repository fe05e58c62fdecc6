"""`kohtaanto load-vocabulary [--folder PATH]`: load the shipped fi/sv/en vocabulary, the
requirement cards and the occupation→skill relations (idempotent; see
taxonomy.services.vocabulary_load)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.taxonomy.management.progress import tqdm_progress
from kohtaanto.taxonomy.services import vocabulary_load
from kohtaanto.taxonomy.vocabulary_files import VOCABULARY_DIR


class Command(BaseCommand):
    help = "Load the shipped skills, occupations and requirement cards (fi/sv/en)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--folder",
            type=Path,
            default=VOCABULARY_DIR,
            help="folder with skills.csv, occupations.csv and requirements.csv "
            "(default: the vocabulary shipped with Kohtaanto)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = vocabulary_load(
                actor=None,
                folder=options["folder"],
                progress=tqdm_progress(options["verbosity"]),
            )
        except ImportRejectedError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(exc.message) from exc
        records = result.vocabulary.records.values()
        by_file: dict[str, int] = {}
        for record in records:
            by_file[record.file] = by_file.get(record.file, 0) + 1
        for name, count in by_file.items():
            self.stdout.write(f"  {name}: {count} concepts")
        changes = {k: v for k, v in result.counts.as_dict().items() if v}
        if result.obsoleted:
            changes["concepts_obsoleted"] = result.obsoleted
        if result.relations_created:
            changes["relations_created"] = result.relations_created
        if changes:
            summary = ", ".join(f"{k} {v}" for k, v in changes.items())
            self.stdout.write(self.style.SUCCESS(f"Changed: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Already up to date; nothing changed."))
