"""Forms of a person's record: consents and ESF+ participation (entry, exit, follow-up)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.forms import set_choices
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.jobseekers.forms.fields import (
    EMPTY,
    answer_field,
    date_field,
    employer_field,
    partner_field,
    tri_state_field,
)
from kohtaanto.jobseekers.models import ConsentPurpose, Gender, LabourMarketStatus, operation_model


class ConsentForm(CleanTextFormMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("Tarkoitus"), choices=ConsentPurpose.choices)
    partner_organisation = partner_field(_("Kun tietoja luovutetaan kumppanille."))
    company = employer_field(_("Kun profiili lähetetään työnantajalle."))
    given_on = date_field(_("Annettu"))
    expires_on = date_field(_("Voimassa asti"), required=False)
    note = forms.CharField(
        label=_("Lisätieto"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Miten suostumus annettiin, esim. allekirjoitettu lomake."),
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "company", companies)


ISCED_CHOICES = [
    ("", _("Ei tiedossa")),
    ("0", _("0 – varhaiskasvatus")),
    ("1", _("1 – alaluokat")),
    ("2", _("2 – peruskoulu")),
    ("3", _("3 – toinen aste (lukio, ammatillinen)")),
    ("4", _("4 – toisen asteen jälkeinen, ei korkea-aste")),
    ("5", _("5 – lyhyt korkea-asteen koulutus")),
    ("6", _("6 – alempi korkeakoulututkinto")),
    ("7", _("7 – ylempi korkeakoulututkinto")),
    ("8", _("8 – tohtori")),
]


class EntryForm(CleanTextFormMixin, forms.Form):
    operation = forms.ModelChoiceField(
        label=_("Hanke"), queryset=operation_model().objects.none(), empty_label=None
    )
    entry_date = date_field(_("Aloituspäivä"))
    gender = forms.ChoiceField(
        label=_("Sukupuoli"),
        choices=[*EMPTY, *Gender.choices],
        help_text=_("Kysy henkilöltä; ei päätellä henkilötunnuksesta."),
    )
    birth_date = date_field(_("Syntymäaika"), past=True)
    labour_market_status = forms.ChoiceField(
        label=_("Työmarkkina-asema aloitettaessa"), choices=[*EMPTY, *LabourMarketStatus.choices]
    )
    unemployed_since = date_field(
        _("Työtön alkaen"), required=False, help_text=_("Pakollinen, jos henkilö on työtön.")
    )
    isced_level = forms.TypedChoiceField(
        label=_("Korkein koulutus (ISCED)"),
        choices=ISCED_CHOICES,
        required=False,
        coerce=int,
        empty_value=None,
    )
    third_country_national = answer_field(_("Kolmannen maan kansalainen"))
    foreign_background = answer_field(_("Ulkomaalaistaustainen"))
    homeless = answer_field(_("Asunnoton tai asuntomarkkinoilta syrjäytynyt"))
    rural = answer_field(_("Maaseudulla asuva"))
    disability = answer_field(_("Vamma tai pitkäaikaissairaus"))
    minority = answer_field(_("Vähemmistöön kuuluva (myös romanit)"))

    def __init__(
        self,
        *args: Any,
        operations: Any,
        with_special: bool,
        with_operation: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if with_operation:
            # Participant data are recorded for ESF+ operations only; an ERDF operation of the
            # same area is not offered.
            self.fields["operation"].queryset = operations.filter(  # type: ignore[attr-defined]
                fund=operation_model().Fund.ESF_PLUS
            )
        else:
            del self.fields["operation"]
        if not with_special:
            del self.fields["disability"]
            del self.fields["minority"]


class ExitForm(CleanTextFormMixin, forms.Form):
    exit_date = date_field(_("Päättymispäivä"))
    exit_job_searching = tri_state_field(_("Työnhakijana 4 viikon kuluessa"))
    exit_in_education = tri_state_field(_("Koulutuksessa 4 viikon kuluessa"))
    exit_qualification = tri_state_field(_("Sai tutkinnon tai pätevyyden"))
    exit_employed = tri_state_field(_("Työssä tai yrittäjänä 4 viikon kuluessa"))
    exit_results_on = date_field(
        _("Tilanne saavutettu"),
        required=False,
        help_text=_(
            "Päivä, jona yllä kirjattu tilanne saavutettiin; tyhjä = päättymispäivä. Tulos "
            "lasketaan välittömäksi tulokseksi vain, jos se on saavutettu enintään neljä "
            "viikkoa päättymisen jälkeen."
        ),
    )


class FollowUpForm(CleanTextFormMixin, forms.Form):
    six_month_employed = tri_state_field(_("Työssä tai yrittäjänä 6 kk päättymisestä"))
    six_month_improved = tri_state_field(_("Työmarkkinatilanne parantunut 6 kk päättymisestä"))


class ReEntryForm(CleanTextFormMixin, forms.Form):
    re_entry_date = date_field(_("Paluupäivä"))
