"""How a label is also written: verbs and objects, compounds and their words, derivations.

A Finnish "<object> <action>" label ("koneiden asennus") is also one compound word
("koneasennus"), and its action is said with a verb in a CV ("asennan koneita"); a Swedish
"<action> av <object>" label ("installation av maskiner") is also a compound
("maskininstallation") and "jag installerar maskiner". One-word action nouns derive from verbs
("hitsaus" ← "hitsata", "svetsning" ← "svetsa"); Swedish worker nouns from theirs ("svetsare"
← "svetsa"). The label index (`index.py`) builds its other keys from these rules.
"""

import re
from typing import TypeVar

from kohtaanto.extraction.text import Token, known_word, lemmatize

Found = TypeVar("Found")
MIN_PART = 4  # shortest compound part matched on its own ("auto" in "autonkuljettaja")
MIN_OTHER_PART = 3


MIN_AGENT = 6  # shortest worker noun read for its verb ("hitsaaja", "svetsare")
# Worker nouns and the verb endings they come from, longest first. Swedish only: on the tune
# texts the Finnish rule (hitsaaja → hitsata, asentaja → asentaa) found no skill a reader had
# not already been given by other words, and four that a reader did not tag ("15 hitsaajan
# työnjohtaja" supervises welders; "koneistaja" is more than metal cutting).
AGENT_ENDINGS = {"sv": (("are", "a"), ("ör", "era"))}
# Nouns in -are that name a machine or a part, not who does the work: "hjullastare" is a wheel
# loader, "givare" a sensor, "brytare" a switch; a worker noun is not read through them.
AGENT_THINGS = {
    "sv": frozenset(
        {
            "lastare",
            "givare",
            "brytare",
            "mätare",
            "blandare",
            "skrivare",
            "lyftare",
            "skördare",
            "skotare",
            "kylare",
            "värmare",
            "räknare",
            "hållare",
            "spridare",
        }
    )
}


def agent_verb(word: str, lang: str) -> str:
    """The verb a worker noun is made from: svetsare → svetsa, svarvare → svarva,
    montör → montera; "" if the word is no such noun."""
    for ending, verb_ending in AGENT_ENDINGS.get(lang, ()):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + verb_ending
    return ""


def label_lemmas(tokens: list[Token]) -> tuple[str, ...]:
    """A label's lemmas; its last word is in base form, so a much shorter lemma is a mistake.

    simplemma reads some compounds as an inflected first part ("tuotantoonotto" →
    "tuotanto"); a label's head noun keeps its written form then.
    """
    lemmas = [token.lemma for token in tokens]
    last = tokens[-1]
    if (
        last.norm.startswith(last.lemma)
        and len(last.norm) - len(last.lemma) >= 3
        and not (len(tokens) > 1 and last.norm[len(last.lemma) :] in INFLECTION_ENDINGS)
    ):
        lemmas[-1] = last.norm
    return tuple(lemmas)


# The case and number endings a label's last word may be written with after another word
# ("asentaa koneita", "mittaustyöt työmaalla", "tvätta maskinerna"): an inflected word, read by
# its lemma as the text's words are, not a compound simplemma cut short.
INFLECTION_ENDINGS = frozenset(
    {
        *("ita", "itä", "tta", "ttä", "lla", "llä", "ssa", "ssä", "sta", "stä", "lle", "lta"),
        *("ltä", "ksi", "hin", "hon", "hön", "seen", "iin", "ihin", "issa", "issä", "ista"),
        *("istä", "illa", "illä", "ille", "ilta", "iltä", "ella", "essa", "eseen", "ien"),
        *("erna", "arna", "orna", "rna"),
    }
)


# Finnish action nouns of labels and the verbs a CV uses instead ("trukin käyttö" ↔ "käytän
# trukkia"); nouns in -minen follow a rule (lukeminen → lukea).
ACTION_VERBS = {
    "fi": {
        "käyttö": "käyttää",
        "hallinta": "hallita",
        "huolto": "huoltaa",
        "asennus": "asentaa",
        "ohjelmointi": "ohjelmoida",
        "suunnittelu": "suunnitella",
        "korjaus": "korjata",
        "valvonta": "valvoa",
        "tarkastus": "tarkastaa",
        "kokoonpano": "koota",
        "käsittely": "käsitellä",
        "mittaus": "mitata",
        "testaus": "testata",
        "valmistus": "valmistaa",
        "kunnossapito": "huoltaa",
        "lukeminen": "lukea",
        "tekeminen": "tehdä",
        "laatiminen": "laatia",
        "kuljettaminen": "kuljettaa",
        "analysointi": "analysoida",
        "kalibrointi": "kalibroida",
        "maalaus": "maalata",
        "tulkinta": "tulkita",
        "kasaus": "kasata",
    },
    # Swedish labels say "<action noun> av <object>" ("installation av maskiner"), a CV "jag
    # installerar maskiner"; nouns in -ering and -ning follow a rule (montering → montera).
    "sv": {
        "användning": "använda",
        "drift": "driva",
        "installation": "installera",
        "underhåll": "underhålla",
        "reparation": "reparera",
        "kontroll": "kontrollera",
        "inspektion": "inspektera",
        "analys": "analysera",
        "konstruktion": "konstruera",
        "service": "serva",
        "skötsel": "sköta",
        "körning": "köra",
        "läsning": "läsa",
        "tillverkning": "tillverka",
        "ledning": "leda",
        "planering": "planera",
    },
}
# "Hallitset komposiittimateriaalien ominaisuudet", "hallitsee hitsauksen": in ads and CVs the
# verb of "-hallinta" labels says a skill is mastered, not that its object is managed, so it
# makes no verb and object pair ("hallita materiaaleja" is not materials management).
KNOWING_VERBS = {"fi": frozenset({"hallita"})}
# A label's other written form (`other_form`) is a little weaker than the label itself.
OTHER_FORM = 0.95

# Prepositions between a Swedish action noun and its object.
SV_OBJECT_PREPOSITIONS = frozenset({"av", "på", "med", "för", "i"})
# The particles of Swedish particle verbs, read as a preposition is ("tar bort gamla vindrutor"
# for the label "ta bort vindrutor", "sätter upp nya skyltar").
SV_PARTICLES = frozenset({"bort", "ut", "upp", "in", "ner", "fast", "om", "fram", "till"})
# The particles a passive leaves after its verb while its object stands before it
# ("motorerna monteras ihop", "området spärras av"): those above, "ihop" and "isär", and "av",
# which right after a passive verb is its particle, not a preposition.
SV_PASSIVE_PARTICLES = SV_PARTICLES | {"ihop", "isär", "av"}


def particle_verb_object(tokens: list[Token], key: tuple[str, ...]) -> tuple[str, ...]:
    """The object of a Swedish "<verb> <particle> <object>" label ("sätta ihop godståg",
    "ta bort gamla fönster"), or () for another label. A passive writes the object first
    ("godstågen sätts ihop"), which `LabelIndex.particle_objects` reads."""
    if len(key) < 3 or key[1] not in SV_PASSIVE_PARTICLES:
        return ()
    return key[2:] if swedish_infinitive(tokens[0], shortest=2) else ()


def swedish_infinitive(token: Token, shortest: int) -> bool:
    """Whether a label's word is a Swedish verb in the infinitive, as the label writes it
    ("montera", "ta"): read as itself, ending in -a, a word of the dictionary."""
    verb = token.norm
    return (
        token.lemma == verb
        and len(verb) >= shortest
        and verb.endswith("a")
        and known_word(verb, "sv")
    )


def action_verb(key: tuple[str, ...], written: str, lang: str) -> str:
    """The verb of a two-word "<object> <action noun>" label, or "".

    `written` is the action noun as the label writes it; its lemma (key[1]) may already be the
    verb where Voikko reads "lukeminen" as a form of "lukea".
    """
    verbs = ACTION_VERBS.get(lang)
    if verbs is None:
        return ""
    if lang == "sv":
        return swedish_action_verb(key, verbs)
    if len(key) != 2:
        return ""
    if written in verbs:
        return verbs[written]
    if lang == "fi" and written.endswith("minen") and len(written) > 7:
        if key[1] != written:
            return key[1]
        stem = written[:-5]
        return stem + ("a" if any(vowel in stem for vowel in "aou") else "ä")
    return ""


def swedish_action_verb(key: tuple[str, ...], verbs: dict[str, str]) -> str:
    """The verb of a "<action noun> av <object>" label ("montering av maskiner" → montera)."""
    if len(key) != 3 or key[1] not in SV_OBJECT_PREPOSITIONS:
        return ""
    noun = key[0]
    if noun in verbs:
        return verbs[noun]
    if noun in verbs.values():
        return noun  # read as the verb already ("underhåll" → "underhålla")
    for ending, verb_ending in (("ering", "era"), ("ning", "a")):
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            verb = noun[: -len(ending)] + verb_ending
            return verb if known_word(verb, "sv") else ""
    return ""


def other_form(
    key: tuple[str, ...], written: list[str], lang: str
) -> tuple[tuple[str, ...] | None, tuple[str, str] | None]:
    """The form a label is also written in: an "<object> <action>" label as one compound word,
    a compound label ending in an action noun as two or three words, and (Swedish) as a verb
    and its object.

    "koneiden asennus" → "koneasennus"; "installation av maskiner" → "maskininstallation";
    "laiteasennus" → "laitteiden asennus"; "ventilunderhåll" → "underhåll av ventiler" and
    (underhålla, ventil), so that "jag underhåller ventiler" finds it. Returns (other key or
    None, (verb, object) or None).
    """
    verbs = ACTION_VERBS.get(lang, {})
    if lang == "fi" and len(key) == 2 and action_verb(key, written[-1], lang):
        return (key[0] + written[-1],), None
    if lang == "sv" and len(key) == 3 and swedish_action_verb(key, verbs):
        return (key[2] + written[0],), None
    if len(key) != 1 or lang not in ACTION_VERBS:
        return None, None
    word = key[0]
    for k in range(MIN_OTHER_PART, len(word) - MIN_OTHER_PART):
        head, modifier = word[k:], word[:k]
        if lang == "fi":
            if not action_verb(("", head), head, lang) or not known_word(modifier, "fi"):
                continue
            # "tuotannon|suunnittelu" → "tuotannon suunnittelu"; "laite|asennus" → "laitteiden
            # asennus": a verb near the words says too little, so no verb pair in Finnish.
            return (lemmatize(modifier, lang), lemmatize(head, lang)), None
        verb = swedish_action_verb((head, "av", ""), verbs)
        if not verb:
            continue
        if modifier.endswith("s") and known_word(modifier[:-1], "sv"):
            modifier = modifier[:-1]  # linking s: "underhålls|planering"
        if known_word(modifier, lang):
            return (lemmatize(head, lang), "av", modifier), (verb, modifier)
    return None, None


# The endings of a Finnish first infinitive ("lukea", "hoitaa", "kalibroida", "lastata",
# "palvella", "mennä", "purra", "pestä"); nouns seldom end so, except action nouns in -nta
# ("valvonta", "neuvonta").
_FINNISH_INFINITIVE = re.compile(r"(?:[aeiouyäö][aä]|[dt][aä]|(?:ll|nn|rr|st)[aä])$")
_FINNISH_ACTION_NOUN = ("nta", "ntä")


def finnish_infinitive(word: str) -> bool:
    """Whether a Finnish word ends as a verb's first infinitive does."""
    return _FINNISH_INFINITIVE.search(word) is not None and not word.endswith(_FINNISH_ACTION_NOUN)


def starts_with_verb(tokens: list[Token], lang: str) -> bool:
    """Whether a two-word label is a verb and its object: "läsa ritningar", "montera
    pneumatik", "lukea piirustuksia". A text says the verb once for several objects ("du
    monterar hydraulik, pneumatik och …"), so such a label is also matched as a verb near its
    object (`LabelIndex.verb_objects`)."""
    if len(tokens) != 2 or tokens[0].lemma != tokens[0].norm or len(tokens[0].norm) < 4:
        return False
    if lang == "sv":
        return tokens[1].norm not in SV_OBJECT_PREPOSITIONS and swedish_infinitive(
            tokens[0], shortest=4
        )
    return lang == "fi" and finnish_infinitive(tokens[0].norm)


def minen_noun(verb: str) -> str:
    """The Finnish "-minen" noun of a verb ("huoltaa" → "huoltaminen", "korjata" →
    "korjaaminen", "lukea" → "lukeminen"), or "" for the verb kinds whose stem changes
    ("tehdä" → "tekeminen", "suunnitella" → "suunnitteleminen")."""
    if len(verb) < 4 or verb[-1] not in "aä":
        return ""
    if verb[-3:-1] in ("at", "ät"):
        return verb[:-2] + verb[-1] + "minen"
    if verb[-4:-1] in ("oid", "öid"):  # "kalibroida" → "kalibroiminen"
        return verb[:-2] + "minen"
    if verb[-2] in "aeiouyäö":
        return verb[:-1] + "minen"
    return ""


def verb_object(key: tuple[str, ...], lang: str) -> str:
    """The object lemma of a label whose verb `action_verb` found."""
    return key[-1] if lang == "sv" else key[0]


# Action noun endings and the verb endings they come from; a derived verb counts only when
# simplemma knows it as a word.
DERIVATIONS = {
    "fi": (
        ("stus", "staa"),  # koneistus ← koneistaa
        ("nnus", "ntaa"),  # asennus ← asentaa
        ("ointi", "oida"),  # ohjelmointi ← ohjelmoida
        ("aus", "ata"),  # hitsaus ← hitsata
        ("äys", "ätä"),
        ("nta", "a"),  # hionta ← hioa
        ("ntä", "ä"),  # jyrsintä ← jyrsiä
    ),
    "sv": (
        ("ering", "era"),  # montering ← montera
        ("ning", "a"),  # svetsning ← svetsa
    ),
}


def derived_verbs(phrases: dict[tuple[str, ...], Found], lang: str) -> dict[str, Found]:
    """The verbs one-word action noun labels derive from, with what the label finds:
    "hitsaus" → "hitsata", "svetsning" → "svetsa"."""
    verbs: dict[str, Found] = {}
    for key, hits in phrases.items():
        if len(key) != 1:
            continue
        noun = key[0]
        for ending, verb_ending in DERIVATIONS[lang]:
            if noun.endswith(ending) and len(noun) > len(ending) + 2:
                verb = noun[: -len(ending)] + verb_ending
                if (verb,) not in phrases and known_word(verb, lang):
                    verbs.setdefault(verb, hits)
                break
    return verbs
