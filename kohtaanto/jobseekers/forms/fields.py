"""The fields the job seeker forms share: dates, yes/no/unknown and sensitive answers."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import PartnerOrganisation
from kohtaanto.common.forms import DateInput
from kohtaanto.common.validators import validate_not_in_future
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import Answer

EMPTY = [("", _("– valitse –"))]


def date_field(
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


def tri_state_field(label: Any) -> forms.TypedChoiceField:
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


def answer_field(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", _("Ei kysytty")), *Answer.choices],
        help_text=_("Henkilö voi jättää vastaamatta; se ei estä aloitusta."),
    )


def partner_field(help_text: Any) -> forms.ModelChoiceField:
    """The partner organisation that a person's data go to (an optional choice)."""
    return forms.ModelChoiceField(
        label=_("Kumppaniorganisaatio"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        required=False,
        help_text=help_text,
    )


def employer_field(help_text: Any) -> forms.ModelChoiceField:
    """The employer that a person's data go to (an optional choice; the form offers the
    companies of the actor's area, `common.forms.set_choices`)."""
    return forms.ModelChoiceField(
        label=_("Työnantaja"), queryset=Company.objects.none(), required=False, help_text=help_text
    )
