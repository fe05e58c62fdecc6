"""Bring the default schemes and rules in line with their sources.

The first defaults disagreed with the law and the government proposals (durations of the 50 %
pay subsidy, the 55+ subsidy's unemployment and hours conditions, the 65 % working-time limit
of the 100 % subsidy, employers the subsidy may go to, the citations) and the youth voucher's
own decision (its dates, unemployment, hours and duration conditions). This rewrites the default
rules from `finance/data/defaults.json` and adds the municipal employment supplement.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from kohtaanto.finance.defaults import load_finance_defaults

    load_finance_defaults(apps, refresh=True)


class Migration(migrations.Migration):
    dependencies = [("finance", "0004_rules_sources_decisions_year_parts")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
