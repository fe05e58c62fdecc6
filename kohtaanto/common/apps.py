from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "kohtaanto.common"
    label = "common"
    verbose_name = _("Yhteiset")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from kohtaanto.common.lookups import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="kt_sqlite_functions")
