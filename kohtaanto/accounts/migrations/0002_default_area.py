from django.db import migrations

from kohtaanto.accounts.regions import load_areas


def forwards(apps, schema_editor):
    load_areas(apps)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
