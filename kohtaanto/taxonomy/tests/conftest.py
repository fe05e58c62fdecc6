from collections.abc import Iterator
from pathlib import Path

import pytest

from kohtaanto.taxonomy import search
from kohtaanto.taxonomy.tests.esco_data import esco_rows, write_esco
from kohtaanto.taxonomy.tests.vocabulary_data import vocabulary_rows, write_vocabulary


@pytest.fixture(autouse=True)
def _fresh_search_index() -> Iterator[None]:
    # Test databases roll back, so a later test can reuse ids and texts of an earlier one.
    search.invalidate()
    yield
    search.invalidate()


@pytest.fixture
def esco_dir(tmp_path: Path) -> Path:
    """An English ESCO pack (tests/esco_data.py)."""
    return write_esco(tmp_path / "esco", esco_rows("en"))


@pytest.fixture
def vocabulary_dir(tmp_path: Path) -> Path:
    return write_vocabulary(tmp_path / "vocabulary", vocabulary_rows())
