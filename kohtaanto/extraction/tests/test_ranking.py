"""Ranking mode: skills a descriptive text is about, from labels and descriptions."""

import csv
import os
from pathlib import Path

import numpy as np
import pytest

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.extraction.engine import Engine, extract, rounded_scores
from kohtaanto.extraction.ranking import SkillRanker
from kohtaanto.extraction.sources import ConceptRecord, EscoCsvSource
from kohtaanto.extraction.vocabulary_csv import VocabularySource
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory

SKILLS = [
    (
        "http://data.europa.eu/esco/skill/weld",
        "skill/competence",
        "weld metal parts",
        "join metal pieces\nwelding",
        "Join metal workpieces by melting them with an electric arc or a gas flame.",
    ),
    (
        "http://data.europa.eu/esco/skill/drawings",
        "skill/competence",
        "read engineering drawings",
        "",
        "Read the technical drawings of a product made by an engineer to suggest improvements.",
    ),
    (
        "http://data.europa.eu/esco/skill/bake",
        "skill/competence",
        "bake bread",
        "",
        "Bake bread and other dough products in an oven.",
    ),
    (
        "http://data.europa.eu/esco/skill/metals",
        "knowledge",
        "types of metal",
        "",
        "Qualities and specifications of steel, aluminium, brass and copper.",
    ),
]


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def esco_folder(tmp_path: Path) -> Path:
    """A tiny ESCO download: four skills and one occupation, in ESCO's column layout."""
    write_csv(
        tmp_path / "skills_en.csv",
        [
            {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": uri,
                "skillType": skill_type,
                "reuseLevel": "sector-specific",
                "preferredLabel": label,
                "altLabels": alt,
                "hiddenLabels": "",
                "status": "released",
                "description": description,
            }
            for uri, skill_type, label, alt, description in SKILLS
        ],
    )
    write_csv(
        tmp_path / "occupations_en.csv",
        [
            {
                "conceptType": "Occupation",
                "conceptUri": "http://data.europa.eu/esco/occupation/welder",
                "iscoGroup": "7212",
                "preferredLabel": "welder",
                "altLabels": "",
                "hiddenLabels": "",
                "status": "released",
                "description": "Welders join metal.",
                "code": "7212.1",
            }
        ],
    )
    return tmp_path


def test_rank_mode_finds_skills_the_text_describes_without_naming_them(esco_folder: Path) -> None:
    engine = Engine(EscoCsvSource(esco_folder))
    text = "Joins steel and aluminium workpieces with an electric arc, following drawings."

    result = engine.extract(text, "en", mode="rank")

    uris = [m.uri for m in result.concepts]
    assert uris[0] == "http://data.europa.eu/esco/skill/weld"
    assert "http://data.europa.eu/esco/skill/metals" in uris
    assert "http://data.europa.eu/esco/skill/bake" not in uris
    assert all(0 < m.score <= 1 for m in result.concepts)
    assert {m.type for m in result.concepts} <= {"skill", "knowledge"}


def test_rank_mode_leaves_out_what_the_text_negates(esco_folder: Path) -> None:
    engine = Engine(EscoCsvSource(esco_folder))

    result = engine.extract("Has read engineering drawings but no welding.", "en", mode="rank")

    assert "http://data.europa.eu/esco/skill/weld" not in [m.uri for m in result.concepts]
    assert [m.uri for m in result.negated] == ["http://data.europa.eu/esco/skill/weld"]


def test_rank_mode_takes_no_evidence_from_what_the_text_negates() -> None:
    engine = Engine(VocabularySource())
    text = (
        "Jöns Östergård, Närpes. Jag har kört truck i fem år och har truckkort. "
        "ADR-utbildning har jag inte och farligt gods har jag aldrig hanterat."
    )

    result = engine.extract(text, "sv", mode="rank")

    negated = {m.label for m in result.negated}
    assert "transport av farligt gods" in negated
    # no other dangerous-goods skill is suggested from the words said to be absent
    assert not [m.label for m in result.concepts if "farligt" in m.label or "ADR" in m.label]


def test_esco_csv_source_reads_labels_descriptions_and_types(esco_folder: Path) -> None:
    records = {r.uri: r for r in EscoCsvSource(esco_folder).concepts()}

    weld = records["http://data.europa.eu/esco/skill/weld"]
    assert weld.type == "skill"
    assert ("en", "alt", "welding") in weld.labels
    assert weld.descriptions["en"].startswith("Join metal")
    assert records["http://data.europa.eu/esco/skill/metals"].type == "knowledge"
    assert records["http://data.europa.eu/esco/occupation/welder"].type == "occupation"


def test_esco_csv_source_fingerprint_follows_its_csv_files_only(esco_folder: Path) -> None:
    """The engine asks before every extraction whether the files changed: a CSV file written
    again or added changes the answer, another file does not."""
    source = EscoCsvSource(esco_folder)
    first = source.fingerprint()
    assert source.fingerprint() == first
    assert [name for name, _ in first] == sorted(p.name for p in esco_folder.glob("*.csv"))

    (esco_folder / "notes.txt").write_text("not read", encoding="utf-8")
    assert source.fingerprint() == first

    skills = esco_folder / "skills_en.csv"
    stat = skills.stat()
    os.utime(skills, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    touched = source.fingerprint()
    assert touched != first

    (esco_folder / "skills_sv.csv").write_text("", encoding="utf-8")
    assert source.fingerprint() != touched
    assert "skills_sv.csv" in dict(source.fingerprint())


def test_esco_csv_source_refuses_a_folder_without_skills(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="skills_"):
        EscoCsvSource(tmp_path)


def test_esco_csv_source_reads_through_the_taxonomy_reader_and_its_checks(
    esco_folder: Path,
) -> None:
    """One reader for ESCO's format: a file `import-esco` refuses is refused here too, with
    the file, line and column."""
    path = esco_folder / "skills_en.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("http://data.europa.eu/esco/skill/bake", "not a uri"), "utf-8")

    with pytest.raises(ImportRejectedError) as caught:
        list(EscoCsvSource(esco_folder).concepts())

    [error] = caught.value.errors
    assert (error.file, error.line, error.field) == ("skills_en.csv", 5, "conceptUri")
    assert "not an ESCO URI" in error.reason


def test_esco_csv_source_skips_concepts_that_are_not_released(esco_folder: Path) -> None:
    path = esco_folder / "skills_en.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [
        line.replace(",released,", ",obsolete,") if "skill/bake" in line else line for line in lines
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")

    uris = {record.uri for record in EscoCsvSource(esco_folder).concepts()}

    assert "http://data.europa.eu/esco/skill/bake" not in uris
    assert "http://data.europa.eu/esco/skill/weld" in uris


def test_ranker_scores_an_empty_or_unknown_text_as_nothing() -> None:
    records = [ConceptRecord(1, "u1", "skill", {"en": "weld"}, [("en", "pref", "weld")])]
    ranker = SkillRanker(records, "en")

    assert ranker.top(["", "completely unrelated words"]) == [[], []]


@pytest.mark.django_db
def test_rank_mode_over_the_database_taxonomy() -> None:
    welding = ConceptFactory(
        fi="hitsaus",
        en="welding",
        descriptions={"fi": "Metallikappaleiden liittäminen sulattamalla."},
    )
    ConceptFactory(fi="leipominen", en="baking", descriptions={"fi": "Leivän paistaminen uunissa."})
    OccupationFactory(fi="hitsaaja", en="welder")

    result = extract("Liitän metallikappaleita sulattamalla niitä kaarella.", mode="rank")

    assert result.lang == "fi"
    assert [m.concept_id for m in result.concepts] == [welding.id]


def test_unknown_mode_is_refused() -> None:
    engine = Engine(EscoCsvSource.__new__(EscoCsvSource))
    with pytest.raises(ValueError, match="unsupported mode"):
        engine.extract("text", "en", mode="guess")


def test_scores_are_rounded_as_round_does_even_next_to_a_half() -> None:
    halves = (np.arange(1100) + 0.5) / 1000
    scores = np.concatenate(
        [
            halves,
            np.nextafter(halves, 2.0),
            np.nextafter(halves, 0.0),
            np.random.default_rng(1).random(10_000) * 1.1,
            [0.0, 0.9995, 1.0, 1.2],
        ]
    )

    assert rounded_scores(scores) == [
        round(score, 3) if score < 1.0 else 1.0 for score in scores.tolist()
    ]


SWEDISH_AD = (
    "Vi söker en CNC-operatör till vår fabrik i Jakobstad. Arbetet sker i tvåskift. Du har "
    "erfarenhet av programmering av CNC-maskiner och läser ritningar. Truckkort är meriterande. "
    "Lön 2 900–3 300 €/mån."
)


@pytest.mark.django_db
def test_rank_mode_wants_more_than_one_word_of_a_longer_label_in_swedish_and_finnish() -> None:
    """ "programmering" alone does not make "programmering av fast programvara" (firmware
    programming) a skill of the ad, nor "arbete" "ergonomiskt arbete"; two words of evidence
    or a whole label still count."""
    cnc = ConceptFactory(fi="CNC-ohjelmointi", sv="CNC-programmering", en="CNC programming")
    firmware = ConceptFactory(
        fi="sulautettujen ohjelmistojen ohjelmointi",
        sv="programmering av fast programvara",
        en="firmware programming",
    )
    ergonomics = ConceptFactory(fi="ergonominen työskentely", sv="ergonomiskt arbete")
    drawings = ConceptFactory(
        fi="piirustusten lukeminen",
        sv="läsa ritningar",
        descriptions={"sv": "Läsa och tolka tekniska ritningar."},
    )
    ConceptFactory(fi="leipominen", sv="bakning", descriptions={"sv": "Baka bröd i ugn."})

    found = {m.concept_id for m in extract(SWEDISH_AD, "sv", mode="rank").concepts}

    assert {cnc.id, drawings.id} <= found  # two stems each
    assert firmware.id not in found and ergonomics.id not in found


def test_finnish_and_swedish_ranking_wants_its_evidence_in_one_sentence() -> None:
    """Two stems of a label in different sentences say nothing together: "koneita" in one
    sentence and "Ohjataan" in the next suggest no *guide aircraft to the stand*."""
    engine = Engine(VocabularySource())
    guide = "koneen opastus seisontapaikalle"

    apart = engine.extract(
        "Olen korjannut koneita kymmenen vuotta. Ohjataan työkokeiluun.", "fi", mode="rank"
    )
    together = engine.extract("Koneen opastus seisontapaikalle kuuluu työhön.", "fi", mode="rank")
    swedish_apart = engine.extract(
        "Jag har tekniska intressen. Ritningar gjorde jag i skolan.", "sv", mode="rank"
    )
    swedish = engine.extract("Jag läser tekniska ritningar.", "sv", mode="rank")
    drawings = "läsning av tekniska ritningar"

    assert guide not in {m.label for m in apart.concepts}
    assert guide in {m.label for m in together.concepts}
    assert drawings not in {m.label for m in swedish_apart.concepts}
    assert drawings in {m.label for m in swedish.concepts}


def test_ranker_keeps_a_one_word_label_the_text_names_on_weak_evidence_too() -> None:
    records = [
        ConceptRecord(1, "u1", "skill", {"sv": "svetsning"}, [("sv", "pref", "svetsning")]),
        ConceptRecord(
            2, "u2", "skill", {"sv": "svetsning av rör"}, [("sv", "pref", "svetsning av rör")]
        ),
    ]
    ranker = SkillRanker(records, "sv")

    assert {c for c, _ in ranker.top(["Jag kan svetsning."])[0]} == {1, 2}
    assert [c for c, _ in ranker.top(["Jag kan svetsning."], min_evidence=2)[0]] == [1]
    assert {c for c, _ in ranker.top(["svetsning av rör"], min_evidence=2)[0]} == {1, 2}


def test_the_finnish_word_for_a_skill_does_not_rank_layout_which_stems_alike() -> None:
    """ "taito" (a skill, any) and "taitto" (layout, or folding sheet metal) share the Finnish
    stemmer's stem; "taito" says nothing of its own, "taitto" still ranks its concept."""
    records = [ConceptRecord(1, "u1", "skill", {"fi": "taitto"}, [("fi", "pref", "taitto")])]
    ranker = SkillRanker(records, "fi")

    assert ranker.top(["Ruotsin kielen taito on eduksi.", "Hyvät viestintätaidot ja taidot"]) == [
        [],
        [],
    ]
    assert [c for c, _ in ranker.top(["Levyjen taitto kuuluu työhön."])[0]] == [1]
