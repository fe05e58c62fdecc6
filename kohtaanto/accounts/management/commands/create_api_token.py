from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import ApiToken, User
from kohtaanto.accounts.services import api_token_create
from kohtaanto.common.errors import DomainError


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print it (use as 'Authorization: Bearer TOKEN')."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="A note on what the token is for.")
        parser.add_argument(
            "--days",
            type=int,
            default=ApiToken.DEFAULT_DAYS,
            help=f"Days the token is valid (default {ApiToken.DEFAULT_DAYS}, "
            f"at most {ApiToken.MAX_DAYS}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist as exc:
            raise CommandError(f"No active user {options['username']!r}.") from exc
        try:
            raw = api_token_create(
                actor=None, user=user, name=options["name"], days=options["days"]
            )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(raw)
