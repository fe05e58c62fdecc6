"""kohtaanto apply-retention [--date YYYY-MM-DD] [--dry-run] [--now]

Pseudonymises ESF+ participants and erases other people whose last exit or contact is more
than settings.RETENTION_YEARS (KOHTAANTO_RETENTION_YEARS) years ago. Run it daily, e.g.
30 2 * * *  kohtaanto apply-retention
By default the task is enqueued for the task worker; --now runs it in this process and
--dry-run only counts.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from kohtaanto.jobseekers.management.commands.send_reminders import parse_date
from kohtaanto.jobseekers.services.gdpr import retention_apply
from kohtaanto.jobseekers.tasks import apply_retention


class Command(BaseCommand):
    help = "Pseudonymise or erase people whose retention period has ended."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to apply (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="only count, change nothing")
        parser.add_argument("--now", action="store_true", help="run here instead of enqueueing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_date(options["date"]) if options["date"] else None
        years = settings.RETENTION_YEARS
        if options["dry_run"]:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
            result = retention_apply(actor=None, today=day, years=years, dry_run=True)
            self.stdout.write(
                f"Retention {years} years: {result.pseudonymised} to pseudonymise, "
                f"{result.erased} to erase (dry run, nothing changed)."
            )
            return
        if options["now"]:
            counts = apply_retention.call(today)
            self.stdout.write(
                f"Retention {years} years: {counts['pseudonymised']} pseudonymised, "
                f"{counts['erased']} erased."
            )
            return
        task_result = apply_retention.enqueue(today)
        self.stdout.write(f"Enqueued apply_retention ({task_result.id}).")
