"""Forms of the register: the list's filters, a person, counsellors, pseudonymisation, worklist."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import Municipality, User
from kohtaanto.common.forms import UserMultipleChoiceField
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.jobseekers.forms.fields import date_field
from kohtaanto.jobseekers.models import Gender, JobSeeker


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
    birth_date = date_field(_("Syntymäaika"), required=False, past=True)
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


class WorklistForm(CleanTextFormMixin, forms.Form):
    idle_days = forms.IntegerField(
        label=_("Ei tapahtumia päivään"), min_value=1, max_value=365, required=False
    )
