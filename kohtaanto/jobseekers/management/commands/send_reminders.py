"""kohtaanto send-reminders [--date YYYY-MM-DD] [--now]

Creates the worklist reminders for six-month ESF+ follow-ups that have fallen due. Run it
daily, e.g. from cron:  15 6 * * *  kohtaanto send-reminders
By default the task is enqueued for the task worker; --now runs it in this process.
"""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.jobseekers.tasks import send_follow_up_reminders


def parse_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}") from exc


class Command(BaseCommand):
    help = "Create worklist reminders for ESF+ six-month follow-ups that are due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to check (default: today)")
        parser.add_argument("--now", action="store_true", help="run here instead of enqueueing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_date(options["date"]) if options["date"] else None
        if options["now"]:
            created = send_follow_up_reminders.call(today)
            self.stdout.write(f"{created} reminder(s) created.")
            return
        result = send_follow_up_reminders.enqueue(today)
        self.stdout.write(f"Enqueued send_follow_up_reminders ({result.id}).")
