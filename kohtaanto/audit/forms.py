from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.presentation import type_label
from kohtaanto.common.forms import DateInput, PeriodMixin, UserChoiceField
from kohtaanto.common.validators import CleanTextFormMixin


class AuditSearchForm(CleanTextFormMixin, PeriodMixin, forms.Form):
    start_field, end_field = "date_from", "date_to"

    LOGS = [("events", _("Tapahtumat")), ("access", _("Henkilötietojen katselut"))]
    log = forms.ChoiceField(label=_("Loki"), choices=LOGS, initial="events", required=False)
    q = forms.CharField(label=_("Hakusana"), required=False, max_length=100)
    person = UserChoiceField(
        label=_("Tekijä"),
        queryset=None,
        required=False,
        empty_label=_("Kaikki"),
        with_username=True,
    )
    object_type = forms.ChoiceField(label=_("Kohteen tyyppi"), required=False)
    object_id = forms.CharField(
        label=_("Kohteen tunniste"),
        required=False,
        max_length=64,
        help_text=_("Kohteen numero, esimerkiksi sitoumuksen tai henkilön tunniste."),
    )
    date_from = forms.DateField(label=_("Alkaen"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Päättyen"), required=False, widget=DateInput())

    def __init__(
        self, *args: Any, people: Any = None, object_types: list[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        person_field = self.fields["person"]
        assert isinstance(person_field, forms.ModelChoiceField)
        person_field.queryset = people
        type_field = self.fields["object_type"]
        assert isinstance(type_field, forms.ChoiceField)
        choices = sorted(((t, type_label(t)) for t in object_types or []), key=lambda c: c[1])
        type_field.choices = [("", _("Kaikki")), *choices]
