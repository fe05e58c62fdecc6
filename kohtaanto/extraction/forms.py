"""Forms of the confirm flow, and the field a calling form uses to receive accepted concepts."""

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.extraction.sources import EXTRACTED_TYPES
from kohtaanto.taxonomy.models import Concept

MAX_TEXT = 20_000
# The flow's own inputs are prefixed, so that they never clash with the calling form's fields.
PREFIX = "extraction"
LANG_CHOICES = [
    ("auto", _("Tunnista kieli")),
    ("fi", _("suomi")),
    ("sv", _("ruotsi")),
    ("en", _("englanti")),
]
# The name of the calling form's field that receives the accepted concept ids.
field_name_validator = RegexValidator(r"^[a-z][a-z0-9_]{0,39}$", _("Virheellinen kentän nimi."))


class SuggestForm(CleanTextFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Teksti"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Liitä ansioluettelo, työpaikkailmoitus, kyselyvastaus tai kurssikuvaus."),
    )
    lang = forms.ChoiceField(label=_("Kieli"), choices=LANG_CHOICES, initial="auto")
    field_name = forms.CharField(
        widget=forms.HiddenInput, initial="concepts", validators=[field_name_validator]
    )


class ConceptSearchForm(CleanTextFormMixin, forms.Form):
    q = forms.CharField(label=_("Hae käsitettä"), min_length=2, max_length=100)
    field_name = forms.CharField(
        widget=forms.HiddenInput, initial="concepts", validators=[field_name_validator]
    )


class AcceptedConceptsField(forms.ModelMultipleChoiceField):
    """The concepts a user accepted in the confirm flow (checkboxes named like this field).

    A calling form declares `skills = AcceptedConceptsField()` and includes
    "extraction/confirm.html" with `field_name="skills"`; `cleaned_data["skills"]` is then the
    list of accepted Concept rows, which the calling app's service stores with its own source.
    """

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Hyväksytyt käsitteet"))
        super().__init__(queryset=Concept.objects.filter(type__in=EXTRACTED_TYPES), **kwargs)


class TryForm(CleanTextFormMixin, forms.Form):
    """The stand-alone page's form: it only receives the accepted concepts."""

    concepts = AcceptedConceptsField()
