"""Quoted sources: direct, partial and indirect quotations, their speakers and sides.

The method is rule-based and transparent, in the spirit of textacy's direct-quotation
extractor, widened to indirect speech:

* Quotation marks are paired (``quotemarks``). A quotation is linked to the nearest
  attribution verb outside quotation marks in its sentence ("..., said Kirby",
  "Stoltenberg told reporters: ..."), or to "according to X". A quotation with no
  verb of its own continues the previous quotation of its paragraph. A short quoted
  phrase with no verb in its clause is a scare quote, not a source (see ``hedges``).
* Every remaining attribution verb with a speaker gives an indirect quotation: the
  reported clause after "X said (that)" or before ", X said".
* The speaker is the noun phrase next to the verb, resolved in order: a known speaker
  (``speakers.csv``), a title with a name ("Pentagon spokesman John Kirby"), a name
  seen earlier in the article ("Kirby" -> "John Kirby"), a known actor ("Moscow"), a
  pronoun (he/she -> the last person quoted; it/they -> the last actor named), or
  else the phrase itself with side "other".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from framing.extract.attribution import find_attribution_verbs
from framing.extract.quotemarks import QuoteMark, find_quote_marks, is_short_phrase, word_count
from framing.extract.sources import SourceProfile, describe
from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import Quote
from framing.text import MONTH_NAMES, WEEKDAYS, Doc

PARTIAL_LINK_CHARS = 30
CLAUSE_WINDOW = 600  # characters either side of a verb searched for its speaker and clause
_ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
_BOUNDARY = re.compile(
    r"[,;:()\[\]]|\b(?:that|which|who|whom|where|while|whereas|but|and then|because|although|though|since|if|when|"
    r"as)\b",
    re.IGNORECASE,
)
# A conjunction opening the stretch before a verb is not part of its subject ("..., and experts say").
_LEADING_CONJUNCTION = re.compile(r"(?:and|so|yet|or|but|then)\s+(?=\S)", re.IGNORECASE)
# A share of people as the speaker of a poll finding: "47 percent say", "About 61% said", "Two-thirds support".
_SHARE = re.compile(
    r"^(?:(?:about|nearly|almost|roughly|around|over|under|only|just|some|more than|less than|fewer than)\s+)?"
    r"(?:\d[\d,.]*\s*(?:%|percent|per cent)|(?:one|two|three)[- ](?:half|third|thirds|quarter|quarters|fifth|fifths)"
    r"|half|a third|a quarter|a majority|most|many|few)(?:\s+(?:of\s+)?[\w’'-]+){0,4}$",
    re.IGNORECASE,
)
# After ", X said", a short stretch that says when, where or how; anything else is the reported clause
# ("Asked about the plan, she said he had her vote").
_CLOSING_TAIL = re.compile(
    r"^\s*(?:$|(?:on|in|at|to|during|after|before|from|with|by|of|about|last|this|earlier|later|yesterday|today|"
    r"tonight|recently|previously|again|also|then|afterward|afterwards|" + "|".join(WEEKDAYS) + r"|\w+ly)\b)",
    re.IGNORECASE,
)
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "However",
    "Meanwhile",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "While",
    "Although",
    "After",
    "Before",
    "Since",
    "If",
    "When",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    *[
        "Later",
        "Earlier",
        "Then",
        "Now",
        "Still",
        "Yet",
        "Also",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Instead",
        "Indeed",
        "Separately",
        *["About", "Nearly", "Almost", "Roughly", "Around", "Only", "Just", "Some", "Many", "Most", "More", "Few"],
    ],
    *(day.capitalize() for day in WEEKDAYS),
    *(month.capitalize() for month in MONTH_NAMES),
}
# A speaker is a noun phrase: a stretch with an auxiliary or a subordinator in it is a clause.
_NOT_A_NOUN_PHRASE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|be|been|will|would|could|should|may|might|can|do|does|did)\b"
    r"|^(?:as|when|if|because|since|while|although|after|before|but|and|or|so)\b",
    re.IGNORECASE,
)
_TRAILING_AUX = re.compile(r"(?:\s+(?:has|have|had|also|again|later|then|would|will))+$", re.IGNORECASE)
_PRONOUN_ONLY = re.compile(r"^(?:he|she|it|they|we|i)(?:\s+\w+ly)?$", re.IGNORECASE)
_PERSON_NAME = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+)+$")
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "they", "its", "their"}
# The reported clause after the verb: skip an object and adverbials up to "that"
# ("told reporters at the time that ..."), or just a leading comma.
# The skipped object holds no clause of its own: in "said she was not going to jump to that conclusion" the
# "that" is a determiner inside the reported clause.
_THAT = re.compile(
    r"(?:(?!\b(?:he|she|they|we|i|it|was|is|were|are|would|will|had|has)\b)[^,.;:“”\"]){0,40}?\bthat\b\s*|\s*,?\s*",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:not\s+|n[o']t\s+)?(?:(?:also|still|now|\w+ly)\s+)?$", re.IGNORECASE
)
# A refusal reports a voice only when what was refused is speaking ("declined to comment"), not an act
# ("refused to comply", "declined to publish the response").
_REFUSED_SPEECH = re.compile(
    r"\s+(?:comment\b|(?:to\s+)?(?:comment|answer|say|discuss|speak|talk|elaborate|respond|confirm|deny|specify|"
    r"name|identify|disclose|reveal|explain|address|give|provide|be\s+interviewed|be\s+quoted)\b)",
    re.IGNORECASE,
)
# What follows "wrote about" or "spoke of" names a topic ("said about 2,000" is a number), and "accused them of
# doing" a charge: neither is what was said.
_TOPIC_NOT_CONTENT = re.compile(r"(?:about(?!\s+\d)|of)\b", re.IGNORECASE)
_CHARGE = re.compile(r"(?:[\w'’-]+\s+){1,3}?of\b", re.IGNORECASE)
_THAT_NEXT = re.compile(r"\s+that\s+(?![“\"‘'])")
# A common-noun head with a prepositional complement ("officials in Brussels", "a lawyer for the tenants").
_GROUP_OF = re.compile(
    r"^(?:(?:the|a|an|some|many|two|three|several|other|senior|local|top|one)\s+)*(?:[a-z][a-z-]+\s+)?"
    r"(?P<head>[A-Za-z][a-z-]+)\s+(?:in|from|at|of|for|with|close to|familiar with)\s+\S",
    re.IGNORECASE,
)
_ROLE_NOUNS = {
    *[
        "official",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "lawyer",
        "attorney",
        "representative",
        "member",
        "leader",
        "head",
        "chief",
        "director",
        "people",
        "source",
        "resident",
        "analyst",
        "expert",
        "executive",
        "aide",
        "adviser",
        "advisor",
        "staff",
        "worker",
        "person",
        "supporter",
        "critic",
        "observer",
        "diplomat",
        "officer",
        "employee",
        "researcher",
        "scientist",
        "economist",
        "lawmaker",
        "voter",
        "activist",
        "campaigner",
        "negotiator",
        "minister",
    ],
}
# A sentence-initial capital on a plural common noun phrase: "Housing campaigners", "Industry analysts".
_COMMON_HEAD = re.compile(r"^[A-Z][a-z]+(?:\s+[a-z][a-z-]+){1,2}s$")
# Capitalised words before a common-noun head: "NATO leaders", "Trump campaign aides", "Kremlin officials".
_NAMED_GROUP = re.compile(r"^(?:[A-Z][\w.'’&-]*\s+){1,3}(?:[a-z][a-z-]+\s+)?(?P<head>[a-z]+)$")
# Before a verb, only a conjunction or adverbs: the verb shares the sentence's subject ("X said ... and added").
# A stretch ending in "and"/"but" before a verb coordinates that verb with an earlier one ("arrived and said").
_COORDINATED_VERB = re.compile(r"\s(?:and|but)(?:\s+(?:also|then|later|\w+ly))*$", re.IGNORECASE)
_SHARED_SUBJECT = re.compile(
    r"^(?:and|but|then|also|later|even|still|often|never|always|already|again|\w+ly)"
    r"(?:\s+(?:also|then|later|even|still|often|never|always|already|again|\w+ly))*$",
    re.IGNORECASE,
)
# Adverbs or a verb chain before the cue with no subject of their own ("..., and continued to insist", "but now
# said", "stopped short of calling"): the verb shares the subject of the sentence.
_SHARED_ADVERB = r"(?:now|once|earlier|later|then|[a-z]+ly|on\s+(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + "))"
_SHARED_CHAIN = re.compile(
    rf"(?:{_SHARED_ADVERB}\s+)*(?:{_SHARED_ADVERB}|(?:[a-z]+ed|going\s+on|went\s+on)\s+to|stopped\s+short\s+of)"
)
# After a verb with nothing before it, a lowercase speaker is a role ("said a spokesperson for the port",
# "said former governor Ed Rendell"); anything else there opens the reported clause or an object.
_LOWER_SPEAKER = re.compile(
    r"(?!(?:on|in|at|to|for|from|with|by|about|after|before|during|of|that|this|it|he|she|they|we|him|her|them)\b)"
    r"(?:(?:the|a|an|one|two|three|several|some|many|other|senior|top|local|former|then-?)\s+)*"
    r"(?:[a-z][\w-]+\s+){0,2}?(?:[A-Z]|(?:"
    + "|".join(sorted(_ROLE_NOUNS | {"governor", "senator", "mayor", "judge", "president", "chairman", "secretary"}))
    + r")s?\b)"
)
# Before a verb, a quotation closing with a comma, ? or !: the verb's speaker follows it ("“...,” agrees X").
_QUOTATION_CLOSED = re.compile(r"[,?!—-]\s*[”\"’']\s*$|[”\"]\s*,\s*$")
# After such a verb, a determined noun phrase is its speaker ("one commenter", "the ad's narrator", "9/11 widow X").
_DETERMINED_SPEAKER = re.compile(
    r"(?:the|a|an|one|another|his|her|their|its|some|\d[\w/-]*)\s+(?!(?:that|this|it|he|she|they)\b)[\w’'-]+",
    re.IGNORECASE,
)
# Capitalised role words before a name that are not part of it ("Mayor Lena Brandt" is Lena Brandt);
# abbreviated titles (Sen., Rep., Dr.) stay, as news style writes them with the name.
_TITLE_WORDS = _ROLE_NOUNS | {
    *["mayor", "president", "governor", "senator", "minister", "judge", "justice", "chancellor", "general"],
    *["secretary", "chairman", "chairwoman", "chair", "professor", "commissioner", "ambassador", "councillor"],
}
# Verbs that put their speaker after them ("..., said Ana Ruiz"); after the others a name is the object
# ("praised Cruz", "told reporters").
_INVERTING_VERBS = {
    *[
        "said",
        "says",
        "say",
        "added",
        "adds",
        "wrote",
        "writes",
        "asked",
        "asks",
        "explained",
        "noted",
        "recalled",
        "continued",
        "argued",
        "warned",
        "insisted",
        "stated",
        "declared",
        "replied",
        "responded",
        "tweeted",
        "conceded",
        "acknowledged",
        "admitted",
        "claimed",
        "announced",
        "cautioned",
        "predicted",
        "suggested",
        "stressed",
        "joked",
        "countered",
        "complained",
        "reported",
        "observed",
    ],
}
# A short speaker phrase and a say-type verb right after a closing quotation mark.
_TAIL_ATTRIBUTION = re.compile(
    r"[ \t]*(?:[A-Z][^.?!\"“”\n]{0,50}?|he|she|they)\s+(?P<verb>said|says|asked|asks|added|adds|wrote|writes|"
    r"continued|told|explained|replied|insisted|warned|argued|tweeted)\b"
)
# A speaker and a verb outside the lexicon closing a quotation that ends in a comma, ? or ! ("“...,” Ruiz
# continued.", "“...!” one user commented."): the sentence says who spoke, whatever the verb.
_SPEAKER_VERB_TAIL = re.compile(
    r"[ \t]*(?P<who>(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+[A-Z][\w'’-]+"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){0,2}|he|she|they|(?:one|a|an|the|another)\s+[a-z]+)"
    r"\s+(?P<verb>(?:[a-z]+(?:ed|es|s)|said|told|wrote|went|spoke)(?:\s+on)?)\b(?=\s*[.,;]|\s+(?:on|in|at|during|after|before|as|from|with)\b)"
)
# A subject and one verb, then a comma or colon, right before a quotation: "Ana Ruiz cracked, “...”".
_VERB_LEAD = re.compile(
    r"\s*(?P<who>(?:[A-Z][\w.'’-]*|the|a|an|he|she|they)(?:\s+[\w.'’-]+){0,4}?)\s+(?:(?:also|then|later|again|"
    r"[a-z]+ly)\s+)?(?P<verb>[a-z]{3,}(?:ed|es)|said|says|wrote|told|sang|sings|spoke|shot\s+back|put\s+it)\s*[,:]\s*"
)
# After a quotation closing with a comma, ? or !, a verb then a name: "“...,” scoffed Ana Ruiz, 22, ...".
_VERB_SPEAKER_TAIL = re.compile(
    r"[ \t]*(?P<verb>[a-z]{3,}ed|said|wrote|told)[ \t]+"
    r"(?P<who>(?:(?:[A-Z]\.|[A-Z][a-z]{1,3}\.|[A-Z][\w'’-]*)[ \t]+){0,4}[A-Z][\w'’-]+)(?=[ \t]*[,.;(]|[ \t]*$)"
)
# A dash and a name signing a quotation: "“...” ― Ana Ruiz." or "- Ana Ruiz." on the next line.
_DASH_SIGNATURE = re.compile(
    r"[ \t]*(?:\n\s*)?[-―—–]+[ \t]*(?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*\.?[ \t]*(?=\n|$)"
)
# "Name: what they said" at the start of a paragraph (headline style); labels such as "Watch:" are not speakers.
_COLON_LEAD = re.compile(r"(?m)^(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?P<what>[^\n]{12,300}?)\s*$")
_NOT_SPEAKER_LABELS = {
    *[
        "Watch",
        "Video",
        "Exclusive",
        "Breaking",
        "Update",
        "Updated",
        "Live",
        "Photos",
        "Photo",
        "Opinion",
        "Analysis",
        "Editorial",
        "Review",
        "Correction",
        "Note",
        "Q&A",
        "Read",
        "Listen",
        "Related",
        "Source",
        "Sources",
        "Credit",
        "Image",
        "Caption",
        "Editor",
        "Editors",
        "Transcript",
        "Subscribe",
        "Advertisement",
        "WASHINGTON",
        "Title",
        "Topics",
    ],
}
_FULL_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]+\b(?![\w'’-]*\s+[A-Z])")
_DASH_ASIDE = re.compile(r"\s*(?:[—―–]|\s--?\s)[^—―–“”\"]{1,200}?(?:[—―–]|\s--?)\s*$")
_TRAILING_ADVERBIAL = re.compile(
    r"(?:\s+(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|night|weekend|spring|summer|fall|autumn|winter)"
    r"|(?:on\s+)?(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + r")"
    r"|also|even|again|then|later|recently|yesterday|today|once|repeatedly|publicly|privately|previously))+\s*$"
)
# An auxiliary and adverbs between a subject and its verb ("has said", "have long argued", "would not say",
# "is calling").
_AUX_BEFORE_VERB = re.compile(
    r"\s+(has|have|had|will|would|could|can|may|might|should|must|is|are|was|were|did|does|do)"
    r"(?:\s+(?:also|long|since|repeatedly|previously|already|never|not|often|still|now|only|just|\w+ly))*\s*$"
)
_AFFILIATION_LINK = re.compile(r"\s*,?\s*(?:of|at|for|from|with|in)(?:\s+the)?\s*")
_SHORT_ASIDE = re.compile(r"\s*\([^()]{1,30}\)\s*,?\s*$")
# An apposition or relative clause after a name: "a union steward", "who chairs ...", "the port's chief".
_APPOSITIVE = re.compile(
    r"(?:a|an|the|who|whose|which|his|her|its|their|one|now|then|also|former|then-|[A-Z][\w.'’-]*|\w+(?:'s|’s))\b"
    r"|[a-z][\w-]+\s+(?:of|for|at|with)\b|\w+ing\b|not\b|both\b"
)
# What opens an aside after a subject ("who lost ...", "speaking at ...", "during a visit to ..."): a name in it
# is not the head of an apposition that follows.
_ASIDE_OPENER = re.compile(r"\s*(?:who|whose|[a-z]+ing)\s")
_PLACE_TAIL = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*")  # the ", Ontario," after "Harwick"
# Where a sentence's subject ends: its first finite-looking verb ("refused", "was"), not right after an article.
# Between a relative pronoun and the verb it is the subject of: only auxiliaries and adverbs ("who has long backed").
_RELATIVE_GAP = re.compile(
    r"(?:['’](?:d|s|ve|ll)\b)?\s*(?:(?:has|have|had|is|are|was|were|will|would|can|could|may|might|should|must|"
    r"does|do|did|also|still|now|long|not|never|always|already|once|often|earlier|\w+ly|in the past|"
    r"(?:on|last|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year))\s+)*",
    re.IGNORECASE,
)
# An opening phrase whose verb has the subject of the sentence: "After backing ...", "Two years after endorsing ...".
# An opening verbal phrase whose verb is the cue ("In describing", "Having announced", "By refusing to admit"):
# the subject of the main clause after it is the speaker.
_VERBAL_OPENING = re.compile(
    r"\s*(?:(?:after|before|since|while|in|by|without|despite|upon|when)\s+(?:[a-z]+ing\s+to\s+)?"
    r"|having\s+|[a-z]+ing\s+to\s+)",
    re.IGNORECASE,
)
_GERUND_OPENING = re.compile(
    r"\s*[“\"]?(?:and\s+|but\s+)?(?:(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)\s+)?"
    r"(?:after|before|since|while|in|by|without|despite|upon|when)\s+",
    re.IGNORECASE,
)
# A question's auxiliary before its subject: "Do you think ...?", "How do they know ...?".
_QUESTION_AUX = re.compile(r"\s*(?:(?:how|why|what|when|where|so|but|and)\s+)?(?:do|does|did)\s+(?=\w)", re.IGNORECASE)
# A transcript's speaker label at the start of a line: "TAPPER: ...", "SEN. TOM HALE: ...".
_TRANSCRIPT_LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
_NOT_TRANSCRIPT_LABELS = {"UPDATE", "NOTE", "WATCH", "READ", "RELATED", "VIDEO", "PHOTOS", "EDITOR'S NOTE", "ABSTRACT"}
_EVIDENCE_HEAD = re.compile(
    r"\b(?:polls?|polling|surveys?|study|studies|data|reports?|analys[ie]s|figures|records|research|numbers|results|"
    r"audits?|reviews?|investigations?|videos?|footage|documents|e-?mails|filings?|tests?|statistics|estimates?)$"
)
# A capitalised name of a body or place, not a person: the antecedent of "it" or "they", never of "he" or "she".
_BODY_NAME = re.compile(
    r"^(?:The|New|North|South|East|West|United|National|Special)\s|\s(?:Post|Times|Journal|News|Convention|Committee|"
    r"Party|Department|University|Council|Court|Union|Institute|Foundation|Association|Agency|Office|House|Network|"
    r"Press|Group|Center|Centre|Bank|Company|Corporation|Fund|Service|Services|Operations|Force|Forces|Army|"
    r"Coast|Island|Islands|County|City|State|States|Street|Square|Media|Review|Magazine|Tribune|Herald|Daily)$"
)
# Only an auxiliary before the verb, no subject of its own: "... but don't want to", "but would not say".
_AUX_ONLY = re.compile(
    r"^(?:do|does|did|don['’]t|doesn['’]t|didn['’]t|would|will|can|could|won['’]t|wouldn['’]t|can['’]t|couldn['’]t|"
    r"may|might|must|should)(?:\s+(?:not|also|still|\w+ly))*$",
    re.IGNORECASE,
)
# A participle right after a comma, before "by": "The plan, first reported by X, ...".
_REDUCED_PASSIVE = re.compile(r",\s*(?:(?:first|also|originally|previously|later|\w+ly)\s+)?$", re.IGNORECASE)
# Before a participle, what links it to the clause it hangs on: a comma and perhaps a conjunction or adverbs
# ("..., before insisting", "..., often citing", "..., while adding"), or a preposition ("... by suggesting"):
# the participle has the subject of that clause.
_ING_LINK = re.compile(
    r"(?:,\s+(?:(?:before|after|while|when|then|also|often|even|again|later|and|but|not|once|never|\w+ly)\s+)*"
    r"|\s(?:by|while|before|after)\s+)$"
)
# A sentence opening with a subordinate clause: "While X pledged ..., Y insisted ...".
_SUBORDINATE_OPEN = re.compile(r"\s*[“\"]?(?:While|As|When|Although|Though|Whereas|Because|Since|If|After|Before)\s")
# A contrasting clause with a subject of its own right before a verb: ", but Tom Hale insisted", ", and he added",
# ", but critics point to" (an auxiliary, adverb or "that" there continues the same clause: ", but would respond").
_CONTRAST_BEFORE = re.compile(
    r"[,;]\s+(?:but|while|whereas|and)\s+"
    r"(?P<who>(?!(?:that|to|would|will|could|can|may|might|should|must|do|does|did|has|have|had|is|are|was|"
    r"were|not|also|then|later|now|still|even|most|who|which|whose|[a-z]+ly|[a-z]+ed)\b)[A-Za-z][\w.'’-]*)"
    r"(?:\s+[\w.'’-]+){0,4}\s+$"
)
_HEAD_DETERMINER = re.compile(r"\b(?:the|a|an|those|these|its|their|his|her)\s", re.IGNORECASE)
_FIRST_VERB = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bThe )(?<!\bA )"
    r"\b(?:[a-z]+ed|is|was|are|were|has|had|have|will|would|can|could)\b"
)
# What opens a sentence before its subject: a dateline ("LISBON —") or an adverbial ending in a comma ("In an
# interview with the BBC,", "Early in the campaign,"); the first name in it is not the subject.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Z.'’]+)*(?:,?\s+[A-Z][a-z]{2}\.?\s+\d{1,2})?(?:\s*\([\w ]{2,20}\))?\s*[—–―]"
    r"|[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*)*(?:,?\s+[A-Z][a-z]{2}\.?\s+\d{1,2})?\s*\([\w ]{2,20}\)\s*-+)\s+"
)
_OPENING_ADVERBIAL = re.compile(
    _DATELINE.pattern + r"|\s*(?:In|At|On|After|Before|During|Early|Earlier|Later|Last|Since|With|Without|Despite|"
    r"Speaking|Following|Throughout|Over|From|By|Meanwhile|However|Still|Instead|Now|Then|Today|Yesterday|There|Here|"
    r"Again|Separately|Afterward|Ultimately|Finally|Indeed|Moreover|Similarly|Likewise)\b[^,;:“”\"—–]{0,120}?,\s+"
)
# Before a noun, not a verb: an article or demonstrative right before the word ("the plan", "a show"). After a
# possessive the noun still has a holder ("Trump's support for the bill", "his plan to"), so it still reports.
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|no|any|every|each)\s+$", re.IGNORECASE)
# A participle right after a determiner or possessive is an adjective: "the alleged presence", "its stated aim".
_ADJECTIVAL_BEFORE = re.compile(r"\b(?:the|a|an|this|these|those|its|their|his|her|our|no|any)\s+$", re.IGNORECASE)
_AUX_AFTER = re.compile(r"\s+(?:is|was|are|were|would|will|has|had|could|might|may)\b", re.IGNORECASE)
_AFTER_VERB_SKIP = re.compile(r"\s*(?:also\s+|again\s+|later\s+|then\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    name: str
    side: str
    kind: str  # speaker | title | actor | name | pronoun | phrase


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    text: str
    kind: str  # verb | according
    cls: str = "speech"  # what the verb reports: the "class" column of attribution_verbs.csv


@dataclass
class _Registry:
    """Names resolved so far in this article, so later short forms resolve the same way."""

    by_surname: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_title: dict[str, tuple[str, str]] = field(default_factory=dict)
    last_person: tuple[str, str] | None = None

    def remember(self, name: str, side: str, title: str = "") -> None:
        parts = name.split()
        if len(parts) >= 2 and parts[0][:1].isupper():
            self.by_surname[parts[-1]] = (name, side)
            self.last_person = (name, side)
            if title:
                self.by_title[title.lower()] = (name, side)


class _Resolver:
    def __init__(self, doc: Doc, lex: Lexicons, marks: list[QuoteMark]) -> None:
        self.doc = doc
        self.text = doc.text
        self.marks = marks
        self.registry = _Registry()
        self.speakers = [
            _Mention(m.start, m.end, m.entry.payload.name, m.entry.payload.side, "speaker")
            for m in longest_non_overlapping(lex.speakers.find(doc))
        ]
        self.titles = [
            _Mention(m.start, m.end, self.text[m.start : m.end], m.entry.payload.side, "title")
            for m in longest_non_overlapping(lex.titles.find(doc))
        ]
        self.actors = [
            _Mention(m.start, m.end, m.entry.payload[0], lex.vocabulary.group_side[m.entry.payload[1]], "actor")
            for m in longest_non_overlapping(lex.actors.find(doc))
        ]
        self._quoted = _merged([(q.inner_start, q.inner_end) for q in marks])
        self._index = {id(ms): _Spans(ms) for ms in (self.speakers, self.titles, self.actors)}
        self._all = _Spans(self.speakers + self.titles + self.actors)
        persons = [
            m
            for m in self.speakers + self.actors
            if _PERSON_NAME.match(m.name) and not _BODY_NAME.search(m.name) and not self.inside_quote(m.start)
        ]  # "he" and "she" stand for people, not for "The Washington Post" or "New York"
        self._persons = sorted(persons, key=lambda m: m.end)
        self._person_ends = [m.end for m in self._persons]
        free_actors = [m for m in self.actors if not self.inside_quote(m.start)]
        self._actors_by_end = sorted(free_actors, key=lambda m: m.end)
        self._actor_ends = [m.end for m in self._actors_by_end]

    def inside_quote(self, pos: int) -> bool:
        starts, ends = self._quoted
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    def _within(self, mentions: list[_Mention], a: int, b: int) -> list[_Mention]:
        index = self._index.get(id(mentions)) or _Spans(mentions)
        return [m for m in index.within(a, b) if not self.inside_quote(m.start)]

    def resolve(self, a: int, b: int, prefer_right: bool) -> _Mention | None:
        """The speaker named in text[a:b], or None if that stretch names nobody."""
        pick = (
            (lambda ms: max(ms, key=lambda m: m.end)) if prefer_right else (lambda ms: min(ms, key=lambda m: m.start))
        )
        joint = self._joint(a, b)
        if joint is not None:
            return joint
        group = self._group_phrase(a, b)
        if group is not None:
            return group
        titles = self._within(self.titles, a, b)
        title = pick(titles) if titles else None
        speakers = self._within(self.speakers, a, b)
        if title is not None and speakers:
            inside = [m for m in speakers if title.start <= m.start and m.end <= title.end]
            known = self.registry.by_title.get(title.name.lower())
            if inside and known:  # "the NATO chief" after "NATO chief Jens Stoltenberg"
                return _Mention(title.start, title.end, known[0], known[1], "title")
            speakers = [m for m in speakers if m not in inside]
        if speakers:
            found = pick(speakers)
            person = self._capitalised_name(found.end, b, prefer_right=True) if prefer_right else None
            if person and _PERSON_NAME.match(person[2]) and not _PERSON_NAME.match(found.name):
                # "EU trade commissioner Lena Hartmann": the body names the person's side, the person speaks
                self.registry.remember(person[2], found.side, "")
                return _Mention(person[0], person[1], person[2], found.side, "name")
            self.registry.remember(found.name, found.side, title.name if title else "")
            return found
        share = _SHARE.match(_phrase(self.text, a, b))
        if share is not None and title is None:  # "47 percent said", "Two-thirds support"
            start = a + self.text[a:b].index(share.group())
            return _Mention(start, start + len(share.group()), share.group(), "other", "phrase")
        name = self._capitalised_name(title.end if title else a, b, prefer_right)
        if name is not None:
            start, end, surface = name
            if title is not None and title.end <= start:
                self.registry.remember(surface, title.side, title.name)
                return _Mention(start, end, surface, title.side, "name")
            known = self.registry.by_surname.get(surface.split()[-1])
            if known:
                return _Mention(start, end, known[0], known[1], "name")
        if title is not None:
            known = self.registry.by_title.get(title.name.lower())
            if known:
                return _Mention(title.start, title.end, known[0], known[1], "title")
            return _Mention(title.start, title.end, _phrase(self.text, a, b) or title.name, title.side, "title")
        actors = self._within(self.actors, a, b)
        if actors:
            found = pick(actors)
            if found.name.count(" ") >= 1:
                self.registry.remember(found.name, found.side)
            return found
        if name is not None:
            start, end, surface = name
            self.registry.remember(surface, "other")
            return _Mention(start, end, surface, "other", "name")
        pronoun = self._pronoun(a, b)
        if pronoun is not None:
            return pronoun
        phrase = _phrase(self.text, a, b)
        if _PRONOUN_ONLY.match(phrase):
            word = re.search(r"\w+", phrase)
            start = a + self.text[a:b].index(word.group()) if word else a
            label = self._transcript_label(a) if word and word.group().lower() in {"i", "we"} else None
            if label is not None:  # "TAPPER: ... I think ...": in a transcript, "I" is the speaker of the line
                return _Mention(start, start + len(word.group()) if word else a, label[0], label[1], "pronoun")
            return _Mention(start, start + len(word.group()) if word else a, "", "unknown", "pronoun")
        if phrase and word_count(phrase) <= 8 and phrase[:1].isalpha() and not _NOT_A_NOUN_PHRASE.search(phrase):
            return _Mention(a, b, phrase, "other", "phrase")
        return None

    def _group_phrase(self, a: int, b: int) -> _Mention | None:
        """A speaker whose head is a common noun: "officials in Brussels", "Housing campaigners", "a spokesperson
        for the port authority". A name inside gives the side, but the name alone would be the wrong speaker."""
        phrase = _TRAILING_AUX.sub("", _phrase(self.text, a, b))
        if not phrase or word_count(phrase) > 9 or _NOT_A_NOUN_PHRASE.search(phrase):
            return None
        group_of = _GROUP_OF.match(phrase)
        if group_of and group_of.group("head").lower().rstrip("s") not in _ROLE_NOUNS:
            group_of = None
        common = _COMMON_HEAD.match(phrase) and not re.search(r"(?:ed|ly)\b", phrase)
        if common and (self._all.within(a, b) or phrase.split()[0] in self.registry.by_surname):
            common = False
        named = _NAMED_GROUP.match(phrase)  # "NATO leaders", "Trump aides": the people of a name, not the name
        if named and (named.group("head").removesuffix("s") not in _ROLE_NOUNS or self._within(self.titles, a, b)):
            named = None
        if not (group_of or common or named):
            return None
        if _PERSON_NAME.match(phrase) or phrase.split()[0] in _NOT_NAMES:
            return None
        start = self.text.index(phrase, a)
        inside = [m for m in self._all.within(start, start + len(phrase)) if not self.inside_quote(m.start)]
        sides = {m.side for m in inside}
        return _Mention(start, start + len(phrase), phrase, sides.pop() if len(sides) == 1 else "other", "phrase")

    def _joint(self, a: int, b: int) -> _Mention | None:
        """Speakers joined by "and" ("Western leaders and Ukrainian authorities say") speak together: unless both
        belong to the same side, the statement is neither side's alone, so the phrase is the speaker, side "other"."""
        phrase = _TRAILING_AUX.sub("", _phrase(self.text, a, b)).removeprefix("both ").removeprefix("Both ")
        parts = re.split(r"\s+and\s+", phrase)
        if len(parts) != 2 or not all(parts) or word_count(phrase) > 8 or _NOT_A_NOUN_PHRASE.search(phrase):
            return None
        start = self.text.index(phrase, a)
        middle = start + len(parts[0])
        mentions = [m for m in self._all.within(start, start + len(phrase)) if not self.inside_quote(m.start)]
        left = {m.side for m in mentions if m.end <= middle}
        right = {m.side for m in mentions if m.start >= middle}
        if not (left or right) or (len(left) == 1 and left == right):
            return None
        return _Mention(start, start + len(phrase), phrase, "other", "phrase")

    def _capitalised_name(self, a: int, b: int, prefer_right: bool) -> tuple[int, int, str] | None:
        runs: list[tuple[int, int, str]] = []
        for m in re.finditer(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", self.text[a:b]):
            words = [w for w in m.group().split()]
            while words and (words[0] in _NOT_NAMES or (len(words) > 2 and words[0].lower() in _TITLE_WORDS)):
                words.pop(0)  # "The", "Later"; "Economist Jane Park" names Jane Park
            if not words:
                continue
            surface = " ".join(words).rstrip(".’'").removesuffix("’s").removesuffix("'s")
            start = a + m.start() + m.group().index(words[0])
            if not self.inside_quote(start):
                runs.append((start, start + len(surface), surface))
        if not runs:
            return None
        if prefer_right:  # "Sen. Tom Hale (D-Ore.)": the bracket gives party and state, not the name
            while len(runs) > 1 and self.text[runs[-1][0] - 1 : runs[-1][0]] == "(":
                runs.pop()
        if prefer_right:  # "Jane Park of the University of Leeds": the runs after "of" name her affiliation
            while len(runs) > 1 and _AFFILIATION_LINK.fullmatch(self.text, runs[-2][1], runs[-1][0]):
                runs.pop()
        return runs[-1] if prefer_right else runs[0]

    def _last_person_before(self, pos: int) -> tuple[str, str] | None:
        """The person most recently named before `pos`: a known speaker, or one resolved earlier."""
        i = bisect.bisect_right(self._person_ends, pos)
        if i:
            latest = self._persons[i - 1]
            return latest.name, latest.side
        return self.registry.last_person

    def _recent_name(self, pos: int) -> tuple[str, str] | None:
        """The last full name (two or more capitalised words) in the two sentences before `pos`, outside
        quotations: "Ana Ruiz visited the docks. She said ..." -> Ana Ruiz."""
        index = self.doc.sentence_index(pos)
        start = self.doc.sentences[max(0, index - 2)][0] if self.doc.sentences else 0
        start = max(start, pos - CLAUSE_WINDOW)  # a run-on "sentence" must not be rescanned for every pronoun
        names = [
            m
            for m in _FULL_NAME.finditer(self.text, start, pos)
            if not self.inside_quote(m.start()) and m.group().split()[0] not in _NOT_NAMES
        ]
        if not names:
            return None
        name = names[-1].group()
        known = self.registry.by_surname.get(name.split()[-1])
        return known or (name, "other")

    def evidence_phrase(self, a: int, b: int) -> _Mention | None:
        """A noun phrase headed by a record of evidence ("a recent Quinnipiac University poll", "the court's
        records"): the record is the source, and a name inside it only gives its side."""
        phrase = _TRAILING_AUX.sub("", _phrase(self.text, a, b))
        head = _EVIDENCE_HEAD.search(phrase)
        if not phrase or head is None or word_count(phrase) > 8 or _NOT_A_NOUN_PHRASE.search(phrase):
            return None
        start = self.text.index(phrase, a)
        inside = [m for m in self._all.within(start, start + len(phrase)) if not self.inside_quote(m.start)]
        sides = {m.side for m in inside}
        return _Mention(start, start + len(phrase), phrase, sides.pop() if len(sides) == 1 else "other", "phrase")

    def _transcript_label(self, pos: int) -> tuple[str, str] | None:
        """The speaker label opening the line of `pos` in a transcript ("FALLIN: Well, I think ...")."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        label = _TRANSCRIPT_LABEL.match(self.text, line_start, pos)
        if label is None or label.group("label") in _NOT_TRANSCRIPT_LABELS:
            return None
        name = label.group("label").title()
        return self.registry.by_surname.get(name.split()[-1]) or (name, "other")

    def _pronoun(self, a: int, b: int) -> _Mention | None:
        for m in re.finditer(r"\b(he|she|it|they|his|her|their|its)\b", self.text[a:b], re.IGNORECASE):
            word = m.group(1).lower()
            if word in _PERSON_PRONOUNS:
                person = self._last_person_before(a + m.start()) or self._recent_name(a + m.start())
                if person:
                    return _Mention(a + m.start(), a + m.end(), person[0], person[1], "pronoun")
            if word in _THING_PRONOUNS:
                i = bisect.bisect_right(self._actor_ends, a + m.start())
                before = self._actors_by_end[max(0, i - 8) : i]
                sentence_start = self.doc.sentences[max(0, self.doc.sentence_index(a + m.start()) - 1)][0]
                before = [x for x in before if x.start >= sentence_start]
                if before:
                    found = before[-1]
                    return _Mention(a + m.start(), a + m.end(), found.name, found.side, "pronoun")
        return None


class _Spans:
    """Spans sorted by start, for range look-ups in O(log n): every look-up in this module
    is local to a sentence, so scanning all spans each time made long articles quadratic."""

    def __init__(self, spans) -> None:
        self.items = sorted(spans, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]

    def within(self, a: int, b: int) -> list:
        """Spans that start at or after `a` and end by `b`."""
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return [m for m in self.items[i:j] if m.end <= b]

    def starting_in(self, a: int, b: int) -> list:
        return self.items[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]


def _merged(intervals: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Union of intervals as parallel sorted start/end lists."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(intervals):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _phrase(text: str, a: int, b: int) -> str:
    """The words of text[a:b] without surrounding punctuation and quotation marks."""
    return text[a:b].strip(" \t\n,;:“”\"'‘’")


class _Extractor:
    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes: list[Quote] = []  # what run() found, kept with the extractor in the doc's cache
        self.marks = find_quote_marks(doc.text)
        self.resolver = _Resolver(doc, lex, self.marks)
        self._profiles: dict[str, SourceProfile] = {}
        self._speaker_mentions: dict[tuple[int, int], _Mention] = {}
        self.cues = self._cues(lex)
        self._cue_index = _Spans(self.cues)
        self._marks_by_end = sorted(self.marks, key=lambda q: q.end)
        self._mark_ends = [q.end for q in self._marks_by_end]
        self._mark_index = _Spans(self.marks)
        self._inners = _merged([(q.inner_start, q.inner_end) for q in self.marks])

    def _cues(self, lex: Lexicons) -> list[_Cue]:
        cues = [
            _Cue(m.start, m.end, self.text[m.start : m.end], "verb", m.entry.payload[2])
            for m in find_attribution_verbs(self.doc, lex)
        ]
        cues = [c for c in cues if c.cls == "speech" or not self._noun_use(c)]
        cues = [c for c in cues if not self._adjectival(c)]
        refused = [(c, _REFUSED_SPEECH.match(self.text, c.end)) for c in cues if c.cls == "refusal"]
        # "refused to say when ...": the refusal is the report, and the verb refused reports nothing of its own
        inside = {c.start for r, m in refused if m for c in cues if r.end < c.start < m.end()}
        dropped = {r.start for r, m in refused if not m} | inside
        cues = [c for c in cues if c.start not in dropped]
        cues += [_Cue(m.start(), m.end(), m.group(), "according") for m in _ACCORDING_TO.finditer(self.text)]
        return sorted((c for c in cues if not self.resolver.inside_quote(c.start)), key=lambda c: c.start)

    def _adjectival(self, cue: _Cue) -> bool:
        """ "including the alleged presence of ...", "the reported deal": a past participle after a determiner
        describes a noun and reports nothing, whatever its class."""
        return cue.text.lower().endswith("ed") and bool(
            _ADJECTIVAL_BEFORE.search(self.text, max(0, cue.start - 40), cue.start)
        )

    def _noun_use(self, cue: _Cue) -> bool:
        """ "his plan", "the Cosby Show", "Trump's support", "the plan, an aide said": a belief or stance word used
        as a noun (after a determiner or possessive, capitalised inside a sentence, or closing a phrase) reports
        nothing of its own."""
        if _NOUN_BEFORE.search(self.text, max(0, cue.start - 40), cue.start):
            return True
        s_start = self.sentence_of(cue.start)[0]
        if cue.text[:1].isupper() and self.text[s_start : cue.start].strip(" “\"'‘"):
            return True
        if _AUX_AFTER.match(self.text, cue.end):  # "Sanders' plan would ...", "the harbour plan was ..."
            return True
        return bool(re.match(r"[,.;:)]", self.text[cue.end : cue.end + 1]))

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos`, cut to CLAUSE_WINDOW characters either side.

        A speaker and the clause it reports sit close to the verb; the cut keeps a run-on
        "sentence" of a megabyte (a broken scrape) from making every look-up scan all of it.
        """
        start, end = self.doc.sentences[self.doc.sentence_index(pos)] if self.doc.sentences else (0, len(self.text))
        return max(start, pos - CLAUSE_WINDOW), min(end, pos + CLAUSE_WINDOW)

    # -- who is the speaker of a cue ------------------------------------------------
    def speaker_of(self, cue: _Cue) -> _Mention | None:
        return self._speaker_and_clause(cue)[0]

    def _speaker_and_clause(self, cue: _Cue) -> tuple[_Mention | None, int]:
        """The speaker of a cue, and where the clause naming the speaker starts."""
        s_start, s_end = self.sentence_of(cue.start)
        if cue.kind == "according":
            end = _clause_end(self.text, cue.end, s_end)
            return self.resolver.resolve(cue.end, end, prefer_right=False), cue.start
        before = self.text[s_start : cue.start]
        progressive = cue.text.split()[0].lower().endswith("ing")  # "is calling on": active, not passive
        if _PASSIVE.search(before) and not progressive:
            if cue.cls != "speech":
                return None, cue.start  # "it was opposed by the pact", "is expected to": what is held is the subject
            by = re.match(r"[^,.;]*?\bby\b", self.text[cue.end : s_end])
            if by:
                start = cue.end + by.end()
                end = _clause_end(self.text, start, s_end)
                return self.resolver.resolve(start, end, prefer_right=False), cue.start
            return None, cue.start  # "the force is called": a passive with no agent reports nothing
        reduced = _REDUCED_PASSIVE.search(before)
        by = re.match(r"\s+by\s", self.text[cue.end : s_end]) if cue.text.endswith("ed") and reduced else None
        if by:  # "The campaign, first reported by The Harbour Times, ...": the agent after "by" reported it
            start = cue.end + by.end()
            return self.resolver.resolve(start, _clause_end(self.text, start, s_end), prefer_right=False), cue.start
        if progressive and cue.cls != "speech" and _GERUND_OPENING.fullmatch(before):
            main = self._main_clause_subject(cue.end, s_end)
            if main is not None:  # "Years after backing Ruiz, the union ...": the opening's subject is the sentence's
                return main, cue.start
        if _VERBAL_OPENING.fullmatch(before):
            main = self._main_clause_subject(cue.end, s_end)
            if main is not None:  # "In describing ...", "Having announced ...", "Continuing to argue ..., X said"
                return main, cue.start
        if cue.text.lower().endswith("ing") and _ING_LINK.search(before.rstrip().rstrip("”\"’'").rstrip() + " "):
            # "..., adding" / "“...,” adding" / "..., before insisting" / "..., often citing" / "... by suggesting"
            return self._subject_of_sentence(s_start, cue.start), cue.start
        if not before.strip() and cue.text[:1].isupper() and not self._closing_mark_before(s_start):
            return None, cue.start  # "Asked about the plan, she said ...": an opening participle has no speaker
        window_start = s_start
        last_boundary = ""
        trailing = _TRAILING_ADVERBIAL.search(before)  # "Tom Hale (D-Ore.) last month joked": not the name
        core = before[: trailing.start()] if trailing and before[: trailing.start()].strip() else before
        aux = _AUX_BEFORE_VERB.search(core)  # "Ana Ruiz (D-Ore.) has said", "Ana Ruiz, a steward, has long argued"
        if aux and aux.group(1).lower() in {"is", "are", "was", "were"} and not progressive:
            aux = None
        core = core[: aux.start()] if aux and core[: aux.start()].strip() else core
        aside = _SHORT_ASIDE.search(core)  # "Sen. Rand Paul (R-Ky.) said": the bracket is part of the name
        aside = aside or _DASH_ASIDE.search(core)  # "Ana Ruiz — who ... — told": the aside is not the speaker
        scan = core[: aside.start()] if aside else core
        who_at = -1
        for b in _BOUNDARY.finditer(scan):
            if not self.resolver.inside_quote(s_start + b.start()):
                window_start = s_start + b.end()
                last_boundary = b.group().lower()
                who_at = s_start + b.start() if last_boundary in {"who", "which", "that"} else -1
        if who_at >= 0 and _RELATIVE_GAP.fullmatch(self.text, window_start, cue.start):
            relative = self._relative_subject(s_start, who_at, len(last_boundary))
            if relative is not None:  # "the union, which has long backed ...": the verb is the relative clause's
                return relative
        if who_at >= 0 and last_boundary == "who":  # "An official who asked not to be named said": the head speaks
            head_start = s_start
            for b in _BOUNDARY.finditer(self.text, s_start, who_at):
                head_start = b.end()
            found = self.resolver.resolve(head_start, who_at, prefer_right=True)
            if found is not None:
                return found, head_start
        i = bisect.bisect_right(self._mark_ends, cue.start)
        if i and self._marks_by_end[i - 1].end >= s_start:
            if self._marks_by_end[i - 1].end > window_start:
                last_boundary = ""  # 'But “...,” said X': the "But" before the quotation is not this verb's
            window_start = max(window_start, self._marks_by_end[i - 1].end)
        after = _AFTER_VERB_SKIP.match(self.text, cue.end)
        after_start = after.end() if after else cue.end
        after_end = _clause_end(self.text, after_start, s_end)
        left = self.text[window_start : cue.start].strip()
        conjunction = _LEADING_CONJUNCTION.match(left)
        if conjunction and not _SHARED_SUBJECT.match(left):  # "..., and experts say": the subject follows "and"
            window_start = self.text.index(left, window_start) + conjunction.end()
            left = left[conjunction.end() :]
        if _COORDINATED_VERB.search(left) and not _SHARED_SUBJECT.match(left) and last_boundary != "that":
            coordinated = self._coordinated_subject(s_start, window_start, cue.start)
            if coordinated is not None:  # "Ana Ruiz arrived late and acknowledged that ...": her verbs both
                return coordinated, window_start
        if _AUX_ONLY.match(left) and last_boundary in {"but", "and then"}:  # "... but don't want ...": shared too
            left = ""
        if left.lower() in {"to", "just", "only"} and not self.resolver.inside_quote(window_start):
            # "X chimed in, breaking with Y, to argue ...": the infinitive has the subject of the sentence
            return self._subject_of_sentence(s_start, window_start), window_start
        if not left and last_boundary in {"but", "and then"}:  # "refused to answer but said ...": shared subject
            return self._subject_of_sentence(s_start, window_start), window_start
        if left and (_SHARED_SUBJECT.match(left) or _SHARED_CHAIN.fullmatch(left)) and left.lower() != "also":
            return self._subject_of_sentence(s_start, window_start), window_start
        only_aux = aux is not None and window_start >= s_start + len(core.rstrip())  # "X, a steward, would say"
        if not left or left.lower() in {"also", "has", "have", "had"} or only_aux:
            closes = before.rstrip().endswith(",") or (aux is not None and core.rstrip().endswith(","))
            appositive = self._appositive_subject(s_start, s_start + len(core.rstrip())) if closes else None
            if appositive and appositive[0].kind in {"speaker", "title", "name"}:
                return appositive  # "His campaign manager, Jeff Weaver, said Sanders believes ..."
            inverts = cue.text.split()[0].lower() in _INVERTING_VERBS  # "..., said X" but not "..., praised X"
            after_quotation = bool(_QUOTATION_CLOSED.search(before))  # "“...,” agrees X", "“...,” says one reader"
            if (inverts or after_quotation) and (
                self.text[after_start : after_start + 1].isupper()
                or _LOWER_SPEAKER.match(self.text, after_start)
                or (after_quotation and _DETERMINED_SPEAKER.match(self.text, after_start))
            ):  # "..., said former governor Ed Rendell" / "..., said a spokesperson for the port"
                found = self.resolver.resolve(after_start, after_end, prefer_right=False)
                if found is not None or not before.rstrip().endswith(","):
                    return found, cue.start
            return appositive if appositive else (None, cue.start)
        dateline = _DATELINE.match(self.text, window_start, cue.start) if window_start == s_start else None
        window_start = dateline.end() if dateline else window_start  # "LISBON — The port authority said"
        name_end = s_start + (aside.start() if aside else len(core))
        name_end = name_end if name_end > window_start else cue.start
        if cue.cls == "evidence":
            evidence = self.resolver.evidence_phrase(window_start, name_end)
            if evidence is not None:  # "A new Hale County poll shows": the poll, not the county, shows it
                return evidence, window_start
        question = _QUESTION_AUX.match(self.text, window_start, name_end)
        if question and "?" in self.text[cue.end : s_end + 1]:  # "Do you think ...?": the subject follows "do"
            window_start = question.end()
        return self.resolver.resolve(window_start, name_end, prefer_right=True), window_start

    def _main_clause_subject(self, start: int, s_end: int) -> _Mention | None:
        """The subject after the comma that closes an opening phrase: the words up to the first verb."""
        comma = start
        while (comma := self.text.find(",", comma + 1, s_end)) >= 0 and self.resolver.inside_quote(comma):
            pass
        if comma < 0:
            return None
        verb = _FIRST_VERB.search(self.text, comma + 1, s_end)
        if verb is None:
            return None
        return self.resolver.resolve(comma + 1, verb.start(), prefer_right=False)

    def _relative_subject(self, s_start: int, rel_at: int, length: int) -> tuple[_Mention, int] | None:
        """ "Ana Ruiz, who backs the strike, ...": the relative pronoun is the subject of the verb, and it stands
        for the phrase before it (before the comma or dash that opens the clause)."""
        head_end = rel_at
        while head_end > s_start and self.text[head_end - 1] in " \t,—―–-":
            head_end -= 1
        head_start = s_start
        for b in _BOUNDARY.finditer(self.text, s_start, head_end):
            if not self.resolver.inside_quote(b.start()):
                head_start = b.end()
        verbs = list(_FIRST_VERB.finditer(self.text, head_start, head_end))
        head_start = verbs[-1].end() if verbs else head_start  # "X praised the union, which ...": the object
        head = self.resolver.resolve(head_start, head_end, prefer_right=True)
        if head is not None and head.kind == "phrase":  # "The mayor met the union, which ...": the last noun phrase
            last = list(_HEAD_DETERMINER.finditer(self.text, head.start + 1, head_end))
            head = self.resolver.resolve(last[-1].start(), head_end, prefer_right=True) if last else head
        if head is None or not head.name:
            return None
        return _Mention(rel_at, rel_at + length, head.name, head.side, "pronoun"), head_start

    def _coordinated_subject(self, s_start: int, window_start: int, limit: int) -> _Mention | None:
        """The subject of the verb before "and" in "X arrived late and acknowledged": the words before the first
        verb of the stretch, or, when the stretch opens with that verb, the subject of the sentence."""
        verb = _FIRST_VERB.search(self.text, window_start, limit)
        if verb is not None and self.text[window_start : verb.start()].strip():
            return self.resolver.resolve(window_start, verb.start(), prefer_right=False)
        return self._subject_of_sentence(s_start, window_start)

    def _closing_mark_before(self, s_start: int) -> bool:
        """A quotation ends right before this sentence ("“Why?” Asked ...")."""
        i = bisect.bisect_right(self._mark_ends, s_start)
        return bool(i) and not self.text[self._marks_by_end[i - 1].end : s_start].strip()

    def _appositive_subject(self, s_start: int, limit: int) -> tuple[_Mention, int] | None:
        """The head of "Ana Ruiz, a union steward who ..., said": the phrase before the comma that opens an
        apposition or relative clause ending right before the verb."""
        commas = [i for i in range(s_start, limit) if self.text[i] == "," and not self.resolver.inside_quote(i)]
        if not commas or self.text[commas[-1] + 1 : limit].strip():
            return None
        for k in range(len(commas) - 2, max(-1, len(commas) - 5), -1):
            head_start = commas[k - 1] + 1 if k > 0 else s_start
            if k > 0 and (
                _ASIDE_OPENER.match(self.text, head_start, limit)
                or (
                    _PLACE_TAIL.fullmatch(self.text, head_start, commas[k])
                    and any(_ASIDE_OPENER.match(self.text, commas[j] + 1, limit) for j in range(k - 1))
                )
            ):
                continue  # "X, speaking in Dunmore, a mill town, said", "X, who lived in Harwick, Ontario, said"
            appositive = self.text[commas[k] + 1 : commas[-1]].strip()
            if not appositive or word_count(appositive) > 30:
                continue
            loose = not _APPOSITIVE.match(appositive)  # "associate professor of history at ...": only after a name
            if _PERSON_NAME.match(appositive):  # "Its chairman, Pavel Nemec, said": the name is the speaker
                found = self.resolver.resolve(commas[k] + 1, commas[-1], prefer_right=True)
                if found is not None:
                    return found, head_start
            found = self.resolver.resolve(head_start, commas[k], prefer_right=True)
            if loose and (found is None or found.kind not in {"speaker", "name", "title"}):
                continue
            if found is not None and (found.kind != "phrase" or word_count(found.name) <= 5):
                return found, head_start
        return None

    def _subject_of_sentence(self, s_start: int, limit: int) -> _Mention | None:
        for quote in self.quotes_so_far[-12:]:  # quotes come in text order: only recent ones can be here
            if quote.start < limit and quote.end > s_start and quote.speaker:
                said_by = self._speaker_mentions.get((quote.start, quote.end))
                if said_by is not None and said_by.name == quote.speaker:
                    return said_by
                return _Mention(0, 0, quote.speaker, quote.side, "speaker")
        start = s_start
        while opening := _OPENING_ADVERBIAL.match(self.text, start, limit):  # "In an interview with the BBC, X ..."
            start = opening.end()
        verb = _FIRST_VERB.search(self.text, start, limit)  # "The union leader refused ... but said"
        return self.resolver.resolve(start, verb.start() if verb else limit, prefer_right=False)

    # -- quotations -----------------------------------------------------------------
    def run(self) -> list[Quote]:
        """Link quotations to cues first, then resolve speakers in text order.

        Resolving in text order lets "Kirby" and "he" refer back to names seen earlier.
        """
        self.quotes_so_far: list[Quote] = []
        links: list[tuple[QuoteMark, _Cue | None, bool]] = []
        used: set[int] = set()
        self.scare_marks: list[QuoteMark] = []
        for mark in self.marks:
            if self._nested(mark):
                continue  # a quote within a quote belongs to the outer speaker
            short = is_short_phrase(mark, self.text)
            cue = self._cue_for(mark, short)
            if cue is None and short:
                self.scare_marks.append(mark)  # reported by the hedges extractor
                continue
            if cue is not None:
                used.add(cue.start)
            links.append((mark, cue, short))
        events: list[tuple[int, _Cue | tuple[QuoteMark, _Cue | None, bool]]] = [(link[0].start, link) for link in links]
        # A cue that introduces a quotation can also introduce a reported clause of its own before it
        # ("assured that these moves do not mean ..., but “if he invades ...”").
        events += [(c.start, c) for c in self.cues if c.start not in used or _THAT_NEXT.match(self.text, c.end)]
        previous_by_paragraph: dict[int, Quote] = {}
        for _, event in sorted(events, key=lambda e: e[0]):
            if isinstance(event, _Cue):
                if event.cls != "speech" and self._inside_reported(event.start):
                    continue  # "she said he believes ...": the belief is part of what she said
                quote = self._indirect(event)
                if quote is not None and self._repeats(quote):
                    continue
            else:
                quote = self._direct(*event, previous_by_paragraph)
            if quote is not None:
                self.quotes_so_far.append(quote)
        self.quotes_so_far += self._colon_headlines()
        return sorted(self.quotes_so_far, key=lambda q: q.start)

    def _colon_headlines(self) -> list[Quote]:
        """ "Mark Cuban: I'd consider a future White House bid": a headline or paragraph that opens with a name and
        a colon attributes what follows to that name."""
        found = []
        for m in _COLON_LEAD.finditer(self.text):
            who, what = m.span("who"), m.span("what")
            if self.text[who[0] : who[1]].split()[0] in _NOT_SPEAKER_LABELS:
                continue
            if any(q.start < what[1] and what[0] < q.end for q in self.quotes_so_far):
                continue
            speaker = self.resolver.resolve(who[0], who[1], prefer_right=True)
            if speaker is None or speaker.kind == "pronoun":
                continue
            content = self.text[what[0] : what[1]].rstrip(" .")
            kind = "partial" if any(ch in content for ch in '“”"‘’') else "indirect"
            quote = self._quote(what[0], what[0] + len(content), content, kind, speaker, ":", word_count(content))
            found.append(quote)
        return found

    def _inside_reported(self, pos: int) -> bool:
        return any(q.start <= pos < q.end for q in self.quotes_so_far[-12:])

    def _repeats(self, quote: Quote) -> bool:
        """A nested report ("which Blinken said reiterated what officials said") counts once."""
        return any(
            q.speaker == quote.speaker and q.start < quote.end and quote.start < q.end for q in self.quotes_so_far[-12:]
        )

    def _nested(self, mark: QuoteMark) -> bool:
        """Inside another quotation's marks (its own inner span starts after its start, so it never counts)."""
        starts, ends = self._inners
        i = bisect.bisect_right(starts, mark.start) - 1
        return i >= 0 and mark.end <= ends[i]

    def _direct(self, mark: QuoteMark, cue: _Cue | None, short: bool, previous: dict[int, Quote]) -> Quote:
        para = self.text.rfind("\n\n", 0, mark.start)
        speaker: _Mention | None = None
        cue_class = "speech"  # a tail verb, dash signature or colon lead reports speech
        tail = _SPEAKER_VERB_TAIL.match(self.text, mark.end) if cue is None and not short and mark.closed else None
        if tail is not None and self.text[mark.inner_end - 1 : mark.inner_end] in ",?!":
            speaker = self.resolver.resolve(tail.start("who"), tail.end("who"), prefer_right=True)
            cue_text = tail.group("verb")
        if cue is None and speaker is None and not short:
            speaker, cue_text = self._dash_signature(mark), "—"
            if speaker is None:
                speaker, cue_text = self._colon_lead(mark), ":"
            if speaker is None:
                speaker, cue_text = self._verb_next_to(mark)
        if cue is None and speaker is None:
            before = previous.get(para) or self._previous_paragraph_quote(para, previous)
            speaker = self._carried_speaker(before) if before else None
            cue_text, cue_class = (before.cue, before.cue_class) if before else ("", "speech")
            if speaker is None and not short:
                speaker = self._named_subject(mark)
        elif cue is not None:
            speaker = self.speaker_of(cue)
            cue_text, cue_class = cue.text, cue.cls
        quote = self._quote(
            mark.start,
            mark.end,
            self.text[mark.start : mark.end],
            "partial" if short else "direct",
            speaker,
            cue_text,
            word_count(mark.inner(self.text)),
            cue_class,
        )
        if quote.speaker or quote.speaker_text:  # an unresolved "he" still speaks on in the next quotation
            previous[para] = quote
        return quote

    def _verb_next_to(self, mark: QuoteMark) -> tuple[_Mention | None, str]:
        """A verb outside the lexicon right next to a quotation, with its subject: "Ana Ruiz cracked, “...”" before
        it, or "“...,” scoffed Ana Ruiz." after it. The shape says who spoke, whatever the verb."""
        s_start = self.doc.sentences[self.doc.sentence_index(mark.start)][0] if self.doc.sentences else 0
        start = max(s_start, mark.start - CLAUSE_WINDOW)
        while opening := _OPENING_ADVERBIAL.match(self.text, start, mark.start):
            start = opening.end()
        lead = _VERB_LEAD.fullmatch(self.text, start, mark.start)
        if lead is not None and not self.resolver.inside_quote(start):
            found = self.resolver.resolve(lead.start("who"), lead.end("who"), prefer_right=False)
            if found is not None and (found.kind != "phrase" or word_count(found.name) <= 5):
                return found, lead.group("verb")
        tail = _VERB_SPEAKER_TAIL.match(self.text, mark.end)
        if tail is not None and mark.closed and self.text[mark.inner_end - 1 : mark.inner_end] in ",?!":
            found = self.resolver.resolve(tail.start("who"), tail.end("who"), prefer_right=False)
            if found is not None and found.kind in {"speaker", "title", "actor", "name"}:
                return found, tail.group("verb")
        return None, ""

    def _dash_signature(self, mark: QuoteMark) -> _Mention | None:
        """A quotation signed with a dash and a name ("“...” ― Ana Ruiz."), on its line or the next."""
        sign = _DASH_SIGNATURE.match(self.text, mark.end)
        if sign is None:
            return None
        found = self.resolver.resolve(sign.start("who"), sign.end("who"), prefer_right=True)
        return found if found is not None and found.kind in {"speaker", "title", "actor", "name"} else None

    def _colon_lead(self, mark: QuoteMark) -> _Mention | None:
        """A quotation right after a sentence ending in a colon ("Dr. Hale stated:", "Ruiz made the following
        comment:") is said by that sentence's speaker or, with no verb of the lexicon there, its named subject."""
        head = self.text[max(0, mark.start - CLAUSE_WINDOW) : mark.start].rstrip()
        if not head.endswith(":"):
            return None
        colon = mark.start - CLAUSE_WINDOW + len(head) - 1 if mark.start > CLAUSE_WINDOW else len(head) - 1
        s_start = max(self.doc.sentences[self.doc.sentence_index(colon)][0], colon - CLAUSE_WINDOW)
        para = self.text.rfind("\n\n", 0, colon)
        s_start = max(s_start, para + 2 if para >= 0 else 0)
        cues = [c for c in self._cue_index.starting_in(s_start, colon) if c.end <= colon]
        if cues:
            found = self.speaker_of(cues[-1])
        else:
            start = s_start
            while opening := _OPENING_ADVERBIAL.match(self.text, start, colon):
                start = opening.end()
            verb = _FIRST_VERB.search(self.text, start, colon)
            found = self.resolver.resolve(start, verb.start() if verb else colon, prefer_right=False)
        return found if found is not None and found.kind in {"speaker", "title", "actor", "name", "pronoun"} else None

    def _carried_speaker(self, before: Quote) -> _Mention:
        """The speaker of a quotation continuing `before`: the same mention, so the continuation is named by the
        same words ("“...,” she said. “...”": both parts are hers, named by "she")."""
        said_by = self._speaker_mentions.get((before.start, before.end))
        if said_by is not None and said_by.name == before.speaker:
            return said_by
        return _Mention(0, 0, before.speaker, before.side, "speaker")

    def _named_subject(self, mark: QuoteMark) -> _Mention | None:
        """The named subject of the sentence a quotation ends ("the US offered ... an agreement whereby “...”"):
        a verb outside the lexicon still has the sentence's subject as the quotation's likely source."""
        s_start = self.doc.sentences[self.doc.sentence_index(mark.start)][0] if self.doc.sentences else 0
        s_start = max(s_start, mark.start - CLAUSE_WINDOW)
        if word_count(self.text[s_start : mark.start]) < 3:
            return None
        end = _clause_end(self.text, s_start, mark.start)
        if word_count(self.text[s_start:end]) <= 2 and self.text[end : end + 1] == ",":  # "Meanwhile, the US ..."
            s_start, end = end + 1, _clause_end(self.text, end + 1, mark.start)
        while opening := _OPENING_ADVERBIAL.match(self.text, s_start, mark.start):  # "In a speech on Friday, X ..."
            s_start, end = opening.end(), _clause_end(self.text, opening.end(), mark.start)
        found = self.resolver.resolve(s_start, end, prefer_right=False)
        return found if found is not None and found.kind in {"speaker", "title", "actor"} else None

    def _previous_paragraph_quote(self, para: int, previous: dict[int, Quote]) -> Quote | None:
        """A quotation opening a paragraph with no verb of its own continues the quotation that ended the
        paragraph before, as news style runs one speaker's quotation over several paragraphs."""
        if para <= 0 or (para == -1):
            return None
        before_para = self.text.rfind("\n\n", 0, para)
        last = previous.get(before_para)
        if last is None or last.kind == "partial":
            return None
        tail = self.text[last.end : para]
        return last if word_count(tail) <= 8 else None

    def _cue_for(self, mark: QuoteMark, short: bool) -> _Cue | None:
        first = self.doc.sentence_index(mark.start)
        last = self.doc.sentence_index(max(mark.start, mark.end - 1))
        lo = max(self.doc.sentences[first][0], mark.start - CLAUSE_WINDOW)
        hi = min(self.doc.sentences[last][1], mark.end + CLAUSE_WINDOW)
        best, best_distance = None, None
        for cue in self._cue_index.starting_in(lo, hi):
            if mark.start <= cue.start < mark.end:
                continue
            gap = self.text[mark.end : cue.start] if cue.start >= mark.end else self.text[cue.end : mark.start]
            distance = len(gap)
            if not short and cue.end <= mark.start and gap.strip() in {":", ","}:
                distance -= 10  # 'X said: “...”' introduces the quotation it precedes
            elif not short and cue.start >= mark.end and cue.text.lower().endswith("ing"):
                distance += 5  # '“...,” adding that ...' continues it, when a verb before the quotation is as near
            if short and (distance > PARTIAL_LINK_CHARS or word_count(gap) > 4 or re.search(r"[,;]", gap)):
                continue
            if cue.cls != "speech":
                if short:
                    continue  # 'gave "wholly inadequate" notice and had not considered': a belief names no phrase
                distance += 2 * CLAUSE_WINDOW  # "she said ... he wants": a verb of saying, if near, is the quote's
            if best_distance is None or distance < best_distance:
                best, best_distance = cue, distance
        if best is None and not short and mark.closed:
            best = self._cue_after_sentence_end(mark)
        return best

    def _cue_after_sentence_end(self, mark: QuoteMark) -> _Cue | None:
        """ "“Is that all there is?” Trump said.": the quotation's ? or ! ended the sentence, so the verb that
        attributes it starts the next one, right after the closing mark."""
        tail = _TAIL_ATTRIBUTION.match(self.text, mark.end)
        if not tail:
            return None
        for cue in self._cue_index.starting_in(tail.start("verb"), tail.end("verb") + 1):
            if cue.start == tail.start("verb"):
                return cue
        return None

    def _indirect(self, cue: _Cue) -> Quote | None:
        speaker, clause_start = self._speaker_and_clause(cue)
        if speaker is None:
            return None
        s_start, s_end = self.sentence_of(cue.start)
        content_end = s_end
        while content_end > s_start and self.text[content_end - 1] in ".!?;:”\"' ":
            content_end -= 1
        anchor = min(clause_start, speaker.start) if speaker.end > speaker.start else clause_start
        before = self.text[s_start:anchor].rstrip()
        named_after = speaker.end if speaker.start >= cue.start else cue.end
        after_verb = re.split(r"\band\s+\w+ed\b", self.text[named_after : _clause_end(self.text, named_after, s_end)])[
            0
        ]
        speaker_closes_sentence = (
            word_count(after_verb) <= 5
            and not re.search(r"\bthat\b", after_verb)
            and (cue.kind == "according" or word_count(after_verb) <= 2 or bool(_CLOSING_TAIL.match(after_verb)))
        )
        if before.endswith(",") and word_count(before) >= 3 and speaker_closes_sentence:
            start, end = s_start, s_start + len(before) - 1
        else:
            tail_start = max(cue.end, speaker.end if speaker.start > cue.start else cue.end)
            if cue.kind == "according":
                tail_start = _clause_end(self.text, cue.end, s_end)
            opening = speaker.start > cue.start and _VERBAL_OPENING.fullmatch(self.text, s_start, cue.start)
            comma = self.text.rfind(",", cue.end, speaker.start) if opening else -1
            if comma > cue.end:  # "In describing the timetable, Mayor X said ...": the opening phrase is the report
                tail_start, content_end = cue.end, comma
            that = _THAT.match(self.text, tail_start, content_end)
            start, end = (that.end() if that else tail_start), content_end
        subordinate = _SUBORDINATE_OPEN.match(self.text, s_start, cue.start) is not None
        if cue.cls != "speech" or subordinate:  # "Unless X plan ..., the experts say, ...": a belief ends where another
            # report starts; "While X pledged ..., Y insisted ...": so does a report in an opening subordinate clause
            later = [
                c
                for c in self._cue_index.starting_in(max(start, cue.end), end)
                if c.cls == "speech" or (subordinate and c.kind == "verb")
            ]
            if later:
                comma = max(self.text.rfind(",", start, later[0].start), self.text.rfind(";", start, later[0].start))
                end = comma if comma > start else end
        for c in self._cue_index.starting_in(max(start, cue.end), end):
            contrast = _CONTRAST_BEFORE.search(self.text, start, c.start)
            if c.kind == "verb" and contrast and not self.resolver.inside_quote(contrast.start()):
                if contrast.group("who").lower() in _PERSON_PRONOUNS | _THING_PRONOUNS | {"we"} and c.cls != "speech":
                    continue  # "X said ..., and he wants ...": a pronoun's belief may still be part of what X said
                end = contrast.start()  # "X said ..., but Y insisted ...", ", and he added": Y's report is not X's
                break
        for q in self._mark_index.starting_in(start, end):  # a quotation in the clause is reported already
            if start <= q.start < end and q.end - q.start > 0.5 * (end - start):
                return None
        content = self.text[start:end].strip(" ,")
        charge = cue.text.lower().startswith("accus") and _CHARGE.match(content)
        if start >= cue.end and (_TOPIC_NOT_CONTENT.match(content) or charge):
            return None  # "wrote about X", "accused them of being X": a topic or a charge, not a statement
        # Two words can be what was said ("said the same"); one can be whom a position is for ("endorsed Ruiz").
        if word_count(content) < (1 if cue.cls == "position" else 2):
            return None
        start = self.text.index(content, start)
        return self._quote(
            start, start + len(content), content, "indirect", speaker, cue.text, word_count(content), cue.cls
        )

    # -- who the source is ------------------------------------------------------------
    def _quote(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        speaker: _Mention | None,
        cue: str,
        n_words: int,
        cue_class: str = "speech",
    ) -> Quote:
        """A Quote with its speaker's type and affiliation; an affiliated speaker is never side "unknown"."""
        name = speaker.name if speaker else ""
        words = self.text[speaker.start : speaker.end] if speaker and speaker.end > speaker.start else ""
        side = speaker.side if speaker else "unknown"
        profile = self._profile(speaker, start, end) if speaker else None
        if profile is None:
            s_start, s_end = self.sentence_of(start)
            profile = describe("", words, "", side, self.text[s_start:s_end])
        if side == "unknown" and profile.affiliation:
            side = profile.affiliation
        if speaker is not None:
            self._speaker_mentions[(start, end)] = speaker
        kinds = (profile.speaker_type, profile.affiliation, cue_class)
        return Quote(start, end, text, kind, name, words, side, cue, n_words, *kinds)

    def _profile(self, speaker: _Mention, start: int, end: int) -> SourceProfile | None:
        """Read from the words around the speaker's name, or remembered from an earlier quotation of the same
        speaker ("she said" after "union leader Ana Ruiz said")."""
        if not speaker.name:
            return None
        known = self._profiles.get(speaker.name)
        if speaker.end <= speaker.start or speaker.kind == "pronoun":
            if known:
                return known
            return describe(speaker.name, speaker.name, "", speaker.side, "")
        s_start, s_end = self.sentence_of(speaker.start)
        role = _role_words(self.text, speaker.start, speaker.end, s_start, s_end)
        sentence = self.text[s_start:s_end]
        profile = describe(speaker.name, self.text[speaker.start : speaker.end], role, speaker.side, sentence)
        if known and (not profile.affiliation or profile.speaker_type == "unknown"):
            profile = SourceProfile(
                profile.speaker_type if profile.speaker_type != "unknown" else known.speaker_type,
                profile.affiliation or known.affiliation,
            )
        self._profiles[speaker.name] = profile
        return profile


_ROLE_BEFORE_STOP = re.compile(r"[,;:“”\"()\[\]]|\b(?:said|says|told|according to|and|but)\b", re.IGNORECASE)
_ROLE_AFTER = re.compile(
    r"\s*(?:,\s*(?P<appos>[^,;:“”\"()]{2,120}?)\s*(?=[,;:.“”\"]|\s+(?:said|says)\b|$)|"
    r"\s*\((?P<paren>[^()]{1,30})\)|"
    r"\s+(?P<of>(?:of|at|from|for|with)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w&'’-]*))*))"
)


def _role_words(text: str, start: int, end: int, s_start: int, s_end: int) -> str:
    """The words describing a speaker: the role before the name in its clause ("union leader"), a preceding
    apposition head ("Its chairman, Pavel Nemec"), and an apposition or bracket after it."""
    parts: list[str] = []
    stops = list(_ROLE_BEFORE_STOP.finditer(text, s_start, start))
    before_start = stops[-1].end() if stops else s_start
    before = text[before_start:start].strip()
    if before:
        parts.append(before)
    elif stops and stops[-1].group() == "," and text[before_start:start].strip() == "":
        head_stops = list(_ROLE_BEFORE_STOP.finditer(text, s_start, stops[-1].start()))
        head = text[head_stops[-1].end() if head_stops else s_start : stops[-1].start()].strip()
        if word_count(head) <= 8:
            parts.append(head)
    after = _ROLE_AFTER.match(text, end, s_end)
    if after:
        parts.append((after.group("appos") or after.group("paren") or after.group("of") or "").strip())
    return " ; ".join(p for p in parts if p)


_CLAUSE_END = re.compile(
    r",(?!\d{3})|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bSt)(?<!\b[A-Z])"
    r"\.(?=\s|$)|[;:!?“”\"(]"
)


def _clause_end(text: str, start: int, limit: int) -> int:
    """End of the clause starting at `start` (a comma inside "5,000" does not end it)."""
    m = _CLAUSE_END.search(text, start, limit)
    return m.start() if m else limit


def _extracted(doc: Doc, lex: Lexicons) -> _Extractor:
    key = ("quotes", lex.version)
    if key not in doc.cache:
        extractor = _Extractor(doc, lex)
        extractor.quotes = extractor.run()
        doc.cache[key] = extractor
    return doc.cache[key]


def find_quotes(doc: Doc, lex: Lexicons) -> list[Quote]:
    return list(_extracted(doc, lex).quotes)


def find_scare_quotes(doc: Doc, lex: Lexicons) -> list[QuoteMark]:
    """Short quoted phrases with no speaker: the writer keeping a term at a distance."""
    return list(_extracted(doc, lex).scare_marks)
