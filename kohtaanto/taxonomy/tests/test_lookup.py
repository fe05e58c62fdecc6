import pytest

from kohtaanto.common.errors import DomainError
from kohtaanto.taxonomy.lookup import concept_lookup, concept_lookup_one, concepts_by_uri
from kohtaanto.taxonomy.services import esco_import
from kohtaanto.taxonomy.tests.esco_data import WELD, WELD_TECH, WELDER, esco_rows, write_esco

pytestmark = pytest.mark.django_db

SKILLS = ("skill", "knowledge")


@pytest.fixture
def esco(tmp_path):
    esco_import(
        actor=None, path=write_esco(tmp_path / "esco", {**esco_rows("en"), **esco_rows("fi")})
    )


@pytest.mark.parametrize(
    ("text", "types", "uri"),
    [
        ("hitsausta", SKILLS, WELD),
        ("Hitsausta", SKILLS, WELD),
        ("Hitsaajana", ("occupation",), WELDER),
        ("hitsaajaksi", ("occupation",), WELDER),
        ("welders", ("occupation",), WELDER),
        (WELD, SKILLS, WELD),
    ],
)
def test_lookup_finds_inflected_forms_and_uris(esco, text, types, uri):
    assert [c.uri for c in concept_lookup(text=text, types=types, lang="fi")][:1] == [uri]
    assert concept_lookup_one(text=text, types=types, lang="fi").uri == uri


def test_lookup_keeps_to_the_asked_types(esco):
    assert concept_lookup(text="Hitsaajana", types=SKILLS, lang="fi") == []
    assert concept_lookup(text=WELDER, types=SKILLS, lang="fi") == []


def test_lookup_falls_back_to_label_beginnings_and_asks_to_choose(esco):
    found = {c.uri for c in concept_lookup(text="hitsau", types=SKILLS, lang="fi")}
    assert {WELD, WELD_TECH} <= found
    with pytest.raises(DomainError, match="Useita osumia") as caught:
        concept_lookup_one(text="hitsau", types=SKILLS, lang="fi", field="skill")
    assert caught.value.field == "skill"


def test_lookup_one_names_what_it_did_not_find(esco):
    with pytest.raises(DomainError, match="”kukkasidonta”"):
        concept_lookup_one(text="kukkasidonta", types=SKILLS, lang="fi")
    assert concept_lookup(text="   ", types=SKILLS, lang="fi") == []


def test_concepts_by_uri_leaves_out_missing_uris_and_other_types(esco):
    assert set(concepts_by_uri([WELD, WELDER, "http://example.org/none"])) == {WELD, WELDER}
    assert set(concepts_by_uri([WELD, WELDER], types=SKILLS)) == {WELD}
