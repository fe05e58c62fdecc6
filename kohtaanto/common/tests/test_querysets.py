import datetime

from kohtaanto.accounts.models import Municipality
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.querysets import filter_given


def test_filter_given_leaves_out_blank_values(db):
    qs = Municipality.objects.all()
    for blank in (None, "", 0, False, [], ()):
        assert str(filter_given(qs, code=blank).query) == str(qs.query)


def test_filter_given_applies_each_given_value(db):
    qs = filter_given(
        Municipality.objects.order_by(), code="091", name_fi="", pk__in=[1, 2], id__gte=None
    )
    where = str(qs.query).split("WHERE", 1)[1]
    assert "code" in where and "IN (1, 2)" in where
    assert "name_fi" not in where and ">=" not in where


def test_filter_given_keeps_a_date(db):
    qs = filter_given(AuditEvent.objects.all(), occurred_at__date__gte=datetime.date(2026, 1, 1))
    assert "2026-01-01" in str(qs.query)
