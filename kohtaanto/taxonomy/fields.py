"""A reusable concept picker for the forms of any app.

    from kohtaanto.taxonomy.fields import ConceptChoiceField

    class VacancySkillForm(forms.Form):
        skill = ConceptChoiceField(label=_("Taito"), types=["skill", "knowledge"])

`form.cleaned_data["skill"]` is a `Concept` (or None when not required and left empty). Render
the form as usual (`{% include "includes/form.html" %}`) and load the picker's script in the
page's head block: `<script src="{% static 'taxonomy/typeahead.js' %}" defer></script>`.

The widget is a search box (`<name>_q`) followed by radio buttons (`<name>`) of matching concepts.
With JavaScript, htmx replaces the options as the user types (GET `taxonomy:picker`); arrow keys
move between the box and the options. Without JavaScript the form still works: the typed text
(or a URI, also when posted as `<name>` itself) goes through `taxonomy.lookup`, so "hitsausta"
selects "hitsaus"; when nothing or several concepts match, the form comes back with the reason
and the suggestions as radio buttons.
"""

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.errors import DomainError
from kohtaanto.taxonomy.lookup import concept_lookup_one
from kohtaanto.taxonomy.models import Concept, ConceptStatus, ConceptType
from kohtaanto.taxonomy.search import SearchHit, concept_index_search

OPTION_LIMIT = 8


def _page_language() -> str:
    return (get_language() or "fi")[:2]


def picker_options(
    query: str, *, types: list[str], selected: Concept | None = None
) -> list[dict[str, Any]]:
    """The radio options for a picker: the selected concept first, then search results."""
    lang = _page_language()
    options: list[dict[str, Any]] = []
    if selected is not None:
        label_lang, label = selected.label_in(lang)
        options.append(_option(selected.pk, label, label_lang, lang, selected.type, "", True))
    hits: list[SearchHit] = []
    if query.strip():
        hits = concept_index_search(query, lang=lang, types=types, limit=OPTION_LIMIT)
    for hit in hits:
        if selected is None or hit.concept_id != selected.pk:
            label_lang, label = hit.label_in(lang)
            options.append(
                _option(hit.concept_id, label, label_lang, lang, hit.type, hit.matched, False)
            )
    return options


def _option(
    pk: int,
    label: str,
    label_lang: str,
    page_lang: str,
    concept_type: str,
    matched: str,
    selected: bool,
) -> dict:
    return {
        "id": pk,
        "label": label,
        # Marked only when the label falls back to another language than the page's.
        "lang": "" if label_lang == page_lang else label_lang,
        "type_label": ConceptType(concept_type).label,
        "matched": matched if matched and matched != label else "",
        "selected": selected,
    }


class ConceptPickerWidget(forms.Widget):
    template_name = "taxonomy/widgets/concept_picker.html"

    def __init__(self, types: list[str] | None = None, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.types = list(types or [])

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        return {"id": data.get(name, ""), "q": data.get(f"{name}_q", "")}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and f"{name}_q" not in data

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        selected: Concept | None = None
        query = ""
        if isinstance(value, Concept):
            selected = value
        elif isinstance(value, dict):
            query = value.get("q", "")
            chosen = str(value.get("id", ""))
            if chosen.isdigit():
                selected = Concept.objects.filter(pk=int(chosen)).first()
            elif chosen and not query:
                query = chosen
        elif isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            selected = Concept.objects.filter(pk=int(value)).first()
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["widget"].update(
            {
                "id": widget_id,
                "query": query,
                "options": picker_options(query, types=self.types, selected=selected),
                "picker_url": reverse("taxonomy:picker"),
                "hx_vals": json.dumps(
                    {"field": name, "id": widget_id, "type": ",".join(self.types)}
                ),
            }
        )
        return context


class ConceptChoiceField(forms.Field):
    widget = ConceptPickerWidget
    default_error_messages = {
        "invalid_choice": _("Valittua käsitettä ei löydy. Valitse ehdotuksista."),
        # Several concepts fit the typed text: the widget lists them as radio buttons.
        "ambiguous_concept": _("Valitse yksi ehdotetuista käsitteistä."),
    }

    def __init__(self, *, types: list[str] | None = None, **kwargs: Any) -> None:
        self.types = list(types or [])
        kwargs.setdefault("widget", ConceptPickerWidget(types=self.types))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Concept | None:
        if isinstance(value, Concept) or not value:
            return value or None
        if not isinstance(value, dict):
            value = {"id": str(value), "q": ""}
        chosen = str(value.get("id") or "").strip()
        if chosen.isdigit():
            concepts = Concept.objects.exclude(status=ConceptStatus.OBSOLETE)
            if self.types:
                concepts = concepts.filter(type__in=self.types)
            concept = concepts.filter(pk=int(chosen)).first()
            if concept is None:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            return concept
        # Without JavaScript (or from a client posting text): the typed label or URI.
        typed = chosen or str(value.get("q") or "").strip()
        if not typed:
            return None
        try:
            return concept_lookup_one(text=typed, types=self.types, lang=_page_language())
        except DomainError as error:
            message = self.error_messages.get(error.code, error.message)
            raise ValidationError(message, code=error.code) from error
