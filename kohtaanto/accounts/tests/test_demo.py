import pytest
from django.core.management import call_command

from kohtaanto.accounts.demo_users import DEMO_USERS
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
