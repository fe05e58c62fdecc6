from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import User
from kohtaanto.accounts.services import user_deactivate
from kohtaanto.common.errors import DomainError


class Command(BaseCommand):
    help = "Deactivate USERNAME: no sign-in, sessions ended, API tokens revoked (an audit event)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        try:
            user_deactivate(actor=None, user=user)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Deactivated {user.username}.")
