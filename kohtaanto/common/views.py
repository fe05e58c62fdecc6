from datetime import date

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page names; send them to the project's icon
    (looked up per request, so that the hashed name of the collected file is used)."""
    return HttpResponsePermanentRedirect(static("kohtaanto/favicon.svg"))


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (saavutettavuusseloste) that laki digitaalisten palvelujen
    tarjoamisesta (306/2019, 15–16 §) requires; public, so that anyone can read it before
    logging in."""
    return render(
        request,
        "accessibility.html",
        {
            "feedback_email": settings.ACCESSIBILITY_FEEDBACK_EMAIL,
            "prepared_on": date.fromisoformat(settings.ACCESSIBILITY_STATEMENT_DATE),
        },
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A refused permission answers exactly as a missing page does: nobody learns from the
    answer whether something exists that they may not see."""
    return not_found(request, exception)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)


def method_not_allowed(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/405.html", status=405)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403.html", status=403)
