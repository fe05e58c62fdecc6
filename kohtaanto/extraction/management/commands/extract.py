"""`kohtaanto extract`: concepts in a text, or in a batch of texts, as JSON.

    echo "Edellytämme tulityökorttia." | kohtaanto extract
    kohtaanto extract --file cv.txt --format text
    kohtaanto extract --jsonl texts.jsonl > concepts.jsonl     # lines {"id": ..., "text": ...}

It uses whatever taxonomy the database holds: the shipped vocabulary once loaded, full ESCO
once imported. `--vocabulary` reads the shipped vocabulary's CSV files and `--esco FOLDER` an
ESCO download directly, so that a fresh install can extract before anything is loaded.
"""

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.extraction.engine import MODES, Engine, ExtractionResult, Mention, default_engine
from kohtaanto.extraction.sources import EscoCsvSource
from kohtaanto.extraction.text import LANGS
from kohtaanto.extraction.vocabulary_csv import DEFAULT_FOLDER, VocabularySource

BATCH = 64


def _taxonomy_loaded() -> bool:
    from kohtaanto.taxonomy.models import Concept

    return Concept.objects.exists()


class Command(BaseCommand):
    help = "Find skills, occupations and requirements in Finnish, Swedish or English text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lang", default="auto", choices=["auto", *LANGS])
        parser.add_argument("--format", default="json", choices=["json", "text"])
        parser.add_argument(
            "--mode",
            default="match",
            choices=MODES,
            help="match: what the text names (with spans); rank: what a long text is about",
        )
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--file", help="read the text from this file instead of stdin")
        source.add_argument(
            "--jsonl", help='batch: one {"id": ..., "text": ...} per line; one result per line'
        )
        taxonomy = parser.add_mutually_exclusive_group()
        taxonomy.add_argument(
            "--vocabulary",
            nargs="?",
            const=str(DEFAULT_FOLDER),
            help="use the shipped vocabulary's CSV files (or this folder) instead of the database",
        )
        taxonomy.add_argument(
            "--esco", help="use an ESCO CSV download (folder) instead of the database"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        engine = _engine(options["vocabulary"], options["esco"])
        if not options["vocabulary"] and not options["esco"] and not _taxonomy_loaded():
            self.stderr.write(
                "Warning: the taxonomy is empty, so nothing can be found. Load it with "
                "`kohtaanto load-vocabulary` (and optionally `kohtaanto import-esco PATH`)."
            )
        if options["jsonl"]:
            self._batch(engine, Path(options["jsonl"]), options["lang"], options["mode"])
            return
        text = _read_file(Path(options["file"])) if options["file"] else sys.stdin.read()
        result = engine.extract(text, options["lang"], mode=options["mode"])
        if options["format"] == "text":
            self._print_text(text, result)
        else:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))

    def _print_text(self, text: str, result: ExtractionResult) -> None:
        self.stdout.write(f"lang: {result.lang}")
        for heading, mentions in (("concepts", result.concepts), ("negated", result.negated)):
            self.stdout.write(f"{heading}:")
            for mention in mentions:
                self.stdout.write("  " + _describe(text, mention))

    def _batch(self, engine: Engine, path: Path, lang: str, mode: str) -> None:
        """One output line per input line; a bad line gets an error line and the run fails."""
        failed = 0
        pending: list[tuple[object, str]] = []
        lines = list(_lines(path))
        for number, line in tqdm(lines, desc="extract", unit="text", file=sys.stderr, disable=None):
            try:
                pending.append(_parse(line))
            except ValueError as error:
                self._flush(engine, pending, lang, mode)
                failed += 1
                message = f"{path}:{number}: {error}"
                self.stderr.write(message)
                self.stdout.write(json.dumps({"id": None, "error": message}, ensure_ascii=False))
                continue
            if len(pending) == BATCH:
                self._flush(engine, pending, lang, mode)
        self._flush(engine, pending, lang, mode)
        if failed:
            raise CommandError(f"{failed} of {len(lines)} lines could not be read.")

    def _flush(
        self, engine: Engine, pending: list[tuple[object, str]], lang: str, mode: str
    ) -> None:
        if not pending:
            return
        results = engine.extract_many([text for _, text in pending], lang, mode=mode)
        for (id_, _), result in zip(pending, results, strict=True):
            self.stdout.write(json.dumps({"id": id_, **result.as_dict()}, ensure_ascii=False))
        pending.clear()


def _engine(vocabulary: str | None, esco: str | None) -> Engine:
    """The database's taxonomy by default; CSV files when asked (no database needed)."""
    try:
        if vocabulary:
            return Engine(VocabularySource(vocabulary))
        if esco:
            source = EscoCsvSource(esco)
            next(source.concepts(), None)  # read and checked now: a broken file is refused here
            return Engine(source)
    except FileNotFoundError as error:
        raise CommandError(str(error)) from error
    except ImportRejectedError as error:
        details = "; ".join(str(row) for row in error.errors[:5])
        raise CommandError(f"{esco}: {details}") from error
    return default_engine()


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise CommandError(f"{path}: no such file.") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text ({error.reason}).") from error


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    text = _read_file(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def _parse(line: str) -> tuple[object, str]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg}, column {error.colno})") from error
    if not isinstance(row, dict):
        raise ValueError('expected an object like {"id": ..., "text": ...}')
    if "text" not in row:
        raise ValueError('missing field "text"')
    if not isinstance(row["text"], str):
        raise ValueError('field "text" must be a string')
    return row.get("id"), row["text"]


def _describe(text: str, mention: Mention) -> str:
    spans = ", ".join(f"{text[s:e]!r} [{s}-{e}]" for s, e in mention.spans)
    required = " required" if mention.required else ""
    return f"{mention.score:.2f} {mention.type:<11} {mention.label}{required}  {spans}".rstrip()
