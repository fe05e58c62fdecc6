"""The versioned JSON API (OpenAPI 3 at /api/v1/openapi.json, docs at /api/v1/docs).

Every app keeps its endpoints in `<app>/api.py` as a ninja Router named `router`; they are
mounted here. Two apps must not define the same path.
Errors have one shape: {"error": code, "detail": message, "errors": [...]}. Refusals are one:
a forbidden object or action answers exactly as a missing one (404 "not_found"), whether it
comes from the permission resolver, a service's DomainError or an HttpError(403). A refusal
that names a field lists it in "errors".
"""

from importlib import import_module
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from kohtaanto.api.auth import BearerTokenAuth, StaffSessionAuth, docs_login_required
from kohtaanto.common.errors import DomainError, ImportRejectedError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.common.validators import control_character_error


class ControlCharacterRefusingParser(Parser):
    """JSON bodies and query strings with a control character anywhere (NUL, the other C0 and
    C1 controls, U+2028/U+2029; tab and line breaks are allowed) are refused as a field error
    before any schema sees them, as every form refuses them (`common.validators`). PostgreSQL
    cannot store NUL in text, so a NUL that reached the database was a 500 there (and was stored
    as typed on SQLite); the others are invisible and break exports and logs. One-line fields
    typed CleanLine also refuse line breaks."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = super().parse_body(request)
        _refuse_controls(data, ("body",))
        return data

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> Any:
        for key, values in data.lists():
            _refuse_controls([key, *values], (key,))
        return super().parse_querydict(data, list_fields, request)


def _refuse_controls(value: Any, loc: tuple[Any, ...]) -> None:
    stack = [(value, loc)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str) and (reason := control_character_error(item, multiline=True)):
            raise NinjaValidationError([{"loc": where, "msg": reason}])
        if isinstance(item, dict):
            stack.extend((v, (*where, k)) for k, v in item.items())
            stack.extend((k, where) for k in item)
        elif isinstance(item, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(item))


api = NinjaAPI(
    title="Kohtaanto API",
    version="1",
    urls_namespace="api",
    auth=[BearerTokenAuth(), StaffSessionAuth()],
    docs_url="/docs",
    docs_decorator=docs_login_required,
    parser=ControlCharacterRefusingParser(),
)


def _error(
    request: HttpRequest, status: int, code: str, detail: str, errors: list | None = None
) -> HttpResponse:
    body: dict = {"error": code, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


def _not_found(request: HttpRequest) -> HttpResponse:
    return _error(request, 404, "not_found", "not found")


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    if exc.status_code in (403, 404):
        return _not_found(request)
    errors = None
    if isinstance(exc, ImportRejectedError):
        errors = [{"line": e.line, "field": e.field, "reason": e.reason} for e in exc.errors]
    elif exc.field:
        errors = [{"field": exc.field, "reason": exc.message}]
    return _error(request, exc.status_code, exc.code, exc.message, errors)


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {
            "field": ".".join(str(p) for p in e.get("loc", []) if p not in ("body", "payload")),
            "reason": e.get("msg", ""),
        }
        for e in exc.errors
    ]
    return _error(request, 400, "invalid", "The request has invalid fields.", errors)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _not_found(request)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _not_found(request)


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "unauthorised", "Authentication required.")


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, NinjaValidationError):  # refused while parsing the body
        return validation_error(request, exc.__cause__)
    # A failed CSRF check (ninja's 403) is not a permission refusal: it stays a 403.
    if exc.status_code in (403, 404) and not str(exc).startswith("CSRF"):
        return _not_found(request)
    return _error(request, exc.status_code, "error", str(exc))


ROUTED_APPS = [
    "taxonomy",
    "extraction",
    "jobseekers",
    "employers",
    "finance",
    "programme",
    "training",
    "matching",
]

# An app may set PREFIX in its api module to mount its paths under /api/v1/<PREFIX>/.
for _app in ROUTED_APPS:
    _module = import_module(f"kohtaanto.{_app}.api")
    _prefix = getattr(_module, "PREFIX", "")
    api.add_router(f"/{_prefix}" if _prefix else "/", _module.router)


@api.get("/me", tags=["accounts"])
def me(request: AuthenticatedHttpRequest) -> dict:
    """The authenticated user and their role."""
    user = request.user
    return {
        "username": user.get_username(),
        "role": getattr(user, "role", ""),
        "employment_area": getattr(user.employment_area, "code", None),
    }
