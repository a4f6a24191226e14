"""What kind of source a quoted speaker is, and whom the text says they speak for.

A researcher counting sources asks two questions of every quotation beyond "who": what kind
of source is this (an official, an organisation, an expert, an ordinary citizen, an anonymous
source, a document) and what is the source affiliated with ("a spokesperson for the port
authority" -> the port authority; "union leader Ana Ruiz" -> union). Both are read from the
words the article itself uses around the speaker: the role before the name, an apposition
after it (", the chief executive of Showtime,"), the speaker phrase, and anonymity formulas in
the sentence ("who asked not to be named"). Nothing here depends on a story lexicon; the
lexicon side of a known speaker only helps tell a government voice from another.

The rules are word lists checked in a fixed order (document, anonymous, official, expert,
organisation, citizen), because a role such as "union lawyer" names one type more surely
than the other; a named person with no role words is ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEAKER_TYPES = ("official", "organisation", "expert", "citizen", "anonymous", "document", "unknown")
GOVERNMENT_SIDES = {"US government", "Russian government", "Ukrainian government", "NATO", "EU"}


def _words(*groups: str, plural: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(w.replace(" ", r"\s+") for g in groups for w in g.split(","))
    return re.compile(rf"\b(?:{alternatives}){'s?' if plural else ''}\b", re.IGNORECASE)


_DOCUMENT = _words(
    "polls?,surveys?,reports?,study,studies,documents?,data,filings?,statements?,memos?,letters?,e-?mails?,records,"
    "analysis,analyses,review,figures,census,rulings?,indictment,court papers,tweets?,posts?,website,press release,"
    "transcripts?,estimates?,forecasts?,research,findings,minutes,audit"
)
_ANONYMITY = re.compile(
    r"\b(?:asked not to be (?:named|identified)|(?:on|under) (?:the )?condition of anonymity|"
    r"not authori[sz]ed to (?:speak|discuss|comment)|declined to be (?:named|identified)|speaking anonymously|"
    r"who (?:requested|sought) anonymity|on background)\b",
    re.IGNORECASE,
)
_UNNAMED = _words("officials?,sources?,persons?,people,aides?,insiders?,diplomats?,someone,one person,advisers?")
_OFFICIAL = _words(
    "president,vice president,prime minister,minister,ministry,secretary,senator,sen\\.,rep\\.,congress(?:wo)?man,"
    "governor,gov\\.,mayor,council(?:lor|man|woman)?,officials?,ambassador,police,judge,justice,court,prosecutors?,"
    "attorney general,commissioner,commission,chancellor,premier,lawmakers?,legislators?,parliament,congress,senate,"
    "general,admiral,commander,military,army,department,agency,government,administration,authority,authorities,"
    "kremlin,white house,pentagon,state department,sheriff,regulators?,cabinet,embassy,MPs?,MEPs?,"
    "electoral commission,observer mission,spokes(?:man|woman|person) for the (?:ministry|department|government)"
)
_EXPERT = _words(
    "professor,prof\\.,analysts?,economists?,experts?,researchers?,scientists?,historians?,pollsters?,forecasters?,"
    "strategists?,scholars?,lecturer,fellow,think tank,university,institute,academics?,doctors?,physicians?,"
    "meteorologists?,epidemiologists?,consultants?"
)
_ORGANISATION = _words(
    "unions?,company,companies,firms?,corporation,corp\\.?,inc\\.?,ltd,group,association,federation,campaign,"
    "party,committee,foundation,charity,ngo,chief executive,ceo,chairman,chairwoman,chair,founder,"
    "executive director,director,spokes(?:man|woman|person),network,operator,estates,ports?,bank,airline,club,"
    "league,church,lawyers?,attorneys?,alliance,coalition,organi[sz]ation,industry,manufacturers?,employers?,"
    "steward,shop steward,newspaper,magazine,broadcaster,agency"
)
_CITIZEN = _words(
    "residents?,voters?,workers?,parents?,mothers?,fathers?,students?,neighbou?rs?,tenants?,shoppers?,customers?,"
    "fans?,supporters?,protesters?,passengers?,farmers?,locals?,villagers?,witness(?:es)?,victims?,retirees?,"
    "\\d+-year-old,who lives,homeowners?,commuters?,owners?,drivers?,nurses?,teachers?,dockers?,fishermen"
)
_PERSON = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+)+$")
_BODY = re.compile(r"^(?:the\s+)?[A-Z]")
# "a spokesperson for the port authority", "the chief executive of Showtime", "a lawyer at Smith & Co".
_AFFILIATION_AFTER = re.compile(
    r"\b(?:for|of|at|with|from)\s+(?P<org>(?:the\s+)?(?:[A-Z][\w&.'’-]*(?:\s+(?:of|for|and|&|on|[A-Z][\w&.'’-]*))*"
    r"|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}\s+(?:authority|union|council|company|association|committee|department|"
    r"ministry|agency|group|board|commission|party|campaign|office|court|operator|service)))"
)
_POSSESSIVE = re.compile(r"(?P<org>[A-Z][\w&.-]*(?:\s+(?:of|and|the|for|[A-Z][\w&.-]*)){0,4})['’]s?\s+[a-z]")
_PARTY_CODE = re.compile(r"\((?P<party>[RDI])-[A-Z][\w.]*\.?\)|\b(?P<bare>[RDI])-[A-Z][a-z]{1,3}\.")
_PARTIES = {"R": "Republican Party", "D": "Democratic Party", "I": "independent"}
_ORG_NOUNS = {
    *["union", "port", "city", "council", "company", "party", "campaign", "police", "school", "hospital", "court"],
    *["church", "club", "team", "board", "group", "firm", "bank", "airport", "county", "state", "trade", "workers"],
}
_ROLE_NOUN = _words(
    "leader,chair,chairman,chairwoman,chief,head,spokes(?:man|woman|person),official,director,president,secretary,"
    "minister,commissioner,lawyer,steward,member,representative,executive,founder,manager,organi[sz]er,adviser,"
    "analyst,economist,professor,researcher,governor,mayor,judge,people,source",
    plural=True,  # "officials in Brussels"
)


@dataclass(frozen=True, slots=True)
class SourceProfile:
    speaker_type: str
    affiliation: str


def affiliation_of(role: str, speaker: str) -> str:
    """The body the role words tie the speaker to, or "" when the text names none."""
    for text in (role, speaker):
        if not text:
            continue
        party = _PARTY_CODE.search(text)
        if party:
            return _PARTIES[party.group("party") or party.group("bare")]
        after = _AFFILIATION_AFTER.search(text)
        if after and (_ROLE_NOUN.search(text[: after.start()]) or re.match(r"(?:of|at|from)\s", text)):
            return after.group("org").strip(" .,’'")
        owner = _POSSESSIVE.search(text)
        if owner and _ROLE_NOUN.search(text[owner.end() - 1 :]):
            return owner.group("org").strip()
        before = _premodifier(text)
        if before:
            return before
    return ""


def _premodifier(role: str) -> str:
    """ "union leader", "Port Authority chair", "EU trade commissioner": the words before the role noun."""
    nouns = list(_ROLE_NOUN.finditer(role))
    if not nouns:
        return ""
    head = role[: nouns[0].start()].strip()
    head = re.sub(r"^(?:the|a|an|former|then|acting|deputy|senior|its|his|her|their)\s+", "", head, flags=re.I)
    head = re.sub(r"\s+(?:trade|press|vice|deputy|senior|general|chief|executive|top)$", "", head, flags=re.I)
    words = head.split()
    if len(words) == 1 and words[0].lower() in {"its", "his", "her", "their", "the", "a", "an", "our", "former"}:
        return ""
    if not words or len(words) > 4 or not re.match(r"^[\w&.'’-]+$", words[-1]):
        return ""
    if any(w[:1].islower() and w.lower() not in _ORG_NOUNS for w in words):
        return ""  # "a Republican who became governor": a clause, not a body
    return head


def describe(speaker: str, speaker_text: str, role: str, side: str, sentence: str) -> SourceProfile:
    """Type and affiliation of one speaker.

    ``speaker`` is the resolved name, ``speaker_text`` the words naming it, ``role`` the words around the
    name that describe it (title before, apposition after), ``sentence`` the sentence of the quotation.
    """
    named = bool(_PERSON.match(speaker))
    words = " ".join(w for w in (role, speaker_text or speaker) if w)
    if not speaker:
        return SourceProfile("anonymous" if _ANONYMITY.search(sentence) else "unknown", "")
    affiliation = affiliation_of(role, "" if named else speaker)
    if not named and _DOCUMENT.search(speaker) and not _UNNAMED.search(speaker):
        return SourceProfile("document", affiliation)
    if not named and (_ANONYMITY.search(sentence) or _UNNAMED.match(_strip_article(speaker))):
        return SourceProfile("anonymous", affiliation)
    if _ANONYMITY.search(words):
        return SourceProfile("anonymous", affiliation)
    for kind, pattern in (("official", _OFFICIAL), ("expert", _EXPERT), ("organisation", _ORGANISATION)):
        if pattern.search(words):
            return SourceProfile(kind, affiliation or ("" if named else _body(speaker)))
    if side in GOVERNMENT_SIDES:
        return SourceProfile("official", affiliation or ("" if named else _body(speaker)))
    if side == "media":
        return SourceProfile("organisation", affiliation or ("" if named else _body(speaker)))
    if _CITIZEN.search(words):
        return SourceProfile("citizen", affiliation)
    return SourceProfile("organisation" if affiliation else "unknown", affiliation)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an|some|two|three|several|many|one)\s+", "", text, flags=re.IGNORECASE)


def _body(speaker: str) -> str:
    """A body speaking for itself ("the Pentagon", "Greystone Estates") is its own affiliation."""
    return speaker if _BODY.match(speaker) else ""
