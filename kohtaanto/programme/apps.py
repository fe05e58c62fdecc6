from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class ProgrammeConfig(AppConfig):
    name = "kohtaanto.programme"
    label = "programme"
    verbose_name = _("Hanke")
    navigation = [
        NavItem("programme:home", _("Hanke"), "view_programme", order=50),
        NavItem("programme:indicators", _("ESR+-indikaattorit"), "nav_indicators", order=51),
        NavItem("programme:activity_list", _("Yhteistyöloki"), "nav_activity_log", order=52),
        NavItem("programme:time_sheets", _("Tuntikirjanpidot"), "nav_time_sheets", order=53),
    ]

    def ready(self) -> None:
        from kohtaanto.programme import permissions  # noqa: F401  (registers rules)
