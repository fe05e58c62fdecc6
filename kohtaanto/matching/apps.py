from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class MatchingConfig(AppConfig):
    name = "kohtaanto.matching"
    label = "matching"
    verbose_name = _("Osaamisen kohtaanto")
    navigation = [
        NavItem("matching:shortlist_list", _("Lyhytlistat"), "view_shortlist_list", order=24),
        NavItem(
            "matching:regional_gaps",
            _("Osaamisen kysyntä ja tarjonta"),
            "view_regional_gaps",
            order=25,
        ),
    ]

    def ready(self) -> None:
        from kohtaanto.matching import (  # noqa: F401  (registers rules)
            permissions,
            permissions_workflow,
        )
        from kohtaanto.matching.regional import regional_gaps_for_training
        from kohtaanto.training.gaps import gap_source_register

        gap_source_register(regional_gaps_for_training)
