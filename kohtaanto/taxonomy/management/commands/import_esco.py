"""`kohtaanto import-esco PATH [--lang fi,sv,en]`: import an ESCO CSV download (see
taxonomy.esco_files for the layout and taxonomy.services.esco_import for the rules)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.taxonomy.esco_files import DanglingReferencesError
from kohtaanto.taxonomy.management.progress import tqdm_progress
from kohtaanto.taxonomy.models import ConceptType, RelationKind
from kohtaanto.taxonomy.services import esco_import


class Command(BaseCommand):
    help = "Import the official ESCO CSV download (one or more language packs) from a folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="folder with skills_<lang>.csv etc.")
        parser.add_argument(
            "--lang",
            default="",
            help="comma-separated language packs to import (default: every skills_<lang>.csv)",
        )
        parser.add_argument(
            "--esco-version",
            default="",
            help="version label, e.g. v1.2.0 (default: taken from the path, else a checksum)",
        )
        # The official ESCO v1.1.1 download itself has 68 relation rows to an occupation that
        # is in no concept file: such rows are left out and listed, unless --strict.
        parser.add_argument(
            "--strict",
            action="store_true",
            help="refuse the import when a relation row names a concept in no concept file",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        languages = [lang.strip() for lang in options["lang"].split(",") if lang.strip()]
        try:
            result = esco_import(
                actor=None,
                path=options["path"],
                languages=languages or None,
                version=options["esco_version"],
                skip_dangling=not options["strict"],
                progress=tqdm_progress(options["verbosity"]),
            )
        except ImportRejectedError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            hint = ""
            if isinstance(exc, DanglingReferencesError):
                hint = " Run again without --strict to leave those rows out."
            raise CommandError(f"{exc.message}{hint}") from exc
        dataset = result.dataset
        version = result.version
        self.stdout.write(f"ESCO {version.version} ({', '.join(dataset.languages)})")
        esco_types = [t for t in ConceptType.values if t != ConceptType.REQUIREMENT]
        concepts = ", ".join(f"{t} {dataset.count(t)}" for t in esco_types)
        relations = ", ".join(f"{k} {dataset.relation_count(k)}" for k in RelationKind.values)
        rows = ", ".join(f"{name} {count}" for name, count in dataset.file_rows.items())
        self.stdout.write(f"  concepts: {concepts}")
        self.stdout.write(f"  relations: {relations}")
        self.stdout.write(f"  rows read: {rows}")
        if result.skipped:
            uris = sorted({e.reason.rsplit(" ", 1)[-1] for e in result.skipped})
            self.stderr.write(
                f"Warning: skipped {len(result.skipped)} relation rows to concepts in no concept "
                "file: " + ", ".join(uris)
            )
        changes = {k: v for k, v in result.counts.as_dict().items() if v}
        if result.obsoleted:
            changes["concepts_obsoleted"] = result.obsoleted
        if changes:
            summary = ", ".join(f"{k} {v}" for k, v in changes.items())
            self.stdout.write(self.style.SUCCESS(f"Changed: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Already up to date; nothing changed."))
