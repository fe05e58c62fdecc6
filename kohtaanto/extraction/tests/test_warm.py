"""Warm start: both indexes exist before the first request."""

import gc

import pytest

from kohtaanto.extraction.engine import default_engine
from kohtaanto.extraction.warm import warm_up
from kohtaanto.taxonomy import search
from kohtaanto.taxonomy.tests.factories import ConceptFactory


@pytest.mark.django_db
def test_warm_up_builds_the_extraction_and_search_indexes() -> None:
    ConceptFactory(fi="hitsaus", en="welding", sv="svetsning")
    search.invalidate()
    try:
        assert warm_up(close_connections=False) > 0
        assert default_engine()._index is not None
        assert search._index is not None
        assert [m.label for m in default_engine().extract("Hitsausta.").concepts] == ["hitsaus"]
    finally:
        gc.unfreeze()
        search.invalidate()
