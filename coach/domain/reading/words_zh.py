"""Chinese cue phrases of a chat message, as regex fragments read at the start of a sentence."""

# Each list names one block of the method; a sentence that starts with one opens that block.
HEADS: dict[str, list[str]] = {
    "highlights": [
        r"亮点(?:方面)?(?:是|有|主要是)?",
        r"做得(?:好|不错)的(?:地方|方面)?(?:是|有)?",
        r"做成(?:了)?的(?:是)?",
        r"好的方面(?:是)?",
        r"好的地方(?:是|有)?",
        r"值得肯定的(?:是)?",
    ],
    "shortfalls": [
        r"不足(?:之处|方面)?(?:是|有)?",
        r"没做好的(?:地方|方面)?(?:是|有)?",
        r"做得不好的(?:地方|方面)?(?:是|有)?",
        r"存在的问题(?:是|有)?",
        r"短板(?:是)?",
        r"不好的地方(?:是|有)?",
        r"做得差的(?:地方)?(?:是|有)?",
        r"问题(?:有|是)?(?=[：:])",
    ],
    "missed": [
        r"(?:应该|应当|本该)做(?:但|却|而)?没(?:有)?做(?:的|成的)?(?:事)?(?:是|有)?",
        r"应做未做的?(?:是)?",
        r"该做没做的?(?:是)?",
    ],
    "lessons": [
        r"(?:经验|教训)(?:还有|有|是)?(?:[一二两三四五六七八九\d]+条)?(?=[：:])",
        r"经验教训(?=[：:，,])",
        r"(?:这里)?(?:先|顺便)记(?:一条|一下|个|下)?(?:经验|教训)(?=[：:])",
    ],
    "actions": [
        r"行动(?:计划|项)?(?:还有|有|是)?(?:[一二两三四五六七八九\d]+[条项])?(?=[：:])",
        r"行动(?:项)?(?=，)",
    ],
    "reflection": [r"(?:个人)?反思(?=[：:，,。]|我|大家|一下)"],
}
# "挖毛利率：…", "深挖候诊时间。…": the finding a drill-down is about
DIG = r"(?:深挖|挖一下|挖挖|挖|下钻)\s*(?P<topic>[^：:。，,]{1,16}?)(?:这个|这条|这块)?\s*[：:。，,]"
# the rungs of the ladder 现象→表因→根因, and the share, each opening its words
RUNGS: dict[str, list[str]] = {
    "phenomenon": [r"现象(?:是|就是)?"],
    "surface": [r"表因(?:是|就是)?", r"表面(?:上)?(?:看|来看)?(?:是|原因是)?", r"直接原因(?:是)?"],
    "deeper": [
        r"(?:再)?往下(?:看|挖)?(?:是|一层是)?",
        r"深一层(?:是)?",
        r"背后(?:是)?",
        r"更深(?:一层)?(?:是)?",
    ],
    "root": [
        r"根因(?:就|其实)?(?:是|在于|在)?",
        r"根子(?:上|其实)?(?:就|其实)?(?:是|在于|在)?",
        r"根本原因(?:就)?(?:是|在于)?",
        r"根源(?:是|在于)?",
        r"归根结底(?:是)?",
    ],
    "share": [r"占比(?:是|约|大概)?"],
    # said after the cause it marks: "…，这是根因" / "…，我确认是根因"
    "root_after": [r"(?:这|这个|这就)?(?:我确认)?(?:就)?是根(?:因|子)(?:吧|了)?$"],
}
# "剩下三成是原材料涨价", "其余三成是…", "X是另一个原因": another, smaller chain of the same gap
REST = [
    r"(?:剩下|其余|其他|另外|余下)(?:的)?(?=[一二两三四五六七八九\d]+(?:成|%|％))",
    r"另一个(?:原因)?(?:是)?",
    r"还有一个(?:原因)?是",
]
REST_INSIDE = [r"是另一个(?:原因)?"]
# leading words that only join sentences
FILLERS = [
    r"还有一点",
    r"还有",
    r"另外",
    r"以及",
    r"而且",
    r"对了",
    r"其次",
    r"然后",
    r"先说我的",
    r"我(?:先|来)?说(?:一下|两句)?",
]
# a person introducing themself, or relayed by someone else
SELF = [r"我是", r"我叫", r"我这边是", r"轮到我"]
RELAY = [r"(?P<name>[^，,。：:\s]{2,12}?)(?:说|讲|的反思|的)\s*[：:]"]
# words before a name that say where a person works or what they do
ROLE_WORDS = [
    r"[\u4e00-\u9fff]{0,6}?(?:经理|总监|主任|主管|负责人|组长|班长|队长|部长|店长|校长|院长|科长|处长|厂长|老师|工程师|专员|顾问|助理|总)",
    r"[\u4e00-\u9fff]{0,6}?(?:部|科|组|室|中心|处)",
    # a team named without 部: "仓储李明", "法务老黄"
    r"(?:仓储|财务|法务|人事|行政|运营|市场|销售|采购|客服|技术|研发|产品|质量|品控|物流|后勤|信息|数据|设备|生产|IT)",
]
# the four reflection questions' own words
REFLECTION: dict[str, list[str]] = {
    "most_touched": [
        r"(?:她|他)?(?:最|让我最|我最)?(?:触动|有感触|感触最深|印象最深)(?:我)?(?:的|最大的|最深的)?(?:是|在于)?",
        r"(?:让我)?印象最深的(?:是)?",
    ],
    "self_discovery": [
        r"(?:她|他)?(?:我)?(?:对自己的?)?(?:新)?(?:发现|意识到|认识到)(?:了)?(?:自己)?(?:是)?"
    ],
    "do_better": [
        r"(?:她|他)?(?:如果)?(?:重来|再来一次|再来一遍|重新来过|重做)(?:一次|一遍)?(?:的话)?(?:我|她|他)?(?:会|要)?"
    ],
    "next_step": [r"(?:她|他)?(?:我的)?(?:下一步|接下来|改进行动)(?:是|我会|会|要|想)?"],
}
SKIPPED = [r"没说", r"跳过", r"略过", r"不说了", r"没想好", r"^(?:没有|无|略)$"]
REFLECTION_DONE = [r"反思(?:就这些|完了|结束|到这)", r"(?:没有|没)(?:别人|其他人)(?:了|要说)?"]
# "就是刚才说的根因", "我开头说的": a pointer back to what was said, not the cause itself
BACK_REFERENCE = [r"(?:就是|也就是)?(?:我)?(?:刚才|开头|前面|之前|一开始)(?:说|提)(?:过)?的(?:那个|那条)?"]
# a line of a meeting that only keeps the talk going ("行。", "好，散会。")
ACKNOWLEDGE = [
    r"行",
    r"好的?",
    r"嗯+",
    r"对",
    r"哈哈+",
    r"可以",
    r"没问题",
    r"散会",
    r"那我们开始",
    r"说正事",
]
# a question that opens a part of the review for the next speakers ("不足呢？", "缺货为什么？")
WHY = [r"为什么", r"为啥", r"怎么回事", r"原因呢"]
# "我来牵头", "我负责": the speaker takes the task
FIRST_PERSON_TASK = [r"我来", r"我负责", r"我去"]
# "我这周没法接": a speaker who takes no task
DECLINE = [r"没法", r"不能", r"接不了", r"顾不上", r"没空", r"旁听", r"只听", r"不发言"]
# a number said as a KPI in a meeting
KPI_WORDS = [r"目标", r"实际", r"完成到", r"只到了", r"计划"]
# "反思跳过", "反思这次会上没做": the personal reflection is left out
REFLECTION_SKIP = [r"反思.{0,8}(?:跳过|没做|不做|免了|算了|略过)", r"(?:跳过|不做)(?:个人)?反思"]
# "对了我先说个要做的：…": an action said in passing, before its step
# a lesson noted on the way, before its step: "这里先记一条经验：…"
LESSON_ASIDE = [r"先记", r"顺便记", r"记一条"]
ASIDE = [
    r"(?:对了)?[，,]?\s*(?:我)?先说(?:个|一个|一条)?(?:要做的|行动)",
    r"顺便(?:说|记)(?:一下|个|一条)?",
    r"先记(?:一条|个)行动",
]
