from django.db import migrations

from kohtaanto.programme.operations import load_programmes


def forwards(apps, schema_editor):
    load_programmes(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_programme_budget_time_reports_activity"),
        ("programme", "0002_default_operation"),
        ("accounts", "0002_default_area"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
