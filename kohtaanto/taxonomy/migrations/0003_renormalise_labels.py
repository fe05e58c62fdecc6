"""Labels' normal form now comes from the text module that extraction also uses (colon
suffixes dropped, untrusted lemmas and split compounds handled): recompute the stored form."""

from django.db import migrations

BATCH = 5000


def renormalise(apps, schema_editor):
    from kohtaanto.taxonomy.text import normalize

    label_model = apps.get_model("taxonomy", "ConceptLabel")
    changed = []
    for label in label_model.objects.only("id", "lang", "text", "normalized").iterator(BATCH):
        form = normalize(label.text, label.lang)[:500]
        if form != label.normalized:
            label.normalized = form
            changed.append(label)
        if len(changed) >= BATCH:
            label_model.objects.bulk_update(changed, ["normalized"])
            changed = []
    label_model.objects.bulk_update(changed, ["normalized"])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_label_sources_domain")]

    operations = [migrations.RunPython(renormalise, migrations.RunPython.noop)]
