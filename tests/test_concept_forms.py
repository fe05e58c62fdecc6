"""Every form that takes a concept resolves typed text the same way (taxonomy.lookup): an
inflected form or a URI finds the concept, whatever app the form belongs to."""

from typing import Any

import pytest
from django import forms

from kohtaanto.employers import forms as employer_forms
from kohtaanto.jobseekers import forms as seeker_forms
from kohtaanto.taxonomy.models import Concept
from kohtaanto.taxonomy.tests.factories import (
    ConceptFactory,
    OccupationFactory,
    RequirementFactory,
)

pytestmark = pytest.mark.django_db

# (form class, concept field, extra data the form needs, kind of concept)
CONCEPT_FORMS: list[tuple[type[forms.Form], str, dict[str, Any], str]] = [
    (seeker_forms.SkillForm, "concept", {"level": "2", "source": "counsellor"}, "skill"),
    (seeker_forms.CardForm, "concept", {}, "requirement"),
    (seeker_forms.TargetForm, "concept", {}, "occupation"),
    (
        employer_forms.SkillNeedRowForm,
        "concept",
        {"headcount": "1", "horizon": "0-6", "priority": "2"},
        "skill",
    ),
    (
        employer_forms.RecruitmentRowForm,
        "occupation",
        {"count": "1", "horizon": "0-6"},
        "occupation",
    ),
    (employer_forms.UpskillingRowForm, "concept", {"staff_count": "1"}, "skill"),
    (employer_forms.VacancySkillRowForm, "concept", {"include": "on", "essential": "on"}, "skill"),
    (employer_forms.VacancyRequirementRowForm, "concept", {"include": "on"}, "requirement"),
]

TYPED = {
    "skill": ["hitsausta", "Hitsausta", "hitsaus", "HITSAUS"],
    "occupation": ["Hitsaajana", "hitsaajaksi", "hitsaaja"],
    "requirement": ["hygieniapassia", "Hygieniapassi"],
}


@pytest.fixture
def concepts() -> dict[str, Concept]:
    return {
        "skill": ConceptFactory(fi="hitsaus", en="welding"),
        "occupation": OccupationFactory(fi="hitsaaja", en="welder"),
        "requirement": RequirementFactory(fi="hygieniapassi", en="hygiene passport"),
    }


def _cases() -> list[Any]:
    return [
        pytest.param(form, field, extra, kind, typed, id=f"{form.__name__}-{typed}")
        for form, field, extra, kind in CONCEPT_FORMS
        for typed in TYPED[kind]
    ]


@pytest.mark.parametrize(("form_class", "field", "extra", "kind", "typed"), _cases())
def test_every_concept_form_resolves_inflected_text(
    concepts, form_class, field, extra, kind, typed
):
    form = form_class(data={field: typed, **extra})
    assert form.is_valid(), form.errors
    assert form.cleaned_data[field] == concepts[kind]


@pytest.mark.parametrize(("form_class", "field", "extra", "kind"), CONCEPT_FORMS)
def test_every_concept_form_takes_a_uri_and_refuses_an_unknown_name(
    concepts, form_class, field, extra, kind
):
    form = form_class(data={field: concepts[kind].uri, **extra})
    assert form.is_valid(), form.errors
    assert form.cleaned_data[field] == concepts[kind]
    form = form_class(data={field: "kukkasidonta", **extra})
    assert not form.is_valid()
    assert "kukkasidonta" in str(form.errors[field])


def test_vacancy_occupation_picker_resolves_inflected_text(concepts):
    field = employer_forms.VacancyForm.base_fields["occupation"]
    assert field.clean({"id": "", "q": "Hitsaajana"}) == concepts["occupation"]


def test_cv_confirmation_adds_concepts_typed_in_inflected_form(concepts):
    form = seeker_forms.CvConfirmForm(data={"add": "hitsausta\nhygieniapassia"}, suggestions=[])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["add"] == [concepts["skill"], concepts["requirement"]]
