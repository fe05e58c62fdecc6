"""Forms: input parsing and display only; the rules live in services and validation.py."""

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import Municipality, PartnerOrganisation, User
from kohtaanto.common.errors import DomainError
from kohtaanto.common.forms import DateInput, UserMultipleChoiceField
from kohtaanto.common.validators import CleanTextFormMixin, validate_not_in_future
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.languages import language_choices
from kohtaanto.jobseekers.models import (
    Answer,
    CefrLevel,
    ConsentPurpose,
    Gender,
    JobSeeker,
    LabourMarketStatus,
    PlanAction,
    PlanGoal,
    ServiceEvent,
    SkillLevel,
    SkillSource,
    operation_model,
)
from kohtaanto.taxonomy.fields import ConceptChoiceField
from kohtaanto.taxonomy.lookup import concept_lookup_one
from kohtaanto.taxonomy.models import Concept

EMPTY = [("", _("– valitse –"))]


def _date(
    label: Any, *, required: bool = True, help_text: Any = "", past: bool = False
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text,
        validators=[validate_not_in_future] if past else [],
    )


YES_NO_UNKNOWN = [("", _("Ei tiedossa")), ("yes", _("Kyllä")), ("no", _("Ei"))]


def _tri_state(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_UNKNOWN,
        required=False,
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
    )


def tri_state_initial(value: bool | None) -> str:
    if value is None:
        return ""
    return "yes" if value else "no"


def _answer(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", _("Ei kysytty")), *Answer.choices],
        help_text=_("Henkilö voi jättää vastaamatta; se ei estä aloitusta."),
    )


# --- register --------------------------------------------------------------------------------


class JobSeekerListForm(CleanTextFormMixin, forms.Form):
    q = forms.CharField(label=_("Haku"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Kunta"), queryset=Municipality.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Tila"), required=False, choices=[("", _("Kaikki")), *JobSeeker.Status.choices]
    )
    participation = forms.ChoiceField(
        label=_("ESR+-osallistuminen"),
        required=False,
        choices=[
            ("", _("Kaikki")),
            ("active", _("Mukana hankkeessa")),
            ("exited", _("Päättynyt")),
            ("none", _("Ei aloittanut")),
        ],
    )
    mine = forms.BooleanField(label=_("Vain omat asiakkaani"), required=False)

    def __init__(self, *args: Any, area_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(area_id=area_id)  # type: ignore[attr-defined]


class JobSeekerForm(CleanTextFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Etunimi"), max_length=100)
    last_name = forms.CharField(label=_("Sukunimi"), max_length=100)
    email = forms.EmailField(label=_("Sähköposti"), required=False)
    phone = forms.CharField(label=_("Puhelin"), max_length=40, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Kotikunta"), queryset=Municipality.objects.none(), required=False
    )
    identity_code = forms.CharField(
        label=_("Henkilötunnus"),
        max_length=20,
        required=False,
        help_text=_("Koko tunnus välimerkkeineen (esim. -, Y tai A). Tallennetaan salattuna."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    birth_date = _date(_("Syntymäaika"), required=False, past=True)
    gender = forms.ChoiceField(
        label=_("Sukupuoli"),
        required=False,
        choices=[("", _("Ei kerrottu")), *Gender.choices],
        help_text=_("Kysy henkilöltä; ei päätellä henkilötunnuksesta."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Asiointikieli"),
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
    )
    external_id = forms.CharField(label=_("Ulkoinen tunniste"), max_length=100, required=False)
    counsellors = UserMultipleChoiceField(
        label=_("Vastuuohjaajat"), queryset=User.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        area_id: int | None,
        counsellors: Any = None,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(area_id=area_id)  # type: ignore[attr-defined]
        if counsellors is None:
            del self.fields["counsellors"]
        else:
            self.fields["counsellors"].queryset = counsellors  # type: ignore[attr-defined]
        if editing:
            self.fields["identity_code"].help_text = _(
                "Jätä tyhjäksi, jos tunnus ei muutu. Tallennettua tunnusta ei näytetä tässä."
            )
            self.fields["remove_identity_code"] = forms.BooleanField(
                label=_("Poista tallennettu henkilötunnus"), required=False
            )
            self.fields["status"] = forms.ChoiceField(
                label=_("Tila"), choices=JobSeeker.Status.choices
            )


class CounsellorsForm(CleanTextFormMixin, forms.Form):
    counsellors = UserMultipleChoiceField(
        label=_("Vastuuohjaajat"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, counsellors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["counsellors"].queryset = counsellors  # type: ignore[attr-defined]


class PseudonymiseForm(CleanTextFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Peruste"),
        max_length=200,
        help_text=_("Esimerkiksi henkilön pyyntö tietojen poistamisesta."),
    )
    confirm = forms.BooleanField(
        label=_("Ymmärrän, että nimet, yhteystiedot, henkilötunnus ja vapaat tekstit poistetaan.")
    )


# --- consent ---------------------------------------------------------------------------------


class ConsentForm(CleanTextFormMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("Tarkoitus"), choices=ConsentPurpose.choices)
    partner_organisation = forms.ModelChoiceField(
        label=_("Kumppaniorganisaatio"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        required=False,
        help_text=_("Kun tietoja luovutetaan kumppanille."),
    )
    company = forms.ModelChoiceField(
        label=_("Työnantaja"),
        queryset=Company.objects.none(),
        required=False,
        help_text=_("Kun profiili lähetetään työnantajalle."),
    )
    given_on = _date(_("Annettu"))
    expires_on = _date(_("Voimassa asti"), required=False)
    note = forms.CharField(
        label=_("Lisätieto"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Miten suostumus annettiin, esim. allekirjoitettu lomake."),
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]


# --- ESF+ participation ----------------------------------------------------------------------

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
    entry_date = _date(_("Aloituspäivä"))
    gender = forms.ChoiceField(
        label=_("Sukupuoli"),
        choices=[*EMPTY, *Gender.choices],
        help_text=_("Kysy henkilöltä; ei päätellä henkilötunnuksesta."),
    )
    birth_date = _date(_("Syntymäaika"), past=True)
    labour_market_status = forms.ChoiceField(
        label=_("Työmarkkina-asema aloitettaessa"), choices=[*EMPTY, *LabourMarketStatus.choices]
    )
    unemployed_since = _date(
        _("Työtön alkaen"), required=False, help_text=_("Pakollinen, jos henkilö on työtön.")
    )
    isced_level = forms.TypedChoiceField(
        label=_("Korkein koulutus (ISCED)"),
        choices=ISCED_CHOICES,
        required=False,
        coerce=int,
        empty_value=None,
    )
    third_country_national = _answer(_("Kolmannen maan kansalainen"))
    foreign_background = _answer(_("Ulkomaalaistaustainen"))
    homeless = _answer(_("Asunnoton tai asuntomarkkinoilta syrjäytynyt"))
    rural = _answer(_("Maaseudulla asuva"))
    disability = _answer(_("Vamma tai pitkäaikaissairaus"))
    minority = _answer(_("Vähemmistöön kuuluva (myös romanit)"))

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
    exit_date = _date(_("Päättymispäivä"))
    exit_job_searching = _tri_state(_("Työnhakijana 4 viikon kuluessa"))
    exit_in_education = _tri_state(_("Koulutuksessa 4 viikon kuluessa"))
    exit_qualification = _tri_state(_("Sai tutkinnon tai pätevyyden"))
    exit_employed = _tri_state(_("Työssä tai yrittäjänä 4 viikon kuluessa"))
    exit_results_on = _date(
        _("Tilanne saavutettu"),
        required=False,
        help_text=_(
            "Päivä, jona yllä kirjattu tilanne saavutettiin; tyhjä = päättymispäivä. Tulos "
            "lasketaan välittömäksi tulokseksi vain, jos se on saavutettu enintään neljä "
            "viikkoa päättymisen jälkeen."
        ),
    )


class FollowUpForm(CleanTextFormMixin, forms.Form):
    six_month_employed = _tri_state(_("Työssä tai yrittäjänä 6 kk päättymisestä"))
    six_month_improved = _tri_state(_("Työmarkkinatilanne parantunut 6 kk päättymisestä"))


class ReEntryForm(CleanTextFormMixin, forms.Form):
    re_entry_date = _date(_("Paluupäivä"))


# --- profile ---------------------------------------------------------------------------------


class SkillForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(label=_("Taito"), types=["skill", "knowledge"])
    level = forms.TypedChoiceField(
        label=_("Taso"), choices=SkillLevel.choices, coerce=int, initial=2
    )
    source = forms.ChoiceField(label=_("Lähde"), choices=SkillSource.choices, initial="counsellor")
    evidence = forms.CharField(label=_("Näyttö"), required=False, max_length=500)
    assessed_on = _date(_("Päivämäärä"), required=False)


class CardForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(label=_("Kortti tai pätevyys"), types=["requirement"])
    acquired_on = _date(_("Suoritettu"), required=False)
    expires_on = _date(
        _("Voimassa asti"),
        required=False,
        help_text=_("Tyhjä: lasketaan kortin voimassaoloajasta."),
    )
    evidence = forms.CharField(label=_("Näyttö"), required=False, max_length=500)


class TargetForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(label=_("Tavoiteammatti"), types=["occupation"])


class LanguageForm(CleanTextFormMixin, forms.Form):
    language = forms.ChoiceField(label=_("Kieli"), choices=())
    level = forms.ChoiceField(label=_("Taso (CEFR)"), choices=CefrLevel.choices)
    is_native = forms.BooleanField(label=_("Äidinkieli"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()  # type: ignore[attr-defined]


class CvForm(CleanTextFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Ansioluettelon teksti"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Liitä teksti tai lataa tiedosto."),
    )
    file = forms.FileField(
        label=_("Tiedosto (PDF, DOCX tai TXT, enintään 5 Mt)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.txt"}),
    )


CV_ADD_TYPES = ["skill", "knowledge", "requirement"]


class CvConfirmForm(CleanTextFormMixin, forms.Form):
    """One checkbox and level per suggestion, and free additions (one name per line)."""

    add = forms.CharField(
        label=_("Lisää muita taitoja"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Yksi taito tai URI riviä kohden; saavat tason 2."),
    )

    def __init__(self, *args: Any, suggestions: list[dict], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        for s in suggestions:
            key = str(s["concept_id"])
            self.fields[f"accept_{key}"] = forms.BooleanField(
                label=s["label"], required=False, initial=s["type"] != "occupation"
            )
            if s["type"] in ("skill", "knowledge"):
                self.fields[f"level_{key}"] = forms.TypedChoiceField(
                    label=_("Taso: %(label)s") % {"label": s["label"]},
                    choices=SkillLevel.choices,
                    coerce=int,
                    initial=2,
                    required=False,
                    empty_value=None,
                )

    def rows(self) -> list[dict[str, Any]]:
        """Each suggestion with its bound fields, for the template."""
        result = []
        for s in self.suggestions:
            key = str(s["concept_id"])
            result.append(
                {
                    "suggestion": s,
                    "accept": self[f"accept_{key}"],
                    "level": self[f"level_{key}"] if f"level_{key}" in self.fields else None,
                }
            )
        return result

    def accepted(self) -> dict[int, int]:
        chosen = {}
        for s in self.suggestions:
            key = str(s["concept_id"])
            if self.cleaned_data.get(f"accept_{key}"):
                chosen[int(s["concept_id"])] = self.cleaned_data.get(f"level_{key}") or 2
        return chosen

    def clean_add(self) -> list[Concept]:
        """Every line looked up; all lines that name no single concept are reported at once,
        each with its line number and the reason."""
        concepts = []
        problems = []
        lang = (get_language() or "fi")[:2]
        for number, line in enumerate((self.cleaned_data.get("add") or "").splitlines(), 1):
            if line.strip():
                try:
                    concepts.append(
                        concept_lookup_one(text=line, types=CV_ADD_TYPES, lang=lang, field="add")
                    )
                except DomainError as error:
                    problems.append(
                        forms.ValidationError(
                            _('Rivi %(line)s ("%(text)s"): %(reason)s'),
                            code=error.code,
                            params={"line": number, "text": line.strip(), "reason": error.message},
                        )
                    )
        if problems:
            raise forms.ValidationError(problems)
        return concepts


# --- plan and events -------------------------------------------------------------------------


class GoalForm(CleanTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Tavoite"), max_length=500)
    target_date = _date(_("Tavoitepäivä"), required=False)


class GoalStatusForm(CleanTextFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Tila"), choices=PlanGoal.Status.choices)


class ActionForm(CleanTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Sovittu toimenpide"), max_length=500)
    due_on = _date(_("Määräpäivä"))
    goal = forms.ModelChoiceField(
        label=_("Tavoite"), queryset=PlanGoal.objects.none(), required=False
    )

    def __init__(self, *args: Any, goals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals  # type: ignore[attr-defined]


class ActionStatusForm(CleanTextFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Tila"), choices=PlanAction.Status.choices)
    completed_on = _date(_("Tehty"), required=False)


class EventForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Laji"), choices=ServiceEvent.Kind.choices)
    occurred_on = _date(_("Päivämäärä"))
    description = forms.CharField(
        label=_("Kuvaus"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    training_name = forms.CharField(
        label=_("Koulutus"),
        required=False,
        max_length=300,
        help_text=_("Ohjauksessa koulutukseen: koulutuksen tai ohjelman nimi."),
    )
    partner_organisation = forms.ModelChoiceField(
        label=_("Kumppaniorganisaatio"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        required=False,
        help_text=_("Ohjauksessa kumppanin palveluun; vaatii voimassa olevan suostumuksen."),
    )
    company = forms.ModelChoiceField(
        label=_("Työnantaja"),
        queryset=Company.objects.none(),
        required=False,
        help_text=_("Ohjauksessa työnantajalle; vaatii voimassa olevan suostumuksen."),
    )
    outcome = forms.ChoiceField(
        label=_("Tulos"), required=False, choices=[*EMPTY, *ServiceEvent.Outcome.choices]
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]


class ReferralStatusForm(CleanTextFormMixin, forms.Form):
    referral_status = forms.ChoiceField(
        label=_("Ohjauksen tila"), choices=ServiceEvent.ReferralStatus.choices
    )


class WorklistForm(CleanTextFormMixin, forms.Form):
    idle_days = forms.IntegerField(
        label=_("Ei tapahtumia päivään"), min_value=1, max_value=365, required=False
    )
