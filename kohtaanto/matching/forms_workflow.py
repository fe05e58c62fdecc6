"""Forms of the shortlist, search and gap pages."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.common.forms import DateInput
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.models import CompanyContact, Vacancy
from kohtaanto.matching.models import LINK_LANGUAGES, CompanyAnswer, Outcome
from kohtaanto.taxonomy.fields import ConceptChoiceField
from kohtaanto.taxonomy.models import ConceptType


class ProposeForm(CleanTextFormMixin, forms.Form):
    job_seeker = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Perustelu"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ConsentForm(CleanTextFormMixin, forms.Form):
    given_on = forms.DateField(label=_("Suostumus annettu"), widget=DateInput())
    expires_on = forms.DateField(
        label=_("Voimassa asti"),
        required=False,
        widget=DateInput(),
        help_text=_("Tyhjä: voimassa, kunnes henkilö peruu suostumuksen."),
    )
    share_contact = forms.BooleanField(
        label=_("Henkilö suostui myös yhteystietojensa (sähköposti, puhelin) näyttämiseen"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = timezone.localdate()


class LinkForm(CleanTextFormMixin, forms.Form):
    contact: forms.ModelChoiceField[CompanyContact] = forms.ModelChoiceField(
        label=_("Yrityksen yhteyshenkilö"), queryset=CompanyContact.objects.none()
    )
    language = forms.ChoiceField(label=_("Kieli"), choices=LINK_LANGUAGES)
    send_email = forms.BooleanField(
        label=_("Lähetä linkki yhteyshenkilölle sähköpostilla"), required=False, initial=True
    )

    def __init__(self, *args: Any, contacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts  # type: ignore[attr-defined]


class CompanyAnswerForm(CleanTextFormMixin, forms.Form):
    candidate = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(
        label=_("Kiinnostaako ehdokas?"), choices=CompanyAnswer.choices, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(
        label=_("Tulos"), choices=[("", _("Ei vielä")), *Outcome.choices], required=False
    )
    outcome_on = forms.DateField(label=_("Tuloksen päivä"), required=False, widget=DateInput())
    comment = forms.CharField(
        label=_("Kommentti"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StatisticsForm(CleanTextFormMixin, forms.Form):
    date_from = forms.DateField(label=_("Ehdotettu alkaen"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Ehdotettu asti"), required=False, widget=DateInput())


class SkillSearchForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(
        label=_("Osaaminen"), types=[ConceptType.SKILL, ConceptType.KNOWLEDGE]
    )
    neighbours = forms.BooleanField(
        label=_("Myös laajemmat, suppeammat ja läheiset osaamiset"), required=False, initial=True
    )


class OccupationGapForm(CleanTextFormMixin, forms.Form):
    occupation = ConceptChoiceField(label=_("Tavoiteammatti"), types=[ConceptType.OCCUPATION])


def vacancy_choice_label(vacancy: Vacancy) -> str:
    """A vacancy in a choice list, told apart from others of the same title by its company,
    municipality and closing date: "Hitsaaja (Konepaja Oy, Kokkola), haku päättyy 15.2.2027"."""
    where = ", ".join(
        part
        for part in (
            vacancy.company.name,
            vacancy.municipality.name() if vacancy.municipality else "",
        )
        if part
    )
    if vacancy.closing_date:
        return gettext("%(title)s (%(where)s), haku päättyy %(date)s") % {
            "title": vacancy.title,
            "where": where,
            "date": format_date(vacancy.closing_date),
        }
    return gettext("%(title)s (%(where)s)") % {"title": vacancy.title, "where": where}


class VacancyChoiceField(forms.ModelChoiceField):
    """A vacancy chosen from a list (see `vacancy_choice_label`); the queryset should select
    the company and municipality with the vacancy."""

    def label_from_instance(self, obj: Any) -> str:
        return vacancy_choice_label(obj)


class VacancyGapForm(CleanTextFormMixin, forms.Form):
    vacancy = VacancyChoiceField(label=_("Tavoitetyöpaikka"), queryset=Vacancy.objects.none())

    def __init__(self, *args: Any, vacancies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = vacancies  # type: ignore[attr-defined]
