"""The development secrets are made once, even when several processes start together."""

import stat
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ImproperlyConfigured

from kohtaanto.config.env import local_secret


def test_processes_starting_together_share_one_secret(tmp_path):
    with ThreadPoolExecutor(max_workers=8) as pool:
        values = list(pool.map(lambda _: local_secret(tmp_path, ".secret_key"), range(32)))
    assert len(set(values)) == 1
    assert values[0] == (tmp_path / ".secret_key").read_text()
    assert stat.S_IMODE((tmp_path / ".secret_key").stat().st_mode) == 0o600


def test_an_existing_secret_is_kept(tmp_path):
    (tmp_path / ".secret_key").write_text("kept-secret\n")
    assert local_secret(tmp_path, ".secret_key") == "kept-secret"


def test_an_empty_secret_file_is_refused_with_its_path(tmp_path):
    (tmp_path / ".field_key").write_text("")
    with pytest.raises(ImproperlyConfigured, match=r"\.field_key"):
        local_secret(tmp_path, ".field_key")
