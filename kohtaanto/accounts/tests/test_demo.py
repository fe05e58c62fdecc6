import io
import logging
import os
import signal
import sys
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils.log import configure_logging

from kohtaanto.accounts.demo_users import DEMO_USERS
from kohtaanto.accounts.management.commands import demo
from kohtaanto.accounts.models import Role, User


@pytest.mark.django_db
def test_demo_prepares_users_for_every_role_and_keeps_data_on_rerun(settings, tmp_path, capsys):
    settings.DATA_DIR = tmp_path
    call_command("demo", "--no-serve")
    first = capsys.readouterr().out
    assert "Demo logins" in first
    for username, role, _first, _last in DEMO_USERS:
        assert username in first
        assert User.objects.get(username=username).role == role
    assert {u.role for u in User.objects.all()} >= {r.value for r in Role}
    counts = User.objects.count()
    call_command("demo", "--no-serve")
    second = capsys.readouterr().out
    assert User.objects.count() == counts
    # The same passwords are printed again and still work.
    line = next(ln for ln in second.splitlines() if " ohjaaja " in ln)
    password = line.split()[-1]
    assert line in first
    assert User.objects.get(username="ohjaaja").check_password(password)


@pytest.mark.django_db
def test_demo_prints_the_address_and_logins_and_sends_no_mail(
    area, settings, tmp_path, capsys, monkeypatch
):
    class Letters:
        """Demo data that sends a letter, as the grant decisions' do."""

        @staticmethod
        def generate(**kwargs: object) -> None:
            mail.EmailMessage("Päätös", "Liitteenä päätös.", to=["yhteys@example.fi"]).send()

    monkeypatch.setattr(demo, "demo_modules", lambda: [Letters])
    settings.DATA_DIR = tmp_path
    call_command("demo", "--no-serve")
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert mail.outbox == []
    assert lines[0] == "Preparing the database and the demo data…"
    assert lines[1] == "Kohtaanto demo: http://127.0.0.1:8000/"
    assert lines[2] == "Demo logins (role, username, password):"
    assert all(line.startswith("  ") for line in lines[3:-1])
    assert lines[-1].startswith("(kept in ")
    mail.EmailMessage("Linkki", "Kysely.", to=["yhteys@example.fi"]).send()
    assert len(mail.outbox) == 1  # mail sent while the demo runs goes out as configured


def test_pdf_font_subsetting_and_the_lockout_banner_are_not_logged():
    for name in ("fontTools.subset", "axes.apps"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
    assert logging.getLogger("fontTools.subset").isEnabledFor(logging.WARNING)


def test_served_demo_logs_warnings_only_and_hides_the_servers_banner(monkeypatch, settings):
    started: dict[str, object] = {}

    class Worker:
        def __init__(self, args: list[str], env: dict[str, str]) -> None:
            started["env"] = env

        def terminate(self) -> None: ...

        def wait(self, timeout: int) -> None: ...

    def runserver(name: str, addrport: str, **options: object) -> None:
        started["stdout"] = options["stdout"]

    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.setattr(demo.subprocess, "Popen", Worker)
    monkeypatch.setattr(demo, "call_command", runserver)
    logging_config = settings.LOGGING
    try:
        demo.Command(stdout=io.StringIO())._serve("127.0.0.1:8999")
        # as the server finds them when it sets up logging again
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
        for name in ("", "django.server", "kohtaanto.extraction.warm"):
            assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
            assert logging.getLogger(name).isEnabledFor(logging.WARNING), name
    finally:
        configure_logging(settings.LOGGING_CONFIG, logging_config)
    if settings.TASKS_BACKEND == "database":
        assert started["env"]["LOG_LEVEL"] == "WARNING"  # type: ignore[index]
    assert started["stdout"] is not sys.stdout


def test_a_sigterm_stops_the_demos_worker_too(monkeypatch, settings):
    stopped: list[str] = []

    class Worker:
        def __init__(self, args: list[str], env: dict[str, str]) -> None: ...

        def terminate(self) -> None:
            stopped.append("terminate")

        def wait(self, timeout: int) -> None:
            stopped.append("wait")

    def runserver(name: str, addrport: str, **options: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # as a service manager stops the demo
        time.sleep(5)  # the handler interrupts this

    settings.TASKS_BACKEND = "database"
    monkeypatch.setattr(demo.subprocess, "Popen", Worker)
    monkeypatch.setattr(demo, "call_command", runserver)

    def not_stopped(signum: int, frame: object) -> None:
        raise RuntimeError("the demo left SIGTERM to the default handler")

    original = signal.signal(signal.SIGTERM, not_stopped)
    logging_config = settings.LOGGING
    try:
        with pytest.raises(SystemExit):
            demo.Command(stdout=io.StringIO())._serve("127.0.0.1:8999")
        assert signal.getsignal(signal.SIGTERM) is not_stopped  # put back afterwards
    finally:
        signal.signal(signal.SIGTERM, original)
        configure_logging(settings.LOGGING_CONFIG, logging_config)

    assert stopped == ["terminate", "wait"]
