"""Forms of the training pages: they parse input; the services decide."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.forms import date_field, money_field
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.taxonomy.fields import ConceptChoiceField
from kohtaanto.training.models import Agreement, LegalBasis, Programme, ProgrammeType


class AgreementForm(CleanTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Nimi"), max_length=200)
    legal_basis = forms.ChoiceField(label=_("Hankintaperuste"), choices=LegalBasis.choices)
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
    company = forms.IntegerField(
        label=_("Yhteishankintayrityksen tunniste"),
        required=False,
        help_text=_("Vain RekryKoulutus, TäsmäKoulutus ja MuutosKoulutus."),
    )
    skill_ids = forms.CharField(
        label=_("Opetettavat taidot (käsitetunnisteet pilkuin)"), required=False
    )
    extra_skill = ConceptChoiceField(
        label=_("Lisää taito"), types=["skill", "knowledge"], required=False
    )
    skill_level = forms.IntegerField(label=_("Saavutettava taso (1–4)"), min_value=1, max_value=4)
    description = forms.CharField(label=_("Kuvaus"), widget=forms.Textarea, required=False)

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


class PlanForm(CleanTextFormMixin, forms.Form):
    budget = money_field(_("Budjetti (€)"))
