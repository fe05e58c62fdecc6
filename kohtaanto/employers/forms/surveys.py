"""Forms of a competence-needs survey: its answer rows, the survey, the link to send."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.forms import BlankRowForm
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.forms.datalists import DATALIST_OCCUPATIONS, DATALIST_SKILLS
from kohtaanto.employers.models import (
    CompanyContact,
    Horizon,
    Language,
    Priority,
)
from kohtaanto.employers.selectors import (
    OCCUPATION_TYPES,
    SKILL_TYPES,
)
from kohtaanto.employers.services.surveys import (
    RecruitmentInput,
    SkillNeedInput,
    SurveyAnswers,
    UpskillingInput,
)
from kohtaanto.taxonomy.fields import ConceptChoiceField, ConceptTextInput
from kohtaanto.taxonomy.models import Concept


class SkillNeedRowForm(BlankRowForm):
    concept = ConceptChoiceField(
        label=_("Osaaminen"),
        types=SKILL_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_SKILLS),
        required=False,
    )
    headcount = forms.IntegerField(label=_("Henkilöä"), min_value=1, max_value=1000, initial=1)
    horizon = forms.ChoiceField(label=_("Milloin"), choices=Horizon.choices, initial=Horizon.SHORT)
    priority = forms.TypedChoiceField(
        label=_("Tärkeys"), choices=Priority.choices, coerce=int, initial=Priority.MEDIUM
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False)


class RecruitmentRowForm(BlankRowForm):
    occupation = ConceptChoiceField(
        label=_("Ammatti"),
        types=OCCUPATION_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_OCCUPATIONS),
        required=False,
    )
    count = forms.IntegerField(label=_("Montako"), min_value=1, max_value=1000, initial=1)
    horizon = forms.ChoiceField(label=_("Milloin"), choices=Horizon.choices, initial=Horizon.SHORT)


class UpskillingRowForm(BlankRowForm):
    concept = ConceptChoiceField(
        label=_("Osaaminen"),
        types=SKILL_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_SKILLS),
        required=False,
    )
    staff_count = forms.IntegerField(label=_("Henkilöä"), min_value=1, max_value=1000, initial=1)


SkillNeedFormSet = forms.formset_factory(SkillNeedRowForm, extra=2, max_num=100, absolute_max=100)
RecruitmentFormSet = forms.formset_factory(RecruitmentRowForm, extra=1, max_num=50, absolute_max=50)
UpskillingFormSet = forms.formset_factory(UpskillingRowForm, extra=1, max_num=50, absolute_max=50)


class SurveyForm(CleanTextFormMixin, forms.Form):
    respondent_name = forms.CharField(label=_("Vastaajan nimi"), max_length=200, required=False)
    free_text = forms.CharField(
        label=_("Kertokaa omin sanoin, millaista osaamista tarvitsette"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Tekstistä tunnistetut osaamiset näytetään ehdotuksina, jotka voitte valita."),
    )
    suggested = forms.TypedMultipleChoiceField(
        label=_("Tekstistä tunnistetut osaamiset"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Shown only together with suggestions, so it may be absent from a POST.
    suggested_horizon = forms.ChoiceField(
        label=_("Milloin valitut osaamiset tarvitaan"),
        choices=Horizon.choices,
        initial=Horizon.SHORT,
        required=False,
    )
    interest_rekrykoulutus = forms.BooleanField(
        label=_("RekryKoulutus: koulutamme uusia työntekijöitä yhdessä työllisyysalueen kanssa"),
        required=False,
    )
    interest_tasmakoulutus = forms.BooleanField(
        label=_("TäsmäKoulutus: nykyisen henkilöstön täsmäkoulutus"), required=False
    )
    interest_muutoskoulutus = forms.BooleanField(
        label=_("MuutosKoulutus: henkilöstön uudelleenkoulutus muutostilanteessa"), required=False
    )
    joint_training_notes = forms.CharField(
        label=_("Lisätietoja koulutustarpeesta"), widget=forms.Textarea, required=False
    )

    def __init__(self, *args: Any, suggestions: list[Concept], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestion_concepts = {c.pk: c for c in suggestions}
        self.fields["suggested"].choices = [(c.pk, c.label()) for c in suggestions]  # type: ignore[attr-defined]


def survey_answers(
    form: SurveyForm,
    skills: forms.BaseFormSet,
    recruitment: forms.BaseFormSet,
    upskilling: forms.BaseFormSet,
) -> SurveyAnswers:
    """The answers of valid forms; ticked text suggestions join the skill needs."""
    d = form.cleaned_data
    skill_needs = [
        SkillNeedInput(
            concept=row["concept"],
            headcount=row["headcount"],
            horizon=row["horizon"],
            priority=row["priority"],
            source=row.get("source") or "manual",
        )
        for row in skills.cleaned_data
        if row.get("concept")
    ]
    chosen = {n.concept.pk for n in skill_needs}
    for concept_id in d.get("suggested") or []:
        concept = form.suggestion_concepts.get(concept_id)
        if concept is not None and concept.pk not in chosen:
            skill_needs.append(
                SkillNeedInput(
                    concept=concept,
                    horizon=d.get("suggested_horizon") or Horizon.SHORT,
                    source="extraction",
                )
            )
            chosen.add(concept.pk)
    return SurveyAnswers(
        respondent_name=d["respondent_name"],
        free_text=d["free_text"],
        interest_rekrykoulutus=d["interest_rekrykoulutus"],
        interest_tasmakoulutus=d["interest_tasmakoulutus"],
        interest_muutoskoulutus=d["interest_muutoskoulutus"],
        joint_training_notes=d["joint_training_notes"],
        skill_needs=skill_needs,
        recruitment_needs=[
            RecruitmentInput(
                occupation=row["occupation"], count=row["count"], horizon=row["horizon"]
            )
            for row in recruitment.cleaned_data
            if row.get("occupation")
        ],
        upskilling_needs=[
            UpskillingInput(concept=row["concept"], staff_count=row["staff_count"])
            for row in upskilling.cleaned_data
            if row.get("concept")
        ],
    )


class SurveyLinkForm(CleanTextFormMixin, forms.Form):
    language = forms.ChoiceField(label=_("Lomakkeen kieli"), choices=Language.choices)
    contact = forms.ModelChoiceField(
        label=_("Lähetä sähköpostilla yhteyshenkilölle"),
        queryset=CompanyContact.objects.none(),
        required=False,
        empty_label=_("Älä lähetä, näytä vain linkki"),
        help_text=_("Vain yhteyshenkilöt, jotka ovat antaneet luvan yhteydenottoihin."),
    )

    def __init__(self, *args: Any, contacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts  # type: ignore[attr-defined]
