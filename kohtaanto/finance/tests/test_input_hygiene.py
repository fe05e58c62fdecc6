"""Bad input to the ledger and the grant forms: implausible booking dates and amounts that are
not plain decimal notation with ASCII digits are refused with the field and the reason."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kohtaanto.common.errors import DomainError
from kohtaanto.finance import services
from kohtaanto.finance.forms import CommitmentForm, PaymentForm
from kohtaanto.finance.models import LedgerEntry


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2023, 12, 31), date(2099, 12, 31)])
def test_implausible_commitment_dates_are_refused(finance_user, appropriation, day):
    with pytest.raises(DomainError) as excinfo:
        services.commitment_create(
            actor=finance_user,
            appropriation=appropriation,
            amount="100.00",
            description="Koulutus",
            source_type="training_order",
            source_id="TO-1",
            booked_on=day,
        )
    assert "Kirjauspäivä" in excinfo.value.message
    assert LedgerEntry.objects.count() == 0


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2099, 12, 31)])
def test_implausible_payment_dates_are_refused(finance_user, appropriation, day):
    commitment = services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="1000.00",
        description="Koulutus",
        source_type="training_order",
        source_id="TO-2",
        booked_on=date(2026, 3, 1),
    )
    with pytest.raises(DomainError):
        services.payment_record(
            actor=finance_user, commitment=commitment, amount="10.00", booked_on=day
        )
    assert LedgerEntry.objects.count() == 1


def test_the_earliest_allowed_booking_is_two_years_before(finance_user, appropriation):
    commitment = services.commitment_create(
        actor=finance_user,
        appropriation=appropriation,
        amount="100.00",
        description="Koulutus",
        source_type="training_order",
        source_id="TO-3",
        booked_on=date(2024, 1, 1),
    )
    assert commitment.committed == Decimal("100.00")
    with pytest.raises(DomainError, match=r"aikaisintaan 1\.1\.2024") as excinfo:
        services.commitment_create(
            actor=finance_user,
            appropriation=appropriation,
            amount="100.00",
            description="Koulutus",
            source_type="training_order",
            source_id="TO-4",
            booked_on=date(2023, 12, 31),
        )
    assert excinfo.value.field == "booked_on"


@pytest.mark.parametrize("typed", ["1e2", "١٠٠", "۱۰۰", "１００", "1,200.50", "NaN", "Infinity"])
def test_money_fields_refuse_anything_but_plain_decimals(typed):
    for form_class in (PaymentForm, CommitmentForm):
        form = form_class({"amount": typed})
        assert not form.is_valid()
        assert "amount" in form.errors, (form_class, typed)


def test_money_fields_accept_the_finnish_and_plain_forms():
    for typed, expected in (("1 234,50", "1234.50"), ("1234.5", "1234.5"), ("100", "100")):
        form = PaymentForm({"amount": typed})
        form.is_valid()
        assert "amount" not in form.errors
        assert form.cleaned_data["amount"] == Decimal(expected)


def test_public_application_refuses_an_exponent_in_pay_costs(client, business_advisor, area):
    from kohtaanto.employers.tests.factories import CompanyFactory
    from kohtaanto.finance.models import GrantApplication
    from kohtaanto.finance.tests.factories import youth_voucher
    from kohtaanto.finance.tests.test_public_links import link_post

    _link, token = services.application_link_create(
        actor=business_advisor, scheme=youth_voucher(area), company=CompanyFactory()
    )
    url = reverse("finance:public_apply", args=[token])
    response = client.post(url, link_post(monthly_pay_costs="3e3", weekly_hours="٣٧"))
    assert response.status_code == 200
    assert GrantApplication.objects.count() == 0
    errors = response.context["form"].errors
    assert "monthly_pay_costs" in errors and "weekly_hours" in errors
