from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import User
from kohtaanto.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print it (use as 'Authorization: Bearer TOKEN')."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="A note on what the token is for.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist as exc:
            raise CommandError(f"No active user {options['username']!r}.") from exc
        self.stdout.write(api_token_create(actor=None, user=user, name=options["name"]))
