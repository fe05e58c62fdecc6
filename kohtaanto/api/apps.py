from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kohtaanto.api"
    label = "api"
    verbose_name = "API"
