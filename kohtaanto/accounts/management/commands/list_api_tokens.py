from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from kohtaanto.accounts.models import ApiToken


def _when(value: Any) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else "-"


class Command(BaseCommand):
    help = "List API tokens (prefix, user, created, expires, last used, revoked); never the token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", help="Only this user's tokens.")

    def handle(self, *args: Any, **options: Any) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "created_at")
        if options["username"]:
            tokens = tokens.filter(user__username=options["username"])
        now = timezone.now()
        self.stdout.write("prefix\tuser\tname\tcreated\texpires\tlast used\tstate")
        for token in tokens:
            if token.revoked_at:
                state = f"revoked {_when(token.revoked_at)}"
            elif token.expires_at <= now:
                state = "expired"
            else:
                state = "valid"
            self.stdout.write(
                "\t".join(
                    [
                        token.prefix,
                        token.user.username,
                        token.name or "-",
                        _when(token.created_at),
                        _when(token.expires_at),
                        _when(token.last_used_at),
                        state,
                    ]
                )
            )
