"""The confirm flow's page and htmx partials: permissions and what a user sees."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.taxonomy.tests.factories import ConceptFactory

ALL_ROLES = [role.value for role in Role]
HTMX = {"HTTP_HX_REQUEST": "true"}


def suggest(client: Client, text: str, field_name: str = "skills", **extra: Any) -> Any:
    return client.post(
        reverse("extraction:suggest"),
        {"extraction-text": text, "extraction-lang": "auto", "extraction-field_name": field_name},
        **extra,
    )


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_staff_role_may_use_the_flow(
    client_as: Callable[..., Client],
    role: str,
    concepts: dict[str, Any],
    request: pytest.FixtureRequest,
) -> None:
    # a partner user belongs to a partner organisation; the fixture gives one
    client = client_as(request.getfixturevalue("partner_user") if role == Role.PARTNER else role)

    assert client.get(reverse("extraction:try")).status_code == 200
    assert suggest(client, "hitsaus").status_code == 200
    search = client.get(
        reverse("extraction:concept_search"),
        {"extraction-q": "hits", "extraction-field_name": "skills"},
    )
    assert search.status_code == 200


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "extraction:try"),
        ("post", "extraction:suggest"),
        ("get", "extraction:concept_search"),
    ],
)
def test_anonymous_user_is_sent_to_login(client: Client, method: str, name: str) -> None:
    response = getattr(client, method)(reverse(name))

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_inactive_user_is_refused(make_user: Callable[..., Any], db: None) -> None:
    user = make_user(Role.COUNSELLOR)
    client = Client()
    client.force_login(user)
    user.is_active = False
    user.save(update_fields=["is_active"])

    response = suggest(client, "hitsaus")

    assert response.status_code in (302, 404)


def test_suggestions_highlight_spans_and_tick_found_concepts(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    text = "Edellytämme tulityökorttia. Ei kokemusta hitsauksesta."

    response = suggest(client_as("counsellor"), text, **HTMX)

    html = response.content.decode()
    card = concepts["tulityökortti"].id
    welding = concepts["hitsaus"].id
    assert '<mark class="extraction-found">tulityökorttia</mark>' in html
    assert '<mark class="extraction-negated"' in html and ">hitsauksesta</mark>" in html
    assert f'name="skills" value="{card}" id="skills-found-{card}" checked' in html
    # a negated concept is offered, but not ticked
    assert f'name="skills" value="{welding}" id="skills-negated-{welding}">' in html
    assert "vaaditaan" in html


def test_long_text_also_offers_implied_skills_unticked(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    from kohtaanto.taxonomy.tests.factories import ConceptFactory

    pneumatics = ConceptFactory(
        fi="pneumatiikka",
        en="pneumatics",
        descriptions={"fi": "Paineilmalla toimivat toimilaitteet, venttiilit ja sylinterit."},
    )
    text = (
        "Olen työskennellyt kunnossapidossa kymmenen vuotta. Vaihdoin tuotantolinjan "
        "venttiilejä ja sylintereitä, säädin paineilmalla toimivia toimilaitteita ja "
        "dokumentoin tehdyt korjaukset huolellisesti. Teen mielelläni vuorotyötä ja opin "
        "nopeasti uusia laitteita sekä niiden ohjelmistoja tehtaan eri osastoilla."
    )

    html = suggest(client_as("counsellor"), text, **HTMX).content.decode()

    assert f'id="skills-implied-{pneumatics.id}">' in html


def test_empty_text_shows_a_clear_error_in_the_partial(
    client_as: Callable[..., Client], db: None
) -> None:
    response = suggest(client_as("counsellor"), "", **HTMX)

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert suggest(client_as("counsellor"), "").status_code == 400


def test_bad_field_name_is_refused(client_as: Callable[..., Client], db: None) -> None:
    response = suggest(client_as("counsellor"), "hitsaus", field_name='x" onclick="')

    assert response.status_code == 400


def test_concept_search_offers_concepts_by_label(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    response = client_as("business_advisor").get(
        reverse("extraction:concept_search"),
        {"extraction-q": "trukki", "extraction-field_name": "needs"},
    )

    html = response.content.decode()
    forklift = concepts["trukkikortti"].id
    assert f'name="needs" value="{forklift}"' in html
    assert "hitsaus" not in html


def test_page_returns_the_accepted_concepts_to_its_form(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    client = client_as("counsellor")
    accepted = [concepts["hitsaus"].id, concepts["trukkikortti"].id]

    response = client.post(reverse("extraction:try"), {"concepts": accepted})

    html = response.content.decode()
    assert "Hyväksytyt käsitteet" in html
    assert "hitsaus" in html and "trukkikortti" in html
    assert 'hx-post="/extraction/suggest/"' in html


def test_suggestions_show_languages_experience_card_skills_and_ad_fields(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    skill = ConceptFactory(fi="tulitöiden turvallisuus", en="fire safety")
    card = concepts["tulityökortti"]
    card.esco_uri = skill.uri
    card.save()
    text = (
        "Hitsaaja, Kokkola\nVakituinen työ, palkka 16–19 €/h, hae viimeistään 31.1.2030. "
        "Edellytämme tulityökorttia ja sujuvaa ruotsia. 5 vuoden kokemus hitsauksesta."
    )

    html = suggest(client_as("counsellor"), text, **HTMX).content.decode()

    assert "<li>ruotsi: C1</li>" in html
    assert "5 vuotta: hitsaus" in html
    assert "<dt>Kunta</dt><dd>Kokkola</dd>" in html
    assert "<dt>Työsuhde</dt><dd>vakituinen</dd>" in html
    assert "<dt>Palkka</dt><dd>16–19 €/tunti</dd>" in html
    assert "<dt>Hakuaika päättyy</dt><dd>31.1.2030</dd>" in html
    # the card's skill is offered unticked, with the reason
    assert f'value="{skill.id}" id="skills-implied-{skill.id}">' in html
    assert "kortin perusteella" in html


@pytest.mark.parametrize(
    ("text", "is_ad"),
    [
        ("Hitsaaja, Kokkola\nOlen hitsannut viisi vuotta. Minulla on tulityökortti.", False),
        ("Asiakas on työskennellyt hitsaajana Kokkolassa.", False),
        ("Svetsare, Karleby\nJag har svetsat i fem år och har heta arbeten-kort.", False),
        ("Svetsare, Karleby\nHar ja svetsat i fem år.", False),
        ("Hitsaaja, Kokkola\nHaemme hitsaajaa. Edellytämme tulityökorttia.", True),
        ("Svetsare, Karleby\nDu svetsar MIG/MAG och har heta arbeten-kort.", True),
    ],
)
def test_the_ad_fields_are_shown_for_an_ad_and_not_for_a_cv(
    client_as: Callable[..., Client], concepts: dict[str, Any], text: str, is_ad: bool
) -> None:
    html = suggest(client_as("counsellor"), text, **HTMX).content.decode()

    assert ("<dt>Tehtävänimike</dt>" in html) is is_ad
    assert ("<dt>Kunta</dt>" in html) is is_ad


def test_a_period_of_years_is_shown_with_its_first_and_last_year(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    html = suggest(
        client_as("counsellor"), "Hitsasin Kokkolassa 2016–2024.", **HTMX
    ).content.decode()

    assert "8 vuotta: hitsaus (2016–2024)" in html


def test_a_skill_a_job_title_implies_is_offered_with_the_words_that_imply_it(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    # the title table (extraction/data/implied_skills.csv) names the skill by its ESCO URI
    forklift = ConceptFactory(
        uri="http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da",
        fi="trukinajo",
        en="operate forklift",
    )

    html = suggest(
        client_as("counsellor"), "Työskentelin trukinkuljettajana viisi vuotta.", **HTMX
    ).content.decode()

    assert f'value="{forklift.id}" id="skills-implied-{forklift.id}">' in html
    assert "päätelty sanoista ”trukinkuljettajana”" in html
    assert "kortin perusteella" not in html


def test_ad_pay_is_written_as_the_reader_writes_numbers(
    client_as: Callable[..., Client], concepts: dict[str, Any]
) -> None:
    text = "Hitsaaja, Kokkola\nVakituinen työ, palkka 2900–3300 €/kk, hae viimeistään 31.1.2030."

    html = suggest(client_as("counsellor"), text, **HTMX).content.decode()

    assert "<dt>Palkka</dt><dd>2 900–3 300 €/kuukausi</dd>" in html


def test_a_cv_shows_no_ad_fields_and_no_requirements(concepts: dict[str, Any]) -> None:
    from kohtaanto.extraction.selectors import extraction_suggest

    text = (
        "Hitsaaja, Kokkola\nEdellytämme tulityökorttia. Minulla on 5 vuoden kokemus "
        "hitsauksesta ja puhun sujuvaa ruotsia."
    )
    as_ad = extraction_suggest(text=text)
    as_cv = extraction_suggest(text=text, ad=False)

    assert as_ad.ad and (as_ad.required_rows or as_ad.optional_rows)
    assert as_cv.ad == [] and as_cv.required_rows == [] and as_cv.optional_rows == []
    # what a CV does state stays
    assert as_cv.languages == as_ad.languages and as_cv.found == as_ad.found


def test_suggestions_are_labelled_in_the_users_language_not_the_texts(
    concepts: dict[str, Any],
) -> None:
    """A Swedish ad on a Finnish page: every label shown (named, ranked, card's skill,
    experience) is the Finnish one; a concept without a Finnish label falls back."""
    from django.utils import translation

    from kohtaanto.extraction.selectors import extraction_suggest

    pneumatics = ConceptFactory(
        fi="pneumatiikka",
        en="pneumatics",
        sv="pneumatik",
        descriptions={"sv": "Tryckluftsdrivna ställdon, ventiler och cylindrar."},
    )
    only_swedish = ConceptFactory(fi="", en="", sv="tryckluftsteknik")
    skill = ConceptFactory(fi="trukin kuljettaminen", en="drive forklift", sv="truckkörning")
    card = concepts["trukkikortti"]
    card.esco_uri = skill.uri
    card.save()
    text = (
        "Vi söker en erfaren montör. Du har 5 års erfarenhet av svetsning och truckkort. "
        "Du byter ventiler och cylindrar, justerar tryckluftsdrivna ställdon och dokumenterar "
        "reparationerna noggrant. Du arbetar gärna i skift och lär dig snabbt nya maskiner "
        "på fabrikens olika avdelningar och tryckluftsteknik."
    )

    with translation.override("fi"):
        shown_rows = extraction_suggest(text=text)

    labels = {row.concept_id: row.label for row in shown_rows.found + shown_rows.implied}
    welding = concepts["hitsaus"].id
    assert labels[welding] == "hitsaus"
    assert labels[pneumatics.id] == "pneumatiikka"  # a ranked guess
    assert labels[skill.id] == "trukin kuljettaminen"  # the card's skill
    assert labels[only_swedish.id] == "tryckluftsteknik"  # no Finnish label: the Swedish one
    assert [row.label for row in shown_rows.experience] == ["hitsaus"]
    assert "svetsning" not in labels.values()


def test_the_page_offers_ranked_guesses_worth_a_look_and_folds_the_bridges_away(
    client_as: Callable[..., Client],
    concepts: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A ranked guess scoring below `RANKED_MIN_SCORE` is not offered; the word bridge's
    guesses from the rest of ESCO stand apart, folded away, at most `WIDER_SUGGESTIONS`."""
    from kohtaanto.extraction import selectors
    from kohtaanto.extraction.results import ExtractionResult, Mention

    strong = ConceptFactory(fi="pneumatiikka")
    weak = ConceptFactory(fi="ergonomia")
    far = [
        ConceptFactory(fi=f"kaukainen arvaus {n}") for n in range(selectors.WIDER_SUGGESTIONS + 1)
    ]
    real = selectors.extract

    def ranked(text: str, lang: str = "auto", *, mode: str = "match") -> ExtractionResult:
        result = real(text, lang)
        if mode != "rank":
            return result
        guesses = [
            Mention(strong.id, strong.uri, "pneumatiikka", "skill", 0.3, []),
            Mention(weak.id, weak.uri, "ergonomia", "skill", selectors.RANKED_MIN_SCORE / 2, []),
        ] + [Mention(c.id, c.uri, c.label("fi"), "skill", 0.4, [], confirm=True) for c in far]
        return ExtractionResult(result.lang, guesses)

    monkeypatch.setattr(selectors, "extract", ranked)
    text = " ".join(["Korjaan paineilmalaitteita ja venttiilejä tehtaalla."] * 6)

    offered = selectors.extraction_suggest(text=text, ad=False)
    html = suggest(client_as("counsellor"), text, **HTMX).content.decode()

    assert [row.concept_id for row in offered.implied] == [strong.id]
    assert [row.concept_id for row in offered.wider] == [c.id for c in far[:-1]]
    assert "ergonomia" not in html
    folded = html.split('<details class="extraction-wider">', 1)[1].split("</details>", 1)[0]
    assert "Kaukaisempia arvauksia koko ESCOsta (4)" in folded
    assert f'id="skills-wider-{far[0].id}"' in folded
    assert "pneumatiikka" not in folded
