"""Forms of the activation plan: goals, agreed actions and service events."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.forms import set_choices
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.jobseekers.forms.fields import EMPTY, date_field, employer_field, partner_field
from kohtaanto.jobseekers.models import PlanAction, PlanGoal, ServiceEvent


class GoalForm(CleanTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Tavoite"), max_length=500)
    target_date = date_field(_("Tavoitepäivä"), required=False)


class GoalStatusForm(CleanTextFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Tila"), choices=PlanGoal.Status.choices)


class ActionForm(CleanTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Sovittu toimenpide"), max_length=500)
    due_on = date_field(_("Määräpäivä"))
    goal = forms.ModelChoiceField(
        label=_("Tavoite"), queryset=PlanGoal.objects.none(), required=False
    )

    def __init__(self, *args: Any, goals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals  # type: ignore[attr-defined]


class ActionStatusForm(CleanTextFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Tila"), choices=PlanAction.Status.choices)
    completed_on = date_field(_("Tehty"), required=False)


class EventForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Laji"), choices=ServiceEvent.Kind.choices)
    occurred_on = date_field(_("Päivämäärä"))
    description = forms.CharField(
        label=_("Kuvaus"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    training_name = forms.CharField(
        label=_("Koulutus"),
        required=False,
        max_length=300,
        help_text=_("Ohjauksessa koulutukseen: koulutuksen tai ohjelman nimi."),
    )
    partner_organisation = partner_field(
        _("Ohjauksessa kumppanin palveluun; vaatii voimassa olevan suostumuksen.")
    )
    company = employer_field(_("Ohjauksessa työnantajalle; vaatii voimassa olevan suostumuksen."))
    outcome = forms.ChoiceField(
        label=_("Tulos"), required=False, choices=[*EMPTY, *ServiceEvent.Outcome.choices]
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "company", companies)


class ReferralStatusForm(CleanTextFormMixin, forms.Form):
    referral_status = forms.ChoiceField(
        label=_("Ohjauksen tila"), choices=ServiceEvent.ReferralStatus.choices
    )
