"""Forms of the profile: skills, requirement cards, target occupations, languages and CVs."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.errors import DomainError
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.jobseekers.forms.fields import date_field
from kohtaanto.jobseekers.languages import language_choices, language_name
from kohtaanto.jobseekers.models import CefrLevel, SkillLevel, SkillSource
from kohtaanto.jobseekers.services.cv import CV_DEFAULT_LEVEL, NATIVE, CardDates
from kohtaanto.taxonomy.fields import ConceptChoiceField
from kohtaanto.taxonomy.lookup import concept_lookup_one
from kohtaanto.taxonomy.models import Concept


class SkillForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(label=_("Taito"), types=["skill", "knowledge"])
    level = forms.TypedChoiceField(
        label=_("Taso"), choices=SkillLevel.choices, coerce=int, initial=2
    )
    source = forms.ChoiceField(label=_("Lähde"), choices=SkillSource.choices, initial="counsellor")
    evidence = forms.CharField(label=_("Näyttö"), required=False, max_length=500)
    assessed_on = date_field(_("Päivämäärä"), required=False)


class CardForm(CleanTextFormMixin, forms.Form):
    concept = ConceptChoiceField(label=_("Kortti tai pätevyys"), types=["requirement"])
    acquired_on = date_field(_("Suoritettu"), required=False)
    expires_on = date_field(
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
LANGUAGE_LEVEL_ERROR = _("Tason on oltava A1, A2, B1, B2, C1, C2 tai äidinkieli.")


def _in_page_language(suggestions: list[dict]) -> list[dict]:
    """The stored suggestions carry the CV's language's labels; the page shows the user's
    (a concept without one keeps a fallback: `Concept.label`)."""
    concepts = Concept.objects.only("id", "uri", "preferred").in_bulk(
        [int(s["concept_id"]) for s in suggestions]
    )
    return [
        {**s, "label": concept.label()} if (concept := concepts.get(int(s["concept_id"]))) else s
        for s in suggestions
    ]


LANGUAGE_LEVELS = [*CefrLevel.choices, (NATIVE, _("äidinkieli"))]


class CvConfirmForm(CleanTextFormMixin, forms.Form):
    """One checkbox per suggestion: a skill with its level (proposed from the years of
    experience the CV states, `SkillLevel.for_years`), a card with its dates (prefilled with
    those the CV states, `extraction.card_dates`); one checkbox and level per language the CV
    states; and free additions (one name per line)."""

    add = forms.CharField(
        label=_("Lisää muita taitoja"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Yksi taito tai URI riviä kohden; saavat tason 2."),
    )

    def __init__(
        self,
        *args: Any,
        suggestions: list[dict],
        languages: Sequence[Any] = (),
        experience: Sequence[Any] = (),
        card_dates: dict[int, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = _in_page_language(suggestions)
        years: dict[str, int] = {}
        for entry in experience:
            if entry.uri:
                years[entry.uri] = max(years.get(entry.uri, 0), entry.years)
        self.years = years
        for s in self.suggestions:
            key = str(s["concept_id"])
            self.fields[f"accept_{key}"] = forms.BooleanField(
                label=s["label"], required=False, initial=s["type"] != "occupation"
            )
            if s["type"] in ("skill", "knowledge"):
                found = years.get(s["uri"])
                self.fields[f"level_{key}"] = forms.TypedChoiceField(
                    label=_("Taso: %(label)s") % {"label": s["label"]},
                    choices=SkillLevel.choices,
                    coerce=int,
                    initial=SkillLevel.for_years(found) if found else CV_DEFAULT_LEVEL,
                    required=False,
                    empty_value=None,
                )
            elif s["type"] == "requirement":
                stated = (card_dates or {}).get(int(s["concept_id"]))
                self.fields[f"acquired_on_{key}"] = date_field(
                    _("Suoritettu: %(label)s") % {"label": s["label"]}, required=False
                )
                self.fields[f"expires_on_{key}"] = date_field(
                    _("Voimassa asti: %(label)s") % {"label": s["label"]}, required=False
                )
                if stated is not None:
                    self.fields[f"acquired_on_{key}"].initial = stated.acquired_on
                    self.fields[f"expires_on_{key}"].initial = stated.expires_on
        self.language_codes = list(dict.fromkeys(entry.code for entry in languages))
        found_levels = {entry.code: entry.level for entry in languages}
        for code in self.language_codes:
            self.fields[f"language_{code}"] = forms.BooleanField(
                label=language_name(code), required=False, initial=True
            )
            self.fields[f"level_{code}"] = forms.ChoiceField(
                label=_("Taso: %(language)s") % {"language": language_name(code)},
                choices=[("", _("– valitse –")), *LANGUAGE_LEVELS],
                initial=found_levels.get(code, ""),
                required=False,
                error_messages={"invalid_choice": LANGUAGE_LEVEL_ERROR},
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
                    "years": self.years.get(s["uri"]) if f"level_{key}" in self.fields else None,
                    "dates": [self[f"{name}_{key}"] for name in ("acquired_on", "expires_on")]
                    if f"expires_on_{key}" in self.fields
                    else [],
                }
            )
        return result

    def language_rows(self) -> list[dict[str, Any]]:
        return [
            {"accept": self[f"language_{code}"], "level": self[f"level_{code}"]}
            for code in self.language_codes
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for code in self.language_codes:
            field = f"level_{code}"
            if (
                cleaned.get(f"language_{code}")
                and not cleaned.get(field)
                and field not in self.errors
            ):
                self.add_error(field, _("Valitse kielitaidon taso."))
        return cleaned

    def accepted(self) -> dict[int, int]:
        chosen = {}
        for s in self.suggestions:
            key = str(s["concept_id"])
            if self.cleaned_data.get(f"accept_{key}"):
                chosen[int(s["concept_id"])] = (
                    self.cleaned_data.get(f"level_{key}") or CV_DEFAULT_LEVEL
                )
        return chosen

    def card_dates(self) -> dict[int, CardDates]:
        """The dates given for each card suggestion (a card not ticked is not stored)."""
        return {
            int(s["concept_id"]): CardDates(
                acquired_on=self.cleaned_data.get(f"acquired_on_{s['concept_id']}"),
                expires_on=self.cleaned_data.get(f"expires_on_{s['concept_id']}"),
            )
            for s in self.suggestions
            if f"expires_on_{s['concept_id']}" in self.fields
        }

    def languages(self) -> list[tuple[str, str]]:
        """The ticked languages with their level: (ISO 639-1 code, CEFR level or "native")."""
        return [
            (code, self.cleaned_data[f"level_{code}"])
            for code in self.language_codes
            if self.cleaned_data.get(f"language_{code}")
        ]

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
