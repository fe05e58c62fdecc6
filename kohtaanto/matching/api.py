from ninja import Router

PREFIX = "matching"

router = Router(tags=["matching"])
