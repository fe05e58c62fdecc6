"""kohtaanto create-user USERNAME --role ROLE --area AREA [--partner ORG] [--email E]

The password is asked twice at the terminal, or read from the environment variable named by
--password-env (for scripted installs); it is never an argument, so it stays out of shell
history and process lists. A fresh production install gets its first coordinator this way.
"""

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.accounts.models import EmploymentArea, PartnerOrganisation, Role
from kohtaanto.accounts.services import user_create
from kohtaanto.common.errors import DomainError, ImportRejectedError


class Command(BaseCommand):
    help = "Create a user with a role in an employment area (password prompted or from env)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--area", required=True, help="Employment area code.")
        parser.add_argument("--partner", default="", help="Partner organisation (partner role).")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--password-env",
            default="",
            help="Name of an environment variable holding the password (no prompt).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        area = EmploymentArea.objects.filter(code=options["area"]).first()
        if area is None:
            codes = ", ".join(EmploymentArea.objects.values_list("code", flat=True)) or "-"
            raise CommandError(f"No employment area {options['area']!r} (known: {codes}).")
        partner = None
        if options["partner"]:
            partner = (
                PartnerOrganisation.objects.filter(short_name=options["partner"]).first()
                or PartnerOrganisation.objects.filter(name=options["partner"]).first()
            )
            if partner is None:
                raise CommandError(f"No partner organisation {options['partner']!r}.")
        try:
            user = user_create(
                actor=None,
                username=options["username"],
                role=options["role"],
                area=area,
                password=self._password(options["password_env"]),
                email=options["email"],
                first_name=options["first_name"],
                last_name=options["last_name"],
                partner_organisation=partner,
            )
        except ImportRejectedError as exc:
            raise CommandError("\n".join(f"{e.field}: {e.reason}" for e in exc.errors)) from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Created {user.username} ({user.role}, {area.code}).")

    def _password(self, variable: str) -> str:
        if variable:
            value = os.environ.get(variable, "")
            if not value:
                raise CommandError(f"The environment variable {variable} is empty or not set.")
            return value
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ; nothing was created.")
        return first
