"""API tokens get an end date; tokens made before it end 90 days after they were made."""

import datetime

from django.db import migrations, models


def expire_existing(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.filter(expires_at__isnull=True):
        token.expires_at = token.created_at + datetime.timedelta(days=90)
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_default_area"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="voimassa asti"),
        ),
        migrations.RunPython(expire_existing, migrations.RunPython.noop),
    ]
