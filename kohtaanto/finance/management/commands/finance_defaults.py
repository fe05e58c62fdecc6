"""`kohtaanto finance-defaults`: give every employment area the default budget lines, grant
schemes and dated rules of `finance/data/defaults.json` that it does not have yet.

Run it after adding an employment area; existing rows are never changed.
"""

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from kohtaanto.finance.defaults import load_finance_defaults


class Command(BaseCommand):
    help = "Create the missing default budget lines, grant schemes and rules for every area."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            load_finance_defaults(apps)
        self.stdout.write("Finance defaults are in place.")
