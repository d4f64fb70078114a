"""The words that introduce reported speech and thought (cues), by lemma.

A broad lexicon of reporting verbs, grouped by what their content looks like. Verbs of speaking
take a clause or a quotation; verbs of evaluation (accuse, praise) take a reason; "according to"
and a few nouns ("in a statement") introduce sources too.
"""

from __future__ import annotations

SPEECH = {
    "say", "tell", "add", "write", "ask", "note", "report", "announce", "suggest", "argue", "state",
    "explain", "declare", "acknowledge", "insist", "warn", "claim", "reply", "respond", "answer",
    "admit", "deny", "confirm", "contend", "maintain", "assert", "stress", "emphasize", "emphasise",
    "recall", "promise", "vow", "pledge", "threaten", "complain", "concede", "estimate", "indicate",
    "reveal", "disclose", "hint", "allege", "charge", "testify", "inform", "remark", "observe",
    "conclude", "joke", "quip", "muse", "wonder", "demand", "inquire", "enquire", "caution", "boast",
    "brag", "tweet", "post", "retweet", "echo", "counter", "predict", "propose", "recommend", "urge",
    "shout", "yell", "scream", "cry", "whisper", "murmur", "mutter", "chant", "sing", "exclaim",
    "proclaim", "continue", "repeat", "reiterate", "agree", "disagree", "concur", "object", "protest",
    "lament", "recount", "describe", "characterize", "characterise", "mention", "point", "speculate",
    "theorize", "guarantee", "assure", "reassure", "swear", "confess", "apologize",
    "apologise", "thank", "plead", "beg", "order", "instruct", "advise", "counsel", "brief", "signal",
    "highlight", "underline", "underscore", "insinuate", "imply", "comment", "opine", "editorialize",
    "quote", "cite", "read", "show", "find", "learn", "hear", "determine",
    "rule", "publish", "broadcast", "tout", "forecast", "project",
}
THOUGHT = {
    "believe", "think", "feel", "fear", "hope", "expect", "worry", "doubt", "suspect", "assume",
    "know", "understand", "recognize", "recognise", "realize", "realise", "consider", "imagine",
    "guess", "reckon", "figure", "wish", "want", "intend", "plan", "seem", "appear",
}
EVALUATION = {
    "accuse", "criticize", "criticise", "praise", "blame", "condemn", "denounce", "slam", "blast",
    "attack", "defend", "mock", "dismiss", "reject", "call", "label", "brand", "dub", "hail",
    "endorse", "support", "oppose", "question", "challenge", "credit", "thank", "applaud", "decry",
    "welcome", "commend", "fault", "ridicule", "lambast", "chide", "rebuke", "scold", "berate",
}
VERBS = SPEECH | THOUGHT | EVALUATION

# Nouns that name a statement: "in a statement", "in an interview", "his claim that ...".
NOUNS = {
    "statement", "interview", "remark", "comment", "claim", "announcement", "speech", "tweet",
    "post", "letter", "memo", "report", "testimony", "address", "assertion", "argument", "warning",
    "allegation", "promise", "pledge", "suggestion", "view", "belief", "message", "email",
    "declaration", "admission", "denial", "response", "reply", "answer", "explanation", "prediction",
}

# Verbs whose object is the person spoken to (told him, telling reporters, assured voters).
ADDRESSING = {"tell", "inform", "assure", "reassure", "advise", "warn", "brief", "urge", "ask", "remind",
              "promise", "thank", "instruct", "order", "beg", "caution"}

# The verbs that put a question.
ASKING = {"ask", "wonder", "inquire", "enquire"}

# Participles of being approached for comment, which describe the speakers: "Residents interviewed
# on Saturday said …", "Shopkeepers questioned by the police said …".
APPROACHED = {"interview", "question", "reach", "contact", "poll", "survey", "ask", "approach", "quiz", "canvass"}

ADDRESSEE_PRONOUNS = {"me", "us", "you", "him", "her", "them", "i", "we", "he", "she", "they"}
# Nouns for the people a statement is made to: "telling reporters", "assured voters".
PEOPLE_NOUNS = {
    "reporter", "journalist", "press", "media", "crowd", "audience", "voter", "supporter", "member",
    "lawmaker", "legislator", "senator", "delegate", "official", "colleague", "staff", "employee", "worker",
    "student", "parent", "resident", "citizen", "people", "public", "viewer", "listener", "reader", "host",
    "interviewer", "committee", "panel", "court", "judge", "jury", "council", "parliament", "congress",
    "assembly", "board", "chamber", "investor", "analyst", "donor", "ally", "leader", "minister", "president",
    "mayor", "governor", "chief", "officer", "police", "agent", "prosecutor", "lawyer", "attorney", "friend",
    "family", "wife", "husband", "son", "daughter", "mother", "father", "nation", "country", "union",
    "party", "group", "team", "player", "fan", "guest", "caller", "questioner", "moderator", "negotiator",
    "protester", "demonstrator", "picket", "fisherman", "nurse", "doctor", "patient", "customer", "owner",
    "crew", "troop", "soldier", "sailor", "pilot", "passenger", "driver", "teacher", "pupil", "graduate",
    "follower", "partner", "counterpart", "envoy", "ambassador", "diplomat", "aide", "adviser", "advisor",
    "spokesman", "spokeswoman", "spokesperson", "executive", "shareholder", "creditor", "banker", "farmer",
    "miner", "villager", "neighbour", "neighbor", "mourner", "worshipper", "congregation",
    "cabinet", "government", "administration", "ministry", "company", "firm", "coalition", "opposition",
}
