"""What the training API's resources share: the router, amounts in and out."""

from decimal import Decimal

from ninja import Router
from pydantic import StrictFloat, StrictInt, StrictStr

router = Router(tags=["training"])

# What a client may send as an amount; the services parse it (common.money rules).
Amount = StrictStr | StrictInt | StrictFloat


def money(value: Decimal) -> str:
    """An amount as the API writes it: a decimal string with cents ("10000.00")."""
    return f"{value:.2f}"
