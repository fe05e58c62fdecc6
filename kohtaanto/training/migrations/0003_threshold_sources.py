from django.db import migrations


def update_sources(apps, schema_editor):
    """Bring the shipped thresholds' sources up to date with data/rules.json (where each value
    was checked, and what was not); rows an area added itself are left alone."""
    import json
    from datetime import date

    from kohtaanto.training.rules import RULES_FILE

    threshold_model = apps.get_model("training", "ProcurementThreshold")
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    for row in data["thresholds"]:
        threshold_model.objects.filter(
            level=row["level"],
            contract_type=row["contract_type"],
            valid_from=date.fromisoformat(row["valid_from"]),
        ).update(source=row["source"])


class Migration(migrations.Migration):
    dependencies = [("training", "0002_rules")]

    operations = [migrations.RunPython(update_sources, migrations.RunPython.noop)]
