from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class FinanceConfig(AppConfig):
    name = "kohtaanto.finance"
    label = "finance"
    verbose_name = _("Määrärahat")
    navigation = [NavItem("finance:dashboard", _("Määrärahat"), "view_finance", order=40)]

    def ready(self) -> None:
        from kohtaanto.finance import permissions  # noqa: F401  (registers rules)
