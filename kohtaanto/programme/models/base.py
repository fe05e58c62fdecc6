"""What the programme's models share."""

from decimal import Decimal

ZERO = Decimal("0")
