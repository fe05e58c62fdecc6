"""The one way a page runs a service: success message and redirect, or the refusal shown."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import attempt, button_pressed, form_saved
from kohtaanto.common.validators import CleanTextFormMixin


class NameForm(CleanTextFormMixin, forms.Form):
    name = forms.CharField()


def _request():
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _refuse(error):
    def action():
        raise error

    return action


def test_form_saved_redirects_with_the_message_or_shows_the_refusal_on_its_field():
    request, form = _request(), NameForm({"name": "x"})
    assert form.is_valid()
    done = form_saved(
        request, form, lambda: 7, success="Tallennettu.", then=lambda n: HttpResponse(str(n))
    )
    assert done is not None and done.content == b"7"
    assert [m.message for m in get_messages(request)] == ["Tallennettu."]

    request = _request()
    refused = form_saved(
        request,
        form,
        _refuse(DomainError("Nimi on varattu.", field="name")),
        success="Tallennettu.",
        then=lambda n: HttpResponse(),
    )
    assert refused is None
    assert form.errors == {"name": ["Nimi on varattu."]}
    assert list(get_messages(request)) == []


def test_a_miss_is_not_a_refusal_it_goes_on_to_the_404():
    form = NameForm({"name": "x"})
    assert form.is_valid()
    with pytest.raises(NotFoundError):
        form_saved(_request(), form, _refuse(NotFoundError("x")), success="", then=HttpResponse)
    with pytest.raises(NotFoundError):
        button_pressed(_request(), _refuse(NotFoundError("x")), success="", then=HttpResponse())


def test_button_pressed_says_success_or_the_refusal_and_goes_on_either_way():
    after = []
    request = _request()
    done = HttpResponse("next")
    assert (
        button_pressed(
            request, lambda: None, success="Vahvistettu.", then=done, after=lambda: after.append(1)
        )
        is done
    )
    assert [m.message for m in get_messages(request)] == ["Vahvistettu."] and after == [1]
    request = _request()
    assert (
        button_pressed(
            request,
            _refuse(DomainError("Ei voi.")),
            success="Vahvistettu.",
            then=done,
            after=lambda: after.append(2),
        )
        is done
    )
    assert [m.message for m in get_messages(request)] == ["Ei voi."] and after == [1]


def test_a_service_that_returns_nothing_has_still_accepted():
    form = NameForm({"name": "x"})
    assert form.is_valid()
    assert attempt(form, lambda: None) is True  # None is kept for a refusal
    assert attempt(form, lambda: []) == []
    assert attempt(form, _refuse(DomainError("Ei käy.", field="name"))) is None
    assert form.errors["name"] == ["Ei käy."]


class LabelledForm(CleanTextFormMixin, forms.Form):
    name = forms.CharField(label="Nimi")


def test_button_pressed_with_a_form_checks_it_first_and_names_the_field_in_its_messages():
    calls = []
    done = HttpResponse("back")

    request = _request()
    invalid = LabelledForm({"name": ""})
    assert (
        button_pressed(
            request, lambda: calls.append(1), form=invalid, success="Tallennettu.", then=done
        )
        is done
    )
    assert calls == []  # the service never ran
    assert [m.message for m in get_messages(request)] == ["Nimi: Tämä kenttä vaaditaan."]

    request = _request()
    form = LabelledForm({"name": "x"})
    button_pressed(
        request,
        _refuse(DomainError("Nimi on varattu.", field="name")),
        form=form,
        success="Tallennettu.",
        then=done,
    )
    assert [m.message for m in get_messages(request)] == ["Nimi: Nimi on varattu."]

    request = _request()
    form = LabelledForm({"name": "x"})
    button_pressed(
        request,
        lambda: calls.append(form.cleaned_data["name"]),
        form=form,
        success="Tallennettu.",
        then=done,
    )
    assert calls == ["x"]
    assert [m.message for m in get_messages(request)] == ["Tallennettu."]
