"""`kohtaanto demo`: migrate, load the shipped data and a generated demo region, create a
demo user for each role, print the logins, and serve on 127.0.0.1:8000 with the task worker.

Re-running keeps the data: every app's `demo.generate()` is idempotent.
"""

import random
import subprocess
import sys
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from kohtaanto.accounts.demo_users import demo_users_ensure
from kohtaanto.accounts.models import EmploymentArea

DEMO_SEED = 2026


def demo_modules() -> list[Any]:
    """Each Kohtaanto app's `demo` module, in their ORDER."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("kohtaanto."):
            continue
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        modules.append(module)
    return sorted(modules, key=lambda m: getattr(m, "ORDER", 100))


class Command(BaseCommand):
    help = "Prepare the demo region and serve Kohtaanto on http://127.0.0.1:8000."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Prepare the data and print the logins, then stop.",
        )
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--area", default="keski-pohjanmaa")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("Preparing the database…")
        call_command("migrate", interactive=False, verbosity=0)
        area = EmploymentArea.objects.get(code=options["area"])
        users, logins = demo_users_ensure(area)
        for module in demo_modules():
            label = module.__name__.split(".")[1]
            self.stdout.write(f"Demo data: {label}…")
            module.generate(rng=random.Random(DEMO_SEED), area=area, users=users)
        self._print_logins(logins, options["addrport"])
        if not options["no_serve"]:
            self._serve(options["addrport"])

    def _print_logins(self, logins: list[tuple[str, str, str]], addrport: str) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Kohtaanto demo: http://{addrport}/"))
        self.stdout.write("Demo logins (role, username, password):")
        width = max(len(r) for r, _, _ in logins)
        for role, username, password in logins:
            self.stdout.write(f"  {role:<{width}}  {username:<16} {password}")
        self.stdout.write(f"(kept in {settings.DATA_DIR / 'demo-logins.json'})")
        self.stdout.write("")

    def _serve(self, addrport: str) -> None:
        worker = None
        if settings.TASKS_BACKEND == "database":
            worker = subprocess.Popen(
                [sys.executable, "-m", "kohtaanto", "db_worker", "--no-reload"]
            )
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
