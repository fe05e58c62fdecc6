import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (settings are ready only now)

if settings.WARM_START:
    from kohtaanto.extraction.warm import warm_up

    warm_up()
