"""Forms of the finance pages: input validation only; the services decide."""

from datetime import date
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kohtaanto.common.forms import (
    DateInput,
    DecimalTextField,
    PeriodMixin,
    date_field,
    hours_field,
    money_field,
    set_choices,
)
from kohtaanto.common.money import CENT
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.models import Company
from kohtaanto.employers.selectors import company_choices
from kohtaanto.finance import selectors
from kohtaanto.finance.models import (
    Appropriation,
    BudgetLine,
    CommitmentSource,
    GrantScheme,
    LedgerEntry,
    SchemeRule,
)
from kohtaanto.finance.services import ApplicationData


class YearForm(CleanTextFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Vuosi"), min_value=2000, max_value=2100)


class BudgetLineForm(CleanTextFormMixin, forms.Form):
    code = forms.SlugField(label=_("Tunnus"), max_length=40, help_text=_("Esim. projects"))
    name = forms.CharField(label=_("Nimi"), max_length=200)
    description = forms.CharField(label=_("Kuvaus"), required=False, widget=forms.Textarea)


class AppropriationForm(CleanTextFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Vuosi"), min_value=2000, max_value=2100)
    line = forms.ModelChoiceField(label=_("Budjettirivi"), queryset=BudgetLine.objects.none())
    name = forms.CharField(label=_("Nimi"), max_length=200)
    amount = money_field(_("Summa (€)"), minimum=CENT)
    decided_by = forms.CharField(
        label=_("Päättäjä"), max_length=200, help_text=_("Esim. työllisyysjohtaja tai jaosto")
    )
    decided_on = date_field(_("Päätöspäivä"))
    reference = forms.CharField(label=_("Päätöksen viite"), max_length=100, required=False)
    note = forms.CharField(label=_("Lisätieto"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "line", selectors.budget_line_list(actor=actor))


class AmendmentForm(CleanTextFormMixin, forms.Form):
    amount = money_field(_("Muutos (€)"), minimum=None)
    decided_by = forms.CharField(label=_("Päättäjä"), max_length=200)
    decided_on = date_field(_("Päätöspäivä"))
    reference = forms.CharField(label=_("Päätöksen viite"), max_length=100, required=False)
    note = forms.CharField(label=_("Lisätieto"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = _("Lisäys positiivisena, vähennys negatiivisena.")


class CommitmentForm(CleanTextFormMixin, forms.Form):
    amount = money_field(_("Summa (€)"), minimum=CENT)
    description = forms.CharField(label=_("Kuvaus"), max_length=300)
    source_type = forms.ChoiceField(
        label=_("Lähde"), choices=CommitmentSource.choices, initial=CommitmentSource.MANUAL
    )
    source_id = forms.CharField(
        label=_("Lähteen tunniste"),
        max_length=64,
        required=False,
        help_text=_("Esim. tilauksen numero"),
    )
    booked_on = date_field(_("Kirjauspäivä"), required=False)


class PaymentForm(CleanTextFormMixin, forms.Form):
    amount = money_field(_("Summa (€)"), minimum=CENT)
    booked_on = date_field(_("Maksupäivä"), required=False)
    reference = forms.CharField(label=_("Viite"), max_length=100, required=False)
    description = forms.CharField(label=_("Selite"), max_length=300, required=False)


class ReleaseForm(CleanTextFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Syy"),
        choices=[
            (LedgerEntry.Reason.CANCELLATION, LedgerEntry.Reason.CANCELLATION.label),
            (LedgerEntry.Reason.COMPLETED, LedgerEntry.Reason.COMPLETED.label),
        ],
    )
    amount = money_field(_("Summa (€)"), required=False, minimum=CENT)
    description = forms.CharField(label=_("Selite"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = _("Tyhjä: koko maksamaton osa.")


class RecoveryForm(CleanTextFormMixin, forms.Form):
    amount = money_field(_("Perittävä summa (€)"), minimum=CENT)
    reference = forms.CharField(label=_("Viite"), max_length=100, required=False)
    description = forms.CharField(label=_("Selite"), max_length=300)


class ReverseForm(CleanTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Oikaisun syy"), max_length=300)


class GrantSchemeForm(CleanTextFormMixin, PeriodMixin, forms.Form):
    start_field = "starts_on"
    end_field = "ends_on"

    code = forms.SlugField(label=_("Tunnus"), max_length=60)
    name = forms.CharField(label=_("Nimi"), max_length=200)
    kind = forms.ChoiceField(label=_("Tyyppi"), choices=GrantScheme.Kind.choices)
    line = forms.ModelChoiceField(label=_("Budjettirivi"), queryset=BudgetLine.objects.none())
    envelope = money_field(_("Kehys (€)"), minimum=Decimal(0))
    starts_on = date_field(_("Työsuhde alkaa aikaisintaan"))
    ends_on = date_field(_("Työsuhde alkaa viimeistään"), required=False)
    first_come = forms.BooleanField(label=_("Hakemukset saapumisjärjestyksessä"), required=False)
    de_minimis = forms.BooleanField(label=_("De minimis -tuki"), required=False)
    is_active = forms.BooleanField(label=_("Haettavissa"), required=False, initial=True)
    legal_basis = forms.CharField(label=_("Peruste (laki tai päätös)"), max_length=300)
    description = forms.CharField(label=_("Kuvaus"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, actor: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "line", selectors.budget_line_list(actor=actor))
        if editing:
            for name in ("code", "kind", "line"):
                del self.fields[name]
        else:
            del self.fields["is_active"]


class SchemeRuleForm(CleanTextFormMixin, PeriodMixin, forms.ModelForm):
    class Meta:
        model = SchemeRule
        fields = [
            "category",
            "label",
            "valid_from",
            "valid_to",
            "percentage",
            "monthly_cap",
            "total_cap",
            "min_age",
            "max_age",
            "min_unemployed_months",
            "unemployment_window_months",
            "min_weekly_hours",
            "max_weekly_hours",
            "min_duration_months",
            "max_duration_months",
            "requires_reduced_work_capacity",
            "requires_non_business_association",
            "source",
        ]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}
        # Amounts, the percentage, months and hours are typed as text ("1 234,50", "37,5").
        field_classes = {
            name: DecimalTextField
            for name in (
                "percentage",
                "monthly_cap",
                "total_cap",
                "min_unemployed_months",
                "min_weekly_hours",
                "max_weekly_hours",
            )
        }

    start_field, end_field = "valid_from", "valid_to"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("min_age"), cleaned.get("max_age")
        if low is not None and high is not None and low > high:
            self.add_error("max_age", _("Yläikäraja on pienempi kuin alaikäraja."))
        return cleaned

    def _post_clean(self) -> None:
        """The service creates the row (and closes the previous rule); skip model validation
        of the unsaved instance, which has no scheme yet."""


class UnemploymentPeriodForm(CleanTextFormMixin, PeriodMixin, forms.Form):
    start_date = date_field(_("Alkaen"), required=False)
    end_date = date_field(_("Päättyen"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["end_date"].help_text = _("Tyhjä: työttömyys jatkuu.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("end_date") and not cleaned.get("start_date"):
            self.add_error("start_date", _("Anna jakson alkamispäivä."))
        return cleaned


class DeMinimisAidForm(CleanTextFormMixin, forms.Form):
    granted_on = date_field(_("Myöntöpäivä"), required=False)
    amount = money_field(_("Summa (€)"), required=False, minimum=CENT)
    grantor = forms.CharField(label=_("Myöntäjä"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        filled = [cleaned.get("granted_on"), cleaned.get("amount")]
        if any(v is not None for v in filled) and not all(v is not None for v in filled):
            raise forms.ValidationError(_("Anna tuesta sekä myöntöpäivä että summa."))
        return cleaned


UnemploymentFormSet = forms.formset_factory(UnemploymentPeriodForm, extra=3, max_num=10)
DeMinimisFormSet = forms.formset_factory(DeMinimisAidForm, extra=3, max_num=20)


class ApplicationForm(CleanTextFormMixin, PeriodMixin, forms.Form):
    """An application for one employee; the employer's link form leaves out the company
    (it is in the link) and the advisor's unemployment periods."""

    company = forms.ModelChoiceField(label=_("Työnantaja"), queryset=Company.objects.none())
    category = forms.ChoiceField(label=_("Tukiperuste"))
    employee_first_name = forms.CharField(label=_("Työntekijän etunimi"), max_length=100)
    employee_last_name = forms.CharField(label=_("Työntekijän sukunimi"), max_length=100)
    employee_birth_date = date_field(_("Työntekijän syntymäaika"))
    job_title = forms.CharField(label=pgettext_lazy("job title", "Tehtävä"), max_length=200)
    start_date = date_field(_("Työsuhde alkaa"))
    end_date = date_field(_("Tuettu jakso päättyy"))
    weekly_hours = hours_field(
        _("Työaika (tuntia viikossa)"), minimum=Decimal("0.5"), max_value=Decimal("80")
    )
    monthly_pay_costs = money_field(_("Palkkakustannukset kuukaudessa (€)"), minimum=CENT)
    reduced_work_capacity = forms.BooleanField(
        label=_("Työntekijän työkyky on alentunut"), required=False
    )
    non_business_association = forms.BooleanField(
        label=_(
            "Työnantaja on yhdistys, säätiö tai uskonnollinen yhdyskunta, ja työ on muuta "
            "kuin elinkeinotoimintaa"
        ),
        required=False,
    )
    contact_name = forms.CharField(label=_("Yhteyshenkilö"), max_length=200)
    contact_email = forms.EmailField(label=_("Sähköposti"))
    contact_phone = forms.CharField(label=_("Puhelin"), max_length=40, required=False)
    de_minimis_declared = forms.BooleanField(
        label=_(
            "Vakuutan, että yllä on ilmoitettu kaikki yritykselle viimeisten kolmen vuoden "
            "aikana myönnetyt muut de minimis -tuet."
        ),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        scheme: GrantScheme,
        actor: Any = None,
        public: bool = False,
        with_company: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        cast(forms.ChoiceField, self.fields["category"]).choices = selectors.scheme_categories(
            scheme=scheme
        )
        self.fields["monthly_pay_costs"].help_text = _(
            "Bruttopalkka sivukuluineen (lomaraha, sosiaaliturvamaksut)."
        )
        if public or not with_company:
            del self.fields["company"]
        else:
            set_choices(self, "company", company_choices(actor=actor))
        if not scheme.de_minimis:
            del self.fields["de_minimis_declared"]
        elif public:
            self.fields["de_minimis_declared"].required = True

    def application_data(
        self, *, unemployment: Any = None, de_minimis: Any = None
    ) -> ApplicationData:
        data = self.cleaned_data
        periods = [
            (row["start_date"], row.get("end_date"))
            for row in (unemployment.cleaned_data if unemployment is not None else [])
            if row.get("start_date")
        ]
        aid = [
            (row["granted_on"], row["amount"], row.get("grantor", ""))
            for row in (de_minimis.cleaned_data if de_minimis is not None else [])
            if row.get("granted_on")
        ]
        return ApplicationData(
            category=data["category"],
            employee_first_name=data["employee_first_name"],
            employee_last_name=data["employee_last_name"],
            employee_birth_date=data["employee_birth_date"],
            job_title=data["job_title"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            weekly_hours=data["weekly_hours"],
            monthly_pay_costs=data["monthly_pay_costs"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data.get("contact_phone", ""),
            reduced_work_capacity=data.get("reduced_work_capacity", False),
            non_business_association=data.get("non_business_association", False),
            unemployment_periods=periods,
            other_de_minimis=aid,
            de_minimis_declared=data.get("de_minimis_declared", False),
        )


def application_initial(
    application: Any,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Initial values of the application form and its two formsets from a stored application."""
    fields = [
        "category",
        "employee_first_name",
        "employee_last_name",
        "employee_birth_date",
        "job_title",
        "start_date",
        "end_date",
        "weekly_hours",
        "monthly_pay_costs",
        "reduced_work_capacity",
        "non_business_association",
        "contact_name",
        "contact_email",
        "contact_phone",
        "de_minimis_declared",
    ]
    initial = {name: getattr(application, name) for name in fields}
    initial["company"] = application.company_id
    periods = [
        {"start_date": date.fromisoformat(s), "end_date": date.fromisoformat(e) if e else None}
        for s, e in application.unemployment_periods
    ]
    aid = [
        {
            "granted_on": date.fromisoformat(row["granted_on"]),
            "amount": Decimal(row["amount"]),
            "grantor": row.get("grantor", ""),
        }
        for row in application.other_de_minimis
    ]
    return initial, periods, aid


class AppropriationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _("%(name)s (%(year)s)") % {"name": obj.name, "year": obj.year}


class ApproveForm(CleanTextFormMixin, forms.Form):
    appropriation = AppropriationChoiceField(
        label=_("Määräraha"), queryset=Appropriation.objects.none()
    )
    amount = money_field(_("Myönnettävä summa (€)"), required=False, minimum=CENT)
    decided_on = date_field(_("Päätöspäivä"), required=False)
    reasons = forms.CharField(label=_("Perustelut"), widget=forms.Textarea)

    def __init__(self, *args: Any, actor: Any, scheme: GrantScheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(AppropriationChoiceField, self.fields["appropriation"])
        field.queryset = selectors.appropriation_list(actor=actor, line=scheme.line).order_by(
            "-year", "name"
        )
        self.fields["amount"].help_text = _("Tyhjä: laskettu enimmäistuki.")
        self.fields["decided_on"].help_text = _("Tyhjä: tänään. Ei tulevaa päivää.")


class RejectForm(CleanTextFormMixin, forms.Form):
    decided_on = date_field(_("Päätöspäivä"), required=False)
    reasons = forms.CharField(
        label=_("Hylkäämisen perustelut"),
        widget=forms.Textarea,
        help_text=_("Kerro, mikä ehto ei täyty; perustelut tulevat päätökseen."),
    )


class ClaimForm(CleanTextFormMixin, PeriodMixin, forms.Form):
    start_field = "period_start"
    end_field = "period_end"

    period_start = date_field(_("Jakso alkaa"))
    period_end = date_field(_("Jakso päättyy"))
    pay_costs = money_field(_("Jakson maksetut palkkakustannukset (€)"), minimum=CENT)
    claimed_amount = money_field(_("Haettava summa (€)"), minimum=CENT)


class ClaimPayForm(CleanTextFormMixin, forms.Form):
    amount = money_field(_("Maksettava summa (€)"), required=False, minimum=CENT)
    reference = forms.CharField(label=_("Viite"), max_length=100, required=False)


class ClaimRejectForm(CleanTextFormMixin, forms.Form):
    reason = forms.CharField(label=_("Hylkäämisen peruste"), widget=forms.Textarea)


class LinkForm(CleanTextFormMixin, forms.Form):
    company = forms.ModelChoiceField(label=_("Työnantaja"), queryset=Company.objects.none())
    max_uses = forms.IntegerField(
        label=_("Hakemuksia enintään"),
        min_value=1,
        max_value=20,
        initial=1,
        required=False,
        help_text=_("Linkillä voi lähettää näin monta hakemusta; sen jälkeen se ei kelpaa."),
    )

    def clean_max_uses(self) -> int:
        return self.cleaned_data.get("max_uses") or 1

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "company", company_choices(actor=actor))
