"""kohtaanto match-all [--top 20] --out FILE.jsonl [--area CODE] [--background]

One line {"job_seeker": external_id, "vacancies": [{"external_id", "score"}]} per active job
seeker whose consent to processing is in force, with a progress bar; `--background` enqueues
the same work as a task for the task worker instead.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.services import area_for_batch, match_all_export
from kohtaanto.matching.tasks import match_all


class Command(BaseCommand):
    help = "Write every job seeker's best open vacancies to a JSON Lines file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--top", type=int, default=20)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--area", help="employment area code (when there are several)")
        parser.add_argument("--background", action="store_true", help="enqueue for the task worker")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"{out.parent}: no such folder.")
        try:
            area = area_for_batch(options["area"])
            if options["background"]:
                result = match_all.enqueue(area.code, options["top"], str(out.resolve()))
                self.stdout.write(f"Queued as task {result.id}; the worker writes {out}.")
                return
            with tqdm(unit=" people", disable=None) as bar:

                def progress(done: int, total: int) -> None:
                    bar.total = total
                    bar.update(done - bar.n)

                written = match_all_export(
                    area=area, top=options["top"], out=out, progress=progress
                )
        except MatchingError as exc:
            raise CommandError(exc.message) from exc
        except OSError as exc:
            raise CommandError(f"{out}: {exc.strerror}") from exc
        self.stdout.write(f"{written} job seekers written to {out}.")
