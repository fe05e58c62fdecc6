"""A word bridge from Finnish and Swedish to English, so rank mode reaches all of ESCO.

The shipped vocabulary has Finnish and Swedish labels; the rest of ESCO, once imported, has
English ones only. `english(text, lang)` turns a Finnish or Swedish text into the English words
of the industry terms it uses — word by word, and for compounds part by part
("hitsausrobottien" → "welding robot") — and the English ranker scores that against every
English skill. A concept found only this way is outside the vocabulary and is offered for
confirmation (`Mention.confirm`), never taken as found.

The glossary is ours, written for the region's industries; a word it lacks is simply not
bridged.
"""

from kohtaanto.extraction.text import tokenize

# Base forms (as simplemma gives them) → English words.
GLOSSARY: dict[str, dict[str, str]] = {
    "fi": {
        "hitsaus": "welding",
        "hitsata": "weld",
        "hitsaaja": "welder",
        "koneistus": "machining",
        "koneistaa": "machine",
        "sorvaus": "turning lathe",
        "sorvi": "lathe",
        "jyrsintä": "milling",
        "jyrsin": "milling machine",
        "hionta": "grinding",
        "särmäys": "bending press brake",
        "leikkaus": "cutting",
        "plasma": "plasma",
        "laser": "laser",
        "levy": "sheet metal",
        "teräs": "steel",
        "ruostumaton": "stainless",
        "alumiini": "aluminium",
        "metalli": "metal",
        "kone": "machine machinery",
        "laite": "equipment",
        "huolto": "maintenance service",
        "kunnossapito": "maintenance",
        "korjaus": "repair",
        "asennus": "installation install",
        "asentaa": "install",
        "kokoonpano": "assembly assemble",
        "sähkö": "electrical electricity",
        "kaapeli": "cable",
        "johdotus": "wiring",
        "keskus": "switchboard panel",
        "moottori": "motor engine",
        "automaatio": "automation",
        "ohjelmointi": "programming",
        "robotti": "robot",
        "anturi": "sensor",
        "mittaus": "measurement measure",
        "mitata": "measure",
        "kalibrointi": "calibration calibrate",
        "hydrauliikka": "hydraulic hydraulics",
        "pneumatiikka": "pneumatic pneumatics",
        "pumppu": "pump",
        "venttiili": "valve",
        "laakeri": "bearing",
        "voitelu": "lubrication lubricate",
        "putki": "pipe piping",
        "kattila": "boiler",
        "prosessi": "process",
        "näyte": "sample",
        "laboratorio": "laboratory",
        "analyysi": "analysis",
        "kemikaali": "chemical chemicals",
        "laatu": "quality",
        "tarkastus": "inspection inspect",
        "piirustus": "drawing blueprint",
        "suunnittelu": "design planning",
        "varasto": "warehouse stock",
        "keräily": "order picking",
        "trukki": "forklift",
        "nosturi": "crane",
        "kuljetus": "transport",
        "lastaus": "loading",
        "pakkaus": "packaging packing",
        "tuotanto": "production",
        "linja": "line",
        "maalaus": "painting paint",
        "pinnoitus": "coating",
        "puu": "wood timber",
        "saha": "sawmill saw",
        "vene": "boat",
        "lujitemuovi": "fibreglass composite",
        "laminointi": "laminating",
        "elintarvike": "food",
        "hygienia": "hygiene",
        "turvallisuus": "safety",
        "asiakas": "customer",
        "myynti": "sales",
        "hankinta": "purchasing procurement",
        "projekti": "project",
        "raportti": "report",
        "dokumentointi": "documentation",
        "vianetsintä": "troubleshooting troubleshoot",
        "vika": "fault malfunction",
        "testaus": "testing test",
        "käyttöönotto": "commissioning",
        "energia": "energy",
        "aurinkopaneeli": "solar panel",
        "lämpöpumppu": "heat pump",
        "ilmanvaihto": "ventilation",
    },
    "sv": {
        "svetsning": "welding",
        "svetsa": "weld",
        "bearbetning": "machining",
        "svarvning": "turning lathe",
        "fräsning": "milling",
        "slipning": "grinding",
        "bockning": "bending",
        "skärning": "cutting",
        "plåt": "sheet metal",
        "stål": "steel",
        "rostfri": "stainless",
        "maskin": "machine machinery",
        "utrustning": "equipment",
        "underhåll": "maintenance",
        "service": "service maintenance",
        "reparation": "repair",
        "installation": "installation install",
        "montering": "assembly assemble",
        "el": "electrical",
        "kabel": "cable",
        "motor": "motor engine",
        "automation": "automation",
        "programmering": "programming",
        "robot": "robot",
        "givare": "sensor",
        "mätning": "measurement measure",
        "kalibrering": "calibration calibrate",
        "hydraulik": "hydraulic hydraulics",
        "pneumatik": "pneumatic pneumatics",
        "pump": "pump",
        "ventil": "valve",
        "lager": "warehouse bearing",
        "smörjning": "lubrication lubricate",
        "rör": "pipe piping",
        "panna": "boiler",
        "process": "process",
        "prov": "sample",
        "laboratorium": "laboratory",
        "kemikalie": "chemical chemicals",
        "kvalitet": "quality",
        "inspektion": "inspection inspect",
        "ritning": "drawing blueprint",
        "truck": "forklift",
        "kran": "crane",
        "transport": "transport",
        "lastning": "loading",
        "packning": "packing packaging",
        "produktion": "production",
        "målning": "painting paint",
        "trä": "wood timber",
        "båt": "boat",
        "livsmedel": "food",
        "hygien": "hygiene",
        "säkerhet": "safety",
        "kund": "customer",
        "försäljning": "sales",
        "inköp": "purchasing procurement",
        "projekt": "project",
        "felsökning": "troubleshooting troubleshoot",
        "driftsättning": "commissioning",
        "energi": "energy",
    },
}
MIN_PART = 3


def english(text: str, lang: str) -> str:
    """The English words of the glossary terms in `text`; "" when none (or not fi/sv)."""
    return " ".join(english_terms(text, lang))


def english_terms(text: str, lang: str) -> list[str]:
    """`english` term by term: the English words of each Finnish or Swedish word (or compound
    part) the glossary knows ("maskiner" → "machine machinery"), in text order."""
    glossary = GLOSSARY.get(lang)
    if not glossary:
        return []
    words: list[str] = []
    for token in tokenize(text, lang):
        found = glossary.get(token.lemma) or glossary.get(token.norm)
        if found:
            words.append(found)
            continue
        words.extend(_compound(token.lemma, glossary))
    return words


def _compound(word: str, glossary: dict[str, str]) -> list[str]:
    """A compound's glossary parts: the longest known head, then its modifier if known."""
    for k in range(MIN_PART, len(word) - MIN_PART + 1):
        head = glossary.get(word[k:])
        if head:
            modifier = glossary.get(word[:k]) or glossary.get(word[: k - 1])  # linking s / n
            return [modifier, head] if modifier else [head]
    return []
