from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.validators import CleanTextFormMixin


class AuditSearchForm(CleanTextFormMixin, forms.Form):
    LOGS = [("events", _("Tapahtumat")), ("access", _("Henkilötietojen katselut"))]
    log = forms.ChoiceField(label=_("Loki"), choices=LOGS, initial="events", required=False)
    q = forms.CharField(label=_("Hakusana"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("Alkaen"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Päättyen"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Päättymispäivä on ennen alkamispäivää."))
        return data
