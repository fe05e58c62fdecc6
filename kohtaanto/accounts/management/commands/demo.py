"""`kohtaanto demo`: migrate, load the shipped data and a generated demo region, create a
demo user for each role, print the logins, and serve on 127.0.0.1:8000 with the task worker.

Re-running keeps the data: every app's `demo.generate()` is idempotent. The output is the
address and the logins: the e-mails the demo data would send (a grant decision with its PDF)
go nowhere, and while the demo runs only warnings and errors are logged (unless LOG_LEVEL is
set), so that a failing request still shows.
"""

import copy
import io
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.log import configure_logging

from kohtaanto.accounts.demo_users import demo_users_ensure
from kohtaanto.accounts.models import EmploymentArea

DEMO_SEED = 2026
NO_MAIL = "django.core.mail.backends.dummy.EmailBackend"


@contextmanager
def mail_kept_back() -> Iterator[None]:
    """Messages sent meanwhile go nowhere (they are made-up companies' addresses)."""
    saved = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = NO_MAIL
    try:
        yield
    finally:
        settings.EMAIL_BACKEND = saved


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


def quiet_logging() -> None:
    """Warnings and errors only: a failing request still shows, a served page does not. Kept
    in the settings, because the server sets up logging from them again when it starts."""
    config: dict[str, Any] = copy.deepcopy(settings.LOGGING)
    config["root"] = {**config.get("root", {}), "level": "WARNING"}
    # Django's own console handlers would print each warning a second time beside the root's.
    config["loggers"] = {
        **config.get("loggers", {}),
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
    }
    settings.LOGGING = config
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


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
        self.stdout.write("Preparing the database and the demo data…")
        call_command("migrate", interactive=False, verbosity=0)
        area = EmploymentArea.objects.get(code=options["area"])
        users, logins = demo_users_ensure(area)
        with mail_kept_back():
            for module in demo_modules():
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
        env = dict(os.environ)
        if "LOG_LEVEL" not in env:
            env["LOG_LEVEL"] = "WARNING"
            quiet_logging()
        worker = None
        if settings.TASKS_BACKEND == "database":
            worker = subprocess.Popen(
                [sys.executable, "-m", "kohtaanto", "db_worker", "--no-reload"], env=env
            )
        self.stdout.write("Stop the demo with Ctrl+C.")
        # A SIGTERM (a service manager's stop, `kill`) ends the demo as Ctrl+C does, so that the
        # worker is stopped with it instead of being left running on its own.
        previous = signal.signal(signal.SIGTERM, _stop)
        try:
            # The server's own banner repeats the address; its errors go to stderr as ever.
            call_command("runserver", addrport, use_reloader=False, stdout=io.StringIO())
        finally:
            signal.signal(signal.SIGTERM, previous)
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)
