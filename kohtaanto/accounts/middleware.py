from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_GENERATION_KEY = "kohtaanto_session_generation"


class SessionGenerationMiddleware:
    """Ends sessions started before the user's last "log out everywhere"."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            generation = request.session.get(SESSION_GENERATION_KEY)
            if generation is None:
                request.session[SESSION_GENERATION_KEY] = user.session_generation
            elif generation != user.session_generation:
                logout(request)
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class OTPRequiredMiddleware:
    """With KOHTAANTO_OTP_REQUIRED, a signed-in user must pass a TOTP check first.

    Pages redirect to the TOTP check; the JSON API answers 403 to a session without a
    verified device. A request with a bearer token is left to the API's token check: tokens
    are the one way around the second factor, and they are limited themselves (expiry,
    revocation, last use shown).
    """

    EXEMPT_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz", "/favicon.ico")
    API_PREFIX = "/api/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.OTP_REQUIRED
            and request.user.is_authenticated
            and not request.user.is_verified()  # type: ignore[union-attr,attr-defined]
            and not request.path.startswith(self.EXEMPT_PREFIXES)
        ):
            if not request.path.startswith(self.API_PREFIX):
                return redirect(reverse("accounts:otp_setup"))
            if not request.headers.get("Authorization", "").startswith("Bearer "):
                return JsonResponse(
                    {
                        "error": "otp_required",
                        "detail": "A verified second factor is required for this session.",
                    },
                    status=403,
                )
        return self.get_response(request)
