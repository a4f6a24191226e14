"""The report's methods section: what each number means, how it is made, and its limits.

Kept as plain data so the HTML and PDF reports print the same words.
"""

from __future__ import annotations

from framing.score.key_findings import MIN_TERM_USES
from framing.score.profile import MIN_ARTICLES_TO_RESAMPLE

METHODS: list[tuple[str, list[str]]] = [
    (
        "Corpus and cleaning",
        [
            "Articles are read from a folder (with an optional manifest naming each file's outlet, title and date) or "
            "from JSONL. HTML pages go through trafilatura's main-text extraction. Plain-text scrapes are cleaned line "
            "by line in the manner of jusText: a line is article text when it is long, sentence-like and rich in "
            'function words; page furniture is recognised by cues ("Related", "Most Read", "Follow us", photo '
            "credits, date stamps, other scripts), and a related-links box is dropped as a whole until the article "
            "text resumes. Every number below is computed on the cleaned text; `framing inspect` shows what was "
            "removed and why.",
        ],
    ),
    (
        "Loaded terms",
        [
            "Loaded terms are found by matching editable lexicons (lexicons/loaded_terms.csv, lexicons/general.csv and "
            'any added with --lexicon): phrases matched by word stems, with gaps ("US-backed * coup") and a few '
            "regular expressions. Each entry records its category, the perspective it tends to reflect, a neutral "
            "alternative and a one-line explanation. Density is terms per 1,000 words; terms inside quotations are "
            "the speaker's words and are also reported separately from the outlet's own voice.",
            "Limits: a lexicon sees only the words it lists. It misses loaded phrasing it does not know, and it "
            'over-counts words whose meaning depends on context ("invasion" was a forecast in January 2022 and a fact '
            'a month later; "Kiev" may be a quoted older spelling). Read the highlighted text, not only the counts.',
        ],
    ),
    (
        "Sentiment and actors",
        [
            "Sentiment is VADER (Hutto and Gilbert 2014), a lexicon- and rule-based scorer for English, run on every "
            "sentence; an article's score is the mean of its sentences' compound scores (−1 to +1). Sentiment toward "
            "an actor is the mean compound score of the sentences that mention it, found through an editable alias "
            "list (lexicons/actors.csv: Washington = US, the Kremlin = Russia, ...).",
            'Limits: VADER was built for social media, not diplomatic prose, and scores words like "defense" or '
            '"threat" regardless of who is doing what. Sentence-level scores attach the whole sentence\'s tone to '
            "every actor in it: they show the climate around an actor, not the outlet's attitude toward it.",
            "The per-outlet tables of actors named, and the overview chart of sentiment toward the most-mentioned of "
            "them, are story-independent: people, organisations and places are found "
            "from capitalised names, titles and roles, with surnames, acronyms and back references linked to the full "
            "name (framing/extract/discover.py), and the score is the sentiment toward each mention from a logistic "
            "regression trained on NewsMTSC (Hamborg and Donnay 2021): P(positive) minus P(negative), −1 to +1. On "
            "NewsMTSC's held-out sets it reaches macro-F1 0.63 and 0.64, against 0.50 and 0.51 for the sentence score "
            "and about 0.83 for a fine-tuned transformer: read it as a tendency over many mentions, not per sentence.",
        ],
    ),
    (
        "Hedging and epistemic stance",
        [
            "Hedge cues (allegedly, reportedly, apparently, it seems, according to, may/might/could/would) come from "
            "lexicons/hedges.csv; attribution verbs are classed as neutral (said), doubting (claimed), presupposing "
            "(admitted, revealed: the writer takes the content as true) or strong (insisted, stressed), after "
            "Recasens et al. (2013). A scare quote is a short quoted phrase with no speaker in its clause. Rates are "
            "per 1,000 words.",
        ],
    ),
    (
        "Quoted sources",
        [
            "Direct quotations are paired quotation marks linked to the nearest attribution verb in their sentence "
            '("…,” said Kirby"); indirect quotations are clauses reported by a speaker ("Kirby said that …", '
            '"according to …"). The speaker is resolved to a full name or body through lexicons/speakers.csv, role '
            'words ("Pentagon spokesman"), names seen earlier in the article and simple pronoun rules, and given a '
            "side: US government, NATO, Russian government, Ukrainian government, EU, media or other.",
            "Source balance is the share of quotations (and of quoted words) per side. The balance index is the "
            "normalised Shannon entropy of those shares: 1 when every side is quoted equally, 0 when one side has "
            "every quotation.",
            'Limits: rules miss quotations without a reporting verb and can misattribute nested reports ("Blinken '
            'said officials had said…"). Measured accuracy is reported by `framing evaluate` where gold '
            "annotations exist.",
        ],
    ),
    (
        "Uncertainty and comparisons",
        [
            "Every per-outlet score carries a 95% interval from a seeded bootstrap that resamples whole articles "
            f"when an outlet has at least {MIN_ARTICLES_TO_RESAMPLE} of them, and sentences otherwise (too narrow: "
            "the sentences of one article are not independent); a score resting on "
            "too few observations is flagged rather than hidden. Distinctive vocabulary between two outlets uses the "
            "weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), with the "
            "whole corpus as the prior, reported as z-scores; only terms beyond the chosen |z| are shown. Similarity "
            "of outlets is the cosine similarity of TF-IDF vectors and of the score profiles; the outlet map projects "
            "the profiles to two dimensions.",
            "With one or a few articles per outlet, these are descriptions of those articles, not of the outlets' "
            "editorial lines: intervals are wide, and a difference whose interval includes zero is not evidence of a "
            "difference.",
        ],
    ),
    (
        "Key findings and source types",
        [
            "The key findings state only differences the statistics support: a score whose 95% interval of the "
            "difference excludes zero with enough observations on both sides; a naming variant or loaded phrase one "
            f"side alone writes, at least {MIN_TERM_USES} times, with a log-odds |z| past the comparison's cut; a kind "
            "of source (officials, organisations, experts, citizens, anonymous sources, documents) whose share of the "
            "quotations differs at |z| ≥ 1.96 in a two-proportion test, with at least five quotations a side. They "
            "are ranked by strength and capped at eight. The loaded-term rate, hedging and the balance index are "
            "always checked; when the numbers do not support a difference, the report says so beside the figures.",
            "Source types and affiliations come from the words around each speaker (titles, appositions, anonymity "
            'formulas such as "who asked not to be named"), not from a story lexicon; a quotation counts once each '
            "time it is quoted. The z cut for words ranks rather than tests: with hundreds of candidate words some "
            "pass by chance.",
        ],
    ),
]
