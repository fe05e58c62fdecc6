"""Forms of the employers UI. They parse and check input; services decide and write."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import Municipality, User
from kohtaanto.common.forms import DateInput, DateTimeInput, UserChoiceField, money_field
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise
from kohtaanto.employers.models import (
    READINESS_DIMENSIONS,
    ActivityKind,
    Company,
    CompanyContact,
    ContractType,
    Horizon,
    Language,
    Priority,
    ProgrammeRole,
    SizeClass,
    SkillLevel,
    VacancyState,
    WagePeriod,
)
from kohtaanto.employers.readiness import DIMENSIONS, LEVEL_NAMES
from kohtaanto.employers.selectors import (
    OCCUPATION_TYPES,
    REQUIREMENT_TYPES,
    SKILL_TYPES,
)
from kohtaanto.employers.services.activities import ActivityData, TaskData
from kohtaanto.employers.services.companies import CompanyData, ContactData
from kohtaanto.employers.services.surveys import (
    RecruitmentInput,
    SkillNeedInput,
    SurveyAnswers,
    UpskillingInput,
)
from kohtaanto.employers.services.vacancies import SkillInput, VacancyData
from kohtaanto.taxonomy.fields import ConceptChoiceField, ConceptTextInput
from kohtaanto.taxonomy.models import Concept

DATALIST_SKILLS = "concepts-skills"
DATALIST_OCCUPATIONS = "concepts-occupations"
DATALIST_REQUIREMENTS = "concepts-requirements"


class CompanyFilterForm(CleanTextFormMixin, forms.Form):
    q = forms.CharField(label=_("Hae nimellä tai Y-tunnuksella"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Kunta"), queryset=Municipality.objects.none(), required=False
    )
    size_class = forms.ChoiceField(
        label=_("Kokoluokka"), choices=[("", _("Kaikki")), *SizeClass.choices], required=False
    )
    programme_role = forms.ChoiceField(
        label=_("Rooli hankkeessa"),
        choices=[("", _("Kaikki")), *ProgrammeRole.choices],
        required=False,
    )

    def __init__(self, *args: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]


class CompanyForm(CleanTextFormMixin, forms.Form):
    business_id = forms.CharField(
        label=_("Y-tunnus"), max_length=20, help_text=_("Esim. 1234567-8")
    )
    name = forms.CharField(label=_("Nimi"), max_length=300)
    industry_code = forms.CharField(
        label=_("Toimiala (TOL 2008)"), max_length=6, required=False, help_text=_("Esim. 25620")
    )
    municipality = forms.ModelChoiceField(
        label=_("Kunta"), queryset=Municipality.objects.none(), required=False
    )
    employees = forms.IntegerField(label=_("Henkilöstö"), min_value=0, required=False)
    turnover_eur = money_field(_("Liikevaihto (€)"), required=False, max_digits=15)
    balance_sheet_eur = money_field(_("Taseen loppusumma (€)"), required=False, max_digits=15)
    size_class = forms.ChoiceField(
        label=_("Kokoluokka"),
        choices=[("", _("Päätellään luvuista")), *SizeClass.choices],
        required=False,
        help_text=_(
            "EU:n pk-yritysmääritelmä: alle 10 henkeä ja enintään 2 M€ = mikro, alle 50 ja "
            "10 M€ = pieni, alle 250 ja 50 M€ liikevaihto tai 43 M€ tase = keskisuuri."
        ),
    )
    is_public_administration = forms.BooleanField(
        label=_("Julkishallinnon organisaatio"), required=False
    )
    responsible_advisor = UserChoiceField(
        label=_("Vastuuhenkilö"), queryset=User.objects.none(), required=False
    )
    programme_roles = forms.MultipleChoiceField(
        label=_("Rooli hankkeessa"),
        choices=ProgrammeRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, municipalities: Any, advisors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        self.fields["responsible_advisor"].queryset = advisors  # type: ignore[attr-defined]

    def clean_business_id(self) -> str:
        try:
            return business_id_normalise(self.cleaned_data["business_id"])
        except InvalidBusinessIdError as exc:
            raise ValidationError(str(exc), code="invalid") from exc

    def to_data(self) -> CompanyData:
        d = self.cleaned_data
        return CompanyData(
            business_id=d["business_id"],
            name=d["name"],
            industry_code=d["industry_code"],
            size_class=d["size_class"],
            employees=d["employees"],
            turnover_eur=d["turnover_eur"],
            balance_sheet_eur=d["balance_sheet_eur"],
            municipality=d["municipality"],
            is_public_administration=d["is_public_administration"],
            responsible_advisor=d["responsible_advisor"],
            programme_roles=list(d["programme_roles"]),
        )


class ContactForm(CleanTextFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Etunimi"), max_length=100)
    last_name = forms.CharField(label=_("Sukunimi"), max_length=100)
    job_title = forms.CharField(label=_("Tehtävänimike"), max_length=200, required=False)
    email = forms.EmailField(label=_("Sähköposti"), required=False)
    phone = forms.CharField(label=_("Puhelin"), max_length=40, required=False)
    preferred_language = forms.ChoiceField(label=_("Asiointikieli"), choices=Language.choices)
    consent_to_contact = forms.BooleanField(
        label=_("Henkilö on antanut luvan ottaa yhteyttä"), required=False
    )
    share_with_partners = forms.BooleanField(
        label=_("Henkilö on antanut luvan antaa yhteystietonsa hankekumppaneille"), required=False
    )
    is_active = forms.BooleanField(
        label=_("Työskentelee yrityksessä"), required=False, initial=True
    )

    def to_data(self) -> ContactData:
        return ContactData(**self.cleaned_data)


class ActivityForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Laji"), choices=ActivityKind.choices)
    occurred_at = forms.DateTimeField(label=_("Ajankohta"), widget=DateTimeInput())
    subject = forms.CharField(label=_("Aihe"), max_length=200)
    notes = forms.CharField(label=_("Muistiinpanot"), widget=forms.Textarea, required=False)
    agreed = forms.CharField(label=_("Mitä sovittiin"), widget=forms.Textarea, required=False)
    participants = forms.ModelMultipleChoiceField(
        label=_("Muut osallistujat"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contacts = forms.ModelMultipleChoiceField(
        label=_("Yrityksen osallistujat"),
        queryset=CompanyContact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    task_title = forms.CharField(label=_("Jatkotoimenpide"), max_length=200, required=False)
    task_due_date = forms.DateField(label=_("Määräpäivä"), required=False, widget=DateInput())
    task_assignee = forms.ModelChoiceField(
        label=_("Jatkotoimenpiteen vastuuhenkilö"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, staff: Any, advisors: Any, contacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = staff  # type: ignore[attr-defined]
        self.fields["task_assignee"].queryset = advisors  # type: ignore[attr-defined]
        self.fields["contacts"].queryset = contacts  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("task_title") and not data.get("task_due_date"):
            self.add_error("task_due_date", _("Anna jatkotoimenpiteelle määräpäivä."))
        return data

    def to_data(self) -> ActivityData:
        d = self.cleaned_data
        return ActivityData(
            kind=d["kind"],
            occurred_at=d["occurred_at"],
            subject=d["subject"],
            notes=d["notes"],
            agreed=d["agreed"],
            participants=list(d["participants"]),
            contacts=list(d["contacts"]),
        )

    def task_data(self, default_assignee: User) -> TaskData | None:
        d = self.cleaned_data
        if not d.get("task_title"):
            return None
        return TaskData(
            title=d["task_title"],
            due_date=d["task_due_date"],
            assignee=d.get("task_assignee") or default_assignee,
        )


# Survey answers: three lists of rows; a row with no concept is ignored, so an empty row
# at the end of each list lets the respondent add one more. Rows (here and in a vacancy) take
# the concept as typed text offered from the page's datalists: a respondent who came through a
# link may not search the taxonomy, and a table row has no room for the picker's options.


def _row_concept(label: Any, types: tuple[str, ...], datalist: str) -> ConceptChoiceField:
    return ConceptChoiceField(
        label=label, types=list(types), widget=ConceptTextInput(datalist=datalist), required=False
    )


class SkillNeedRowForm(CleanTextFormMixin, forms.Form):
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False


class RecruitmentRowForm(CleanTextFormMixin, forms.Form):
    occupation = ConceptChoiceField(
        label=_("Ammatti"),
        types=OCCUPATION_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_OCCUPATIONS),
        required=False,
    )
    count = forms.IntegerField(label=_("Montako"), min_value=1, max_value=1000, initial=1)
    horizon = forms.ChoiceField(label=_("Milloin"), choices=Horizon.choices, initial=Horizon.SHORT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False


class UpskillingRowForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(
        label=_("Osaaminen"),
        types=SKILL_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_SKILLS),
        required=False,
    )
    staff_count = forms.IntegerField(label=_("Henkilöä"), min_value=1, max_value=1000, initial=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False


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


class ReadinessForm(CleanTextFormMixin, forms.Form):
    assessed_on = forms.DateField(label=_("Arviointipäivä"), widget=DateInput())
    notes = forms.CharField(label=_("Huomiot"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = timezone.localdate()
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = forms.TypedChoiceField(
                label=dimension.name,
                help_text=dimension.question,
                coerce=int,
                choices=[
                    (level, f"{name}: {description}")
                    for level, (name, description) in enumerate(
                        zip(LEVEL_NAMES, dimension.levels, strict=True)
                    )
                ],
                widget=forms.RadioSelect,
            )

    def scores(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key in READINESS_DIMENSIONS}


class VacancySkillRowForm(CleanTextFormMixin, forms.Form):
    include = forms.BooleanField(label=_("Mukana"), required=False, initial=True)
    concept = ConceptChoiceField(
        label=_("Osaaminen"),
        types=SKILL_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_SKILLS),
        required=False,
    )
    essential = forms.BooleanField(label=_("Välttämätön"), required=False, initial=True)
    level = forms.TypedChoiceField(
        label=_("Taso"),
        choices=[("", "–"), *SkillLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False


class VacancyRequirementRowForm(CleanTextFormMixin, forms.Form):
    include = forms.BooleanField(label=_("Mukana"), required=False, initial=True)
    concept = ConceptChoiceField(
        label=_("Vaatimus"),
        types=REQUIREMENT_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_REQUIREMENTS),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False


VacancySkillFormSet = forms.formset_factory(
    VacancySkillRowForm, extra=2, max_num=100, absolute_max=100
)
VacancyRequirementFormSet = forms.formset_factory(
    VacancyRequirementRowForm, extra=1, max_num=30, absolute_max=30
)


class VacancyForm(CleanTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Tehtävänimike"), max_length=200)
    occupation = ConceptChoiceField(label=_("Ammatti"), types=OCCUPATION_TYPES, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Työpaikan kunta"), queryset=Municipality.objects.none(), required=False
    )
    remote_possible = forms.BooleanField(label=_("Etätyö mahdollista"), required=False)
    commuting_possible = forms.BooleanField(
        label=_("Pendelöinti muualta mahdollista"), required=False
    )
    positions = forms.IntegerField(label=_("Paikkoja"), min_value=1, max_value=1000, initial=1)
    start_date = forms.DateField(label=_("Aloituspäivä"), required=False, widget=DateInput())
    contract_type = forms.ChoiceField(
        label=_("Työsuhteen laji"), choices=[("", "–"), *ContractType.choices], required=False
    )
    wage_min = money_field(_("Palkka vähintään (€)"), required=False, max_digits=10)
    wage_max = money_field(_("Palkka enintään (€)"), required=False, max_digits=10)
    wage_period = forms.ChoiceField(
        label=_("Palkan jakso"), choices=WagePeriod.choices, initial=WagePeriod.MONTH
    )
    closing_date = forms.DateField(label=_("Hakuaika päättyy"), required=False, widget=DateInput())
    description = forms.CharField(label=_("Ilmoitusteksti"), widget=forms.Textarea, required=False)

    def __init__(
        self, *args: Any, municipalities: Any, municipality_notice: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        if municipality_notice:
            # Beside the field and read with it (aria-describedby): why it is not the ad's.
            self.fields["municipality"].help_text = municipality_notice

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("wage_min"), data.get("wage_max")
        if low is not None and high is not None and low > high:
            self.add_error("wage_max", _("Palkan yläraja on pienempi kuin alaraja."))
        return data


def vacancy_data(
    form: VacancyForm, skills: forms.BaseFormSet, requirements: forms.BaseFormSet
) -> VacancyData:
    d = form.cleaned_data
    return VacancyData(
        title=d["title"],
        occupation=d["occupation"],
        description=d["description"],
        municipality=d["municipality"],
        remote_possible=d["remote_possible"],
        commuting_possible=d["commuting_possible"],
        positions=d["positions"],
        start_date=d["start_date"],
        contract_type=d["contract_type"],
        wage_min=d["wage_min"],
        wage_max=d["wage_max"],
        wage_period=d["wage_period"],
        closing_date=d["closing_date"],
        skills=[
            SkillInput(concept=row["concept"], essential=row["essential"], level=row["level"])
            for row in skills.cleaned_data
            if row.get("concept") and row.get("include")
        ],
        requirements=[
            row["concept"]
            for row in requirements.cleaned_data
            if row.get("concept") and row.get("include")
        ],
    )


class VacancyAdForm(CleanTextFormMixin, forms.Form):
    company = forms.ModelChoiceField(label=_("Yritys"), queryset=Company.objects.none())
    text = forms.CharField(
        label=_("Työpaikkailmoituksen teksti"),
        widget=forms.Textarea,
        max_length=20000,
        help_text=_(
            "Liitä ilmoitus sellaisenaan. Siitä tunnistetaan ammatti, osaamiset ja ehdottomat "
            "vaatimukset, jotka voit tarkistaa ennen tallennusta."
        ),
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]


class VacancyTransitionForm(CleanTextFormMixin, forms.Form):
    to_state = forms.ChoiceField(choices=VacancyState.choices)


class VacancyFilterForm(CleanTextFormMixin, forms.Form):
    q = forms.CharField(label=_("Hae nimikkeellä tai yrityksellä"), required=False, max_length=100)
    state = forms.ChoiceField(
        label=_("Tila"), choices=[("", _("Kaikki")), *VacancyState.choices], required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Kunta"), queryset=Municipality.objects.none(), required=False
    )

    def __init__(self, *args: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]


def first_line_title(text: str) -> str:
    """A job ad's first non-empty line, as a starting point for the vacancy's title."""
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
