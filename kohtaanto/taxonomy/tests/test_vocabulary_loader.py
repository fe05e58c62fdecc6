import random
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.taxonomy import demo, vocabulary_files
from kohtaanto.taxonomy.models import (
    Concept,
    ConceptLabel,
    ConceptRelation,
    ConceptStatus,
    RelationKind,
    TaxonomyVersion,
)
from kohtaanto.taxonomy.services import esco_import, vocabulary_load
from kohtaanto.taxonomy.tests.esco_data import MACHINIST, WELD, WELDER
from kohtaanto.taxonomy.tests.test_esco_import import labels_of, snapshot
from kohtaanto.taxonomy.tests.vocabulary_data import (
    CLEARANCE,
    HOT_WORK,
    PLC,
    vocabulary_rows,
    write_vocabulary,
)

pytestmark = pytest.mark.django_db


def test_vocabulary_loads_on_a_fresh_database(vocabulary_dir):
    result = vocabulary_load(actor=None, folder=vocabulary_dir)

    assert result.counts.concepts_created == 7
    assert Concept.objects.filter(in_vocabulary=True).count() == 7
    welder = Concept.objects.get(uri=WELDER)
    assert (welder.type, welder.domain, welder.status) == ("occupation", "hitsaus", "released")
    assert welder.preferred == {"fi": "hitsaaja", "sv": "svetsare", "en": "welder"}
    assert labels_of(WELDER, "fi") == {
        ("fi", "pref", "hitsaaja"),
        ("fi", "alt", "hitsari"),
        ("fi", "alt", "levyseppä-hitsaaja"),
    }
    hot_work = Concept.objects.get(uri=HOT_WORK)
    assert (hot_work.type, hot_work.requirement_kind, hot_work.validity_months) == (
        "requirement",
        "card",
        60,
    )
    assert Concept.objects.get(uri=CLEARANCE).validity_months is None
    assert Concept.objects.get(uri=PLC).type == "skill"
    assert ConceptLabel.objects.get(concept__uri=WELDER, text="hitsaaja").normalized == "hitsaaja"
    assert TaxonomyVersion.objects.get(source="kohtaanto").languages == "fi,sv,en"
    assert AuditEvent.objects.filter(action="taxonomy.vocabulary_load").count() == 1


def test_loading_the_vocabulary_again_writes_nothing(vocabulary_dir):
    vocabulary_load(actor=None, folder=vocabulary_dir)
    before = snapshot()

    with CaptureQueriesContext(connection) as queries:
        result = vocabulary_load(actor=None, folder=vocabulary_dir)

    assert not result.counts.changed
    assert not [q for q in queries if q["sql"].upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert snapshot() == before


@pytest.mark.parametrize("esco_first", [True, False])
def test_vocabulary_and_esco_merge_by_uri_in_either_order(esco_dir, vocabulary_dir, esco_first):
    steps = [
        lambda: esco_import(actor=None, path=esco_dir),
        lambda: vocabulary_load(actor=None, folder=vocabulary_dir),
    ]
    for step in steps if esco_first else reversed(steps):
        step()
    merged = snapshot()

    welder = Concept.objects.get(uri=WELDER)
    assert welder.in_vocabulary
    assert welder.isco_group is not None
    assert welder.preferred == {"fi": "hitsaaja", "sv": "svetsare", "en": "welder"}
    both = ConceptLabel.objects.get(concept=welder, lang="en", kind="pref", text="welder")
    assert (both.in_esco, both.in_vocabulary) == (True, True)
    assert ("en", "alt", "metal welder") in labels_of(WELDER)
    assert ("fi", "alt", "hitsari") in labels_of(WELDER)
    # ESCO decides the type of its own concepts; the vocabulary adds only its own fields.
    assert Concept.objects.get(uri=WELD).type == "skill"
    assert Concept.objects.get(uri=WELD).version.source == "esco"
    # Running either again changes nothing.
    for step in steps:
        step()
    assert snapshot() == merged


def test_esco_update_keeps_vocabulary_labels_and_vocabulary_update_keeps_esco_labels(
    esco_dir, vocabulary_dir, tmp_path
):
    esco_import(actor=None, path=esco_dir)
    vocabulary_load(actor=None, folder=vocabulary_dir)
    rows = vocabulary_rows()
    rows["occupations.csv"][1][6] = "svetsarna"  # sv_alt
    rows["occupations.csv"][1][8] = ""  # en_alt (was empty)
    rows["occupations.csv"][1][7] = "welder"  # en
    rows["occupations.csv"][1][4] = "hitsari"  # fi_alt without levyseppä-hitsaaja
    vocabulary_load(actor=None, folder=write_vocabulary(tmp_path / "v2", rows))

    assert ("fi", "alt", "levyseppä-hitsaaja") not in labels_of(WELDER)
    assert ("sv", "alt", "svetsarna") in labels_of(WELDER)
    assert {("en", "alt", "metal welder"), ("en", "alt", "welding operative")} <= labels_of(WELDER)


def test_concept_dropped_from_the_vocabulary_loses_its_labels_but_is_not_deleted(
    vocabulary_dir, tmp_path
):
    vocabulary_load(actor=None, folder=vocabulary_dir)
    plc_id = Concept.objects.get(uri=PLC).pk
    rows = vocabulary_rows()
    rows["skills.csv"] = [row for row in rows["skills.csv"] if row[0] != PLC]

    result = vocabulary_load(actor=None, folder=write_vocabulary(tmp_path / "v2", rows))

    plc = Concept.objects.get(pk=plc_id)
    assert (plc.in_vocabulary, plc.status) == (False, ConceptStatus.OBSOLETE)
    assert not ConceptLabel.objects.filter(concept=plc).exists()
    assert result.obsoleted == 1


def test_vocabulary_concept_that_esco_manages_stays_released_when_dropped(
    esco_dir, vocabulary_dir, tmp_path
):
    esco_import(actor=None, path=esco_dir)
    vocabulary_load(actor=None, folder=vocabulary_dir)
    rows = vocabulary_rows()
    rows["occupations.csv"] = [row for row in rows["occupations.csv"] if row[0] != MACHINIST]

    vocabulary_load(actor=None, folder=write_vocabulary(tmp_path / "v2", rows))

    machinist = Concept.objects.get(uri=MACHINIST)
    assert (machinist.in_vocabulary, machinist.status) == (False, "released")
    assert labels_of(MACHINIST, "fi") == set()
    assert machinist.preferred == {"en": "metal machinist"}


def _set(file, row, column, value):
    def mutate(rows):
        header = rows[file][0]
        rows[file][row][header.index(column)] = value

    return mutate


def _drop_column(file, column):
    def mutate(rows):
        index = rows[file][0].index(column)
        for row in rows[file]:
            del row[index]

    return mutate


@pytest.mark.parametrize(
    ("mutate", "file", "line", "field", "reason"),
    [
        (_drop_column("skills.csv", "fi_alt"), "skills.csv", 1, "fi_alt", "column missing"),
        (_set("skills.csv", 2, "uri", "plc"), "skills.csv", 3, "uri", "not an ESCO URI"),
        (_set("occupations.csv", 1, "type", "job"), "occupations.csv", 2, "type", "unknown type"),
        (_set("occupations.csv", 2, "fi", ""), "occupations.csv", 3, "fi", "label missing"),
        (_set("requirements.csv", 1, "kind", "badge"), "requirements.csv", 2, "kind", "unknown"),
        (
            _set("requirements.csv", 2, "validity_months", "5 years"),
            "requirements.csv",
            3,
            "validity_months",
            "not a number of months",
        ),
        (
            _set("requirements.csv", 1, "uri", "urn:kohtaanto:skill:tulityo"),
            "requirements.csv",
            2,
            "uri",
            "urn:kohtaanto:requirement:",
        ),
        (_set("requirements.csv", 3, "uri", HOT_WORK), "requirements.csv", 4, "uri", "already"),
    ],
)
def test_malformed_vocabulary_is_refused_with_file_line_and_reason(
    tmp_path, vocabulary_dir, mutate, file, line, field, reason
):
    vocabulary_load(actor=None, folder=vocabulary_dir)
    before = snapshot()
    rows = vocabulary_rows()
    mutate(rows)

    with pytest.raises(ImportRejectedError) as caught:
        vocabulary_load(actor=None, folder=write_vocabulary(tmp_path / "bad", rows))

    error = caught.value.errors[0]
    assert (error.file, error.line, error.field) == (file, line, field)
    assert reason in error.reason
    assert snapshot() == before


def test_broken_csv_and_missing_file_are_refused(tmp_path, vocabulary_dir):
    (vocabulary_dir / "requirements.csv").unlink()
    with (vocabulary_dir / "skills.csv").open("a", encoding="utf-8") as handle:
        handle.write('"urn:kohtaanto:skill:x,skill\n')

    with pytest.raises(ImportRejectedError) as caught:
        vocabulary_load(actor=None, folder=vocabulary_dir)

    assert [(e.file, e.reason.split(":")[0]) for e in caught.value.errors] == [
        ("skills.csv", "broken CSV"),
        ("requirements.csv", f"file missing from {vocabulary_dir}"),
    ]
    assert not Concept.objects.exists()


def test_load_vocabulary_command(vocabulary_dir):
    out = StringIO()
    call_command("load_vocabulary", "--folder", str(vocabulary_dir), stdout=out)
    assert "requirements.csv: 3 concepts" in out.getvalue()
    assert "concepts_created 7" in out.getvalue()
    out = StringIO()
    call_command("load_vocabulary", "--folder", str(vocabulary_dir), stdout=out)
    assert "nothing changed" in out.getvalue()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "load_vocabulary", "--folder", str(vocabulary_dir / "missing"), stderr=StringIO()
        )


def test_load_vocabulary_loads_the_occupation_skill_relations_once(vocabulary_dir):
    (vocabulary_dir / vocabulary_files.OCCUPATION_SKILLS).write_text(
        "occupation_uri,relation,skill_uri\n"
        f"{WELDER},essential,{WELD}\n"
        f"{WELDER},optional,{PLC}\n"
        f"{WELDER},essential,http://data.europa.eu/esco/skill/not-in-the-vocabulary\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("load_vocabulary", "--folder", str(vocabulary_dir), stdout=out)
    assert "relations_created 2" in out.getvalue()
    links = set(
        ConceptRelation.objects.filter(source__uri=WELDER).values_list("target__uri", "kind")
    )
    assert links == {
        (WELD, RelationKind.OCCUPATION_ESSENTIAL),
        (PLC, RelationKind.OCCUPATION_OPTIONAL),
    }
    out = StringIO()
    call_command("load_vocabulary", "--folder", str(vocabulary_dir), stdout=out)
    assert "nothing changed" in out.getvalue()
    assert ConceptRelation.objects.filter(source__uri=WELDER).count() == 2


def test_demo_generate_loads_the_vocabulary_once(monkeypatch, vocabulary_dir, coordinator, area):
    monkeypatch.setattr(vocabulary_files, "VOCABULARY_DIR", vocabulary_dir)
    users = {Role.COORDINATOR: coordinator}

    demo.generate(rng=random.Random(1), area=area, users=users)
    first = (Concept.objects.count(), ConceptLabel.objects.count())
    demo.generate(rng=random.Random(1), area=area, users=users)

    assert first[0] == 7
    assert (Concept.objects.count(), ConceptLabel.objects.count()) == first
    assert AuditEvent.objects.get(action="taxonomy.vocabulary_load").actor == coordinator


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_esco_import_and_vocabulary_load_run_one_after_the_other(
    esco_dir, vocabulary_dir
):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are tested on PostgreSQL")
    failures = []
    barrier = threading.Barrier(2)

    def run(step):
        try:
            barrier.wait()
            step()
        except Exception as exc:
            failures.append(exc)
        finally:
            connection.close()

    steps = [
        lambda: esco_import(actor=None, path=esco_dir),
        lambda: vocabulary_load(actor=None, folder=vocabulary_dir),
    ]
    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    # Merged as if run in turn: 13 ESCO concepts and the vocabulary's 4 of its own.
    assert Concept.objects.count() == 17
    welder = Concept.objects.get(uri=WELDER)
    assert welder.in_vocabulary and welder.isco_group_id is not None
    assert ConceptLabel.objects.filter(concept=welder, lang="fi").count() == 3
