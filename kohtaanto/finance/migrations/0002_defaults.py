from django.db import migrations

from kohtaanto.finance.defaults import load_finance_defaults


def forwards(apps, schema_editor):
    load_finance_defaults(apps)


class Migration(migrations.Migration):
    dependencies = [("finance", "0001_initial"), ("accounts", "0002_default_area")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
