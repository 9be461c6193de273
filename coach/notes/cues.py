"""Cue words that decide an item's kind without embeddings (zh and en)."""

from __future__ import annotations

import re

from coach.notes.vocabulary import alternation
from coach.notes.wordlists import phrases

# The English cues of a list share one "\b", so the regex engine tries them together and only where a
# word starts: with a "\b" before every cue these lists were among the slowest, and they are searched on
# every line.
DIGRESSION = re.compile(
    r"不记|跑题|题外话|与本次无关|与会议无关|不是会议内容|个人事务|别扯远|扯远了|会后再说|会后看|会后聊|闲聊|"
    r"顺便问|顺带聊|插一句.*(?:略|跑题)|"
    r"\b(?:off[- ]topic|unrelated|side note|tangent|not for the notes|parking lot|not recorded|"
    r"not retro content|moving on)\b",
    re.I,
)
SMALL_TALK = re.compile(
    r"^(?:好[的吧]?|对|嗯|行|好的|OK|ok|okay|thanks?|"
    r"thank you|yes|right)[，,。.!！]?$|人齐了|我们开始|散会|说正事|"
    r"休息好了|that's all|let's start|let's get started|wrap up",
    re.I,
)
LESSON_PREFIX = re.compile(
    r"^(?:第[一二三四五六七八九十]+[，,、]\s*)?(继续|停止|优化|新增|保持|改进|"
    r"keep|continue|stop|start|improve|optimi[sz]e|"
    r"more of|less of|begin)\s*(?:[：:]|doing\b)",
    re.I,
)
CAUSE = re.compile(
    alternation("cause_word") + "|"
    r"\b(?:because|due to|root cause|caused by|stems? from|the reason|underlying|bottom line|driven by|"
    r"main cause|(?:came|comes|result(?:ed|s)?) from|contributing factors?)\b",
    re.I,
)
# more ways to say "the reason" are per-language data (coach/notes/words/ `cause_cue`)
CAUSE = re.compile(CAUSE.pattern + "|" + phrases("cause_cue").pattern, re.I)
MAIN_CAUSE = re.compile(
    r"主因|最主要|主要原因|最大的原因|大头|一大半|大部分|绝大部分|八九成|八成|九成|七成|说明了一切|"
    # "80%" is a share of the gap, not a level something stood at ("at 80% full", "使用率到了80%")
    r"(?<!\bat )(?<!率)(?<!率到)(?<!率达)(?<!率为)(?<!率是)(?<!率到了)(?<!率达到)"
    r"[6789]0\s*%(?!\s*(?:full\b|满))|"
    r"\bmain (?:cause|reason|driver)\b|\bprimary (?:cause|"
    r"reason|driver)\b|\bbiggest (?:cause|reason|factor|driver|contributor)\b|"
    # "Most of the slip came from scope changes": most of the gap, whatever the note calls it
    r"\b(?:most|the bulk) of (?:the|our|this) \w+(?: \w+)? (?:came from|comes from|was due to|is due to|"
    r"was down to|is down to|was caused by)\b|"
    # "most of" alone ("most of our volunteers") measures people, not the gap a cause explains
    r"\b(?:explains?|explained|accounts? for|accounted for|caused|drove)\s+(?:about\s+|roughly\s+|around\s+)?"
    r"(?:most|nearly all|almost all|almost the whole|the bulk|two thirds|three quarters|\d+\s*(?:%|percent))|"
    r"三分之二|四分之三|"
    r"\b\d{2}\s*percent\b",
    re.I,
)
# more ways to say "most of the gap" are per-language data (coach/notes/words/ `main_cue`)
MAIN_CAUSE = re.compile(MAIN_CAUSE.pattern + "|" + phrases("main_cue").pattern, re.I)
ROOT = re.compile(
    alternation("root_word") + r"|\b(?:root cause\b|underlying\b|fundamental)",
    re.I,
)
# the words that name a cause as the root, whatever part of the note they stand in
ROOT_CAUSE = re.compile(
    alternation("root_cause_word") + r"|\b(?:root cause|underlying (?:cause|reason))\b", re.I
)
ACTION = re.compile(
    # "周五前去财务那边催一下", "3月底前把话术库更新一遍": a deadline and then the work
    r"负责|我来|牵头|跟进|落实|交给|完成|提交|发出|搞定|出个?|给初稿|前[。.!！]?$|之前|(?:前|内)(?:把|去|给|交|做|拿|搞|定|发|催)|"
    r"(?:^|[，,])你(?:来|把|去|负责|牵头|跟进)|"
    r"截止|\b(?:owner|will|by|due|to own|follow up|I'll|I will|takes?)\b",
    re.I,
)
LESSON = re.compile(
    # "以后" starts a rule for the future ("以后新店都要…"); after a word it is "after" ("她走了以后")
    r"教训|经验|以后要|(?:^|[，,；;：:])\s*以后|下次|今后|要坚持|要继续|要停止|要新增|要优化|"
    r"应该|必须|不能再|要有|"
    r"\b(?:lesson|learned|going forward|next time|should|must|never again|in future)\b",
    re.I,
)
# more ways to state a takeaway are per-language data (coach/notes/words/ `lesson_cue`)
LESSON = re.compile(LESSON.pattern + "|" + phrases("lesson_cue").pattern, re.I)
# fewer of a bad thing went well: "险情少，是因为…", "Fewer complaints came in because …"
FEWER_BAD = re.compile(
    r"(?:险情|投诉|事故|故障|差评|退货|报损|返工|客诉)(?:少|减少|下降|降了|少了)|"
    r"\bfewer\s+(?:incidents|complaints|accidents|failures|errors|defects|returns)\b",
    re.I,
)
HIGHLIGHT = re.compile(
    alternation("highlight_word") + "|"
    r"\b(?:went (?:really |very |so |pretty |quite )?well\b|did (?:really |very )?well\b|"
    r"worked\b|great\b(?!\s+deal)|win\b|success|exceeded\b|beat\b|good news\b|paid off\b)|"
    + FEWER_BAD.pattern,
    re.I,
)
SHORTFALL = re.compile(
    alternation("shortfall_word") + r"|\b(?:missed\b|late\b|failed\b|failure\b|issue\b|"
    r"problem\b|slipped\b|delay|dropped\b|broke\b|outage\b|short of\b|behind\b|complain)",
    re.I,
)
REFLECTION = re.compile(
    alternation("reflection_word")
    + r"|\bI learned about myself\b|\bI (?:learned|reali[sz]ed|found out) (?:that )?I\b|"
    r"\bif I did it again\b|\bI would\b.*\bbetter\b|\bmy next step\b|\bmoved me\b",
    re.I,
)
QUESTION = re.compile(r"[？?]$")
