import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.taxonomy import selectors
from kohtaanto.taxonomy.fields import picker_options
from kohtaanto.taxonomy.forms import ConceptSearchForm
from kohtaanto.taxonomy.models import ConceptType

SEARCH_LIMIT = 25
LANGUAGE_NAMES = {"fi": _("suomi"), "sv": _("ruotsi"), "en": _("englanti")}
_FIELD_NAME = re.compile(r"^[A-Za-z_][\w-]{0,80}$")


def _lang() -> str:
    return (get_language() or "fi")[:2]


def _is_partial(request: AuthenticatedHttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


@login_required
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_taxonomy")
    form = ConceptSearchForm(request.GET or None)
    query = ""
    results = []
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        concept_type = form.cleaned_data["type"]
        if query:
            lang = _lang()
            hits = selectors.concept_search(
                actor=request.user,
                q=query,
                lang=lang,
                types=[concept_type] if concept_type else [],
                limit=SEARCH_LIMIT,
            )
            results = [
                {
                    "hit": hit,
                    "label_lang": hit.label_in(lang)[0],
                    "label": hit.label(lang),
                    "type_label": ConceptType(hit.type).label,
                    "matched_language": LANGUAGE_NAMES.get(hit.matched_lang, hit.matched_lang),
                    "matched_html": format_html(
                        '<span lang="{}">{}</span>', hit.matched_lang, hit.matched
                    ),
                }
                for hit in hits
            ]
    context = {"form": form, "query": query, "results": results}
    template = "taxonomy/_results.html" if _is_partial(request) else "taxonomy/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def concept_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    concept = selectors.concept_get_for_actor(actor=request.user, id=id)
    lang = _lang()
    detail = selectors.concept_detail(actor=request.user, concept=concept, lang=lang)
    usage = selectors.concept_usage_list(actor=request.user, concept=concept)
    description_lang, description = concept.description(lang)
    labels = [
        {"lang": code, "name": LANGUAGE_NAMES.get(code, code), **kinds}
        for code, kinds in detail.labels.items()
    ]
    context = {
        "concept": concept,
        "label": concept.label(lang),
        "detail": detail,
        "labels": labels,
        "usage": usage,
        "description": description,
        "description_lang": description_lang,
    }
    return render(request, "taxonomy/concept_detail.html", context)


@login_required
def picker(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The options of a ConceptChoiceField as the user types (see taxonomy.fields)."""
    request.user.permissions.require("view_taxonomy")
    name = request.GET.get("field", "")
    widget_id = request.GET.get("id", "")
    try:
        types = selectors.concept_types_parse(request.GET.get("type", ""))
    except DomainError:
        return HttpResponse(status=400)
    if not _FIELD_NAME.match(name) or not _FIELD_NAME.match(widget_id):
        return HttpResponse(status=400)
    query = request.GET.get(f"{name}_q", "")[:200]
    context = {
        "name": name,
        "id_prefix": widget_id,
        "query": query,
        "options": picker_options(query, types=types),
    }
    return render(request, "taxonomy/widgets/_picker_options.html", context)
