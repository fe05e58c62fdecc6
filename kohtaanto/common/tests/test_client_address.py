"""The client address behind trusted reverse proxies (KOHTAANTO_TRUSTED_PROXIES)."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.client_address import ClientAddressMiddleware, client_address

PROXY = "10.0.0.2"


def _request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy trusted: the header is ignored
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own entry is not trusted
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", PROXY),  # fewer entries than proxies: only the connection counts
        (1, "not-an-address", None),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXIES = proxies
    assert client_address(_request(PROXY, forwarded)) == expected


def test_without_proxy_setting_remote_addr_is_the_client(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(_request("198.51.100.7")) == "198.51.100.7"


def _fail_logins(username, client_ip, times):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_ip)
    for _ in range(times):
        client.post(reverse("accounts:login"), {"username": username, "password": "väärä"})
    return client


def test_behind_a_proxy_one_attacker_does_not_lock_out_the_user(make_user, settings):
    settings.TRUSTED_PROXIES = 1
    make_user(Role.COUNSELLOR, username="lukittava")
    attacker = _fail_logins("lukittava", "203.0.113.5", settings.AXES_FAILURE_LIMIT)
    response = attacker.post(
        reverse("accounts:login"), {"username": "lukittava", "password": "Testi-salasana-123"}
    )
    assert response.status_code == 429
    owner = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    response = owner.post(
        reverse("accounts:login"), {"username": "lukittava", "password": "Testi-salasana-123"}
    )
    assert response.status_code == 302


def test_access_log_records_the_client_address_behind_the_proxy(coordinator, counsellor, settings):
    settings.TRUSTED_PROXIES = 1

    def view(request):
        access_log_record(actor=coordinator, subject=counsellor, what="profile")
        return HttpResponse()

    ClientAddressMiddleware(view)(_request(PROXY, "6.6.6.6, 203.0.113.5"))
    assert AccessLogEntry.objects.get().client_address == "203.0.113.5"
    access_log_record(actor=coordinator, subject=counsellor, what="profile")  # outside a request
    assert AccessLogEntry.objects.filter(client_address__isnull=True).count() == 1
