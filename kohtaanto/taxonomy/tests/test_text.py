import pytest

from kohtaanto.taxonomy.text import fold, normalize, written_as_name


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("hitsausta", "fi", "hitsaus"),
        ("Hitsaajana", "fi", "hitsaaja"),
        ("koneistajaksi", "fi", "koneistaja"),
        ("CNC-koneistajaksi", "fi", "cnc koneistaja"),
        ("työturvallisuuskortin", "fi", "työturvallisuuskortti"),
        ("svetsaren", "sv", "svetsare"),
        ("Welders", "en", "welder"),
        ("SFS 6002", "fi", "sfs 6002"),
        # a programming language's signs belong to its name: C++ and C# are not the letter C
        ("C++:aa ja C#:ia", "fi", "c++ ja c#"),
        ("#pumpservice C", "sv", "pumpservice c"),
    ],
)
def test_normalize_reduces_inflected_forms_to_base_form(text, lang, expected):
    assert normalize(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # first-person verbs that simplemma reads as a noun's illative ("sorva", "osa", "pakka")
        ("Sorvaan", "sorvata"),
        ("osaan", "osata"),
        ("pakkaan", "pakata"),
        ("särmään", "särmätä"),
        # ... and their third person, read as a noun's partitive ("sorva", "ohja", "seura")
        ("sorvaa", "sorvata"),
        ("ohjaa", "ohjata"),
        ("seuraa", "seurata"),
        # ... where a noun's partitive is no such verb, it stays the noun
        ("tietoa", "tieto"),
        ("alaa", "ala"),
        # ... and one it does not know as any word ("mittaan"); short words stay ("vaan")
        ("mittaan", "mitata"),
        ("vaan", "vaan"),
        # past participles simplemma keeps as they are
        ("pakannut", "pakata"),
        ("asentanut", "asentaa"),
        ("suunnitellut", "suunnitella"),
        # passives of short verbs it reads as nothing
        ("haetaan", "hakea"),
        ("ajetaan", "ajaa"),
        ("luettiin", "lukea"),
        ("opiskellut", "opiskella"),
        ("kokenut", "kokenut"),
        # present forms and third infinitives it keeps or reads as a noun ("tekemä")
        ("kokoan", "koota"),
        ("kokoavat", "koota"),
        ("tekemään", "tehdä"),
        # case forms it keeps as they are ("ajosta" → "ajos")
        ("töistä", "työ"),
        ("ahtaiden", "ahdas"),
        ("ajosta", "ajo"),
        # first-person pasts of -ata verbs that simplemma reads as a -nen noun ("pakkanen")
        ("pakkasin", "pakata"),
        ("Lakkasin", "lakata"),
        ("pakkasella", "pakkanen"),
        # a plural ending simplemma's compound reading took for a word ("itä")
        ("inventaarioita", "inventaario"),
        ("hitsaustyötä", "hitsaustyö"),
        ("yhdistelmäkoneella", "yhdistelmäkone"),
        ("käyttäjätuesta", "käyttäjätuki"),
        # a compound simplemma reads as its first part ("vika"): first part + the head's lemma
        ("vianhakua", "vianhaku"),
        ("vianhaun", "vianhaku"),
        # a first-person past that is also a tool's name; the tool's other forms stay the noun
        ("juotin", "juottaa"),
        ("poistin", "poistaa"),
        ("juottimella", "juotin"),
        # "having a card" names the card ("C-kortillista kuljettajaa")
        ("kortillista", "kortti"),
        ("trukkikortillisia", "trukkikortti"),
        ("hygieniapassillinen", "hygieniapassi"),
        # an unknown compound read as another word ("kolmetoista"): first part + head
        ("kolmivuoro", "kolmivuoro"),
        ("kolmivuorossa", "kolmivuoro"),
        # ... but a stem change is no such reading
        ("tehtaallamme", "tehdas"),
        # a worker noun it does not know, cut back to its verb's stem ("särmä")
        ("särmääjää", "särmääjä"),
        ("särmääjän", "särmääjä"),
        ("tiivistäjää", "tiivistäjä"),
        # a worker noun it reads as another word ("pinna", which "pinnan" also is), where its
        # verb ("pinnoittaa") is a word; a noun in -ja that is no worker stays
        ("pinnoittaja", "pinnoittaja"),
        ("pinnoittajana", "pinnoittaja"),
        ("pinnan", "pinna"),
        ("kirjan", "kirja"),
        ("myyjää", "myyjä"),
        # the partitive of a -nen word read as a verb or another noun
        ("mekaanista", "mekaaninen"),
        ("lukemista", "lukeminen"),
        ("teknistä", "tekninen"),
        # an elative plural is no -nen word
        ("laitteista", "laite"),
        # "työ" is work, not the pronoun simplemma reads it as, alone and as a compound's head
        ("Työ", "työ"),
        ("leipomotyö", "leipomotyö"),
        # illatives of nouns with no such verb stay nouns
        ("Kokkolaan", "kokkola"),
        ("satamaan", "satama"),
        # a third infinitive simplemma reads as its agent participle ("sitoma", "lukema")
        ("sitomaan", "sitoa"),
        ("lukemaan", "lukea"),
        ("kasaamaan", "kasata"),
        ("sitomassa", "sitoa"),
        # ... but a noun in -ma with no such verb stays a noun
        ("ohjelmaan", "ohjelma"),
        ("järjestelmässä", "järjestelmä"),
        ("asemalla", "asema"),
        ("satamassa", "satama"),
        # spoken "kirjoittaa" without its i, not "kirjoa" (to embroider)
        ("kirjotan", "kirjoittaa"),
        ("kirjottanu", "kirjoittaa"),
        # "kylmä" (cold), not "kylä" (a village) or a verb "kylmätä"
        ("kylmässä", "kylmä"),
        ("kylmään", "kylmä"),
        ("kylmää", "kylmä"),
        # spoken past participles without their t; words of their own stay
        ("siivonnu", "siivota"),
        ("tehny", "tehdä"),
        ("hitsannu", "hitsata"),
        ("valu", "valu"),
        # "purkaa" (to unload), whose k simplemma drops
        ("puran", "purkaa"),
        ("purin", "purkaa"),
        # pasts of work verbs read as a noun ("ajo") or kept as they are
        ("ajoin", "ajaa"),
        ("ajoimme", "ajaa"),
        ("kokosin", "koota"),
    ],
)
def test_finnish_verb_forms_read_as_nouns_are_verbs(text, expected):
    assert normalize(text, "fi") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("skar", "skära"),
        ("skurit", "skära"),
        ("mätte", "mäta"),
        ("sålde", "sälja"),
        ("bytte", "byta"),
        ("gjorde", "göra"),
        ("lärde", "lära"),
        # a past tense it does not know at all
        ("fräsade", "fräsa"),
        # an adjective and a definite noun read as another word
        ("rädd", "rädd"),
        ("treskiftet", "treskift"),
        # infinitives read as an adjective or a noun, unlike the verb's other forms
        ("skära", "skära"),
        ("skär", "skära"),
        ("upprätta", "upprätta"),
        ("upprättar", "upprätta"),
    ],
)
def test_swedish_strong_verb_forms_read_as_other_words_are_their_verbs(text, expected):
    # "Jag skar plåt med plasma": simplemma reads "skar" as "skara" (a crowd)
    assert normalize(text, "sv") == expected


@pytest.mark.parametrize(
    ("bare", "inflected"),
    [
        ("rör", "rören"),
        ("blad", "bladen"),
        ("gods", "godset"),
        ("kurs", "kursen"),
        ("plåt", "plåten"),
    ],
)
def test_a_swedish_noun_s_bare_form_is_the_noun_its_other_forms_are(bare, inflected):
    # simplemma reads "rör" as "röra", "gods" as "gode" and "kurs" as "kur", but "rören",
    # "godset" and "kursen" as the noun: a label and a text that inflect it differently meet
    assert normalize(bare, "sv") == normalize(inflected, "sv") == bare


@pytest.mark.parametrize("text", ["kahteen", "kahdessa", "kahden"])
def test_the_case_forms_of_kaksi_are_kaksi(text):
    # "Sopii kahteen vuoroon": simplemma reads "kahteen" as a verb it makes up
    assert normalize(text, "fi") == "kaksi"


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("painamista", "painaminen"),
        ("painamisesta", "painaminen"),
        ("flexopainamista", "flexopainaminen"),
        ("flexopainamisesta", "flexopainaminen"),
        ("hyllyttämistä", "hyllyttäminen"),
        ("hitsaamisesta", "hitsaaminen"),
        ("lukemista", "lukeminen"),
    ],
)
def test_the_cases_of_a_minen_noun_are_read_as_its_base_form(inflected, base):
    """simplemma reads "painaminen" as "painaa" but "painamisesta" as "painaminen" and
    "painamista" as "painama": a label in the base form meets the text in any case."""
    assert normalize(inflected, "fi") == normalize(base, "fi")


@pytest.mark.parametrize(
    ("compound", "expected"),
    [
        # simplemma answers with the first part alone, which stands in the genitive
        ("sahanterä", "sahanterä"),
        ("sahanterän", "sahanterä"),
        ("sahanterällä", "sahanterä"),
        ("lääkkeenjako", "lääkkeenjako"),
        ("prosessinhoitoa", "prosessinhoito"),
        ("työmaanjohto", "työmaanjohto"),
        # an inflection is no compound's head
        ("koneiden", "kone"),
        ("hitsauksesta", "hitsaus"),
        ("hitsaamalla", "hitsata"),
        ("inventaarioita", "inventaario"),
    ],
)
def test_a_compound_with_a_genitive_first_part_keeps_its_head(compound, expected):
    """ "sahanterä" is not "saha" (a saw, a sawmill), nor "lääkkeenjako" "lääke": a label of
    the compound would name every saw and every medicine."""
    assert normalize(compound, "fi") == expected


@pytest.mark.parametrize(
    ("compound", "expected"),
    [
        # a compound simplemma does not know, in a case whose last part it knows
        ("etävalvonnassa", "etävalvonta"),
        ("etävalvonnasta", "etävalvonta"),
        ("pelletöintilinjalla", "pelletöintilinja"),
        ("kylmäkoneasentajana", "kylmäkoneasentaja"),
    ],
)
def test_an_unknown_compound_in_a_case_is_read_by_its_last_parts_lemma(compound, expected):
    """ "rakennusautomaation etävalvonnassa" meets the label "etävalvonta"; the first part
    stays as written."""
    assert normalize(compound, "fi") == expected


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("parametroinnin", "parametrointi"),
        ("parametroinnista", "parametrointi"),
        ("osastoinnit", "osastointi"),
        ("pelletöinnin", "pelletöinti"),
        ("tyhjiöinnin", "tyhjiöinti"),
    ],
)
def test_the_cases_of_an_nti_noun_are_read_as_its_base_form(inflected, base):
    """simplemma reads "parametroinnin" as "parametrointi" but "parametrointi" itself as
    "parametroida": the label "taajuusmuuttajien parametrointi" meets "taajuusmuuttajien
    parametroinnin osaaminen"."""
    assert normalize(inflected, "fi") == normalize(base, "fi")


@pytest.mark.parametrize(
    ("inflected", "expected"),
    [
        # a stem change the dictionary knows in that very form is no misreading
        ("kokeeseen", "koe"),
        ("kokeessa", "koe"),
        # an illative plural or singular is an ending, not a compound's last part
        ("veneisiin", "vene"),
        ("koneisiin", "kone"),
        ("varusteisiin", "varuste"),
    ],
)
def test_a_case_the_dictionary_knows_keeps_its_lemma(inflected, expected):
    """ "näyttökokeessa" once read as "kokee" + "see" and "koneisiin" as "kone" + "isi"."""
    assert normalize(inflected, "fi") == expected


def test_a_base_form_compound_ending_as_a_genitive_is_left_as_it_is():
    """ "pellettipuristin" (a pellet press) ends as a genitive does, but it is no case of
    "pelletti" + "puristi": a label of it still meets "pellettipuristimia" in a text."""
    assert normalize("pellettipuristin", "fi") == normalize("pellettipuristimia", "fi")


def test_an_elative_plural_of_a_ma_noun_is_no_minen_noun():
    assert normalize("järjestelmistä", "fi") == "järjestelmä"
    assert normalize("suunnitelmista", "fi") == "suunnitelma"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of the -era kind the dictionary does not know: its infinitive
        ("injusterar", "injustera"),
        ("injusterade", "injustera"),
        ("parametrerat", "parametrera"),
        # a compound verb it does not know, in the past: first part and the last part's verb
        ("bättringsmålat", "bättringsmåla"),
        ("bättringsmålade", "bättringsmåla"),
        # a noun's doubled last letter before its ending is no compound's last part
        ("programmet", "program"),
        ("programmen", "program"),
        ("rummet", "rum"),
        # ... nor a comparison's or a participle's ending ("tidig" + "area" was read)
        ("tidigare", "tidig"),
        ("lättare", "lätt"),
        ("utgående", "utgå"),
        # nouns that end so are words of their own
        ("referat", "referat"),
        ("certifikat", "certifikat"),
    ],
)
def test_swedish_verbs_the_dictionary_does_not_know_are_their_infinitive(text, expected):
    """ "Vi injusterar radiatorkretsen" meets the label "injustera värmesystem"."""
    assert normalize(text, "sv") == expected


def test_normalize_only_folds_case_in_languages_without_lemmatiser():
    assert normalize("Schweißen Arbeiten", "de") == "schweißen arbeiten".casefold()


def test_fold_ignores_case_unicode_form_and_spacing():
    assert fold("  TIG\u00a0 Hitsaus ") == "tig hitsaus"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compounds it does not know, in a definite or plural form: the head's lemma
        ("kantpressen", "kantpress"),
        ("förpackningsmaskinerna", "förpackningsmaskin"),
        ("virkespaketen", "virkespaket"),
        # definite plurals whose ending is also a word of the dictionary ("erna"), not read
        # as a compound; a real compound's last part still is
        ("maskinerna", "maskin"),
        ("ventilerna", "ventil"),
        ("pappersmaskinerna", "pappersmaskin"),
        ("truckkortet", "truckkort"),
        # ... after a lemma's own -e ("linje" + "rna"), and a short -a noun's plurals, which
        # share only two letters with it
        ("linjerna", "linje"),
        ("säkerhetsbestämmelserna", "säkerhetsbestämmelse"),
        ("ytorna", "yta"),
        ("skivorna", "skiva"),
        # ... not a worker noun, and not a word it knows
        ("laminerare", "laminerare"),
        ("tillbaka", "tillbaka"),
        # present tenses that simplemma reads as a worker noun ("svetsare", "svarvare")
        ("svetsar", "svetsa"),
        ("Svarvar", "svarva"),
        # past tenses and supines that it reads as a participle ("packad")
        ("packade", "packa"),
        ("packat", "packa"),
        # the worker nouns and plural nouns stay as they are
        ("svetsare", "svetsare"),
        ("bilar", "bil"),
    ],
)
def test_swedish_verb_forms_read_as_nouns_are_verbs(text, expected):
    assert normalize(text, "sv") == expected


def test_an_abbreviation_keeps_its_written_form_as_lemma():
    # the Swedish lemmatiser would read "MIG" as "mig" (me) → "jag", "MAG" as "mage"
    assert normalize("MIG MAG CNC", "sv") == "mig mag cnc"
    assert normalize("mig", "sv") == "jag"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Access", True),
        ("Linda", True),
        ("Åland", True),
        ("McGyver", True),
        ("access", False),
        ("PLC", False),
        ("", False),
        ("5G", False),
    ],
)
def test_a_word_written_as_a_name(word: str, expected: bool) -> None:
    assert written_as_name(word) is expected
