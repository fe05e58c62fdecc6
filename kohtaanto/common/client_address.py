"""The address of the person at the other end, also behind reverse proxies.

`KOHTAANTO_TRUSTED_PROXIES` says how many proxies (nginx, a load balancer) stand between the
client and Kohtaanto. Each appends the address it received the request from to
X-Forwarded-For, so the client is the Nth address from the right; anything to the left of it
was written by the client and is not trusted. With 0 (the default, Kohtaanto facing the
network itself) the header is ignored and REMOTE_ADDR is the client. Login throttling
(django-axes, AXES_CLIENT_IP_CALLABLE) and the personal-data access log both use this.
"""

import ipaddress
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_current: ContextVar[str | None] = ContextVar("kohtaanto_client_address", default=None)


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, trusting only the configured number of proxies."""
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(forwarded) < proxies:
        # The request did not pass through every proxy we were told of: only the
        # connection's own address can be trusted.
        return remote
    return _valid(forwarded[-proxies])


def current_client_address() -> str | None:
    """The client address of the request being served (None outside a request)."""
    return _current.get()


class ClientAddressMiddleware:
    """Makes the request's client address available to the audit layer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
