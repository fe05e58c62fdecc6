import threading
import time

import pytest

from kohtaanto.taxonomy import search
from kohtaanto.taxonomy.models import Concept, ConceptStatus
from kohtaanto.taxonomy.search import ConceptIndex, concept_index_search
from kohtaanto.taxonomy.services import esco_import, vocabulary_load
from kohtaanto.taxonomy.tests.esco_data import (
    FORKLIFT,
    MACHINIST,
    WELD,
    WELD_TECH,
    WELDER,
    esco_rows,
    write_esco,
)
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory
from kohtaanto.taxonomy.tests.vocabulary_data import FORKLIFT_CARD, HOT_WORK

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxonomy(tmp_path, vocabulary_dir):
    esco_import(
        actor=None, path=write_esco(tmp_path / "esco", {**esco_rows("en"), **esco_rows("fi")})
    )
    vocabulary_load(actor=None, folder=vocabulary_dir)


def uris(query: str, **kwargs) -> list[str]:
    return [hit.uri for hit in concept_index_search(query, **kwargs)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hitsausta", WELD),  # partitive → hitsaus (vocabulary label of the skill)
        ("hitsaajana", WELDER),  # essive → hitsaaja
        ("hitsaajaksi", WELDER),
        ("koneistajaksi", MACHINIST),  # translative → koneistaja
        ("CNC-koneistajana", MACHINIST),
        ("tulityökortin", HOT_WORK),
        ("svetsaren", WELDER),
        ("trukkikortin", FORKLIFT_CARD),
    ],
)
def test_inflected_forms_find_the_base_label(taxonomy, query, expected):
    assert uris(query)[0] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("hitsasu", WELD), ("koneistja", MACHINIST), ("forklfit", FORKLIFT), ("weldnig", WELD)],
)
def test_small_typos_still_find_the_concept(taxonomy, query, expected):
    assert expected in uris(query)[:3]


def test_exact_label_ranks_above_prefix_and_prefix_above_lemma():
    exact = ConceptFactory(fi="sorvari", en="turner")
    prefix = ConceptFactory(fi="sorvarina toimiminen", en="working as a turner")
    other = ConceptFactory(fi="sorvaus", en="turning")

    assert uris("sorvari")[:2] == [exact.uri, prefix.uri]
    # "sorvarina" (essive of sorvari) starts the second label and is a form of the first.
    assert uris("sorvarina")[:2] == [prefix.uri, exact.uri]
    assert other.uri not in uris("sorvarina")


def test_exact_alternative_label_beats_another_concepts_prefix():
    prefixed = ConceptFactory(fi="trukinkuljettajan koulutus", en="forklift training")
    alternative = ConceptFactory(fi="trukin ajaminen", labels=[("fi", "alt", "trukinkuljettaja")])

    assert uris("trukinkuljettaja")[:2] == [alternative.uri, prefixed.uri]


def test_words_match_in_any_order_and_the_last_word_as_a_prefix(taxonomy):
    assert uris("techniques weld")[0] == WELD_TECH
    assert uris("welding tech")[0] == WELD_TECH


def test_filter_by_type_and_obsolete_concepts_are_left_out(taxonomy):
    assert set(uris("hitsaaja", types=["occupation"])) == {WELDER}
    assert WELDER not in uris("hitsaaja", types=["skill", "knowledge"])
    Concept.objects.filter(uri=WELDER).update(status=ConceptStatus.OBSOLETE)
    search.invalidate()
    assert WELDER not in uris("hitsaaja")
    assert WELDER in uris("hitsaaja", include_obsolete=True)


def test_hit_carries_the_label_in_the_asked_language_and_the_matched_label(taxonomy):
    hit = concept_index_search("hitsari", lang="sv")[0]
    assert (hit.uri, hit.label("sv"), hit.label("en")) == (WELDER, "svetsare", "welder")
    assert (hit.matched, hit.matched_lang, hit.matched_kind, hit.exact) == (
        "hitsari",
        "fi",
        "alt",
        True,
    )


def test_shipped_vocabulary_concept_is_preferred_among_equal_matches():
    esco_only = OccupationFactory(fi="levyseppä", en="sheet metal worker")
    shipped = OccupationFactory(fi="levyseppä", en="plater", in_vocabulary=True)
    assert uris("levyseppä")[:2] == [shipped.uri, esco_only.uri]


def test_index_follows_imports_without_being_told(taxonomy, tmp_path):
    assert uris("laserleikkaus") == []
    ConceptFactory(fi="laserleikkaus", en="laser cutting")
    assert len(uris("laserleikkaus")) == 1


def test_empty_or_punctuation_only_query_finds_nothing(taxonomy):
    assert uris("") == []
    assert uris("   ") == []
    assert uris("--") == []


def test_concurrent_searches_share_one_index_built_once(monkeypatch):
    builds = []

    def slow_build():
        builds.append(1)
        time.sleep(0.05)
        return ConceptIndex([], [])

    monkeypatch.setattr(search, "_current_key", lambda: ("same",))
    monkeypatch.setattr(search, "_build", slow_build)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(search.get_index())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(builds) == 1
    assert len({id(index) for index in seen}) == 1


def test_one_index_answers_many_threads_alike():
    index = ConceptIndex(
        [
            {
                "id": 1,
                "uri": "u1",
                "type": "skill",
                "preferred": {"fi": "hitsaus"},
                "in_vocabulary": False,
                "reuse_level": "",
                "status": "released",
            },
            {
                "id": 2,
                "uri": "u2",
                "type": "skill",
                "preferred": {"fi": "hitsaaja"},
                "in_vocabulary": False,
                "reuse_level": "",
                "status": "released",
            },
        ],
        [(1, "fi", "pref", "hitsaus", "hitsaus"), (2, "fi", "pref", "hitsaaja", "hitsaaja")],
    )
    expected = [h.uri for h in index.search("hitsausta")]
    results = []

    def run():
        for _ in range(50):
            results.append([h.uri for h in index.search("hitsausta")])

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert expected[0] == "u1"
    assert all(result == expected for result in results)
