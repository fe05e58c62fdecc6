from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"

# Scripts and styles are served from our own origin only; htmx needs no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class DomainErrorMiddleware:
    """One refusal in pages: a NotFoundError from a selector, and a forbidden DomainError,
    become the same 404 page as a missing object; a bare 405 (from require_POST and friends)
    becomes a page that says what to do. The API answers its own errors (api/urls.py); its
    405 gets the API's error shape here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow", "")
        if request.path.startswith(API_PREFIX):
            # The API's one error shape (api/urls.py).
            body = {"error": "method_not_allowed", "detail": "Method not allowed."}
            response = JsonResponse(body, status=405)
        else:
            from kohtaanto.common.views import method_not_allowed

            response = method_not_allowed(request)
        response["Allow"] = allowed
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from kohtaanto.common.errors import DomainError, NotFoundError

        refused = isinstance(exception, DomainError) and exception.status_code == 403
        if isinstance(exception, NotFoundError) or refused:
            from kohtaanto.common.views import not_found

            return not_found(request)
        return None
