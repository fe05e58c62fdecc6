"""The confirm flow: paste text → highlighted spans and suggested concepts → accept or reject.

`try_page` is a page of its own; `suggest` and `concept_search` return htmx partials that any
form embeds through "extraction/confirm.html" (see that template for how).
"""

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.extraction.forms import PREFIX, ConceptSearchForm, SuggestForm, TryForm
from kohtaanto.extraction.selectors import concept_search as concept_search_select
from kohtaanto.extraction.selectors import extraction_suggest


def _invalid(request: AuthenticatedHttpRequest, template: str, form: Form) -> HttpResponse:
    # htmx swaps only successful responses into the page; the errors must be seen there.
    status = 200 if request.headers.get("HX-Request") == "true" else 400
    return render(request, template, {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def try_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A page of its own around the embeddable flow; posting it lists what was accepted."""
    request.user.permissions.require("use_extraction")
    form = TryForm(request.POST or None)
    accepted = form.cleaned_data["concepts"] if form.is_valid() else None
    return render(request, "extraction/try.html", {"form": form, "accepted": accepted})


@login_required
@require_POST
def suggest(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("use_extraction")
    form = SuggestForm(request.POST, prefix=PREFIX)
    if not form.is_valid():
        return _invalid(request, "extraction/_suggestions.html", form)
    data = form.cleaned_data
    # The text may be an ad or a CV: a CV shows no ad fields.
    suggestions = extraction_suggest(text=data["text"], lang=data["lang"], ad=None)
    return render(
        request,
        "extraction/_suggestions.html",
        {"form": form, "suggestions": suggestions, "field_name": data["field_name"]},
    )


@login_required
@require_GET
def concept_search(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("use_extraction")
    form = ConceptSearchForm(request.GET, prefix=PREFIX)
    if not form.is_valid():
        return _invalid(request, "extraction/_search_results.html", form)
    results = concept_search_select(query=form.cleaned_data["q"], lang=(get_language() or "fi")[:2])
    return render(
        request,
        "extraction/_search_results.html",
        {"form": form, "results": results, "field_name": form.cleaned_data["field_name"]},
    )
