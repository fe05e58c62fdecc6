from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "kohtaanto.matching"
    label = "matching"
    verbose_name = _("Osaamisen kohtaanto")

    def ready(self) -> None:
        from kohtaanto.matching import (  # noqa: F401  (registers rules)
            permissions,
            permissions_workflow,
        )
