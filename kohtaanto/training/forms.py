"""Forms of the training pages: they parse input; the services decide."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.forms import (
    DecimalTextField,
    UserChoiceField,
    date_field,
    money_field,
)
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.taxonomy.fields import ConceptChoiceField
from kohtaanto.training.models import (
    Agreement,
    ContractType,
    Enrolment,
    EnterpriseLink,
    LegalBasis,
    Programme,
    ProgrammeType,
)


class ProviderForm(CleanTextFormMixin, forms.Form):
    name = forms.CharField(label=_("Nimi"), max_length=200)
    business_id = forms.CharField(label=_("Y-tunnus"), max_length=20)
    partner_organisation = forms.ModelChoiceField(
        label=_("Kumppaniorganisaatio"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        required=False,
        help_text=_(
            "Järjestäjän käyttäjät näkevät osallistujat, jotka ovat antaneet suostumuksen "
            "tietojen luovuttamiseen tälle organisaatiolle."
        ),
    )
    in_house = forms.BooleanField(
        label=_("Sidosyksikkö (hankintalaki 1397/2016, 15 §)"),
        required=False,
        help_text=_("Alueen kuntien omistama ja määräysvallassa oleva, esim. kuntayhtymä."),
    )
    contact_name = forms.CharField(label=_("Yhteyshenkilö"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Sähköposti"), required=False)
    contact_phone = forms.CharField(label=_("Puhelin"), max_length=40, required=False)


class MemberForm(CleanTextFormMixin, forms.Form):
    user = UserChoiceField(
        label=_("Kumppanikäyttäjä"), queryset=User.objects.none(), with_username=True
    )

    def __init__(self, *args: Any, users: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users  # type: ignore[attr-defined]


class EnterpriseLinkForm(CleanTextFormMixin, forms.Form):
    name = forms.CharField(label=_("Yrityksen nimi"), max_length=300)
    relation = forms.ChoiceField(label=_("Suhde"), choices=EnterpriseLink.Relation.choices)
    holding_percent = DecimalTextField(label=_("Omistusosuus (%)"))
    employees = forms.IntegerField(label=_("Henkilöstö (vuosityöyksiköt)"), min_value=0)
    turnover_eur = money_field(_("Liikevaihto (€)"), required=False)
    balance_sheet_eur = money_field(_("Taseen loppusumma (€)"), required=False)


class EmployerInvoiceForm(CleanTextFormMixin, forms.Form):
    reference = forms.CharField(label=_("Laskun viite"), max_length=60)
    invoiced_on = date_field(_("Laskun päivä"))


class AgreementForm(CleanTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Nimi"), max_length=200)
    legal_basis = forms.ChoiceField(label=_("Hankintaperuste"), choices=LegalBasis.choices)
    contract_type = forms.ChoiceField(
        label=_("Hankintalaji"),
        choices=ContractType.choices,
        initial=ContractType.SPECIFIC_SERVICES,
        help_text=_("Koulutuspalvelut ovat hankintalain liitteen E muita erityisiä palveluja."),
    )
    direct_award_ground = forms.CharField(
        label=_("Suorahankinnan peruste"), max_length=300, required=False
    )
    reference = forms.CharField(label=_("Diaarinumero"), max_length=100, required=False)
    starts_on = date_field(_("Alkaa"))
    ends_on = date_field(_("Päättyy"))
    ceiling = money_field(_("Enimmäismäärä (€)"))
    price_per_student_day = money_field(_("Hinta / opiskelijapäivä (€)"), required=False)
    price_per_group = money_field(_("Hinta / ryhmä (€)"), required=False)
    price_per_service_hour = money_field(_("Hinta / palvelutunti (€)"), required=False)
    options = forms.CharField(label=_("Optiot"), widget=forms.Textarea, required=False)


class ProgrammeForm(CleanTextFormMixin, forms.Form):
    name_fi = forms.CharField(label=_("Nimi (suomi)"), max_length=200)
    name_sv = forms.CharField(label=_("Nimi (ruotsi)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Nimi (englanti)"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Tyyppi"), choices=ProgrammeType.choices)
    days = forms.IntegerField(label=_("Koulutuspäiviä opiskelijaa kohden"), min_value=1)
    seats = forms.IntegerField(label=_("Paikat"), min_value=1)
    min_group = forms.IntegerField(label=_("Vähimmäisryhmä"), min_value=1, initial=1)
    place = forms.CharField(label=_("Paikka"), max_length=200, required=False)
    mode = forms.ChoiceField(label=_("Toteutus"), choices=Programme.Mode.choices)
    starts_on = date_field(_("Alkaa"))
    ends_on = date_field(_("Päättyy"))
    price = money_field(_("Hinta, alv 0 % (€)"))
    leads_to_degree = forms.BooleanField(
        label=_("Johtaa tutkintoon"),
        required=False,
        help_text=_("Yhteishankintakoulutus ei voi johtaa tutkintoon."),
    )
    company = forms.ModelChoiceField(
        label=_("Yhteishankintayritys"),
        queryset=Company.objects.none(),
        required=False,
        help_text=_(
            "Vain RekryKoulutus, TäsmäKoulutus ja MuutosKoulutus. Kokoluokka lasketaan "
            "kumppani- ja sidosyritykset mukaan lukien."
        ),
    )
    skill_ids = forms.CharField(
        label=_("Opetettavat taidot (käsitetunnisteet pilkuin)"), required=False
    )
    extra_skill = ConceptChoiceField(
        label=_("Lisää taito"), types=["skill", "knowledge"], required=False
    )
    skill_level = forms.IntegerField(label=_("Saavutettava taso (1–4)"), min_value=1, max_value=4)
    description = forms.CharField(label=_("Kuvaus"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, companies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies  # type: ignore[attr-defined]

    def skill_id_list(self) -> list[int]:
        text = self.cleaned_data.get("skill_ids") or ""
        ids = []
        for part in text.replace(";", ",").split(","):
            part = part.strip()
            if part:
                if not part.isdigit():
                    raise forms.ValidationError(
                        _("Taidon tunniste ”%(value)s” ei ole numero.") % {"value": part}
                    )
                ids.append(int(part))
        return ids


class DescriptionForm(CleanTextFormMixin, forms.Form):
    text = forms.CharField(label=_("Koulutuksen kuvaus"), widget=forms.Textarea)


class OrderForm(CleanTextFormMixin, forms.Form):
    agreement = forms.ModelChoiceField(label=_("Sopimus"), queryset=Agreement.objects.none())
    seats = forms.IntegerField(label=_("Paikat"), min_value=1)
    ordered_on = date_field(_("Tilauspäivä"))

    def __init__(self, *args: Any, agreements: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements  # type: ignore[attr-defined]


class InvoiceForm(CleanTextFormMixin, forms.Form):
    number = forms.CharField(label=_("Laskun numero"), max_length=60)
    amount = money_field(_("Summa (€)"))
    invoiced_on = date_field(_("Laskun päivä"))
    carry_over_reason = forms.CharField(
        label=_("Siirron peruste"),
        max_length=200,
        required=False,
        help_text=_(
            "Vain tammikuussa maksettavalle edellisen vuoden koulutuksen laskulle "
            "(maksetaan edellisen vuoden sitoumukselta siirtona)."
        ),
    )


class PlanForm(CleanTextFormMixin, forms.Form):
    budget = money_field(_("Budjetti (€)"))


class EnrolForm(CleanTextFormMixin, forms.Form):
    job_seeker = forms.ModelChoiceField(
        label=_("Työnhakija"), queryset=JobSeeker.objects.none(), required=False
    )
    employee_name = forms.CharField(
        label=_("tai yrityksen työntekijä"), max_length=200, required=False
    )


class ProgressForm(CleanTextFormMixin, forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("attendance", _("Läsnäolo")),
            ("complete", _("Suoritettu")),
            ("interrupt", _("Keskeytetty")),
            ("outcome", _("Tilanne 6 kk jälkeen")),
        ]
    )
    days = forms.IntegerField(label=_("Läsnäolopäivät"), required=False, min_value=0)
    on = date_field(_("Päivä"), required=False)
    certificate = forms.CharField(label=_("Todistus"), max_length=300, required=False)
    reason = forms.CharField(label=_("Keskeytyksen syy"), max_length=300, required=False)
    outcome = forms.ChoiceField(
        label=_("Tilanne"), choices=[("", "–"), *Enrolment.Outcome.choices], required=False
    )
