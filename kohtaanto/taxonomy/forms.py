from django import forms
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.taxonomy.models import ConceptType


class ConceptSearchForm(CleanTextFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Hae nimellä"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Millä tahansa kielellä; taivutetut muodot ja pienet kirjoitusvirheet käyvät."),
    )
    type = forms.ChoiceField(
        label=_("Tyyppi"),
        required=False,
        choices=[("", _("Kaikki tyypit")), *ConceptType.choices],
    )
