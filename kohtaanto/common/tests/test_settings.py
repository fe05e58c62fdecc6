import os
import secrets
import subprocess
import sys

import pytest

PROD_ENV = {"KOHTAANTO_ENV": "production", "PATH": os.environ.get("PATH", "")}


def _run_check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kohtaanto", "check", *args],
        env={**env, "PYTHONPATH": os.getcwd()},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "KOHTAANTO_FIELD_KEY"])
def test_production_refuses_to_start_without_required_setting(missing, tmp_path):
    env = {
        **PROD_ENV,
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "kohtaanto.example.fi",
        "KOHTAANTO_FIELD_KEY": "k" * 44,
        "KOHTAANTO_DATA_DIR": str(tmp_path),
    }
    del env[missing]
    result = _run_check(env)
    assert result.returncode != 0
    assert f"{missing} must be set when KOHTAANTO_ENV=production" in result.stderr


def test_production_deploy_check_is_clean_when_configured(tmp_path):
    env = {
        **PROD_ENV,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "kohtaanto.example.fi",
        "KOHTAANTO_FIELD_KEY": "k" * 44,
        "KOHTAANTO_DATA_DIR": str(tmp_path),
    }
    result = _run_check(env, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_development_defaults_use_sqlite_finnish_and_helsinki_time(settings):
    assert settings.LANGUAGE_CODE == "fi"
    assert settings.TIME_ZONE == "Europe/Helsinki"
    assert settings.USE_TZ is True
