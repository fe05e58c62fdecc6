"""What the training API's resources share: the router, amounts in and out."""

from ninja import Router
from pydantic import StrictFloat, StrictInt, StrictStr

router = Router(tags=["training"])

# What a client may send as an amount; the services parse it (common.money rules).
Amount = StrictStr | StrictInt | StrictFloat
