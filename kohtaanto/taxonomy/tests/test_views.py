import re

import pytest
from django import forms
from django.template import Context, Template
from django.test import Client

from kohtaanto.accounts.models import PartnerOrganisation, Role
from kohtaanto.taxonomy.fields import ConceptChoiceField
from kohtaanto.taxonomy.models import Concept
from kohtaanto.taxonomy.services import esco_import, vocabulary_load
from kohtaanto.taxonomy.tests.esco_data import (
    FORKLIFT,
    ISCO_7212,
    WELD,
    WELD_TECH,
    WELDER,
    esco_rows,
    write_esco,
)
from kohtaanto.taxonomy.usage import usage_source_register, usage_source_unregister

pytestmark = pytest.mark.django_db
ROLES = [r.value for r in Role]


@pytest.fixture
def taxonomy(tmp_path, vocabulary_dir):
    esco_import(
        actor=None, path=write_esco(tmp_path / "esco", {**esco_rows("en"), **esco_rows("fi")})
    )
    vocabulary_load(actor=None, folder=vocabulary_dir)


@pytest.fixture
def staff(client_as):
    def make(role: str) -> Client:
        kwargs = {}
        if role == Role.PARTNER:
            kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
        return client_as(role, **kwargs)

    return make


def concept_id(uri: str) -> int:
    return Concept.objects.get(uri=uri).pk


# Permissions: every staff role may use the taxonomy; a user without a role may not, and
# gets the same 404 as for a concept that does not exist.


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_role_may_search_and_open_concepts(staff, role, taxonomy):
    client = staff(role)
    assert client.get("/taxonomy/", {"q": "hitsaus"}).status_code == 200
    assert client.get(f"/taxonomy/concepts/{concept_id(WELDER)}/").status_code == 200
    picker = client.get("/taxonomy/picker/", {"field": "skill", "id": "id_skill", "skill_q": "hi"})
    assert picker.status_code == 200
    assert client.get("/api/v1/concepts", {"q": "hitsaus"}).status_code == 200
    assert client.get(f"/api/v1/concepts/{concept_id(WELDER)}").status_code == 200


def test_user_without_role_is_denied_everything_with_not_found(client_as, taxonomy):
    client = client_as("")
    welder = concept_id(WELDER)
    for path in [
        "/taxonomy/?q=hitsaus",
        f"/taxonomy/concepts/{welder}/",
        "/taxonomy/picker/?field=skill&id=id_skill&skill_q=hi",
    ]:
        assert client.get(path).status_code == 404, path
    denied = client.get(f"/api/v1/concepts/{welder}")
    missing = client_as(Role.COUNSELLOR).get("/api/v1/concepts/999999")
    assert denied.status_code == missing.status_code == 404
    assert denied.json() == missing.json() == {"error": "not_found", "detail": "not found"}
    assert client.get("/api/v1/concepts", {"q": "hitsaus"}).status_code == 404


def test_missing_concept_page_is_the_same_404_as_a_forbidden_one(client_as, taxonomy):
    missing = client_as(Role.COORDINATOR).get("/taxonomy/concepts/999999/")
    forbidden = client_as("").get(f"/taxonomy/concepts/{concept_id(WELDER)}/")
    assert missing.status_code == forbidden.status_code == 404

    def main(response):
        return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)

    assert main(missing) == main(forbidden)


def test_anonymous_visitor_is_sent_to_login_and_api_answers_401(client, taxonomy):
    assert client.get("/taxonomy/").status_code == 302
    assert client.get(f"/taxonomy/concepts/{concept_id(WELDER)}/").status_code == 302
    assert client.get("/api/v1/concepts", {"q": "x"}).status_code == 401


def test_api_accepts_a_bearer_token(api_client_for, counsellor, taxonomy):
    response = api_client_for(counsellor).get("/api/v1/concepts", {"q": "hitsaajana"})
    assert response.json()[0]["uri"] == WELDER


# Behaviour


def test_search_page_lists_matches_with_the_label_that_matched(staff, taxonomy):
    response = staff(Role.COUNSELLOR).get("/taxonomy/", {"q": "hitsaajana"})
    body = response.content.decode()
    assert "<html" in body
    assert f'href="/taxonomy/concepts/{concept_id(WELDER)}/"' in body
    assert "hitsaaja" in body
    assert "osumaa" in body or "osuma" in body


def test_search_as_you_type_returns_only_the_results_fragment(staff, taxonomy):
    response = staff(Role.COUNSELLOR).get(
        "/taxonomy/", {"q": "trukki", "type": "requirement"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "<html" not in body
    assert "trukkikortti" in body
    assert "ajaa trukkia" not in body  # a skill, filtered out by type
    assert "HX-Request" in response["Vary"]


def test_search_page_without_query_shows_the_form_only(staff, taxonomy):
    body = staff(Role.AUDITOR).get("/taxonomy/").content.decode()
    assert 'role="search"' in body
    assert "<ol" not in body


def test_concept_page_shows_labels_in_three_languages_and_related_concepts(staff, taxonomy):
    body = staff(Role.BUSINESS_ADVISOR).get(f"/taxonomy/concepts/{concept_id(WELDER)}/")
    body = body.content.decode()
    for text in ("hitsaaja", "svetsare", "welder", "hitsari", "metal welder"):
        assert text in body
    assert "Olennaiset taidot (2)" in body
    assert "Valinnaiset taidot (1)" in body
    # The essential skill, by its Finnish label from the shipped vocabulary.
    assert f'href="/taxonomy/concepts/{concept_id(WELD)}/">hitsaus</a>' in body
    assert "Laajemmat käsitteet (1)" in body
    assert "Hitsaajat ja kaasuleikkaajat" in body  # ISCO group
    assert "Description of hitsaaja (fi)." in body


def test_concept_page_of_a_skill_lists_the_occupations_needing_it(staff, taxonomy):
    body = staff(Role.COORDINATOR).get(f"/taxonomy/concepts/{concept_id(FORKLIFT)}/")
    assert "Valinnainen taito ammateissa (1)" in body.content.decode()


def test_concept_page_shows_uses_registered_by_other_apps(staff, taxonomy):
    usage_source_register(
        key="test.vacancies",
        label="Avoimet työpaikat",
        count=lambda actor, concept: 3 if concept.uri == WELDER else 0,
        url=lambda concept: f"/companies/?concept={concept.pk}",
    )
    usage_source_register(key="test.hidden", label="Salaiset", count=lambda actor, concept: None)
    try:
        body = staff(Role.COORDINATOR).get(f"/taxonomy/concepts/{concept_id(WELDER)}/")
        api = staff(Role.COORDINATOR).get(f"/api/v1/concepts/{concept_id(WELDER)}").json()
    finally:
        usage_source_unregister("test.vacancies")
        usage_source_unregister("test.hidden")
    text = body.content.decode()
    assert "Avoimet työpaikat" in text and ">3<" in text
    assert "Salaiset" not in text
    assert {"key": "test.vacancies", "label": "Avoimet työpaikat", "count": 3} in api["usage"]
    assert "test.hidden" not in {u["key"] for u in api["usage"]}


def test_concept_page_runs_the_same_number_of_queries_for_any_concept(
    staff, taxonomy, django_assert_max_num_queries
):
    client = staff(Role.COORDINATOR)
    for uri in (WELDER, WELD, ISCO_7212):
        with django_assert_max_num_queries(20):
            assert client.get(f"/taxonomy/concepts/{concept_id(uri)}/").status_code == 200


def test_api_search_returns_ranked_hits_in_the_asked_language(staff, taxonomy):
    response = staff(Role.COUNSELLOR).get(
        "/api/v1/concepts", {"q": "hitsaajana", "lang": "sv", "type": "occupation", "limit": 3}
    )
    hits = response.json()
    assert response.status_code == 200
    assert hits[0] == {
        "id": concept_id(WELDER),
        "uri": WELDER,
        "type": "occupation",
        "label": "svetsare",
        "matched": "hitsaaja",
        "matched_lang": "fi",
        "matched_kind": "pref",
        "in_vocabulary": True,
        "score": hits[0]["score"],
    }
    assert len(hits) <= 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x", "limit": 0}, "limit"),
        ({"q": "x", "lang": "de"}, "lang"),
    ],
)
def test_api_search_rejects_bad_parameters_with_400(staff, taxonomy, params, field):
    response = staff(Role.COUNSELLOR).get("/api/v1/concepts", params)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"].endswith(field)


def test_api_search_names_an_unknown_type(staff, taxonomy):
    response = staff(Role.COUNSELLOR).get("/api/v1/concepts", {"q": "x", "type": "skill,robot"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_type"
    assert "'robot'" in response.json()["detail"]


def test_api_concept_detail_has_labels_relations_and_requirement_data(staff, taxonomy):
    client = staff(Role.FINANCE)
    welder = client.get(f"/api/v1/concepts/{concept_id(WELDER)}", {"lang": "en"}).json()
    assert welder["label"] == "welder"
    assert {"lang": "fi", "kind": "alt", "text": "hitsari"} in welder["labels"]
    assert welder["isco_group"]["code"] == "7212"
    related = {group["key"]: group for group in welder["related"]}
    assert {c["uri"] for c in related["essential_skills"]["concepts"]} == {WELD, WELD_TECH}
    card = Concept.objects.get(uri="urn:kohtaanto:requirement:tulityokortti")
    data = client.get(f"/api/v1/concepts/{card.pk}").json()
    assert (data["requirement_kind"], data["validity_months"]) == ("card", 60)


def test_picker_options_are_radio_buttons_named_after_the_field(staff, taxonomy):
    response = staff(Role.COUNSELLOR).get(
        "/taxonomy/picker/",
        {"field": "skill", "id": "id_skill", "skill_q": "hitsaus", "type": "skill"},
    )
    body = response.content.decode()
    assert f'type="radio" name="skill" value="{concept_id(WELD)}"' in body
    assert "hitsaaja" not in body  # an occupation


@pytest.mark.parametrize(
    "params",
    [{"field": "<script>", "id": "x"}, {"field": "skill", "id": "x", "type": "robot"}],
)
def test_picker_refuses_bad_parameters(staff, taxonomy, params):
    assert staff(Role.COUNSELLOR).get("/taxonomy/picker/", params).status_code == 400


class SkillForm(forms.Form):
    skill = ConceptChoiceField(label="Taito", types=["skill", "knowledge"])


def test_picker_field_takes_the_chosen_radio_button(taxonomy):
    form = SkillForm({"skill": str(concept_id(WELD)), "skill_q": "hitsaus"})
    assert form.is_valid()
    assert form.cleaned_data["skill"].uri == WELD


def test_picker_field_without_javascript_takes_an_exact_label(taxonomy):
    form = SkillForm({"skill_q": "Hitsaustekniikat"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["skill"].uri == WELD_TECH


def test_picker_field_asks_to_choose_when_the_text_is_not_one_label(taxonomy):
    form = SkillForm({"skill_q": "hitsau"})
    assert not form.is_valid()
    assert form.errors["skill"] == ["Valitse yksi ehdotetuista käsitteistä."]
    html = Template("{{ form.skill }}").render(Context({"form": form}))
    assert f'name="skill" value="{concept_id(WELD)}"' in html
    assert 'name="skill_q"' in html and 'value="hitsau"' in html


def test_picker_field_refuses_a_concept_of_another_type(taxonomy):
    form = SkillForm({"skill": str(concept_id(WELDER))})
    assert not form.is_valid()
    assert "skill" in form.errors


def test_picker_field_shows_the_initial_concept_as_chosen(taxonomy):
    form = SkillForm(initial={"skill": Concept.objects.get(uri=WELD)})
    html = Template("{{ form.skill }}").render(Context({"form": form}))
    assert f'value="{concept_id(WELD)}" id="id_skill_option{concept_id(WELD)}" checked' in html


def test_label_shown_in_another_language_is_marked_with_its_language(staff, taxonomy):
    body = staff(Role.COORDINATOR).get(f"/taxonomy/concepts/{concept_id(WELDER)}/").content
    isco = concept_id(ISCO_7212)
    # The ISCO group has no Swedish label: on a Swedish page its Finnish label is marked.
    client = staff(Role.COORDINATOR)
    client.cookies["django_language"] = "sv"
    swedish = client.get(f"/taxonomy/concepts/{concept_id(WELDER)}/").content.decode()
    assert (
        f'<a href="/taxonomy/concepts/{isco}/" lang="fi">Hitsaajat ja kaasuleikkaajat</a>'
        in swedish
    )
    assert f'<a href="/taxonomy/concepts/{isco}/">Hitsaajat ja kaasuleikkaajat</a>' in body.decode()


@pytest.mark.parametrize("typed", ["hitsausta", "Hitsausta", "hitsaus", WELD])
def test_picker_field_without_javascript_takes_an_inflected_label_or_a_uri(taxonomy, typed):
    form = SkillForm({"skill_q": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["skill"].uri == WELD


def test_picker_field_accepts_text_posted_as_the_field_itself(taxonomy):
    form = SkillForm({"skill": "hitsausta"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["skill"].uri == WELD
