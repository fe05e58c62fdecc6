"""Every form of the project refuses control characters in its text fields with a field
error (CleanTextFormMixin), so NUL never reaches PostgreSQL and never gives a 500."""

import importlib
import pkgutil

import pytest
from django import forms

import kohtaanto
from kohtaanto.common.validators import CleanTextFormMixin


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(kohtaanto.__path__, "kohtaanto."):
        name = module.name
        if ".tests" in name or ".migrations" in name or name.endswith((".wsgi", ".asgi")):
            continue
        if name.rsplit(".", 1)[-1].startswith("forms") or name.endswith(".views"):
            importlib.import_module(name)
    found: list[type[forms.BaseForm]] = []
    todo = [forms.Form, forms.ModelForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("kohtaanto.") and ".tests" not in sub.__module__:
                found.append(sub)
    return found


def test_every_project_form_checks_its_text_for_control_characters():
    found = _project_forms()
    assert len(found) > 50
    missing = sorted(
        f"{f.__module__}.{f.__qualname__}" for f in found if not issubclass(f, CleanTextFormMixin)
    )
    assert missing == []


def test_no_project_form_takes_a_decimal_in_a_number_input():
    """Money, hours and percentages are text inputs with inputmode="decimal": a type=number
    input drops a decimal comma in some browsers ("1200000,50" became 120 000 050 €)."""
    found = _project_forms()
    number_inputs = sorted(
        f"{f.__module__}.{f.__qualname__}.{name}"
        for f in found
        for name, field in f.base_fields.items()
        if isinstance(field, forms.DecimalField | forms.FloatField)
        and (isinstance(field.widget, forms.NumberInput) or field.widget.input_type == "number")
    )
    assert number_inputs == []
    decimal_fields = [
        field
        for f in found
        for field in f.base_fields.values()
        if isinstance(field, forms.DecimalField)
    ]
    assert len(decimal_fields) > 10
    assert all(f.widget.attrs.get("inputmode") == "decimal" for f in decimal_fields)


@pytest.mark.django_db
def test_control_characters_in_the_job_seeker_form_are_a_field_error():
    from kohtaanto.jobseekers.forms import JobSeekerForm

    for char in ("\x00", "\x07", "\u2028"):
        form = JobSeekerForm({"first_name": f"Ai{char}no", "last_name": "Esimerkki"}, area_id=None)
        assert not form.is_valid()
        assert "first_name" in form.errors and "last_name" not in form.errors
    form = JobSeekerForm({"first_name": "Ai\x1bno", "last_name": "Esimerkki"}, area_id=None)
    form.is_valid()
    assert "U+001B" in form.errors["first_name"][0]


@pytest.mark.django_db
def test_company_and_vacancy_search_terms_are_bounded_and_clean():
    from kohtaanto.employers.forms import CompanyFilterForm, VacancyFilterForm

    for form_class in (CompanyFilterForm, VacancyFilterForm):
        for bad in ("a\x00b", "x" * 101):
            form = form_class({"q": bad}, **_filter_kwargs(form_class))
            assert not form.is_valid()
            assert "q" in form.errors


def _filter_kwargs(form_class: type) -> dict:
    import inspect

    params = inspect.signature(form_class.__init__).parameters
    return {name: None for name in params if name not in ("self", "args", "kwargs")}


def test_api_search_terms_are_bounded_and_clean(db, make_user, api_client_for):
    from kohtaanto.accounts.models import Role

    client = api_client_for(make_user(Role.COORDINATOR))
    for path in ("/api/v1/companies", "/api/v1/vacancies", "/api/v1/job-seekers"):
        assert client.get(path, {"q": "x" * 5000}).status_code == 400, path
        assert client.get(path, {"q": "a\x00b"}).status_code == 400, path
        assert client.get(path, {"q": "abc"}).status_code == 200, path


@pytest.mark.parametrize("typed", ["1e2", "١٠٠", "۱۰۰", "Infinity", "NaN", "1,5", True, 1e20])
def test_api_amounts_only_in_plain_decimal_notation(typed):
    from ninja import Schema

    from kohtaanto.common.validators import PlainDecimal

    class Amount(Schema):
        amount: PlainDecimal

    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Amount(amount=typed)


def test_api_amounts_accept_plain_numbers():
    from decimal import Decimal

    from ninja import Schema

    from kohtaanto.common.validators import PlainDecimal

    class Amount(Schema):
        amount: PlainDecimal

    for typed, expected in (("1234.50", "1234.50"), (100, "100"), (12.5, "12.5"), ("-3", "-3")):
        assert Amount(amount=typed).amount == Decimal(expected)


def test_company_api_refuses_an_exponent_in_turnover(db, make_user, api_client_for):
    from kohtaanto.accounts.models import Role

    client = api_client_for(make_user(Role.COORDINATOR))
    response = client.post(
        "/api/v1/companies",
        {"name": "Testi Oy", "business_id": "1234567-1", "turnover_eur": "1e6"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "turnover_eur" in response.content.decode()
