"""Forms of the company register: the list filter, a company, a contact, a logged activity."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import Municipality, User
from kohtaanto.common.forms import DateInput, DateTimeInput, UserChoiceField, money_field
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise
from kohtaanto.employers.models import (
    ActivityKind,
    CompanyContact,
    Language,
    ProgrammeRole,
    SizeClass,
)
from kohtaanto.employers.services.activities import ActivityData, TaskData
from kohtaanto.employers.services.companies import CompanyData, ContactData


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
