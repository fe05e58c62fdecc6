"""Taxonomy: ESCO skills, knowledge, occupations and groups, the shipped fi/sv/en vocabulary
with the requirement cards, and concept search.

What other apps use:
- models: `Concept` (a concept's id never changes; its URI is its identity), `ConceptLabel`,
  `ConceptRelation`; `Concept.label(lang)` for display.
- selectors: `concept_search(actor=, q=, lang=, types=)`, `concept_get_for_actor(actor=, id=)`,
  `concept_detail(...)`, `concept_usage_list(...)`.
- fields: `ConceptChoiceField`, a typeahead concept picker for any form (see its docstring).
- templatetags `taxonomy_tags`: `{% concept_link concept %}`, `{% concept_label concept %}`.
- usage: `usage_source_register(...)`: tell the concept page where a concept is used.
- text: `normalize(text, lang)`, the lemmatised form stored in `ConceptLabel.normalized`.
- search: `concept_index_search(...)` without a permission check, for services.

Writes: `services.esco_import` (`kohtaanto import-esco PATH`) and `services.vocabulary_load`
(`kohtaanto load-vocabulary`, also run by `kohtaanto demo`).
"""
