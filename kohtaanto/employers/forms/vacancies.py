"""Forms of a vacancy: skill and requirement rows, the vacancy, a pasted ad, a state change,
the list filter."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import Municipality
from kohtaanto.common.forms import BlankRowForm, DateInput, money_field
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.forms.datalists import DATALIST_REQUIREMENTS, DATALIST_SKILLS
from kohtaanto.employers.models import (
    Company,
    ContractType,
    SkillLevel,
    VacancyState,
    WagePeriod,
)
from kohtaanto.employers.selectors import (
    OCCUPATION_TYPES,
    REQUIREMENT_TYPES,
    SKILL_TYPES,
)
from kohtaanto.employers.services.vacancies import SkillInput, VacancyData
from kohtaanto.taxonomy.fields import ConceptChoiceField, ConceptTextInput


# "Mukana" and "Välttämätön" start unticked: an existing or suggested row gets its ticks from
# the formset's initial rows, and a blank row must not read as chosen.
class VacancySkillRowForm(BlankRowForm):
    include = forms.BooleanField(label=_("Mukana"), required=False)
    concept = ConceptChoiceField(
        label=_("Osaaminen"),
        types=SKILL_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_SKILLS),
        required=False,
    )
    essential = forms.BooleanField(label=_("Välttämätön"), required=False)
    level = forms.TypedChoiceField(
        label=_("Taso"),
        choices=[("", "–"), *SkillLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )


class VacancyRequirementRowForm(BlankRowForm):
    include = forms.BooleanField(label=_("Mukana"), required=False)
    concept = ConceptChoiceField(
        label=_("Vaatimus"),
        types=REQUIREMENT_TYPES,
        widget=ConceptTextInput(datalist=DATALIST_REQUIREMENTS),
        required=False,
    )


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


def taken_rows(rows: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The filled rows to save: a row the page started with (existing or suggested) when it is
    still ticked "Mukana"; a blank row once the user has filled it in, ticked or not, so that
    nothing typed into a new row is dropped unseen."""
    first_blank = rows.initial_form_count()
    return [
        row
        for index, row in enumerate(rows.cleaned_data)
        if row.get("concept") and (row.get("include") or index >= first_blank)
    ]


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
            for row in taken_rows(skills)
        ],
        requirements=[row["concept"] for row in taken_rows(requirements)],
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
