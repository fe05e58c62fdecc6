from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import PartnerOrganisation, Role, User
from kohtaanto.accounts.services import user_set_role
from kohtaanto.common.errors import DomainError, ImportRejectedError


class Command(BaseCommand):
    help = "Give USERNAME another role (an audit event; their sessions end)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=Role.values)
        parser.add_argument("--partner", default="", help="Partner organisation (partner role).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        partner = None
        if options["partner"]:
            partner = (
                PartnerOrganisation.objects.filter(short_name=options["partner"]).first()
                or PartnerOrganisation.objects.filter(name=options["partner"]).first()
            )
            if partner is None:
                raise CommandError(f"No partner organisation {options['partner']!r}.")
        try:
            user_set_role(actor=None, user=user, role=options["role"], partner_organisation=partner)
        except ImportRejectedError as exc:
            raise CommandError("\n".join(f"{e.field}: {e.reason}" for e in exc.errors)) from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{user.username} is now {options['role']}.")
