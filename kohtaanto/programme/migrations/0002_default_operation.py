from django.db import migrations

from kohtaanto.programme.operations import load_operations


def forwards(apps, schema_editor):
    load_operations(apps)


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial"), ("accounts", "0002_default_area")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
