"""Text → taxonomy concepts (Finnish, Swedish, English).

Library:

    from kohtaanto.extraction.engine import extract
    result = extract(text, lang="auto")          # or mode="rank" for long descriptive texts
    result.lang, result.concepts, result.negated  # Mention(concept_id, uri, label, type,
                                                  #         score, spans, required)

Command: `kohtaanto extract [--lang] [--format json|text] [--mode match|rank] [--file F]`,
`kohtaanto extract --jsonl IN.jsonl`.

Confirm flow for other apps' forms (job-seeker profile, vacancy, survey answer, course):

    # forms.py of the calling app
    from kohtaanto.extraction.forms import AcceptedConceptsField
    class VacancySkillsForm(forms.Form):
        skills = AcceptedConceptsField()

    {# template, inside the <form> #}
    {% include "extraction/confirm.html" with field_name="skills" %}

The include posts the pasted text to `extraction:suggest` (htmx) and shows the highlighted
spans and suggested concepts as checkboxes named `skills` (found ones ticked, negated and
implied ones not), plus a concept search (`extraction:concept_search`) whose results are
checkboxes too. On submit, `form.cleaned_data["skills"]` holds the accepted Concept rows; the
calling app's service stores them with its own source (e.g. "cv_text", "job_ad") and writes its
audit event. The flow itself stores nothing. Permission: `can_use_extraction` (every staff role).

The optional semantic stage is enabled by settings.EXTRACTION_MODEL_PATH (a local
sentence-transformers model folder; `pip install 'kohtaanto[semantic]'`).
"""
