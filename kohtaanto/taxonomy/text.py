"""The one text module of concept look-up, search, the importers and text extraction.

Labels, typed queries and free texts all go through the same functions, so that they meet on the
same normal form: Unicode-normalised and case-folded, split into words at anything that is not a
letter or digit (so "CNC-koneistaja" is two words), an inflection suffix after a colon ("PLC:n",
"CAD:llä") dropped, and each word lemmatised in its language by simplemma:
`normalize("Hitsaajana", "fi") == "hitsaaja"`, `normalize("hitsausta", "fi") == "hitsaus"`.
Languages simplemma is not asked about are only case-folded.

simplemma's default dictionaries take about 400 MiB for Finnish; its low-memory backend keeps the
same dictionaries compressed (about 55 MiB) at a small cost per look-up, which the word cache
below pays once per distinct word.

A Finnish word simplemma does not know (typically a compound) goes to Voikko where the libvoikko
package and a Finnish dictionary are installed (`pip install 'kohtaanto[voikko]'` and Debian's
voikko-fi). Voikko is never required, and it is not asked first: on the Finnish extraction
benchmark its first readings ("käytöstä" → "käytös", behaviour, rather than "käyttö") lost more
than its compound analysis gained.
"""

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

import simplemma

LANGS = ("fi", "sv", "en")
LEMMATISED_LANGUAGES = frozenset(LANGS)

# A word: letters and digits, with its inner apostrophes and points ("ServiceNow'ssa"), the
# signs of a programming language's name ("C++", "C#") and a Finnish ending after a colon:
# "PLC:n" keeps its colon suffix so that the offset covers it, the suffix is dropped when the
# word is folded.
_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*(?:\+\+|#(?!\w))?(?::[^\W_]{1,4}\b)?")
_PLAIN_WORD = re.compile(r"[^\W_]+")


class Token(NamedTuple):
    text: str  # as written
    start: int
    end: int
    norm: str  # folded, colon suffix dropped
    lemma: str  # lemma in the text's language


def fold(text: str) -> str:
    """Case-folded, Unicode-compatible form with single spaces: the key for exact matches."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def words(text: str) -> list[str]:
    """The words of an already folded text."""
    return _PLAIN_WORD.findall(text)


@lru_cache(maxsize=262_144)
def fold_word(word: str) -> str:
    """Case-fold one word and drop a colon inflection suffix; å, ä and ö stay (they carry
    meaning)."""
    word = unicodedata.normalize("NFKC", word).casefold().replace("’", "'")
    colon = word.find(":")
    return word[:colon] if colon > 0 else word


class _Voikko:
    """Finnish base forms from libvoikko, if it and a dictionary are installed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # a Voikko handle is not thread-safe
        self._handle: Any = None
        self.enabled = False
        try:
            import libvoikko  # type: ignore[import-not-found]

            self._handle = libvoikko.Voikko("fi")
            self.enabled = True
        except (ImportError, OSError):
            self._handle = None

    def baseform(self, word: str) -> str | None:
        """The word itself if it is a base form, else a noun reading, else the first one."""
        if not self.enabled:
            return None
        with self._lock:
            analyses = self._handle.analyze(word)
        bases = [(str(a.get("BASEFORM", "")).casefold(), a.get("CLASS", "")) for a in analyses]
        bases = [(base, kind) for base, kind in bases if base]
        if not bases:
            return None
        if any(base == word for base, _ in bases):
            return word
        nouns = [base for base, kind in bases if kind == "nimisana"]
        return nouns[0] if nouns else bases[0][0]


VOIKKO = _Voikko()


def use_voikko(enabled: bool) -> None:
    """Switch Voikko off (or back on, if installed), e.g. to compare; clears the lemma cache."""
    VOIKKO.enabled = enabled and VOIKKO._handle is not None
    lemmatize.cache_clear()


def load_dictionaries() -> None:
    """Load every lemmatiser dictionary now (about 2 s) instead of on the first word."""
    for lang in LANGS:
        simplemma.lemmatize("a", lang=lang, low_memory=True)


@lru_cache(maxsize=262_144)
def known_word(word: str, lang: str) -> bool:
    """Whether the lemmatiser's dictionary has the word (any form) in the language. Every
    look-up goes through here and `_dictionary_lemma`, so one dictionary backend is loaded;
    the answers are kept, as the lemmas are (a dictionary look-up costs tens of µs)."""
    return simplemma.is_known(word, lang, low_memory=True)


def _dictionary_lemma(word: str, lang: str) -> str:
    """simplemma's lemma of a word as it is, before the corrections of `_simplemma_lemma`."""
    return simplemma.lemmatize(word, lang=lang, low_memory=True)


@lru_cache(maxsize=262_144)
def lemmatize(norm: str, lang: str) -> str:
    """The lemma of a folded word; numbers and words simplemma does not know stay as they are."""
    if lang not in LEMMATISED_LANGUAGES or not norm.isalpha():
        return norm
    lemma = _simplemma_lemma(norm, lang)
    if lang == "fi" and lemma != norm and lemma.endswith(("nti", "ntä")):
        # simplemma reads an -nti/-ntä noun's cases as the noun ("parametroinnin" →
        # "parametrointi") but the noun itself as its verb or stem ("parametrointi" →
        # "parametroida"): a case is read as its base form is, so a label and a text meet
        lemma = _simplemma_lemma(lemma, lang)
    if lemma == norm and lang == "fi" and VOIKKO.enabled and not known_word(norm, lang):
        # A word simplemma does not know at all: Voikko's reading, if installed.
        return VOIKKO.baseform(norm) or norm
    return lemma


# Finnish case, plural and possessive endings, alone and after a stem vowel. simplemma knows
# some as words ("ita" → "itä", "ella"), and its compound reading below would take them for a
# compound's last part ("inventaarioita" → "inventaario" + "itä").
_FI_ENDINGS = [
    "lla",
    "llä",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lta",
    "ltä",
    "lle",
    "ksi",
    "tta",
    "ttä",
    "na",
    "nä",
    "ta",
    "tä",
    "ja",
    "jä",
    "ni",
    "si",
    "in",
    "en",
    "kin",
]
_FI_ENDING_WORDS = frozenset(
    {vowel + ending for vowel in "aeiouyäö" for ending in _FI_ENDINGS}
    | set(_FI_ENDINGS)
    | set(
        [
            "ihin",
            "iin",
            "isiin",
            "siin",
            "seen",
            "ita",
            "itä",
            "ien",
            "iden",
            "itten",
            "ista",
            "istä",
            "illa",
            "illä",
            "ilta",
            "iltä",
            "ille",
            "issa",
            "issä",
            "ina",
            "inä",
            "ineen",
            "oita",
            "öitä",
            "oihin",
            "öihin",
            "oja",
            "öjä",
            "ojen",
            "öjen",
            "ia",
            "iä",
            "nsa",
            "nsä",
            "mme",
            "nne",
            "han",
            "hän",
        ]
    )
)
# Words simplemma reads as another word: "työ" as the pronoun "sinä"; the forms of "purkaa"
# (to unload, to dismantle) whose k it drops ("puran", "purin") as "purra" (to bite); past
# tenses of work verbs ("ajoin trukkia", "kokosin koneita"); passives of short verbs.
_FI_LEMMAS = {
    "työ": "työ",
    # first-person and plural pasts it reads as a noun or keeps as they are ("ajoin" → "ajo")
    **dict.fromkeys(("ajoin", "ajoit", "ajoimme", "ajoitte", "ajoivat"), "ajaa"),
    **dict.fromkeys(("kokosin", "kokosit", "kokosimme", "kokositte"), "koota"),
    **dict.fromkeys(("kirjasin", "kirjasimme"), "kirjata"),
    **dict.fromkeys(("myin", "myimme"), "myydä"),
    "petä": "pettää",  # "laatu ei saa pettää", "ei petä": the negative of "to fail"
    # passives of short verbs it reads as nothing ("haetaan" → "haetaka", "ajettiin")
    **{
        passive: verb
        for verb, stem in (
            ("hakea", "hae"),
            ("oppia", "opi"),
            ("ajaa", "aje"),
            ("lukea", "lue"),
            ("ottaa", "ote"),
            ("antaa", "anne"),
            ("pitää", "pide"),
        )
        for passive in (
            stem + ("tään" if verb.endswith("ä") else "taan"),
            stem + "ttiin",
        )
    },
    # ... and as the tool or device ("juotin", a soldering iron; "poistin", a remover), whose
    # other forms stay the noun's ("juottimella")
    **dict.fromkeys(("juotin", "juotimme"), "juottaa"),
    **dict.fromkeys(("poistin", "poistimme"), "poistaa"),
    **dict.fromkeys(
        ("puran", "purat", "puramme", "puratte", "purin", "purit", "purimme", "puritte"),
        "purkaa",
    ),
    # a port, not the third infinitive of "sataa" (to rain) that its case forms also are
    **dict.fromkeys(("satamaan", "satamassa", "satamasta", "satamalla"), "satama"),
    # present forms and the third infinitive of "koota" (to assemble) and "tehdä" it keeps as
    # they are or reads as a noun ("kokoan ikkunat", "tekemään CNC-ohjelmia" → "tekemä")
    **dict.fromkeys(
        (
            *("kokoan", "kokoat", "kokoaa", "kokoamme", "kokoatte", "kokoavat"),
            *("kokoamaan", "kokoamassa", "kokoamasta", "kokoamalla"),
        ),
        "koota",
    ),
    **dict.fromkeys(
        ("tekemään", "tekemässä", "tekemästä", "tekemällä", "tekemättä", "tekevät"), "tehdä"
    ),
    # plural case forms of "työ" (work) and "ahdas" (confined), and "ajo" (driving) in the
    # elative, that it keeps as they are ("töistä", "ahtaiden tilojen", "ajosta" → "ajos")
    **dict.fromkeys(("töihin", "töille", "töillä", "töissä", "töistä", "töiltä"), "työ"),
    **dict.fromkeys(
        (
            "ahtaiden",
            "ahtaissa",
            "ahtaassa",
            "ahtaasta",
            "ahtaat",
            "ahtaisiin",
            "ahtaaseen",
            "ahtaita",
        ),
        "ahdas",
    ),
    **dict.fromkeys(("ajosta", "ajoista"), "ajo"),
    # spoken forms of "kirjoittaa" (to write) without its i, which it reads as "kirjoa" (to
    # embroider): "kirjotan raportit"
    **dict.fromkeys(
        (
            *("kirjotan", "kirjotat", "kirjottaa", "kirjotamme", "kirjotatte", "kirjottavat"),
            *("kirjotin", "kirjotit", "kirjotti", "kirjotimme", "kirjottivat"),
            *("kirjottanu", "kirjottanut", "kirjottaneet", "kirjotetaan", "kirjotettiin"),
            *("kirjotettu", "kirjottamaan", "kirjottamassa"),
        ),
        "kirjoittaa",
    ),
    **dict.fromkeys(("kirjotus", "kirjotukset", "kirjotusta", "kirjotuksia"), "kirjoitus"),
    # the singular cases of "kylmä" (cold) it reads as "kylä" (a village) or a verb "kylmätä"
    # ("kylmässä työympäristössä", "kylmään")
    **dict.fromkeys(("kylmää", "kylmässä", "kylmästä", "kylmään", "kylmällä"), "kylmä"),
    # the case forms of "kaksi" it does not know ("kahteen vuoroon" is two shifts)
    **dict.fromkeys(
        ("kahteen", "kahdessa", "kahdella", "kahdelle", "kahden", "kahdesta", "kahdeksi"), "kaksi"
    ),
}
# Swedish verb forms simplemma reads as another word or keeps as they are: infinitives it
# takes for an adjective or a noun while it reads their other forms as the verb ("skära" as
# "skär" but "skär" as "skära"; "upprätta", "lösa", "säkra"), so that a label "skära planglas"
# meets "hon skär planglas"; strong-verb forms ("skar" as "skara", a crowd; "skurit"; "bytte",
# "gjorde"); "rädd" (afraid) as "rädda" (to rescue).
_SV_LEMMAS = {
    **{
        verb: verb
        for verb in ("upprätta", "skära", "lösa", "avlägsna", "säkra", "klara", "fästa", "öppna")
    },
    **dict.fromkeys(("skar", "skurit", "skuren", "skurna"), "skära"),
    "mätte": "mäta",
    "bytte": "byta",  # not "bytta", a tub
    "gjorde": "göra",
    "lärde": "lära",  # "lärde upp nya", not "lärd" (learned)
    "rädd": "rädd",  # afraid, not "rädda" (to rescue)
    "treskiftet": "treskift",  # as "tvåskiftet" is "tvåskift", not "skifte" (a change)
    "brutit": "bryta",
    "bundit": "binda",
    **dict.fromkeys(("sålde", "sålt"), "sälja"),
    # past passives of strong verbs ("togs bort", "sattes ihop", "gjordes om", "drogs in")
    "togs": "ta",
    "sattes": "sätta",
    "gjordes": "göra",
    "drogs": "dra",
    # nouns whose bare form it reads as a verb or another word while their definite and plural
    # forms stay the noun ("rör" as "röra" but "rören" as "rör"; "gods" as "gode", "kurs" as
    # "kur"): a label "svetsa rör" meets "svetsar rören", "byta blad" meets "byter bladen"
    **{
        noun: noun
        for noun in (
            *("gods", "tvätt", "last", "rör", "plast", "lås", "inköp", "plåt", "golv", "lyft"),
            *("spår", "prov", "stopp", "press", "skick", "blad", "kabel", "lack", "kross"),
            *("plog", "hiss", "flis", "skörd", "frakt", "band", "vält", "test", "design"),
            *("buss", "vakt", "slakt", "harts", "luft", "lass", "tåg", "skinn", "spill"),
            *("gödsel", "frukt", "kurs", "intyg"),
        )
    },
}
# A Swedish verb's past forms: a compound verb simplemma does not know ("bättringsmålat") is
# its first part and the lemma of its last ("bättrings" + "måla").
_SV_VERB_FORMS = ("at", "ade")
_SV_ERA_FORMS = ("erar", "erade", "erat", "erad")
# Swedish definite and plural endings ("pressen", "paketet", "linjerna", "maskiner").
_SV_INFLECTED = ("en", "et", "na", "ar", "er", "or")
# Swedish plural and definite endings that are also words of the dictionary ("erna", "arna"):
# not the last part of a compound ("maskinerna" is "maskin", not "maskin" + "erna").
_SV_ENDING_WORDS = frozenset(
    plural + definite + genitive
    for plural in ("", "ar", "er", "or")
    for definite in ("na", "en", "et", "n")
    for genitive in ("", "s")
) | frozenset({"ar", "er", "or", "ars", "ers", "ors"})
# ... and what is left of "erna" after a lemma's own -e ("linje" + "rna" is "linjerna")
_SV_ENDING_WORDS |= frozenset({"rna", "rnas"})
# ... and the endings of comparison and of the present participle ("tidigare" is "tidig", not
# "tidig" + "area"; "utgående" is "utgå", not "utgå" + "enda")
_SV_ENDING_WORDS |= frozenset({"are", "ast", "aste", "ande", "ende"})
# The case and possessive endings a Finnish worker noun takes ("hitsaajana", "asentajani").
_FI_AGENT_ENDINGS = r"(?:a|ä|n|na|nä|ksi|lle|lla|llä|lta|ltä|sta|stä|ssa|ssä|an|än|t|ni|si)?$"
# A Finnish worker noun (hitsaaja, särmääjä, kokoonpanija) and a case ending after it.
_FI_AGENT = re.compile(r"^(\w{3,}(?:aa|ää|i)j[aä])" + _FI_AGENT_ENDINGS)
# ... of any verb whose stem ends in a vowel ("pinnoittaja", "kalibroija").
_FI_VERB_AGENT = re.compile(r"^(\w{4,}[aeiouyäö]j[aä])" + _FI_AGENT_ENDINGS)
# Spoken past participles without their final t: "siivonnu" (siivonnut), "tehny", "ollu".
_FI_SPOKEN_PARTICIPLE = ("nu", "ny", "llu", "lly", "rru", "rry", "ssu", "ssy")
# The case endings of a verb's third infinitive ("pystyt sitomaan", "hyvä lukemaan", "olen ollut
# kasaamassa", "sitomalla"), after its "-ma"/"-mä".
_FI_THIRD_INFINITIVE = ("an", "än", "ssa", "ssä", "sta", "stä", "lla", "llä")


# Finnish "having a card" adjectives name the card: "C-kortillista kuljettajaa",
# "trukkikortillisia", "hygieniapassillinen".
_FI_CARD_HOLDER = re.compile(r"(\w*?)(kortilli|passilli)(?:nen|s\w*)")
_FI_CARD_NOUN = {"kortilli": "kortti", "passilli": "passi"}


def _simplemma_lemma(norm: str, lang: str) -> str:
    if lang == "fi" and norm in _FI_LEMMAS:
        return _FI_LEMMAS[norm]
    if lang == "fi" and "illi" in norm:
        holder = _FI_CARD_HOLDER.fullmatch(norm)
        if holder:
            return holder.group(1) + _FI_CARD_NOUN[holder.group(2)]
    if lang == "sv" and norm in _SV_LEMMAS:
        return _SV_LEMMAS[norm]
    if lang == "fi":
        verb = _spoken_participle_verb(norm)
        if verb:
            return verb
    lemma = _dictionary_lemma(norm, lang).casefold()
    if lang == "sv" and not lemma.endswith("a") and norm.endswith(("des", "tes")):
        verb = _sv_past_passive_verb(norm)
        if verb:
            return verb
    if lang == "fi" and len(norm) > 7:
        # simplemma reads some -minen nouns as their verb in the base form ("painaminen" →
        # "painaa") but keeps the noun in the other cases ("painamisesta" → "painaminen") or
        # reads the partitive as a participle ("painamista" → "painama"): each case is read as
        # the base form is, so a label and a text meet
        noun = _minen_noun(norm, lemma)
        if noun:
            verb = _dictionary_lemma(noun, lang).casefold()
            if verb != noun and verb in (noun[:-5] + "a", noun[:-5] + "ä"):
                return verb
    if lang == "fi" and len(norm) >= 7 and norm.endswith(("ista", "istä")):
        # the partitive of a -nen word read as a verb or another noun ("mekaanista" →
        # "mekaanistaa", "lukemista" → "lukema"): the -nen word, where it is one of its own
        adjective = norm[:-3] + "nen"
        if (
            adjective != lemma
            and known_word(adjective, lang)
            and _dictionary_lemma(adjective, lang).casefold() == adjective
        ):
            return adjective
    if lemma == norm:
        if lang == "sv" and norm.endswith("ade") and len(norm) > 5:
            # a past tense it keeps as it is ("fräsade"): the verb, where it is a word of its
            # own ("fräsa")
            verb = norm[:-3] + "a"
            if _own_base_form(verb, lang):
                return verb
        if lang == "sv" and norm.endswith(_SV_ERA_FORMS) and len(norm) >= 8:
            # a form of a verb of the productive -era kind that it keeps as written
            # ("injusterar", "parametrerade", the participle "intresserad"): its infinitive, as
            # a label writes it ("injustera")
            return norm[: norm.rindex("er")] + "era"
        if (
            lang == "sv"
            and norm.endswith(_SV_INFLECTED + _SV_VERB_FORMS)
            and not known_word(norm, lang)
        ):
            # a Swedish compound simplemma does not know, in a definite or plural form
            # ("kantpressen", "filémaskinen"): its first part as written and its head's lemma
            return _written_together(norm, lang)
        if lang == "fi" and len(norm) >= 6 and norm.endswith(("aan", "ään")):
            # a first person of an -ata/-ätä verb it does not know at all ("mittaan"; not the
            # short words "vaan", "jaan")
            verb = _ata_verb(norm[:-2], "ta" if norm.endswith("aan") else "tä", lang)
            if verb:
                return verb
        if lang != "fi":
            return lemma
        verb = _past_participle_verb(norm)
        if (
            verb == norm
            and len(norm) >= _FI_COMPOUND_MIN
            and norm.endswith(_FI_CASE_ENDINGS)
            and not known_word(norm, lang)
        ):
            return _written_together(norm, lang, inflected=True)
        return verb
    # simplemma sometimes answers with a word that only shares a letter or two ("meistäjä" →
    # "minä", "machining" in Finnish → "mach"): such a lemma is not trusted, unless the
    # dictionary has the word in that very form (a stem change: "kokeessa" → "koe").
    if (
        len(norm) >= 6
        and common_prefix(lemma, norm) < 3
        and not _sv_plural_of(norm, lemma, lang)
        and not (lang == "fi" and known_word(norm, lang))
    ):
        return _written_together(norm, lang) if lang == "fi" else norm
    # A Finnish compound it does not know may be read by its first part alone, turned into
    # another word that shares less than half of itself with it ("kolmivuoro" →
    # "kolmetoista", where "tehtaallamme" → "tehdas" is a stem change): the first part as
    # written and the head's lemma ("kolmi" + "vuoro"), where the head is a word of its own.
    if (
        lang == "fi"
        and len(norm) >= 8
        and common_prefix(lemma, norm) * 2 < len(lemma)
        and not known_word(norm, lang)
    ):
        return _written_together(norm, lang)
    # A Finnish worker noun read as another word ("pinnoittaja" → "pinna", so that "pinnan"
    # named the electroplater): the noun, where its verb is a word of its own ("pinnoittaa").
    if lang == "fi" and not lemma.endswith(("ja", "jä")):
        agent = _FI_VERB_AGENT.match(norm)
        if agent and lemma != agent.group(1):
            noun = agent.group(1)
            verb = noun[:-2] + noun[-1]
            if _own_base_form(verb, lang):
                return noun
    # A Finnish first-person verb of the -ata/-ätä kind ("sorvaan", "osaan", "pakkaan") is
    # read as the illative of a noun ("sorva", "osa", "pakka"); where the verb is a word of its
    # own, it is the verb ("sorvata", "osata", "pakata": a double consonant is single there).
    if lang == "fi" and norm.endswith(("aan", "ään")) and lemma == norm[:-2]:
        verb = _ata_verb(lemma, "ta" if norm.endswith("aan") else "tä", lang)
        if verb:
            return verb
    # ... and its third person ("sorvaa", "ohjaa", "pakkaa") as the partitive of such a noun
    if lang == "fi" and len(norm) >= 5 and norm.endswith(("aa", "ää")) and lemma == norm[:-1]:
        verb = _ata_verb(lemma, "ta" if norm.endswith("aa") else "tä", lang)
        if verb:
            return verb
    if (
        lang == "fi"
        and lemma.endswith(("ma", "mä"))
        and norm.startswith(lemma)
        and norm[len(lemma) :] in _FI_THIRD_INFINITIVE
    ):
        # a third infinitive read as its agent participle ("sitomaan" → "sitoma", "lukemaan" →
        # "lukema"): the verb, where it is a word of its own ("sitoa", "lukea", "kasata")
        verb = _third_infinitive_verb(lemma[:-2], lemma[-1])
        if verb:
            return verb
    # A first-person past of an -ata/-ätä verb ("pakkasin") is read as a -nen noun
    # ("pakkanen"), whose rare instructive plural it also is; where the verb is a word of its
    # own, it is the verb ("pakata").
    if lang == "fi" and norm.endswith(("asin", "äsin")) and lemma.endswith("nen"):
        verb = _ata_verb(norm[:-3], "ta" if norm.endswith("asin") else "tä", lang)
        if verb:
            return verb
    # A Swedish present tense is read as a worker noun ("svetsar" → "svetsare", "svarvar" →
    # "svarvare"), a past tense as a participle ("packade" → "packad"); where the verb is a
    # word of its own, it is the verb.
    if (
        lang == "sv"
        and norm.endswith(("ar", "ade", "at"))
        and lemma in (norm + "e", norm[:-1], norm[:-1] + "d")
    ):
        verb = lemma[:-2] + "a" if lemma.endswith("ad") else norm[:-1]
        if _own_base_form(verb, lang):
            return verb
    # A worker noun it does not know is cut back to its verb's stem ("särmääjää" → "särmä"):
    # the noun, as written up to its -ja/-jä.
    if lang == "fi" and norm.startswith(lemma) and not known_word(norm, lang):
        agent = _FI_AGENT.match(norm)
        if agent and len(agent.group(1)) - len(lemma) <= 4:
            return agent.group(1)
    # For a compound it may answer with the first part only ("trukkilupa" → "trukki",
    # "vastapainotrukki" → "vastapaino"): the head it dropped is a word of its own. The lemma
    # is then the first part + the head's lemma.
    if norm.startswith(lemma) and len(norm) - len(lemma) >= 3:
        rest = norm[len(lemma) :]
        # ... unless what it dropped is an inflection that happens to be a word too
        # ("inventaarioita" → "inventaario" + "ita", not "itä"; "maskinerna" → "maskin")
        # ... or one after the lemma's doubled last letter ("programmet" is "program" + "m" +
        # "et", not "program" + "meta"; "rummen" is "rum", not "rum" + "men")
        doubled = lang == "sv" and rest[0] == lemma[-1] and rest[1:] in _SV_ENDING_WORDS
        if known_word(rest, lang) and not (
            (lang == "fi" and rest in _FI_ENDING_WORDS)
            or (lang == "sv" and rest in _SV_ENDING_WORDS)
            or doubled
        ):
            head = _dictionary_lemma(rest, lang).casefold()
            return lemma + (_FI_LEMMAS.get(rest, head) if lang == "fi" else head)
    # ... also where the first part stands in the genitive or changes its stem
    # ("sahanterä" → "saha", "lääkkeenjako" → "lääke", "prosessinhoito" → "prosessi"): the
    # first part as written and the head's lemma, where the first part is the lemma's genitive
    # ("sahan", "lääkkeen") and the head a word of its own of four letters or more, not an
    # inflection ending ("koneiden" stays "kone", "hitsauksesta" "hitsaus", "hitsaamalla"
    # "hitsata").
    if lang == "fi" and len(norm) - len(lemma) >= 4:
        shared = common_prefix(lemma, norm)
        if shared >= len(lemma) - 2:
            for k in range(max(shared, 3), min(shared + 5, len(norm) - 3)):
                rest = norm[k:]
                if rest in _FI_ENDING_WORDS or not known_word(rest, lang):
                    continue
                first = norm[:k]
                if (
                    not first.endswith("n")
                    or not known_word(first, lang)
                    or _dictionary_lemma(first, lang) != lemma
                ):
                    continue
                head = _FI_LEMMAS.get(rest) or _dictionary_lemma(rest, lang).casefold()
                if len(head) >= 4 and common_prefix(head, rest) >= 3:
                    return first + head
    return lemma


def _sv_past_passive_verb(norm: str) -> str:
    """The verb of a Swedish past passive that simplemma reads as its participle ("skruvades"
    as "skruvad", "kördes" as "körd", "ställdes" as "ställd", "spändes" as "spänd"): "skruva",
    "köra", "ställa", "spänna" (a double consonant written once before the ending); "" where
    the stem makes no verb the dictionary knows."""
    stem = norm[:-3]
    if len(stem) < 3:
        return ""
    if stem.endswith("a"):
        candidates: tuple[str, ...] = (stem,)
    else:
        candidates = (stem + "a", stem + stem[-1] + "a")
    return next((verb for verb in candidates if known_word(verb, "sv")), "")


def _sv_plural_of(norm: str, lemma: str, lang: str) -> bool:
    """Whether a Swedish word is a plural or definite form of a short -a noun ("ytorna" of
    "yta", "skivor" of "skiva"): it shares too little with its lemma to be trusted otherwise."""
    return (
        lang == "sv"
        and lemma.endswith("a")
        and norm.startswith(lemma[:-1])
        and norm[len(lemma) - 1 :] in _SV_ENDING_WORDS
    )


def _own_base_form(word: str, lang: str) -> bool:
    """Whether the dictionary has the word and reads it as itself ("fräsa", "pakata"): the
    verb a misread form stands for, where it is a word of its own."""
    return known_word(word, lang) and _dictionary_lemma(word, lang) == word


def _written_together(norm: str, lang: str, *, inflected: bool = False) -> str:
    """A compound simplemma reads as its first part's lemma ("vianhakua" → "vika"): the first
    part as written and the lemma of the longest known last part ("vian" + "haku"), or the word
    as written where no such part is known. With `inflected`, only a last part that is a case
    of another word counts, not an ending or a base form ("etävalvonnassa" → "etä" +
    "valvonta", "pelletöintilinjalla" → "pelletöinti" + "linja")."""
    for k in range(3, len(norm) - (4 if inflected else 3)):
        rest = norm[k:]
        if not known_word(rest, lang) or (inflected and rest in _FI_ENDING_WORDS):
            continue
        head = _dictionary_lemma(rest, lang).casefold()
        if inflected and head == rest:
            continue
        if common_prefix(head, rest) >= (3 if inflected else 2):
            return norm[:k] + head
    return norm


# A Finnish word this long that the dictionary does not know may be a compound of known
# words: "etävalvonnassa" is "etä" + "valvonnassa". Only case endings that end no base form
# count ("ssa", "lle", "ksi"…): a genitive or partitive -n, -a or -t may be a noun's own end
# ("puristin" is no "puristaa").
_FI_COMPOUND_MIN = 9
_FI_CASE_ENDINGS = (
    *("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "na", "nä"),
    *("ihin", "iin", "ine", "tta", "ttä"),
)


def _past_participle_verb(norm: str) -> str:
    """A Finnish past participle simplemma keeps as it is ("pakannut", "testannut",
    "asentanut", "suunnitellut") is its verb where that is a base form of its own ("pakata",
    "asentaa", "suunnitella")."""
    if norm.endswith(("nnut", "nnyt")):
        verb = norm[:-4] + ("ta" if norm.endswith("nnut") else "tä")
    elif norm.endswith(("llut", "llyt")) and len(norm) > 6:
        verb = norm[:-2] + ("a" if norm.endswith("llut") else "ä")
    elif norm.endswith(("nut", "nyt")) and len(norm) > 6:
        verb = norm[:-3] + norm[-4]
    else:
        return norm
    if _own_base_form(verb, "fi"):
        return verb
    return norm


def _spoken_participle_verb(norm: str) -> str:
    """The verb of a spoken past participle that drops its t ("siivonnu" → "siivota",
    "tehny" → "tehdä"), or "" where the word is one simplemma knows as it is ("valu", "menu")
    or the written form is no verb's participle."""
    if len(norm) < 5 or not norm.endswith(_FI_SPOKEN_PARTICIPLE) or known_word(norm, "fi"):
        return ""
    written = norm + "t"
    verb = _simplemma_lemma(written, "fi")
    return verb if verb != written and verb.endswith(("a", "ä")) else ""


def _minen_noun(norm: str, lemma: str) -> str:
    """The -minen noun a Finnish word is a case of, as simplemma reads it ("painamisesta" →
    "painaminen") or as a partitive it reads as a participle ("painamista" → "painama"), or ""."""
    if lemma.endswith("minen") and lemma != norm:
        return lemma
    if norm.endswith(("mista", "mistä")) and lemma == norm[:-4] + norm[-1]:
        return norm[:-3] + "nen"
    return ""


def _third_infinitive_verb(stem: str, vowel: str) -> str:
    """The verb of a third infinitive's stem ("sito" → "sitoa", "luke" → "lukea", "kasaa" →
    "kasata"), or "" where simplemma knows no such base form."""
    if len(stem) < 3:
        return ""
    verb = stem + vowel
    if _own_base_form(verb, "fi"):
        return verb
    if stem[-1] == stem[-2] == vowel:
        return _ata_verb(stem[:-1], "t" + vowel, "fi")
    return ""


def _ata_verb(stem: str, ending: str, lang: str) -> str:
    """The -ata/-ätä verb of a first-person stem ("sorva" → "sorvata", "pakka" → "pakata"),
    or "" if simplemma knows no such base form."""
    stems = [stem]
    if len(stem) >= 4 and stem[-3] == stem[-2] and stem[-2] in "kpt":
        stems.append(stem[:-2] + stem[-1])
    for candidate in stems:
        verb = candidate + ending
        if _own_base_form(verb, lang):
            return verb
    return ""


def common_prefix(a: str, b: str) -> int:
    """How many letters two words share from their start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """The words of `text` with their offsets (plus `offset`), folded and lemmatised."""
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        norm = fold_word(word)
        start = offset + match.start()
        # An abbreviation is no word to lemmatise: "MIG" is not the Swedish "mig" (me → "jag"),
        # "MAG" no "mage" (stomach).
        lemma = norm if is_abbreviation(word) else lemmatize(norm, lang)
        tokens.append(Token(word, start, start + len(word), norm, lemma))
    return tokens


# Two to six capitals and digits with at least one letter: "PLC", "MIG", "EA1", "SFS".
_ABBREVIATION = re.compile(r"^(?=.*[A-ZÅÄÖ])[A-ZÅÄÖ0-9]{2,6}$")


def is_abbreviation(word: str) -> bool:
    """Whether a word as written is an abbreviation ("PLC", "EA1"), not a number."""
    # `isupper` first: most words fail it at once, without the expression
    return word.isupper() and bool(_ABBREVIATION.match(word))


def written_as_name(word: str) -> bool:
    """Whether a word as written is capitalised like a name ("Access", "Linda"), not in lower
    case and not all in capitals (an abbreviation)."""
    return word[:1].isupper() and not word.isupper()


def lemmas(text: str, lang: str) -> tuple[str, ...]:
    """The normal form of a label or query: its lemmas in order."""
    return tuple(token.lemma for token in tokenize(text, lang))


def normalize(text: str, lang: str) -> str:
    """Folded, lemmatised words of `text` in `lang`, joined by single spaces; what
    `ConceptLabel.normalized` stores."""
    return " ".join(lemmas(text, lang))
