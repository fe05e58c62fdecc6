"""Template tags for showing concepts in any app's templates.

    {% load taxonomy_tags %}
    {% concept_link concept %}     <a href="/taxonomy/concepts/7/">hitsaaja</a>
    {% concept_label concept %}    hitsaaja, without a link

The label is in the page's language, falling back to Finnish, English, Swedish; a fallback is
marked with its `lang` so that screen readers pronounce it right (WCAG 2.1, 3.1.2).
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from kohtaanto.taxonomy.models import Concept

register = template.Library()


def _label(concept: Concept) -> tuple[str, str]:
    page = (get_language() or "fi")[:2]
    lang, text = concept.label_in(page)
    return ("" if lang in ("", page) else lang), text


@register.simple_tag
def concept_label(concept: Concept) -> SafeString:
    lang, text = _label(concept)
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, text)
    return format_html("{}", text)


@register.simple_tag
def concept_link(concept: Concept) -> SafeString:
    lang, text = _label(concept)
    url = reverse("taxonomy:concept", args=[concept.pk])
    if lang:
        return format_html('<a href="{}" lang="{}">{}</a>', url, lang, text)
    return format_html('<a href="{}">{}</a>', url, text)
