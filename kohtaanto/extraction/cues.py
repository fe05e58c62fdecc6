"""Negation and requirement cues in Finnish, Swedish and English, and their scopes.

A cue is recognised by its lemma or its folded form. Scopes follow the way ads and CVs are
written:
- negation lives in its clause (between commas and contrast conjunctions like "mutta", "but",
  "men", and reason or purpose conjunctions like "koska", "eftersom"; a contrast adverb inside a
  clause, "däremot", "kuitenkaan", does not end it);
  it covers the mentions after the cue, or the mentions before it when none follows
  ("hitsauksesta minulla ei ole kokemusta"), or, when its clause names nothing, the clauses
  before it that only punctuation separates ("Javaa tai C#:ia, en ole tehnyt");
- a requirement cue covers its clause and the clauses after it in the sentence, until a
  nice-to-have cue ("eduksi", "meriterande", "an advantage") takes over; a heading that ends with
  a colon ("Edellytämme:", "Krav:") carries its mode to the list items below it, until the next
  heading or an empty line;
- "ei vaadita", "ei tarvitse", "not required", "krävs inte" say the skill is not needed: it is
  negated like "ei ole kokemusta" (unless the text names it elsewhere, as a course that
  teaches it), and nothing after it in the sentence is a requirement.
"""

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import pairwise

from kohtaanto.extraction.text import Token, word_alternatives
from kohtaanto.extraction.word_forms import finnish_infinitive

NEGATION = {
    # the plural "-kä" forms simplemma keeps as they are ("enkä", "eikä" it reads as "ei")
    "fi": {"ei", "emmekä", "ettekä", "eivätkä", "ilman", "vailla", "puuttua"},
    # "aldri": Ostrobothnian for "aldrig" ("Grävmaskin ha ja aldri kört")
    "sv": {
        "inte",
        "ingen",
        "inget",
        "inga",
        "ej",
        "utan",
        "sakna",
        "aldrig",
        "aldri",
        "icke",
        "varken",
    },
    "en": {"no", "not", "without", "never", "lack", "none", "neither", "nor", "cannot"},
}
# "knappt någon erfarenhet", "tuskin lainkaan", "hardly any": next to nothing is a negation,
# where "knappt två år" is not; the first word is the cue where the second follows it.
HARDLY = {
    "fi": ("tuskin", frozenset({"lainkaan", "ollenkaan", "mitään", "yhtään"})),
    "sv": ("knappt", frozenset({"någon", "något", "några", "alls"})),
    "en": ("hardly", frozenset({"any", "anything", "ever"})),
}
REQUIRED = {
    "fi": {
        "vaatimus",
        "vaatia",
        "vaaditaan",
        "vaadittava",
        "edellyttää",
        "edellytämme",
        "edellytetään",
        "edellytetä",
        "vaadita",
        "edellytys",
        "välttämätön",
        "pakollinen",
        "ehdoton",
        "ehdottomasti",
        "oltava",
    },
    "sv": {
        "krav",
        "kräva",
        "krävs",
        "förutsätta",
        "förutsättning",
        "obligatorisk",
        "måste",
        "nödvändig",
    },
    "en": {
        "require",
        "required",
        "requirement",
        "must",
        "mandatory",
        "essential",
        "prerequisite",
        "necessary",
    },
}
# "tulee olla", "pitää olla", "täytyy olla": required in Finnish only as a pair.
REQUIRED_PAIRS = {"fi": {("tulee", "olla"), ("pitää", "olla"), ("täytyy", "olla")}}
# "Sinulla on voimassa oleva trukkikortti", "Du har truckkort": an ad describing the applicant
# it wants. A weaker cue than "edellytämme": it makes a clause required only where nothing
# before it in the sentence (or the heading above) said nice-to-have, and no nice-to-have cue
# is in the clause ("Eduksi katsotaan, jos sinulla on TIG-kokemusta" stays optional).
HAVE_PAIRS = {
    "fi": {("sinulla", "olla"), ("sinulta", "löytyä")},
    "sv": {("du", "ha")},
    "en": {("you", "have")},
}
NICE_TO_HAVE = {
    "fi": {"etu", "eduksi", "plussa", "plussaa", "toivoa", "arvostaa", "hyödyllinen"},
    "sv": {"meritera", "meriterande", "önskvärd", "önskvärt", "fördel", "plus"},
    "en": {"advantage", "plus", "preferred", "preferr", "desirable", "nice", "bonus", "asset"},
}
# "Tarvitsemme hitsaajia" states a need, not a hard requirement; only "ei tarvitse", "behöver
# inte", "no need" matter: the skill is not needed.
NEED = {"fi": {"tarvita", "tarvitse"}, "sv": {"behöva"}, "en": {"need", "needed"}}
# "utan problem", "ilman apua", "without help": how well something is done, not that it is
# absent; likewise a result without remarks, deviations or accidents ("inventering gjordes
# utan anmärkningar", "auditointi läpäistiin ilman poikkeamia"). The negation word is no
# negation where one of these follows it (an adjective may come between: "utan större
# problem", "ilman suurempia ongelmia"); nor is "kan det utan och innan" (knows it by heart).
WITHOUT = frozenset({"ilman", "vailla", "utan", "without"})
WITH_EASE = {
    "fi": {
        *("ongelma", "apu", "valvonta", "ohjaus", "tuki", "vaikeus", "ohjeistus", "neuvo"),
        *("huomautus", "poikkeama", "virhe", "tapaturma"),
    },
    "sv": {
        *("problem", "hjälp", "svårighet", "övervakning", "handledning", "stöd", "tvekan"),
        *("anmärkning", "avvikelse", "fel", "olycka", "missöde", "blinka", "innan"),
    },
    "en": {
        *("problem", "help", "supervision", "difficulty", "assistance", "guidance", "support"),
        *("remark", "deviation", "error", "accident", "incident"),
    },
}
# "Kylmäketju ei saa katketa", "jotta kylmäketju ei katkea", "säkerheten får inte glömmas":
# what must not break, be forgotten or put at risk is kept up, not absent. The negation word is
# no negation where one of these verbs (Swedish in the passive) follows it within a few words.
MUST_NOT_FAIL = {
    "fi": frozenset({"katketa", "unohtua", "vaarantua", "rikkoutua", "keskeytyä", "pettää"}),
    "sv": frozenset({"bryta", "avbryta", "glömma", "äventyra", "försumma"}),
    "en": frozenset({"broken", "forgotten", "compromised", "interrupted", "neglected"}),
}
MUST_NOT_FAIL_REACH = 3  # words from the negation to the verb ("ei saa koskaan katketa")
# "Meiltä puuttuu kaapelinjatkajia", "Dessutom saknar vi kunskap om plastmaterial", "saknar vi
# folk som kan…": a company lacking people or know-how states a need, not an absence. The verb
# of lacking is a need where a word for the company ("we") or for staff stands next to it;
# "Jag saknar erfarenhet av hydraulik" stays a negation. The company is matched by its written
# form, the staff by lemma ("henkilöstöstä puuttuu" is staff).
LACK = frozenset({"puuttua", "sakna", "lack"})
LACKING_COMPANY = frozenset(
    {
        "me",
        "meiltä",
        "meillä",
        "meidän",
        "yritykseltä",
        "yrityksestä",
        "vi",
        "oss",
        "företaget",
        "we",
        "us",
    }
)
STAFF = frozenset(
    {
        "osaaja",
        "tekijä",
        "työntekijä",
        "henkilöstö",
        "työvoima",
        "ammattilainen",
        "asentaja",
        "kuljettaja",
        "kuski",
        "hitsaaja",
        "operaattori",
        "chaufför",
        "förare",
        "montör",
        "svetsare",
        "operatör",
        "mekaniker",
        "folk",
        "personal",
        "medarbetare",
        "arbetskraft",
        "arbetare",
        "yrkesfolk",
        "staff",
        "people",
        "workers",
    }
)
# A part of the company, or a number of its people, that lacks something ("Laadunvalvonnasta
# puuttuu SPC-osaaminen", "tulityökortti puuttuu kolmelta", "i produktionen saknas…"), by lemma
# or written form: also a need, where "asiakkaalta puuttuu" stays an absence.
LACKING_UNIT = frozenset(
    {
        "tuotanto",
        "kunnossapito",
        "laadunvalvonta",
        "laatu",
        "osasto",
        "yksikkö",
        "tehdas",
        "vuoro",
        "tiimi",
        "työnjohto",
        "kahdelta",
        "kolmelta",
        "neljältä",
        "viideltä",
        "puolelta",
        "osalta",
        "monelta",
        "produktion",
        "underhåll",
        "avdelning",
        "fabrik",
        "skift",
        # Swedish definite forms the lemmatiser leaves as written
        "ledningssidan",
        "produktionen",
        "underhållet",
        "lagret",
        "verkstaden",
        "fabriken",
        "avdelningen",
    }
)
LACK_REACH = 3  # words either side of the verb of lacking
# What ends a clause: of the verb of lacking here, of a passive's object in `matching`.
CLAUSE_END = re.compile(r"[.,;:!?()]")
# Spoken Finnish writes "että" as "et", which is also "you don't": after a verb of knowing or
# saying ("tiedän et hengityssuojain on pakko", "pitää tarkistaa et kaikki on mukana") or
# "niin" it is the conjunction.
THAT_AFTER = frozenset(
    {
        *("tietää", "sanoa", "luulla", "huomata", "tajuta", "kertoa", "toivoa", "ajatella"),
        *("uskoa", "muistaa", "ymmärtää", "varmistaa", "tarkistaa", "nähdä", "kuulla"),
        *("todeta", "oppia", "katsoa", "niin"),
    }
)
# "Rensningen: ingen kan reparationssvetsa", "Vuorossa kukaan ei osaa hakea vikaa": nobody in a
# team can do it is a need of the company. Finnish says it with "kukaan" before the negation,
# Swedish with "ingen" before a verb of being able.
NOBODY = {"fi": frozenset({"kukaan", "kenelläkään", "kenenkään"}), "sv": frozenset({"ingen"})}
NOBODY_ABLE = frozenset({"kunna", "klara", "behärska"})  # lemmas
# "ingen av oss", "ingen annan", "ingen här", "ingen hos oss": nobody of a team, whose having or
# being able ("har", "kan") within a few words is the need.
NOBODY_OF = frozenset({"av", "annan", "här", "hos"})
NOBODY_REACH = 4
# "Skiftarbete är inget problem för mig", "Vuorotyö ei ole ongelma", "vuorotyö ei haittaa",
# "työskentely korkealla ei saa pelottaa", "inte höjdrädd", "ei ole vieras": the negation
# says the thing is fine or familiar, not that it is absent.
NO_PROBLEM = frozenset(
    {
        *("ongelma", "haitta", "haitata", "pelottaa", "pelätä", "problem", "issue"),
        *("rädd", "höjdrädd", "skrämma", "afraid", "scared"),
        # "ei ole minulle vieras", "de e int nå nytt fö mej": familiar
        *("vieras", "främmande", "nytt", "unfamiliar"),
        # "ei ole pahitteeksi": a plus
        *("pahite", "pahitteeksi"),
    }
)
NO_PROBLEM_REACH = 3  # words between the negation and "problem" ("ei ole minulle vieras")
# "Truckkort skadar int", "det skadar ju inte": it does no harm, a plus. Only the verb right
# before the negation (or an adverb between) counts: "Svetsning kan jag inte, det skadar mig"
# negates the welding.
NO_HARM_BEFORE = frozenset({"skadar"})
NO_HARM_ADVERBS = frozenset({"ju", "säkert", "absolut", "heller"})
# Words that join coordinated words ("hitsaus ja koneistus", "svetsning och montering").
# "Aiempaa kokemusta ei edellytetä", "Tidigare erfarenhet förutsätts inte": no previous
# experience needed, in a course or an ad that then teaches or asks for the work.
PRIOR = frozenset(
    {"aiempi", "aikaisempi", "aiemmin", "aikaisemmin", "tidigare", "previous", "prior"}
)
CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "och", "eller", "samt", "and", "or"})
# Conjunctions that start a clause of their own. The contrast adverbs ("kuitenkaan", "däremot",
# "dock", "however") are left out: inside a clause they qualify its verb ("Budgetansvar har jag
# däremot inte haft"), and where they start one, punctuation or the sentence start already
# splits it.
CONTRAST = {
    "fi": {"mutta", "mut", "vaan"},
    "sv": {"men"},
    "en": {"but", "although", "though", "whereas", "while"},
}
# Conjunctions that start a clause giving a reason or a purpose: "PLC-programmering kan jag inte
# eftersom automationen sköts av underhållet" negates PLC programming, not the automation the
# reason names. They end a negation's reach like a contrast does.
CLAUSE_START = {
    "fi": {"koska", "jotta", "kun", "jos", "että"},
    "sv": {"eftersom", "fastän", "därför", "när"},
    "en": {"because", "when", "if"},
}
# Swedish "att" before a subject starts a "that" clause ("kollade att de inte hade fel"); before
# a verb it is the infinitive mark ("lärt mig att svetsa") and starts none.
SUBJECTS = frozenset(
    {"jag", "du", "han", "hon", "den", "det", "vi", "ni", "de", "dom", "man", "ja"}
)
# Conjunctions after a comma that give the reason for the clause before ("Hitsauskokemusta ei
# vaadita, koska hitsaustyöt ostetaan alihankintana"), and the beginnings of words for teaching
# a skill, which make such a reason say the skill is learnt, not absent ("…, koska opetamme
# hitsauksen"): `results.assemble` reads what the reason names as negated with its clause.
# Headings of a plan or a suggestion in a counsellor's note ("Jatkosuunnitelma: tulityökortti
# kevään aikana", "Förslag: kursen i underhållsplanering"): what stands after them is to come.
PLAN_HEADINGS = {
    "fi": {"suunnitelma", "jatkosuunnitelma", "tavoite", "jatkotoimet", "ehdotus", "suositus"},
    "sv": {"plan", "planer", "fortsatt plan", "mål", "förslag", "rekommendation"},
    "en": {"plan", "next steps", "goal", "recommendation", "suggestion"},
}
# A counsellor's referral, recommendation or agreement: the sentence it stands in is a plan too
# ("Ohjataan työturvallisuuskorttikoulutukseen", "Kunden hänvisas till en kurs för
# arbetarskyddskort", "Suositellaan B-ajokortin suorittamista").
PLAN_VERBS = {
    "fi": {
        *("ohjataan", "ohjattu", "ohjattiin", "ohjasin", "ohjasimme"),
        *("suositellaan", "suosittelemme", "suositeltu", "suosittelin"),
        *("sovittu", "sovittiin", "sovimme", "ehdotetaan", "ehdotamme"),
    },
    "sv": {
        *("hänvisas", "hänvisades", "hänvisar", "hänvisade", "hänvisad"),
        *("rekommenderas", "rekommenderar", "rekommenderade"),
        *("överenskommet", "överenskoms", "föreslås", "föreslår"),
        *("anvisas", "anvisad", "anvisade", "anvisades"),
    },
    "en": {"referred", "recommended", "agreed", "suggested"},
}
# A person's interest: what follows in its clause is wanted, not held ("kiinnostunut
# pyöräkuormaajan kuljettajan työstä", "intresserad av plaståtervinning"). The clause ends at a
# conjunction that goes on to something else ("… ja olen auttanut isää autojen huolloissa").
INTEREST = {
    "fi": {"kiinnostunut", "kiinnostunu", "kiinnostuneita", "kiinnostunutta", "kiinnostaa"},
    "sv": {"intresserad", "intresserade", "intresserat"},
    "en": {"interested"},
}
INTEREST_ENDS = {
    "fi": {"ja", "mutta", "koska", "sillä", "joten"},
    "sv": {"och", "men", "eftersom", "då", "så"},
    "en": {"and", "but", "because", "since", "so"},
}
# "…, joten koestuskokemusta ei edellytetä", "…, så montörerna behöver inte kunna svetsa": a
# consequence clause saying what is not needed because of the clause before it.
CONSEQUENCE = {
    "fi": {"joten", "siksi", "niin että"},
    "sv": {"så", "därför", "så att"},
    "en": {"so", "therefore"},
}
# The first word of a consequence clause: "…, joten puhalluskokemusta ei edellytetä" says the
# work of the clause before it is not needed, whatever word it uses for that work.
_CONSEQUENCE_OPENERS = {
    lang: frozenset(word.split()[0] for word in words) for lang, words in CONSEQUENCE.items()
}
REASON = {
    "fi": {"koska", "sillä"},
    "sv": {"eftersom", "ty", "då"},
    "en": {"because", "since"},
}
# ... of them, the ones that give a reason with no comma before them too ("Svetskunskaper krävs
# inte av montörerna eftersom svetsarbetena köps in": Swedish sets no comma there), where the
# others are other words as well ("sillä" "with it", "då" "then", "since" of time)
REASON_UNPUNCTUATED = {"fi": {"koska"}, "sv": {"eftersom"}, "en": {"because"}}
TEACHING = (
    "opet",
    "opp",
    "opi",
    "koulut",
    "perehdy",
    "lär",
    "utbild",
    "introduc",
    "skolar",
    "opast",
    "teach",
    "train",
    "learn",
)


# Past forms of learning: what was learnt since ("lärde hon sig", "opin työssä" reads as either
# tense in Finnish, so only the unambiguous forms count).
LEARNT = frozenset(
    {"lärde", "lärt", "lärts", "oppinut", "oppineet", "opittu", "opetettiin", "learnt", "learned"}
)


# The work a company has others do or has given up ("Korjaushitsauksesta on luovuttu",
# "Vuototarkastukset teetämme alihankkijalla", "siivous on ulkoistettu"): a clause that says so
# names no skill the company has or asks for, nor one it lacks, and is not reported.
OUTSOURCED = frozenset(
    {
        "teetämme",
        "teetetään",
        "teetetty",
        "teetättää",
        "ulkoistettu",
        "ulkoistamme",
        "ulkoistetaan",
        "luovuttu",
        "alihankkijalla",
        "alihankkijoilla",
        "urakoitsijalla",
        "outsourced",
    }
)
# Bought from outside or handed to a subcontractor, said with two words in the clause: a verb
# of buying or handing out and where from ("Hitsaustyöt ostetaan alihankintana",
# "Kantpressningen har vi lagt ut på underleverantör"). Either word alone says nothing of the
# kind ("materiaalit ostetaan", "teemme alihankintana", "lägga ut kabel").
OUTSOURCED_VERBS = frozenset(
    {"ostetaan", "ostamme", "ostettu", "ostetut", "lagt", "lägger", "läggs", "lades"}
)
OUTSOURCED_FROM = frozenset(
    {"alihankintana", "ulkoa", "ulkopuolelta", "alihankkijalta", "alihankkijoilta"}
    | {"underleverantör"}  # a lemma: in any of its forms
)


# Finnish negations that join a word to a negated one ("X eikä Y"), and how many words may
# stand before one at the start of its clause.
NEITHER = frozenset({"eikä", "enkä", "etkä", "emmekä", "ettekä", "eivätkä"})
FRONTED_REACH = 4  # words from a clause's start to a negation cue that follows its object
FRONTED_WORDS = 2  # the clause's first words that may be its fronted object
NEITHER_REACH = 2
# How many words before a negation cue it reaches when it negates what comes before it; the
# parts of a hyphenated word ("CAD-program", "3D-modellering") are one word.
NEGATION_BACK_REACH = 6
# "…, likaså körkort", "…, samoin EA1", "…, tulityökortti samoin": a clause that adds to the
# one before it, as its first or last word
LIKEWISE = frozenset({"likaså", "samoin", "samaten", "likewise"})
# A list item answered after a colon ("hitsaus ja juottaminen: ei kokemusta", "Svetsning:
# ingen erfarenhet"): a clause after a colon that opens with its negation and has at most this
# many words says the item before the colon is absent.
COLON_ANSWER_WORDS = 3


# Pronouns that stand for what a sentence named before ("Javaa, sitä en ole tehnyt") and the
# auxiliaries of a negated verb ("en ole tehnyt", "har inte gjort"): a negation with either
# says something about the clauses before it rather than an object of its own.
BACK_REFERENCE = {
    "fi": {"se", "ne", "sitä", "niitä", "siitä", "niistä", "sellainen", "sellaista"},
    "sv": {"den", "det", "dem", "sådant", "sådan"},
    "en": {"it", "them", "that", "this"},
}
AUXILIARY = {"fi": {"olla"}, "sv": {"ha", "vara"}, "en": {"have", "be", "do"}}
# "…, inte jag", "…, en minä", "…, not me": someone else does what the clause before names.
NOT_ME = {
    "fi": frozenset({"minä", "mä", "mie"}),
    "sv": frozenset({"jag", "ja"}),
    "en": frozenset({"me", "i"}),
}
NOT_ME_WORDS = 3


# A word of the clause before that a consequence names again in a compound of its own
# ("Blästringen …, så blästringsvana har jag inte"): at least this many letters.
NAMED_AGAIN_LETTERS = 5


def _names_again(tokens: Sequence[Token], before: int, start: int, end: int) -> bool:
    """Whether a word of the clause at `start`…`end` begins with the lemma of a word of the
    clause before it (from `before`): "blästringsvana" after "Blästringen", "hitsauskokemusta"
    after "Hitsaus" — the consequence speaks of that work."""
    lemmas = {t.lemma for t in tokens[before:start] if len(t.lemma) >= NAMED_AGAIN_LETTERS}
    return any(
        tokens[i].norm.startswith(lemma) and tokens[i].norm != lemma
        for i in range(start, end)
        for lemma in lemmas
    )


# Written forms of the negation words, for a quick look whether a text negates anything at all.
NEGATION_FORMS = frozenset(
    {word for words in NEGATION.values() for word in words}
    | {"en", "et", "emme", "ette", "eivät", "eikä", "enkä", "etkä", "emmekä", "ettekä", "eivätkä"}
    | {"puuttuu", "puuttuvat", "puutu", "saknar", "saknas", "saknat", "lacks", "lacking"}
)
# The characters between words: white space and these punctuation marks ("not," → "not").
_BETWEEN_WORDS = r"[\s" + re.escape(".,;:!?()[]{}\"'/-–—…«»“”") + "]"
_NEGATION_WORD = word_alternatives(set(NEGATION_FORMS)) + f"(?:{_BETWEEN_WORDS}|\\Z)"
# Searched from the characters between words, which `re` skips to; the first word apart.
_NEGATION_AFTER_BREAK = re.compile(_BETWEEN_WORDS + _NEGATION_WORD)
_NEGATION_AT_START = re.compile(_NEGATION_WORD)


def may_negate(text: str) -> bool:
    """Whether the text has any negation word; False means nothing in it can be negated."""
    folded = text.casefold()
    if _contracted_not(folded):
        return True
    return (
        _NEGATION_AFTER_BREAK.search(folded) is not None
        or _NEGATION_AT_START.match(folded) is not None
    )


def negates_in_words(text: str, words: Collection[str]) -> bool:
    """`may_negate` from the text's folded words (`ranking.folded_words`): a negation word
    between any characters that are no letters or digits, where `may_negate` wants white space
    or punctuation ("x*ei*y" says yes here), or "n't"."""
    return not NEGATION_FORMS.isdisjoint(words) or _contracted_not(text.casefold())


def _contracted_not(folded: str) -> bool:
    """English "n't" ("don't", "isn’t"), which no word of its own carries."""
    return "n't" in folded or "n’t" in folded


class Mode(Enum):
    NEUTRAL = "neutral"
    REQUIRED = "required"
    NICE = "nice"


class Cue(Enum):
    NEGATION = "negation"
    REQUIRED = "required"
    NICE = "nice"
    NEED = "need"
    HAVE = "have"
    CONTRAST = "contrast"


def _table(lang: str) -> dict[str, Cue]:
    table: dict[str, Cue] = {}
    for words, cue in (
        (CONTRAST, Cue.CONTRAST),
        (CLAUSE_START, Cue.CONTRAST),
        (NEED, Cue.NEED),
        (NICE_TO_HAVE, Cue.NICE),
        (REQUIRED, Cue.REQUIRED),
        (NEGATION, Cue.NEGATION),
    ):
        table.update(dict.fromkeys(words.get(lang, ()), cue))
    return table


# One lookup per word: later rows win ("ei" is a negation even if listed elsewhere).
CUES = {lang: _table(lang) for lang in ("fi", "sv", "en")}


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    negation_at: int | None  # token index of the first negation cue
    mode: Mode
    # follows the clause before it after punctuation alone, not after a conjunction that
    # contrasts or gives a reason ("…, en ole tehnyt" but not "…, mutta en ole tehnyt")
    joined: bool = False
    # its negation has no object of its own: a pronoun stands for what came before ("…, så den
    # behöver vi inte"), an auxiliary follows the cue ("…, en ole tehnyt") or it answers the
    # item before a colon ("Svetsning: ingen erfarenhet") or it is a consequence that says a
    # need is not there ("…, joten puhalluskokemusta ei edellytetä"), unlike the contrast in
    # "Osaan hydrauliikan, en pneumatiikkaa"
    refers_back: bool = False
    # where the negation cue starts in the text: a mention that runs past it is said with the
    # negated verb ("CNC-koneita en oo ohjelmoinu", matched from the object to the verb)
    negation_offset: int | None = None
    # a second negation joins another object to it ("CAD-piirtämistä en oo tehny enkä
    # sähkösuunnittelua", "ADR-utbildning har jag inte och farligt gods har jag aldrig
    # hanterat"): what comes before the first cue is negated as well as what follows
    and_not: bool = False
    # "ei vaadita", "krävs inte", "no need": the clause says what it names is not needed
    not_needed: bool = False
    # no previous experience of it is needed and the sentence goes on to teach it
    # ("Tidigare erfarenhet av elektronikmontering krävs inte, vi skolar in dig"): the skill is
    # learnt on the job, not absent
    learnt: bool = False
    # no previous experience of it is needed in a text that teaches elsewhere ("Ingen tidigare
    # erfarenhet av elarbeten krävs" in a course): a prerequisite waived, which says neither
    # that the skill is there nor that it is absent; so is work the company has others do or
    # gave up ("teetämme alihankkijalla"); what the clause names is not reported
    waived: bool = False
    # in a learnt or waived clause, where its word for previous experience stands if something
    # is joined to it before it: what is named there ("Truckkort eller tidigare erfarenhet …
    # krävs inte, vi skolar in dig") is not previous experience, and stays negated
    prior_at: int | None = None
    # the negation follows the clause's first words closely, not as "enkä"/"eikä": the tokens
    # of them that are its fronted object ("TIG har jag inte svetsat", "Pythonilla en oo
    # koskaan koodannu"), not who has or lacks it ("Hitsaajilla ei ole kokemusta robotiikasta")
    fronted: tuple[int, ...] = ()
    # it adds to what the clause before it said with "likewise" and no verb of its own
    # ("Truckkort saknas, likaså körkort", "Tulityökortti ei ole voimassa, samoin EA1"): it is
    # negated when that clause is
    likewise: bool = False
    # its negation is "utan", "ilman", "without": it says what follows is missing, never what
    # came before ("Jag har svetsat utan skyddsutrustning", "felsöka … utan att vänta på
    # leverantören")
    without: bool = False
    # the first token a negation that negates what comes before it reaches back to
    # (`NEGATION_BACK_REACH` words before the cue, at most to the clause's start)
    reach_from: int = 0


def token_cues(tokens: Sequence[Token], lang: str, text: str = "") -> list[Cue | None]:
    """The cue each token is, if any (`text`, where given, is the text the tokens' offsets
    point into: a negation word joined to the next word by a hyphen there is a prefix, "ei-
    kiireellinen", "non-urgent", not a negation)."""
    table = CUES.get(lang, {})
    pairs = REQUIRED_PAIRS.get(lang, set())
    have_pairs = HAVE_PAIRS.get(lang, set())
    hardly, hardly_next = HARDLY.get(lang, ("", frozenset()))
    result: list[Cue | None] = []
    for i, token in enumerate(tokens):
        cue = table.get(token.lemma) or table.get(token.norm)
        if cue is None and (
            (lang == "en" and token.norm.endswith("n't"))
            or (token.norm == hardly and i + 1 < len(tokens) and tokens[i + 1].norm in hardly_next)
        ):
            cue = Cue.NEGATION
        elif cue is Cue.NEGATION and token.text.isupper() and len(token.text) > 1:
            cue = None  # "EN" in "SFS-EN ISO 9606-1" is a standard, not the Finnish "I don't"
        elif (
            cue is Cue.NEGATION
            and i + 1 < len(tokens)
            and tokens[i + 1].start == token.end + 1
            and text[token.end : token.end + 1] == "-"
        ):
            cue = None  # "ei-kiireelliset potilassiirrot", "icke-förstörande provning"
        elif cue is Cue.NEGATION and (
            (token.norm in WITHOUT and _with_ease(tokens, i, lang))
            or _no_problem(tokens, i)
            or _no_harm(tokens, i, text)
            or _must_not_fail(tokens, i, lang)
        ):
            cue = None
        elif cue is Cue.NEGATION and (
            (token.lemma in LACK and _company_lacks(tokens, i, text))
            or _nobody_can(tokens, i, lang)
        ):
            cue = Cue.NEED
        elif (
            cue is Cue.NEGATION
            and lang == "fi"
            and token.norm == "et"
            and i > 0
            and (tokens[i - 1].lemma in THAT_AFTER or tokens[i - 1].norm in THAT_AFTER)
        ):
            cue = None
        if (
            cue is None
            and token.norm == "att"
            and lang == "sv"
            and i + 1 < len(tokens)
            and tokens[i + 1].norm in SUBJECTS
        ):
            cue = Cue.CONTRAST  # "…och kollade att de inte hade fel": a clause of its own
        if (
            cue is None
            and pairs
            and i + 1 < len(tokens)
            and (token.norm, tokens[i + 1].lemma) in pairs
        ):
            cue = Cue.REQUIRED
        if cue is None and i + 1 < len(tokens) and (token.norm, tokens[i + 1].lemma) in have_pairs:
            cue = Cue.HAVE
        result.append(cue)
    return result


def _no_problem(tokens: Sequence[Token], i: int) -> bool:
    """Whether the negation at `i` says "no problem" ("inget problem", "ei ole ongelma")."""
    return any(
        token.lemma in NO_PROBLEM or token.norm in NO_PROBLEM
        for token in tokens[i + 1 : i + 1 + NO_PROBLEM_REACH]
    )


def _no_harm(tokens: Sequence[Token], i: int, text: str) -> bool:
    """Whether the negation at `i` says "does no harm" ("truckkort skadar int", "det skadar ju
    inte"): the verb right before it, or before an adverb before it, on the same phrase."""
    j = i - 1
    if j > 0 and tokens[j].norm in NO_HARM_ADVERBS:
        j -= 1
    if j < 0 or tokens[j].norm not in NO_HARM_BEFORE:
        return False
    return all(text[a.end : b.start].strip() == "" for a, b in pairwise(tokens[j : i + 1]))


def _nobody_can(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the negation at `i` says nobody (in the team) can do it ("ingen kan", "ingen
    annan kan det", "ingen av våra egna har", "kukaan (muu) ei osaa")."""
    nobody = NOBODY.get(lang, frozenset())
    if lang == "sv":
        if tokens[i].norm not in nobody:
            return False
        after = tokens[i + 1 : i + 1 + NOBODY_REACH]
        if after and after[0].norm in NOBODY_OF:
            return any(t.lemma in NOBODY_ABLE or t.lemma == "ha" for t in after[1:])
        return bool(after) and after[0].lemma in NOBODY_ABLE
    return any(t.norm in nobody for t in tokens[max(0, i - 2) : i])


def _company_lacks(tokens: Sequence[Token], i: int, text: str = "") -> bool:
    """Whether the verb of lacking at `i` says a company needs people or know-how. The company
    word stands in the verb's own clause: in "Han saknar arbetarskyddskort, som vi ordnar via
    en kurs" the one who lacks the card is the job seeker, and "vi" only arranges the course."""
    first, last = max(0, i - LACK_REACH), min(len(tokens) - 1, i + LACK_REACH)
    if text:
        while first < i and CLAUSE_END.search(text, tokens[first].end, tokens[i].start):
            first += 1
        while last > i and CLAUSE_END.search(text, tokens[i].end, tokens[last].start):
            last -= 1
    near = tokens[first : last + 1]
    return any(
        token.norm in LACKING_COMPANY
        or token.lemma in STAFF
        or token.norm in STAFF
        or token.lemma in LACKING_UNIT
        or token.norm in LACKING_UNIT
        for token in near
    )


def _must_not_fail(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the negation at `i` says something must not fail ("ei saa katketa", "inte
    bryts"): a verb of failing follows it, a Swedish one in the passive ("jag bryter inte mot
    reglerna" is no such statement, nor is it about a skill), which may also come right before
    it ("kylkedjan bryts inte")."""
    verbs = MUST_NOT_FAIL.get(lang, frozenset())
    before = [tokens[i - 1]] if lang == "sv" and i > 0 else []
    for token in [*before, *tokens[i + 1 : i + 1 + MUST_NOT_FAIL_REACH]]:
        if token.lemma in verbs or token.norm in verbs:
            return lang != "sv" or token.norm.endswith("s")
    return False


def _with_ease(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Whether "utan"/"ilman"/"without" at `i` says how well, not what is missing."""
    ease = WITH_EASE.get(lang, set())
    return any(token.lemma in ease or token.norm in ease for token in tokens[i + 1 : i + 3])


def clauses(
    tokens: Sequence[Token],
    token_cues: Sequence[Cue | None],
    breaks: Sequence[int],
    inherited: Mode,
    lang: str,
    *,
    teaches: bool = False,
    colons: Collection[int] = (),
    hyphens: Collection[int] = (),
) -> list[Clause]:
    """Split a sentence's tokens into clauses and give each its negation cue and mode.

    `token_cues` come from `token_cues`, `breaks` are the character offsets of clause
    punctuation, `colons` those of them that are colons and `hyphens` those of the hyphens that
    join two tokens into one word; `inherited` is the mode of the heading above the sentence;
    `lang` the sentence's language; `teaches` whether the whole text speaks of teaching or
    learning (see `teaches`), which makes "no previous experience needed" a prerequisite waived.
    """
    bounds = []
    joins = [False]
    after_colon = [False]
    start = 0
    break_iter = iter(sorted(breaks))
    next_break = next(break_iter, None)
    colon = False
    for i, token in enumerate(tokens):
        boundary = token_cues[i] is Cue.CONTRAST
        while next_break is not None and next_break < token.start:
            boundary = True
            colon = next_break in colons
            next_break = next(break_iter, None)
        if boundary and i > start:
            bounds.append((start, i))
            joins.append(token_cues[i] is not Cue.CONTRAST)
            after_colon.append(colon)
            start = i
        colon = False
    bounds.append((start, len(tokens)))

    result: list[Clause] = []
    mode = inherited
    for (start, end), joined, answers in zip(bounds, joins, after_colon, strict=True):
        negation_at = None
        clause_mode = None
        needed = False
        have = False
        for i in range(start, end):
            cue = token_cues[i]
            if cue is Cue.REQUIRED:
                clause_mode = Mode.REQUIRED
                needed = True  # a requirement cue anywhere in the clause, as a need is
            elif cue is Cue.NICE:
                clause_mode = Mode.NICE
            elif cue is Cue.NEED:
                needed = True
            elif cue is Cue.HAVE:
                have = True
            elif cue is Cue.NEGATION and negation_at is None:
                negation_at = i
        if negation_at is not None and _checked_absence(tokens, negation_at, lang):
            negation_at = None
        not_needed = needed and negation_at is not None
        if not_needed:
            # "ei vaadita", "krävs inte", "not required": the text says the skill is not
            # needed, so it is reported as negated (a skill the text also names elsewhere,
            # as a course teaching it, stays found); the clauses after it are not required.
            clause_mode = Mode.NICE
        if clause_mode is None and have and negation_at is None and mode is not Mode.NICE:
            clause_mode = Mode.REQUIRED
        if clause_mode is not None:
            mode = clause_mode
        refers_back = negation_at is not None and (
            any(tokens[i].norm in BACK_REFERENCE.get(lang, ()) for i in range(start, end))
            or (negation_at + 1 < end and tokens[negation_at + 1].lemma in AUXILIARY.get(lang, ()))
            or (answers and negation_at == start and end - start <= COLON_ANSWER_WORDS)
            or (
                negation_at == start
                and end - start <= NOT_ME_WORDS
                and any(tokens[k].norm in NOT_ME.get(lang, ()) for k in range(start + 1, end))
            )
            or (
                tokens[start].norm in _CONSEQUENCE_OPENERS.get(lang, ())
                and (
                    not_needed
                    or _names_again(tokens, result[-1].start if result else start, start, end)
                )
            )
        )
        offset = tokens[negation_at].start if negation_at is not None else None
        and_not = negation_at is not None and (
            any(token_cues[i] is Cue.NEGATION for i in range(negation_at + 1, end))
            # "Exceliä eikä Wordia ole käyttänyt": the word or two before a Finnish "-kä"
            # negation that opens the clause are negated with what follows, unless one is a
            # verb ("Hitsaan paljon enkä ole sorvannut" negates the turning only)
            or (
                start < negation_at <= start + NEITHER_REACH
                and tokens[negation_at].norm in NEITHER
                and not any(
                    tokens[k].norm != tokens[k].lemma and finnish_infinitive(tokens[k].lemma)
                    for k in range(start, negation_at)
                )
            )
        )
        fronted: tuple[int, ...] = ()
        if (
            negation_at is not None
            and start < negation_at <= start + FRONTED_REACH
            and tokens[negation_at].norm not in NEITHER
        ):
            fronted = tuple(
                k
                for k in range(start, min(start + FRONTED_WORDS, negation_at))
                if not _possessor(tokens[k], tokens[negation_at], lang)
            )
        # the company has others do the work or gave it up: not reported (`OUTSOURCED`; the
        # clause's written forms and lemmas)
        words = {w for t in tokens[start:end] for w in (t.norm, t.lemma)}
        outsourced = negation_at is None and (
            not words.isdisjoint(OUTSOURCED)
            or (not words.isdisjoint(OUTSOURCED_VERBS) and not words.isdisjoint(OUTSOURCED_FROM))
        )
        result.append(
            Clause(
                start,
                end,
                negation_at,
                mode,
                joined,
                refers_back,
                offset,
                and_not,
                not_needed,
                waived=outsourced,
                fronted=fronted,
                likewise=joined
                and negation_at is None
                and (tokens[start].norm in LIKEWISE or tokens[end - 1].norm in LIKEWISE),
                without=negation_at is not None and tokens[negation_at].norm in WITHOUT,
                reach_from=_back_reach(tokens, start, negation_at, hyphens),
            )
        )
    return _mark_learnt(result, tokens, teaches)


# Verbs of making sure that something is not so ("kontrollerar att det inte finns läckage",
# "huolehdit, ettei nostokyky ylity", "check that there are no leaks"): the faults are absent,
# the checking is the work.
CHECKING = {
    "fi": frozenset({"tarkistaa", "tarkastaa", "varmistaa", "huolehtia", "valvoa", "katsoa"}),
    "sv": frozenset({"kontrollera", "se", "säkerställa", "försäkra", "övervaka", "kolla"}),
    "en": frozenset({"check", "ensure", "make", "verify", "see"}),
}
THAT = frozenset({"att", "that", "että", "ettei", "siitä"})
CHECKING_REACH = 4  # words from the checking verb to the negation


def _checked_absence(tokens: Sequence[Token], cue: int, lang: str) -> bool:
    """Whether a negation says what a check makes sure is absent: "that" (or Finnish "ettei",
    the negation itself) right after a verb of checking, a few words before the cue."""
    verbs = CHECKING.get(lang, frozenset())
    for k in range(max(0, cue - CHECKING_REACH), cue + 1):
        if tokens[k].norm not in THAT:
            continue
        before = [t.lemma for t in tokens[max(0, k - 2) : k]]
        if any(lemma in verbs for lemma in before):
            return True
    return False


def _back_reach(
    tokens: Sequence[Token], start: int, cue: int | None, hyphens: Collection[int]
) -> int:
    """The token `NEGATION_BACK_REACH` words before a negation cue, the clause's start at the
    most; a hyphenated word's parts count once ("CAD-program eller 3D-modellering har jag inte
    använt" reaches "CAD")."""
    if cue is None:
        return start
    k, words = cue, 0
    while k > start and words < NEGATION_BACK_REACH:
        k -= 1
        if tokens[k].end not in hyphens:  # a part joined to the next one is not a word yet
            words += 1
    while k > start and tokens[k - 1].end in hyphens:
        k -= 1  # the whole of a hyphenated word the reach ends in
    return k


def _possessor(token: Token, cue: Token, lang: str) -> bool:
    """ "Hitsaajilla ei ole": a Finnish adessive before the third-person "ei" is who has or
    lacks something, not what is done ("Pythonilla en oo koodannu")."""
    return lang == "fi" and cue.norm == "ei" and token.norm.endswith(("lla", "llä"))


_TEACHING_WORD = re.compile(r"\b(?:" + "|".join(TEACHING) + ")", re.IGNORECASE)


def teaches(text: str) -> bool:
    """Whether a text's words speak of teaching or learning ("opit", "perehdytämme", "du lär
    dig", "utbildningen"): a course, or an ad that trains its new staff."""
    return _TEACHING_WORD.search(text) is not None


def _mark_learnt(found: list[Clause], tokens: Sequence[Token], teaches: bool) -> list[Clause]:
    """Mark the not-needed clauses about previous experience that a teaching clause follows
    (learnt), or that stand in a text that teaches elsewhere (waived); a negated clause about
    previous experience that a clause saying it was learnt follows ("Ritningsläsning hade hon
    ingen erfarenhet av tidigare, men grunderna lärde hon sig")."""
    result = []
    for number, clause in enumerate(found):
        prior = next(
            (
                i
                for i in range(clause.start, clause.end)
                if tokens[i].lemma in PRIOR or tokens[i].norm in PRIOR
            ),
            None,
        )
        if prior is not None:
            # ... kept only where something is joined to it before it
            joined = any(tokens[i].norm in CONJUNCTIONS for i in range(clause.start, prior))
            prior_at = prior if joined else None
            later = [
                tokens[i].norm
                for after in found[number + 1 :]
                for i in range(after.start, after.end)
            ]
            if clause.not_needed and any(norm.startswith(TEACHING) for norm in later):
                clause = replace(clause, learnt=True, prior_at=prior_at)
            elif clause.not_needed and teaches:
                clause = replace(clause, waived=True, prior_at=prior_at)
            elif clause.negation_at is not None and any(norm in LEARNT for norm in later):
                clause = replace(clause, learnt=True, prior_at=prior_at)
        result.append(clause)
    return result


def heading_mode(token_cues: Sequence[Cue | None]) -> Mode:
    """The mode a heading ("Edellytämme:", "Meriterande:") gives the list below it."""
    for cue in reversed(token_cues):
        if cue is Cue.REQUIRED:
            return Mode.REQUIRED
        if cue is Cue.NICE:
            return Mode.NICE
    return Mode.NEUTRAL
