from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.navigation import NavItem


class AccountsConfig(AppConfig):
    name = "kohtaanto.accounts"
    label = "accounts"
    verbose_name = _("Käyttäjät")
    navigation = [NavItem("admin:index", _("Ylläpito"), "manage_users", order=900)]

    def ready(self) -> None:
        from kohtaanto.accounts import checks, permissions  # noqa: F401  (registers rules, check)
