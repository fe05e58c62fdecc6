"""Forms of the programme pages: input types and choices scoped to the actor's area. The
rules themselves are checked by the services."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.forms import (
    ActorChoicesMixin,
    DecimalTextField,
    PeriodMixin,
    hours_field,
    money_field,
    percent_field,
    set_choices,
)
from kohtaanto.common.money import CENT
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.models import Company
from kohtaanto.employers.selectors import company_choices
from kohtaanto.programme.models import (
    ActivityEntry,
    Operation,
    PaymentPeriod,
    SalaryModel,
    StaffMember,
    StaffPosition,
    TimeRecord,
    TimeRecording,
)

AREA_CHOICE = "area"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _area_users(actor: User) -> Any:
    return User.objects.filter(employment_area_id=actor.employment_area_id).order_by(
        "last_name", "first_name", "username"
    )


def _recorded_positions(actor: User) -> Any:
    """Positions of the operations administered here, whose time is recorded here."""
    return StaffPosition.objects.filter(
        operation__employment_area_id=actor.employment_area_id,
        operation__administered_here=True,
    ).select_related("staff_member", "operation")


def _salaried_positions(actor: User) -> Any:
    return StaffPosition.objects.filter(
        operation__employment_area_id=actor.employment_area_id,
        salary_model__in=(SalaryModel.SALARY_PLUS_SIDE_COSTS, SalaryModel.MONTHLY_RATE),
    ).select_related("staff_member", "operation")


def _periods_without_report(actor: User) -> Any:
    return (
        PaymentPeriod.objects.filter(
            operation__employment_area_id=actor.employment_area_id,
            operation__administered_here=True,
            cost_reports__isnull=True,
        )
        .select_related("operation")
        .order_by("operation__code", "number")
    )


def _staff_members(actor: User) -> Any:
    return StaffMember.objects.filter(employment_area_id=actor.employment_area_id)


def _operations(actor: User, administered_only: bool = False) -> Any:
    qs = Operation.objects.filter(employment_area_id=actor.employment_area_id).order_by(
        "-is_default", "code"
    )
    return qs.filter(administered_here=True) if administered_only else qs


def organisation_choices(actor: User) -> list[tuple[str, str]]:
    """The employment area itself and the partner organisations."""
    area = str(actor.employment_area) if actor.employment_area else str(_("Työllisyysalue"))
    return [(AREA_CHOICE, area)] + [
        (str(o.pk), str(o)) for o in PartnerOrganisation.objects.order_by("short_name", "name")
    ]


def organisation_from_choice(value: str) -> PartnerOrganisation | None:
    if not value or value == AREA_CHOICE:
        return None
    return PartnerOrganisation.objects.get(pk=int(value))


class _Period(PeriodMixin):
    start_field, end_field = "start", "end"
    period_message = _("Kausi päättyy ennen kuin se alkaa.")


class PeriodFilterForm(CleanTextFormMixin, ActorChoicesMixin, _Period, forms.Form):
    operation = forms.ModelChoiceField(queryset=Operation.objects.none(), label=_("Hanke"))
    start = forms.DateField(label=_("Alkaen"), widget=DateInput())
    end = forms.DateField(label=_("Päättyen"), widget=DateInput())

    actor_choices = {"operation": _operations}


class StaffMemberForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    name = forms.CharField(label=_("Nimi"), max_length=200)
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Käyttäjätunnus")
    )

    actor_choices = {"user": _area_users}


class StaffPositionForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    staff_member = forms.ModelChoiceField(queryset=StaffMember.objects.none(), label=_("Henkilö"))
    title = forms.CharField(label=_("Tehtävänimike"), max_length=200)
    salary_model = forms.ChoiceField(label=_("Palkkamalli"), choices=SalaryModel.choices)
    annual_gross_cost = money_field(_("Vuoden bruttotyönantajakulut (€)"), max_digits=10)
    side_cost_percent = percent_field(
        _("Sivukuluprosentti (%)"),
        required=False,
        help_text=_("Vain palkkamallissa palkka + sivukulut."),
    )
    person_years = DecimalTextField(
        label=_("Henkilötyövuotta vuodessa"),
        min_value=CENT,
        max_value=Decimal(1),
        max_digits=4,
        initial=1,
    )
    working_time_percent = percent_field(
        _("Työaika (% täydestä työajasta)"),
        required=False,
        minimum=CENT,
        initial=100,
        help_text=_(
            "Osa-aikaisella tehtävällä työaikaprosentti: 50 % tarkoittaa 860 tuntia vuodessa "
            "ja tuntihintaa vuoden kulut / 860 h."
        ),
    )
    monthly_working_hours = hours_field(
        _("Työsopimuksen mukainen kuukausityöaika (h)"),
        required=False,
        minimum=Decimal(1),
        max_value=Decimal(744),
        max_digits=6,
        help_text=_("Vain kuukausihintamallissa: kuukauden kulut jaetaan tällä tuntimäärällä."),
    )
    start_date = forms.DateField(label=_("Alkaa"), widget=DateInput())
    end_date = forms.DateField(label=_("Päättyy"), widget=DateInput())
    time_recording = forms.ChoiceField(label=_("Työajan kirjaus"), choices=TimeRecording.choices)
    fixed_percentage = percent_field(
        _("Kiinteä osuus hankkeelle (%)"), required=False, minimum=CENT
    )
    reason = forms.CharField(
        label=_("Muutoksen syy"),
        required=False,
        max_length=300,
        help_text=_(
            "Pakollinen, kun tuntihinnan peruste on jo käytetty lähetetyssä "
            "maksatushakemuksessa: muutoksesta tehdään uusi versio."
        ),
    )

    actor_choices = {"staff_member": _staff_members}


class TimeRecordForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    position = forms.ModelChoiceField(
        queryset=StaffPosition.objects.none(), label=_("Henkilö ja tehtävä")
    )
    span = forms.ChoiceField(label=_("Jakso"), choices=TimeRecord.Span.choices)
    day = forms.DateField(
        label=_("Päivä"),
        widget=DateInput(),
        help_text=_("Kuukausikirjauksessa mikä tahansa kuukauden päivä."),
    )
    hours = hours_field(_("Tunnit"), required=False, minimum=CENT, max_digits=6)
    percentage = percent_field(
        _("Osuus (%)"),
        required=False,
        minimum=CENT,
        help_text=_("Vain kiinteällä prosenttiosuudella työskenteleville."),
    )
    description = forms.CharField(label=_("Kuvaus"), required=False, max_length=300)

    actor_choices = {"position": _recorded_positions}


class TimeFilterForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    year = forms.IntegerField(label=_("Vuosi"), min_value=2000, max_value=2100)
    staff_member = forms.ModelChoiceField(
        queryset=StaffMember.objects.none(), required=False, label=_("Henkilö")
    )

    actor_choices = {"staff_member": _staff_members}


class SalaryPaymentForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    position = forms.ModelChoiceField(
        queryset=StaffPosition.objects.none(), label=_("Henkilö ja tehtävä")
    )
    month = forms.DateField(
        label=_("Kuukausi"), widget=DateInput(), help_text=_("Mikä tahansa kuukauden päivä.")
    )
    gross_salary = money_field(_("Bruttopalkka (€)"), max_digits=10)

    actor_choices = {"position": _salaried_positions}


class CostReportCreateForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    period = forms.ModelChoiceField(queryset=PaymentPeriod.objects.none(), label=_("Maksatuskausi"))

    actor_choices = {"period": _periods_without_report}


class NarrativeForm(CleanTextFormMixin, forms.Form):
    narrative = forms.CharField(
        label=_("Edistymisen kuvaus"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("Mitä kaudella tehtiin ja saavutettiin suhteessa hankesuunnitelmaan."),
    )


class OperationCompanyForm(CleanTextFormMixin, ActorChoicesMixin, forms.Form):
    company = forms.ModelChoiceField(queryset=Company.objects.none(), label=_("Yritys"))
    is_development_partner = forms.BooleanField(label=_("Kehittämiskumppani"), required=False)
    is_pilot_company = forms.BooleanField(label=_("Pilottiyritys"), required=False)
    supported_from = forms.DateField(
        label=_("Tuettu alkaen"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Täytä, jos hanke tukee organisaatiota suoraan (ESR+ EECO18 julkishallinto, "
            "EECO19 pk-yritykset). Kukin organisaatio lasketaan kerran."
        ),
    )

    actor_choices = {"company": lambda actor: company_choices(actor=actor)}


class ImplementerBudgetForm(CleanTextFormMixin, forms.Form):
    budget_eur = money_field(_("Budjetti (€)"), required=False, max_digits=12)


class PaymentPeriodForm(CleanTextFormMixin, forms.Form):
    start_date = forms.DateField(label=_("Alkaa"), widget=DateInput())
    end_date = forms.DateField(label=_("Päättyy"), widget=DateInput())


class ActivityEntryForm(CleanTextFormMixin, forms.Form):
    operation = forms.ModelChoiceField(
        queryset=Operation.objects.none(), required=False, label=_("Hanke")
    )
    kind = forms.ChoiceField(label=_("Laji"), choices=ActivityEntry.Kind.choices)
    date = forms.DateField(label=_("Päivä"), widget=DateInput(), initial=date.today)
    title = forms.CharField(label=_("Otsikko"), max_length=200)
    description = forms.CharField(
        label=_("Kuvaus"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    companies = forms.ModelMultipleChoiceField(
        queryset=Company.objects.none(),
        required=False,
        label=_("Yritykset"),
        help_text=_("Yrityskäynnin tai tapahtuman yritykset."),
    )
    referral_from = forms.ChoiceField(label=_("Ohjaava organisaatio"), required=False)
    referral_to = forms.ChoiceField(label=_("Vastaanottava organisaatio"), required=False)
    referred_count = forms.IntegerField(
        label=_("Ohjattuja henkilöitä"),
        required=False,
        min_value=0,
        help_text=_(
            "Vain määrä: henkilön ohjaus kirjataan hänen omiin tietoihinsa suostumuksella."
        ),
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "operation", _operations(actor))
        set_choices(self, "companies", company_choices(actor=actor))
        choices = [("", "–"), *organisation_choices(actor)]
        for name in ("referral_from", "referral_to"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        companies = list(data.pop("companies") or [])
        kind = data["kind"]
        for name in ("referral_from", "referral_to"):
            data[name] = (
                organisation_from_choice(data[name])
                if kind == ActivityEntry.Kind.REFERRAL
                else None
            )
        data["referred_count"] = data.get("referred_count") or 0
        return {**data, "companies": companies}


class ActivityParticipantForm(CleanTextFormMixin, forms.Form):
    organisation = forms.ChoiceField(label=_("Organisaatio"))
    name = forms.CharField(label=_("Nimi"), max_length=200, required=False)

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = organisation_choices(actor)


ActivityParticipantFormSet = forms.formset_factory(
    ActivityParticipantForm, extra=4, max_num=30, validate_max=True
)


class AttachmentForm(CleanTextFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Liite"),
        help_text=_("PDF, Office- tai OpenDocument-tiedosto, kuva tai teksti; enintään 10 Mt."),
    )


class PartnerReportForm(CleanTextFormMixin, _Period, forms.Form):
    organisation = forms.ChoiceField(label=_("Organisaatio"))
    start = forms.DateField(label=_("Alkaen"), widget=DateInput())
    end = forms.DateField(label=_("Päättyen"), widget=DateInput())

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        choices = organisation_choices(actor)
        if actor.partner_organisation_id is not None:
            # A partner user reports on their own organisation only.
            choices = [c for c in choices if c[0] == str(actor.partner_organisation_id)]
        field.choices = choices


class PaymentDecisionForm(CleanTextFormMixin, forms.Form):
    """The funder's decision on a submitted claim (accepted staff costs, a deduction's
    reason, money paid); the flat rate and the funder's share are computed."""

    decided_on = forms.DateField(label=_("Päätöspäivä"), widget=DateInput())
    accepted_staff_eur = money_field(_("Hyväksytyt henkilöstökulut (€)"))
    deduction_reason = forms.CharField(
        label=_("Vähennyksen peruste"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    paid_eur = money_field(_("Maksettu (€)"), required=False)
    paid_on = forms.DateField(label=_("Maksupäivä"), required=False, widget=DateInput())


class FinancingPlanForm(CleanTextFormMixin, forms.Form):
    support_rate_percent = percent_field(_("Tukiprosentti (%)"))
    municipal_share_eur = money_field(_("Kuntien oma rahoitus (€)"), required=False)
    other_public_eur = money_field(_("Muu julkinen rahoitus (€)"), required=False)


class MonthInput(forms.DateInput):
    """The browser's month picker; the value travels as yyyy-mm."""

    input_type = "month"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m", **kwargs)


class TimeSheetSignForm(CleanTextFormMixin, forms.Form):
    """The employee's signature on their month: the project hours come from the time records;
    the person declares the hours of their other work."""

    staff_member = forms.ModelChoiceField(queryset=StaffMember.objects.none(), label=_("Henkilö"))
    month = forms.DateField(
        label=_("Kuukausi"),
        widget=MonthInput(),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        help_text=_("Päättynyt kuukausi, muodossa vvvv-kk."),
    )
    other_hours = hours_field(
        _("Muun työn tunnit"),
        help_text=_("Kuukauden kaikki muut kuin hankkeen työtunnit."),
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["staff_member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = _staff_members(actor).filter(user_id=actor.pk).order_by("name")
        if field.queryset.count() == 1:
            field.initial = field.queryset.first()
            field.empty_label = None


class ConfirmForm(CleanTextFormMixin, forms.Form):
    """A post that carries no input (a button): the service's refusal still has a form to
    land on (`common.forms.show_refusal`)."""
