from django.db import migrations


def load(apps, schema_editor):
    from kohtaanto.training.rules import load_rules

    load_rules(apps)


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
