from ninja import Router

PREFIX = "training"

router = Router(tags=["training"])
