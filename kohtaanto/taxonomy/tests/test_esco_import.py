from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.taxonomy.esco_files import DanglingReferencesError
from kohtaanto.taxonomy.models import (
    Concept,
    ConceptLabel,
    ConceptRelation,
    ConceptStatus,
    TaxonomyVersion,
)
from kohtaanto.taxonomy.services import esco_import
from kohtaanto.taxonomy.tests.esco_data import (
    CNC,
    CONCEPTS,
    ESCO,
    FORKLIFT,
    GROUP_HIERARCHY_ONLY,
    GROUP_METAL,
    ISCO_7212,
    MACHINIST,
    RELATIONS,
    WELD,
    WELD_TECH,
    WELDER,
    esco_rows,
    write_esco,
)

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    return (
        sorted(
            Concept.objects.values_list(
                "id",
                "uri",
                "type",
                "status",
                "preferred",
                "descriptions",
                "isco_group_id",
                "code",
                "version_id",
                "in_vocabulary",
            )
        ),
        sorted(
            ConceptLabel.objects.values_list(
                "id",
                "concept_id",
                "lang",
                "kind",
                "text",
                "normalized",
                "in_esco",
                "in_vocabulary",
            )
        ),
        sorted(ConceptRelation.objects.values_list("id", "source_id", "target_id", "kind")),
        sorted(TaxonomyVersion.objects.values_list("id", "version", "languages", "loaded_at")),
    )


def labels_of(uri: str, lang: str | None = None) -> set[tuple[str, str, str]]:
    qs = ConceptLabel.objects.filter(concept__uri=uri)
    if lang:
        qs = qs.filter(lang=lang)
    return set(qs.values_list("lang", "kind", "text"))


def relations_of(uri: str) -> set[tuple[str, str]]:
    return set(ConceptRelation.objects.filter(source__uri=uri).values_list("kind", "target__uri"))


def test_import_loads_concepts_labels_and_relations_as_the_files_say(esco_dir):
    result = esco_import(actor=None, path=esco_dir)

    assert dict(Counter(Concept.objects.values_list("type", flat=True))) == CONCEPTS
    assert dict(Counter(ConceptRelation.objects.values_list("kind", flat=True))) == RELATIONS
    assert result.dataset.file_rows["occupationSkillRelations.csv"] == 5
    welder = Concept.objects.get(uri=WELDER)
    assert welder.isco_group == Concept.objects.get(uri=ISCO_7212)
    assert welder.code == "7212.1"
    assert welder.preferred == {"en": "welder"}
    assert welder.descriptions == {"en": "Description of welder (en)."}
    assert labels_of(WELDER) == {
        ("en", "pref", "welder"),
        ("en", "alt", "welding operative"),
        ("en", "alt", "metal welder"),
    }
    assert relations_of(WELDER) == {
        ("occ_essential", WELD),
        ("occ_essential", WELD_TECH),
        ("occ_optional", FORKLIFT),
        ("broader", ISCO_7212),
    }
    assert Concept.objects.get(uri=WELD_TECH).type == "knowledge"
    assert Concept.objects.get(uri=CNC).reuse_level == "occupation-specific"
    assert ConceptLabel.objects.get(concept__uri=FORKLIFT, kind="hidden").text == "forklift driving"
    # A skill group that only skillsHierarchy names is created and placed under its parent.
    joining = Concept.objects.get(uri=GROUP_HIERARCHY_ONLY)
    assert (joining.type, joining.code, joining.preferred) == (
        "skill_group",
        "S6.8",
        {"en": "joining metals"},
    )
    assert relations_of(GROUP_HIERARCHY_ONLY) == {("broader", GROUP_METAL)}
    normalized = ConceptLabel.objects.get(concept__uri=WELD, text="welding").normalized
    assert normalized == "weld"
    version = TaxonomyVersion.objects.get(source="esco")
    assert (version.languages, len(version.checksum)) == ("en", 64)
    assert AuditEvent.objects.filter(action="taxonomy.esco_import").count() == 1


def test_second_run_with_the_same_files_writes_nothing(esco_dir):
    esco_import(actor=None, path=esco_dir)
    before = snapshot()

    with CaptureQueriesContext(connection) as queries:
        result = esco_import(actor=None, path=esco_dir)

    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert not result.counts.changed
    assert snapshot() == before
    assert AuditEvent.objects.filter(action="taxonomy.esco_import").count() == 1


def test_language_packs_merge_into_one_set_of_concepts(tmp_path):
    folder = write_esco(tmp_path / "esco", {**esco_rows("en"), **esco_rows("fi")})

    esco_import(actor=None, path=folder)

    assert Concept.objects.count() == sum(CONCEPTS.values())
    machinist = Concept.objects.get(uri=MACHINIST)
    assert machinist.preferred == {"fi": "koneistaja", "en": "metal machinist"}
    assert set(machinist.descriptions) == {"fi", "en"}
    assert ("fi", "alt", "CNC-koneistaja") in labels_of(MACHINIST)
    assert ("en", "alt", "CNC machinist") in labels_of(MACHINIST)
    assert TaxonomyVersion.objects.get(source="esco").languages == "en,fi"


def test_importing_another_language_later_keeps_the_first_ones_labels(tmp_path):
    esco_import(actor=None, path=write_esco(tmp_path / "en", esco_rows("en")))
    english = labels_of(WELDER, "en")

    esco_import(actor=None, path=write_esco(tmp_path / "fi", esco_rows("fi")), version="v1")

    assert labels_of(WELDER, "en") == english
    assert labels_of(WELDER, "fi") == {("fi", "pref", "hitsaaja"), ("fi", "alt", "hitsari")}
    assert Concept.objects.get(uri=WELDER).preferred == {"fi": "hitsaaja", "en": "welder"}


def test_newer_version_updates_in_place_and_marks_missing_concepts_obsolete(tmp_path):
    esco_import(actor=None, path=write_esco(tmp_path / "v1.1.1", esco_rows("en")))
    ids = dict(Concept.objects.values_list("uri", "id"))
    rows = esco_rows("en")
    welder = next(r for r in rows["occupations_en.csv"] if r["conceptUri"] == WELDER)
    welder["preferredLabel"] = "welder (metal)"
    welder["altLabels"] = "welding operative"
    rows["skills_en.csv"] = [r for r in rows["skills_en.csv"] if r["conceptUri"] != FORKLIFT]
    new_skill = dict(rows["skills_en.csv"][0], conceptUri=f"{ESCO}/skill/s-laser")
    new_skill.update(preferredLabel="operate laser cutter", altLabels="", description="")
    rows["skills_en.csv"].append(new_skill)
    rows["occupationSkillRelations.csv"] = [
        r for r in rows["occupationSkillRelations.csv"] if r["skillUri"] != FORKLIFT
    ] + [dict(rows["occupationSkillRelations.csv"][0], skillUri=new_skill["conceptUri"])]

    result = esco_import(actor=None, path=write_esco(tmp_path / "v1.2.0", rows))

    assert result.version.version == "v1.2.0"
    assert {uri: ids.get(uri) for uri in ids} == dict(
        Concept.objects.filter(uri__in=ids).values_list("uri", "id")
    )
    welder_concept = Concept.objects.get(uri=WELDER)
    assert welder_concept.preferred == {"en": "welder (metal)"}
    assert welder_concept.version == result.version
    assert labels_of(WELDER) == {
        ("en", "pref", "welder (metal)"),
        ("en", "alt", "welding operative"),
    }
    forklift = Concept.objects.get(uri=FORKLIFT)
    assert forklift.status == ConceptStatus.OBSOLETE
    # An obsolete concept keeps its labels: references to it still display.
    assert forklift.preferred == {"en": "operate forklift"}
    assert relations_of(WELDER) == {
        ("occ_essential", WELD),
        ("occ_essential", WELD_TECH),
        ("occ_essential", f"{ESCO}/skill/s-laser"),
        ("broader", ISCO_7212),
    }
    assert result.obsoleted == 1
    assert result.counts.concepts_created == 1


def _mutate_missing_file(rows, folder):
    (folder / "occupations_en.csv").unlink()


def _mutate_missing_column(rows, folder):
    for row in rows["skills_en.csv"]:
        del row["preferredLabel"]
    write_esco(folder, rows)


def _mutate_bad_uri(rows, folder):
    rows["occupations_en.csv"][1]["conceptUri"] = "https://example.com/occupation/1"
    write_esco(folder, rows)


def _mutate_broken_csv(rows, folder):
    path = folder / "skillSkillRelations.csv"
    path.write_text(path.read_text(encoding="utf-8") + '"unterminated,quote\n', encoding="utf-8")


def _mutate_unknown_target(rows, folder):
    rows["occupationSkillRelations.csv"][3]["skillUri"] = f"{ESCO}/skill/no-such-skill"
    write_esco(folder, rows)


def _mutate_wrong_endpoint_type(rows, folder):
    rows["occupationSkillRelations.csv"][0]["occupationUri"] = WELD
    write_esco(folder, rows)


def _mutate_unknown_isco(rows, folder):
    rows["occupations_en.csv"][0]["iscoGroup"] = "9999"
    write_esco(folder, rows)


def _mutate_skill_type(rows, folder):
    rows["skills_en.csv"][2]["skillType"] = "ability"
    write_esco(folder, rows)


def _mutate_extra_field(rows, folder):
    path = folder / "broaderRelationsOccPillar.csv"
    path.write_text(path.read_text(encoding="utf-8") + "a,b,c,d,e\n", encoding="utf-8")


def _mutate_encoding(rows, folder):
    path = folder / "ISCOGroups_en.csv"
    path.write_bytes(path.read_bytes().replace(b"Craft", "Cräft".encode("latin-1")))


def _mutate_relation_type(rows, folder):
    rows["skillSkillRelations.csv"][0]["relationType"] = "sometimes"
    write_esco(folder, rows)


@pytest.mark.parametrize(
    ("mutate", "file", "line", "field", "reason"),
    [
        (_mutate_missing_file, "occupations_en.csv", None, "", "file missing"),
        (_mutate_missing_column, "skills_en.csv", 1, "preferredLabel", "column missing"),
        (
            _mutate_bad_uri,
            "occupations_en.csv",
            "https://example.com",
            "conceptUri",
            "not an ESCO URI",
        ),
        (_mutate_broken_csv, "skillSkillRelations.csv", 3, "", "broken CSV"),
        (_mutate_unknown_target, "occupationSkillRelations.csv", 5, "skillUri", "unknown concept"),
        (
            _mutate_wrong_endpoint_type,
            "occupationSkillRelations.csv",
            2,
            "occupationUri",
            "is a skill",
        ),
        (_mutate_unknown_isco, "occupations_en.csv", 2, "iscoGroup", "no ISCO group"),
        (_mutate_skill_type, "skills_en.csv", FORKLIFT, "skillType", "unknown skill type"),
        (_mutate_extra_field, "broaderRelationsOccPillar.csv", 7, "", "5 fields"),
        (_mutate_encoding, "ISCOGroups_en.csv", None, "", "not UTF-8"),
        (
            _mutate_relation_type,
            "skillSkillRelations.csv",
            2,
            "relationType",
            "unknown relation type",
        ),
    ],
)
def test_malformed_file_is_refused_with_file_line_and_reason_and_nothing_changes(
    tmp_path, mutate, file, line, field, reason
):
    esco_import(actor=None, path=write_esco(tmp_path / "old", esco_rows("en")))
    before = snapshot()
    rows = esco_rows("en")
    folder = write_esco(tmp_path / "new", rows)
    mutate(rows, folder)
    if isinstance(line, str):
        # The record's first line: where its URI is (earlier rows span several lines).
        text = (folder / file).read_text(encoding="utf-8")
        line = text[: text.index(line)].count("\n") + 1

    with pytest.raises(ImportRejectedError) as caught:
        esco_import(actor=None, path=folder, version="v2")

    error = caught.value.errors[0]
    assert (error.file, error.line, error.field) == (file, line, field)
    assert reason in error.reason
    assert snapshot() == before


def test_relation_to_a_concept_missing_from_the_download_is_skipped_only_when_asked(tmp_path):
    # ESCO v1.1.1 itself has such rows: one occupation is in the relation files only.
    rows = esco_rows("en")
    rows["occupationSkillRelations.csv"].append(
        dict(rows["occupationSkillRelations.csv"][0], occupationUri=f"{ESCO}/occupation/gone")
    )
    folder = write_esco(tmp_path / "esco", rows)
    with pytest.raises(ImportRejectedError):
        esco_import(actor=None, path=folder)
    assert not Concept.objects.exists()

    result = esco_import(actor=None, path=folder, skip_dangling=True)

    assert [(e.line, e.field) for e in result.skipped] == [(7, "occupationUri")]
    assert ConceptRelation.objects.filter(kind="occ_essential").count() == 3


def test_import_command_reports_counts_and_then_that_nothing_changed(esco_dir):
    out = StringIO()
    call_command("import_esco", str(esco_dir), "--esco-version", "v1.1.1", stdout=out)
    assert "occupation 2, skill_group 3, isco_group 4" in out.getvalue()
    assert "occupationSkillRelations.csv 5" in out.getvalue()
    assert (
        "Changed: concepts_created 13, labels_created 23, relations_created 15." in out.getvalue()
    )

    out = StringIO()
    call_command("import_esco", str(esco_dir), "--esco-version", "v1.1.1", stdout=out)
    assert "nothing changed" in out.getvalue()


def test_import_command_skips_and_names_dangling_rows_and_refuses_them_when_strict(tmp_path):
    rows = esco_rows("en")
    rows["occupationSkillRelations.csv"][0]["occupationUri"] = f"{ESCO}/occupation/gone"
    folder = write_esco(tmp_path / "esco", rows)
    err = StringIO()
    with pytest.raises(CommandError, match="without --strict"):
        call_command("import_esco", str(folder), "--strict", stderr=err)
    assert "occupationSkillRelations.csv, line 2, occupationUri: unknown concept" in err.getvalue()
    assert not Concept.objects.exists()

    err = StringIO()
    call_command("import_esco", str(folder), stdout=StringIO(), stderr=err)
    assert "Warning: skipped 1 relation rows" in err.getvalue()
    assert f"{ESCO}/occupation/gone" in err.getvalue()
    assert Concept.objects.exists()


def test_import_refuses_a_folder_without_esco_files(tmp_path: Path):
    with pytest.raises(ImportRejectedError, match="1 error"):
        esco_import(actor=None, path=tmp_path)


def test_many_rows_to_missing_concepts_are_summed_up_after_the_first_twenty(tmp_path):
    rows = esco_rows("en")
    template = rows["occupationSkillRelations.csv"][0]
    rows["occupationSkillRelations.csv"] += [
        dict(template, occupationUri=f"{ESCO}/occupation/gone", skillUri=uri)
        for uri in [WELD, WELD_TECH, FORKLIFT, CNC] * 6
    ]
    with pytest.raises(DanglingReferencesError) as caught:
        esco_import(actor=None, path=write_esco(tmp_path / "esco", rows))

    assert caught.value.rows == 24
    assert len(caught.value.errors) == 21
    assert caught.value.errors[-1].reason == f"4 more rows; concepts: {ESCO}/occupation/gone"
    assert caught.value.message.startswith("24 relation row(s) refer to concepts in no concept")


def test_concept_reader_reads_only_the_files_asked_for_with_the_same_checks(tmp_path: Path):
    """`esco_read_concepts` (what extraction and its benchmarks read) shares the importer's
    reader: the same records, and the same refusal of a broken file."""
    from kohtaanto.taxonomy.esco_files import esco_read, esco_read_concepts

    files = esco_rows()
    folder = write_esco(tmp_path / "full", files)
    full = esco_read(folder)
    partial = esco_read_concepts(folder, bases=("skills", "occupations"))

    assert {c.type for c in partial.concepts.values()} == {"skill", "knowledge", "occupation"}
    for uri, record in partial.concepts.items():
        assert record.labels == full.concepts[uri].labels
        assert record.descriptions == full.concepts[uri].descriptions
    # The skill pillar's own relations between concepts read; none from occupations.
    assert ("skill_optional" in {kind for _, _, kind in partial.relations}) is True
    assert not any(kind.startswith("occ_") for _, _, kind in partial.relations)
    assert partial.skipped  # broader relations to skill groups, which were not read

    # Only the files asked for are needed.
    only_skills = write_esco(
        tmp_path / "skills", {k: v for k, v in files.items() if k.startswith("skills_")}
    )
    assert len(esco_read_concepts(only_skills, bases=("skills",)).concepts) == 4
    with pytest.raises(ImportRejectedError):
        esco_read(only_skills)

    files["skills_en.csv"][0]["skillType"] = "talent"
    broken = write_esco(tmp_path / "broken", files)
    with pytest.raises(ImportRejectedError) as caught:
        esco_read_concepts(broken, bases=("skills",))
    [error] = caught.value.errors
    assert (error.file, error.line, error.field) == ("skills_en.csv", 2, "skillType")
