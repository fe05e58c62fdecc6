"""Procurement thresholds and the warnings when a provider's orders under one basis pass them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.common.money import format_eur
from kohtaanto.training.models import (
    LegalBasis,
    Order,
    ProcurementThreshold,
    Provider,
    ThresholdLevel,
)
from kohtaanto.training.rules import threshold_for
from kohtaanto.training.selectors.purchases import order_list


def threshold_list() -> QuerySet[ProcurementThreshold]:
    """Every threshold row with its validity and source (public data, not per area)."""
    return ProcurementThreshold.objects.order_by("level", "contract_type", "valid_from")


# The threshold a basis must stay under: a purchase below the national threshold must stay
# below it; a direct award past the EU threshold falls under the EU rules (§ 40) instead.
BASIS_LIMIT: dict[str, str] = {
    LegalBasis.BELOW_THRESHOLD.value: ThresholdLevel.NATIONAL.value,
    LegalBasis.DIRECT_AWARD.value: ThresholdLevel.EU.value,
}


@dataclass(frozen=True)
class ThresholdWarning:
    provider: str
    legal_basis: str
    total: Decimal
    threshold: Decimal
    source: str

    @property
    def message(self) -> str:
        return _(
            "Järjestäjän %(provider)s tilaukset perusteella ”%(basis)s” ovat yhteensä "
            "%(total)s, mikä ylittää kynnysarvon %(threshold)s (%(source)s)."
        ) % {
            "provider": self.provider,
            "basis": LegalBasis(self.legal_basis).label,
            "total": format_eur(self.total),
            "threshold": format_eur(self.threshold),
            "source": self.source,
        }


def threshold_warnings(
    *, actor: Any, on: date | None = None, provider: Provider | None = None
) -> list[ThresholdWarning]:
    """Providers (or the one given) whose confirmed orders under one basis add up past the
    basis's threshold in force on `on`."""
    on = on or timezone.localdate()
    orders = order_list(actor=actor)
    if provider is not None:
        orders = orders.filter(agreement__provider=provider)
    totals = (
        orders.filter(status=Order.Status.CONFIRMED, agreement__legal_basis__in=list(BASIS_LIMIT))
        .values("agreement__provider__name", "agreement__legal_basis", "agreement__contract_type")
        .annotate(total=Sum("amount"))
        .order_by("agreement__provider__name", "agreement__legal_basis")
    )
    warnings = []
    for row in totals:
        basis = row["agreement__legal_basis"]
        threshold = threshold_for(
            level=BASIS_LIMIT[basis], contract_type=row["agreement__contract_type"], on=on
        )
        if threshold is not None and row["total"] > threshold.amount:
            warnings.append(
                ThresholdWarning(
                    provider=row["agreement__provider__name"],
                    legal_basis=basis,
                    total=row["total"],
                    threshold=threshold.amount,
                    source=threshold.source,
                )
            )
    return warnings
