from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import ApiToken
from kohtaanto.accounts.services import api_token_revoke


class Command(BaseCommand):
    help = "Revoke the API token whose first characters (as `list-api-tokens` shows) are PREFIX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        tokens = list(ApiToken.objects.filter(prefix=options["prefix"], revoked_at__isnull=True))
        if len(tokens) != 1:
            raise CommandError(
                f"{len(tokens)} unrevoked tokens start with {options['prefix']!r}; "
                "see `kohtaanto list-api-tokens`."
            )
        api_token_revoke(actor=None, token=tokens[0])
        self.stdout.write(f"Revoked {tokens[0].prefix}… of {tokens[0].user.username}.")
