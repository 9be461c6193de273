"""English cue phrases of a chat message, as regex fragments read at the start of a sentence."""

HEADS: dict[str, list[str]] = {
    "highlights": [
        r"(?:what )?went well(?=\s*:)",
        r"good(?: \d+)?(?=\s*:)",
        r"highlights?(?=\s*:)",
        r"(?:the )?(?:main )?highlight (?:was|is)",
        r"wins?(?=\s*:)",
        r"what worked(?=\s*:)",
        r"(?:the )?(?:good|positive)s?(?: things?| parts?)?(?=\s*:)",
    ],
    "shortfalls": [
        r"(?:what )?went (?:badly|wrong)(?=\s*:)",
        r"bad(?: \d+)?(?=\s*:)",
        r"shortfalls?(?=\s*:)",
        r"(?:the )?(?:main )?(?:shortfall|problem|weak spot) (?:was|is)",
        r"lowlights?(?=\s*:)",
        r"what didn'?t (?:work|go well)(?=\s*:)",
        r"(?:problems?|issues?|pain points?|losses)(?=\s*:)",
    ],
    "missed": [
        r"(?:what )?(?:we )?should(?:'ve| have)(?: done)?"
        r"(?: (?:and|but) (?:we )?(?:didn'?t|did not))?(?=\s*:)",
    ],
    "lessons": [
        r"lessons?(?: learned)?(?: besides [^:]{1,30}| while we'?re (?:here|at it)| for later)?(?=\s*:)"
    ],
    "actions": [r"actions?(?: items?)?(?: on top of [^:]{1,40})?(?=\s*:)"],
    "reflection": [r"reflections?(?=\s*[:,.])"],
}
DIG = r"(?:dig(?:ging)?|drill(?:ing)?)(?: down)?(?: into)?\s+(?P<topic>[^:.,]{2,40}?)\s*[:.,]"
RUNGS: dict[str, list[str]] = {
    "phenomenon": [r"(?:the )?(?:phenomenon|symptom)(?: is| was|:|$)"],
    "surface": [
        r"(?:the )?(?:surface|immediate) cause(?: is| was|:|$)",
        r"on the surface,?(?: it(?:'s| is| was))?",
    ],
    "deeper": [
        r"underneath(?: that)?,?(?: it(?:'s| is| was))?",
        r"one level (?:down|deeper),?(?: it(?:'s| is| was))?",
        r"below that,?(?: it(?:'s| is| was))?",
    ],
    "root": [
        r"(?:and )?(?:underneath that )?(?:the )?root cause(?: is| was|:|$)(?: that)?",
        r"(?:the )?root(?: is| was|:|$)",
        r"at (?:the )?root,?(?: it(?:'s| is| was))?",
    ],
    "share": [r"share(?: is|:|$)"],
    "root_after": [r"(?:that'?s|that is|this is|it'?s) the root(?: cause)?$"],
}
REST = [
    r"(?:the )?rest(?: is|:)",
    r"(?:the )?remaining(?: \d+%)?(?: is|:)",
    r"(?:the )?other \d+%(?: is|:)?",
    r"other(?: cause)?:",
    r"another (?:cause|one|reason)(?: is|:)",
]
REST_INSIDE = [r"is another (?:cause|one|reason)"]
FILLERS = [r"and", r"also", r"plus", r"then", r"honestly"]
SELF = [r"i'?m", r"i am", r"this is", r"my name is", r"me\s*:"]
RELAY = [r"(?P<name>[A-Z][a-z]+)(?:,[^,:]{1,40},)?\s+(?:says|said|adds)\s*:"]
ROLE_WORDS: list[str] = []
REFLECTION: dict[str, list[str]] = {
    "most_touched": [
        r"what (?:moved|struck|touched|hit) me (?:the )?(?:most|hardest)(?: was| is)?",
        r"the moment that stuck with me(?: was| is)?",
        r"most (?:moved|touched)(?: me)?(?: by| was| is)?",
        r"(?:the )?most (?:moving|touching)(?: thing| part)?(?: was| is)?",
    ],
    "self_discovery": [
        r"what i (?:found out|learned|discovered|realized|realised) about myself(?: was| is)?",
        r"(?:i|she|he) (?:found out|found|learned|realized|realised|discovered)(?: that)?",
        r"discovered",
        r"found(?: out)?",
        r"about myself,?",
    ],
    "do_better": [
        r"i'?d do better(?: by)?",
        r"do better",
        r"redo",
        r"if i (?:did|could do|could redo|redid) it(?: again| over)?,?(?: i(?:'d| would))?",
        r"(?:next time|again) i(?:'d| would)",
        r"(?:she|he|i)'?d",
        r"(?:she|he|i) would",
    ],
    "next_step": [
        r"(?:my )?next steps?(?: is)?",
        r"next(?: (?:she|he|i)(?:'ll| will))?",
        r"going forward,? i(?:'ll| will)",
        r"from now on,? i(?:'ll| will)",
    ],
}
# an answer the person left out ("she didn't say", "skip that one") is no answer
SKIPPED = [r"didn'?t say", r"skip(?:ped)?(?: that| it)?", r"no answer", r"^pass$", r"^none$"]
# the reflections are over
REFLECTION_DONE = [
    r"that'?s (?:all|it for) (?:the )?reflections?",
    r"(?:no )?more reflections?",
    r"reflections? done",
]
BACK_REFERENCE = [r"(?:is )?(?:what|as) i (?:said|mentioned)(?: before| earlier)?", r"the one i mentioned"]
ACKNOWLEDGE = [
    r"ok(?:ay)?",
    r"fine",
    r"right",
    r"sure",
    r"good",
    r"great",
    r"thanks",
    r"yes",
    r"yeah",
    r"morning everyone",
]
WHY = [r"why", r"how come", r"what caused"]
FIRST_PERSON_TASK = [r"i'?ll", r"i will", r"i'?m going to"]
DECLINE = [
    r"can'?t",
    r"cannot",
    r"won'?t be able",
    r"on leave",
    r"no capacity",
    r"(?:only|just) listening",
    r"pass(?:es)? on",
]
KPI_WORDS = [r"targets?", r"actual", r"we (?:took|hit|got|planned)", r"it took"]
REFLECTION_SKIP = [
    r"skip(?:ping)? (?:the )?(?:personal )?reflections?",
    r"no reflections?(?: today)?",
    r"(?:didn'?t|did not|won'?t) do (?:the )?(?:personal )?reflections?",
    r"reflections?.{0,12}(?:skip|not today|pass)",
]
LESSON_ASIDE = [r"while we'?re (?:here|at it)", r"for later", r"before i forget"]
ASIDE = [
    r"before i forget",
    r"by the way",
    r"one action (?:item )?(?:for later|already)",
    r"quick action item",
]
