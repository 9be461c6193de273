"""Everything the rules coach says, in Chinese and English: one key, two templates.

Short lines, one question per reply; `{…}` are filled with the user's own words where it helps.
"""

from __future__ import annotations

from coach.domain.retrospective import Language

REPLIES: dict[str, tuple[str, str]] = {
    # ---- general
    "greeting": (
        "你好，我是复盘教练。我们按四步走：回顾评估 → 分析根因（含个人反思）→ 总结提取 → 转化应用。"
        "随时可以说「到哪了」「看看总结」「回到上一步」「跳过」「结束」。",
        "Hi, I'm your retro coach. We'll go in four steps: review → root causes (with personal reflection) → "
        "lessons → actions. "
        "Any time, say “where are we”, “show summary”, “go back”, “skip” or “finish”.",
    ),
    "not_understood": ("这句我没完全理解。", "I didn't quite get that."),
    "help": (
        "我们按四步走：回顾评估 → 分析根因（含个人反思）→ 总结提取 → 转化应用。现在在「{stage}」。"
        "随时可以说：「到哪了」「看看总结」「回到上一步」「跳过」「撤销」「删掉第2条」「第1条的截止日期改成6月30日」「结束」。",
        "We go in four steps: review → root causes (with personal reflection) → lessons → actions. "
        "We're at “{stage}”. Any time: “where are we”, “show summary”, “go back”, “skip”, “undo”, "
        "“delete 2”, “change 1's date to June 30”, “finish”.",
    ),
    "already_said_missing": (
        "抱歉，可能是我漏了。能再说一次吗？",
        "Sorry, I may have missed it. Could you say it once more?",
    ),
    "undone": ("已撤销上一条记录：{what}。", "Undone the last thing I filed: {what}."),
    "nothing_to_undo": ("没有可以撤销的记录。", "There's nothing to undo."),
    "edit_deleted": ("删掉了第 {n} 条：{item}。", "Deleted #{n}: {item}."),
    "edit_updated": ("改好了，第 {n} 条：{item}", "Updated #{n}: {item}"),
    "edit_no_item": ("没有第 {n} 条（现在共 {total} 条）。", "There's no #{n} (there are {total})."),
    "edit_which": (
        "你说的是哪一条？请说编号：\n{candidates}",
        "Which one do you mean? Please give its number:\n{candidates}",
    ),
    "edit_ask_value": (
        "好，不算新的。第 {n} 条要改成什么？比如「第{n}条的截止日期改成6月30日」。",
        "OK, nothing new filed. What should #{n} become? E.g. “change {n}'s date to June 30”.",
    ),
    "protest_noted": ("好，刚才那条不算。", "OK, that one doesn't count."),
    "empty": ("没收到内容。", "I got an empty message."),
    "status": (
        "现在在第 {n}/{total} 步「{stage}」。目前：{counts}。",
        "We're at step {n}/{total}, “{stage}”. So far: {counts}.",
    ),
    "status_followup": (
        "开始前，先跟进上次的行动（之后是四步：回顾评估 → 分析根因 → 总结提取 → 转化应用）。目前：{counts}。",
        "Before the four steps, a follow-up on last time's actions. So far: {counts}.",
    ),
    "summary": ("目前的总结：{summary}", "Summary so far: {summary}"),
    "going_back": ("好，回到「{stage}」。", "OK, back to “{stage}”."),
    "finishing": ("好，先到这里。", "OK, let's wrap up here."),
    # ---- followup
    "followup_intro": (
        "开始前，先跟进上次复盘的 {count} 项行动。",
        "First, a follow-up on {count} open action(s) from last time.",
    ),
    "followup_ask": (
        "第 {n}/{total} 项：{what}（负责人：{who}，截止：{due}）——完成了吗？",
        "{n}/{total}: {what} (owner: {who}, due: {due}) — is it done?",
    ),
    "followup_unclear": (
        "请说「完成了」「没完成」或「进行中」。",
        "Please say “done”, “not done” or “in progress”.",
    ),
    "followup_why": ("{what} 为什么没完成？", "Why wasn't {what} done?"),
    "followup_done": ("好，{what} 已完成 ✓", "Good, {what} is done ✓"),
    "followup_not_done": ("记下了：{what} 没完成，原因：{note}", "Noted: {what} not done, because {note}"),
    "followup_open": ("记下了：{what} 还在进行中。", "Noted: {what} is still in progress."),
    "followup_skipped": ("这项先跳过。", "Skipping this one."),
    "followup_all_done": ("好，{count} 项都记为已完成 ✓", "Good, all {count} marked done ✓"),
    "followup_all_skipped": (
        "好，{count} 项先跳过，保持未完成。",
        "OK, skipping all {count}; they stay open.",
    ),
    "followup_all_later": (
        "好，{count} 项留到下次复盘再跟进。",
        "OK, the {count} open action(s) wait for the next review.",
    ),
    "followup_finished": ("上次的行动跟进完了。", "That's the follow-up done."),
    # ---- review
    "review_goals": (
        "第一步，回顾评估：这次的 KPI 目标是多少、实际完成多少？可以一次说几个，"
        "比如「回款目标1.2亿，实际9600万；新客户数目标50，实际62」。",
        "Step 1, review: what were the KPI targets and the actual results? Several at once is fine, "
        "e.g. “Revenue target 1.2M, actual 960k; new customers target 50, actual 62”.",
    ),
    "review_no_goal": (
        "我没读出 KPI。请按「名称 + 目标 + 实际」来说。",
        "I couldn't read a KPI there. Please give a name, a target and an actual result.",
    ),
    "review_goals_heard": ("记下了：\n{goals}", "Got it:\n{goals}"),
    "review_goal_corrected": ("改好了：{goal}", "Corrected: {goal}"),
    "review_goals_so_far": ("目前的目标：\n{goals}", "Goals so far:\n{goals}"),
    "review_quantify": (
        "{name} 还没有数字。能量化吗？目标多少、实际多少？（实在无法量化就说「无法量化」）",
        "{name} has no numbers yet. Can you quantify it — target and actual? (Say “can't quantify” if not.)",
    ),
    "review_unquantified_ok": ("好，{name} 先不量化。", "OK, {name} stays unquantified."),
    "review_numbers_unclear": (
        "这句里有数字，但我没看出是哪个 KPI 的目标和实际。"
        "是 KPI 的话请按「名称 + 目标 + 实际」再说一次；不是就说「没有了」。",
        "I see numbers there but no KPI with a target and a result. If it is one, give its name, target and"
        " actual; if not, say “that's all”.",
    ),
    "review_more": ("还有别的 KPI 吗？没有就说「没有了」。", "Any other KPI? If not, say “that's all”."),
    "review_focus": (
        "抓大放小：这些差距里，哪一两个最重要、最值得深挖？\n{goals}",
        "Focus on what matters: which one or two of these gaps matter most?\n{goals}",
    ),
    "review_focus_default": ("我先按差距最大的 {name} 来。", "I'll start with the biggest gap, {name}."),
    "review_focus_set": ("重点：{names}。", "Focus: {names}."),
    # ---- analysis
    "analysis_highlights": (
        "第二步，分析根因。先看亮点：哪些做对了、做成了？",
        "Step 2, root causes. Highlights first: what went right?",
    ),
    "analysis_highlights_more": (
        "还有要补充的亮点吗？没有就说「没有」。",
        "Any more highlights? If not, say “none”.",
    ),
    "analysis_highlights_still": (
        "亮点呢？哪些做对了、做成了？没有就说「没有」。",
        "And the highlights? What went right? If nothing, say “none”.",
    ),
    "analysis_which_kind": (
        "{finding} —— 这是亮点还是不足？",
        "{finding} — is that a highlight or a shortfall?",
    ),
    "analysis_filed_shortfall": ("记到不足：{finding}。", "Filed under shortfalls: {finding}."),
    "analysis_filed_highlight": ("记到亮点：{finding}。", "Filed under highlights: {finding}."),
    "analysis_filed_chain": (
        "记下了：不足 {phenomenon}，因果链 表因 {surface} → 根因 {root}（占比 {share}）。",
        "Filed: shortfall {phenomenon}, cause chain: surface {surface} → root {root} (share {share}).",
    ),
    "transcript_read": (
        "这是一段会议记录：{spoken} 句发言里有 {lines} 段说到复盘的内容，我按顺序记下了，寒暄闲聊不记。",
        "That's a meeting transcript: of {spoken} lines, {lines} bear on the review; I took them in order"
        " and left the small talk out.",
    ),
    "drill_share_corrected": ("改好了：{root} 占 {share}。", "Corrected: {root} explains {share}."),
    "filed": ("记下了：{parts}。", "Filed: {parts}."),
    "filed_highlights": ("亮点 {items}", "highlights {items}"),
    "filed_shortfalls": ("不足 {items}", "shortfalls {items}"),
    "filed_chains": ("因果链（根因）{items}", "cause chains (root) {items}"),
    "filed_reflections": ("反思 {items}", "reflections from {items}"),
    "analysis_highlight_why": ("{finding} 为什么做成了？", "Why did {finding} work?"),
    "analysis_shortfalls": (
        "再看不足：哪些做得不好、没做成？",
        "Now the shortfalls: what went wrong or didn't work?",
    ),
    "analysis_shortfalls_hint": (
        "再看不足。比如 {goal} ——哪些做得不好、没做成？",
        "Now the shortfalls. For instance {goal} — what went wrong or didn't work?",
    ),
    "analysis_shortfalls_more": (
        "还有要补充的不足吗？没有就说「没有」。",
        "Any more shortfalls? If not, say “none”.",
    ),
    "analysis_shortfall_why": ("{finding} 为什么没做好？", "Why did {finding} go wrong?"),
    "analysis_missed": (
        "有没有应该做、但没有做的事？没有就说「没有」。",
        "Was there anything that should have been done and wasn't? If not, say “none”.",
    ),
    "analysis_choose": (
        "挑一个最值得深挖的（说编号或名字）：\n{options}",
        "Pick the one most worth drilling into (number or name):\n{options}",
    ),
    "analysis_drill_only": ("我们深挖 {finding}。", "Let's drill into {finding}."),
    "analysis_nothing_to_drill": (
        "没有要深挖的不足，那就往下走。",
        "Nothing to drill into, so let's move on.",
    ),
    "analysis_drill_done": ("这些发现都深挖过了。", "All findings have been drilled into."),
    # ---- drill-down
    "drill_why_first": ("{finding} —— 为什么会这样？", "{finding} — why did that happen?"),
    "drill_why_again": ("为什么 {answer}？", "And why {answer}?"),
    "drill_symptom": (
        "{answer} 还是现象。它背后的原因是什么？",
        "{answer} is still what happened. What caused it?",
    ),
    "drill_controllable": (
        "{answer} 在外部。其中有我们可控的部分吗？我们能做什么？（确实完全不可控就说「不可控」）",
        "{answer} is outside. Is any part of it in our control? What can we do? "
        "(If truly nothing, say “out of our control”.)",
    ),
    "drill_hint": (
        "想想看：是流程、分工、能力，还是外部因素？说你最有把握的一个。",
        "Think about it: process, roles, skills, or something outside? Give the one you're surest of.",
    ),
    "drill_confirm_root": (
        "{answer} 听起来像根因。这是根因吗？",
        "{answer} sounds like a root cause. Is it the root cause?",
    ),
    "drill_confirm_deep": (
        "已经问到第三层了。{answer} 是根因吗？不是就再说为什么。",
        "That's three levels deep. Is {answer} the root cause? If not, tell me why it happened.",
    ),
    "drill_max_depth": (
        "已经问了 5 层，就把 {answer} 当作根因。",
        "Five levels deep: let's take {answer} as the root cause.",
    ),
    "drill_chain": (
        "因果链：现象 {phenomenon} → 表因 {surface} → 根因 {root}。",
        "Cause chain: {phenomenon} → surface cause {surface} → root cause {root}.",
    ),
    "drill_seen_before": (
        "注意：这个根因在 {team} {date} 的复盘里出现过：{lesson}",
        "Note: this root cause came up in {team}'s review on {date}: {lesson}",
    ),
    "drill_share": (
        "{root} 大概能解释多少差距？（比如「七成」「70%」「0.7」）",
        "How much of the gap does {root} explain? (e.g. “70%”, “0.7”, “about 60 percent”)",
    ),
    "drill_share_unclear": (
        "请给个比例，比如「七成」或「60%」。",
        "Please give a share, like “70%” or “0.6”.",
    ),
    "drill_unexplained": (
        "这些根因加起来解释了约 {explained}，还有约 {left} 没解释。",
        "Together these root causes explain about {explained}; about {left} is still unexplained.",
    ),
    "drill_unexplained_most": (
        "这些根因只解释了约 {explained}，大部分差距（约 {left}）还没解释。",
        "These root causes explain only about {explained}: most of the gap (about {left}) is unexplained.",
    ),
    "drill_more_causes": (
        "还有什么原因？说出来我们再挖一条；没有就说「没有」。",
        "What else caused it? Tell me and we'll drill into it; if nothing, say “no”.",
    ),
    "drill_more_what": ("是什么原因？", "What is it?"),
    "drill_main": ("主因是 {root}（约 {share}）。", "The main cause is {root} (about {share})."),
    "drill_another": ("要再深挖另一个发现吗？", "Drill into another finding?"),
    # ---- reflection
    "reflection_who": (
        "第二步「分析根因」的个人反思：每人四个问题。先说你是谁（如「我是李娜」）；不做就说「跳过」。",
        "Personal reflection: four questions each. Who's first (e.g. “I'm Bob”)? Say “skip” to skip it.",
    ),
    "reflection_q0": ("{person} 这次过程中最触动你的是什么？", "{person}, what moved you most in all this?"),
    "reflection_q1": ("你对自己有哪些新发现？", "What did you find out about yourself?"),
    "reflection_q2": (
        "如果重来一遍，你会做得更好的是什么？",
        "If you did it again, what would you do better?",
    ),
    "reflection_q3": ("你接下来的改进行动是什么？", "What's your next improvement step?"),
    "reflection_thanks": ("谢谢 {person}。", "Thanks {person}."),
    "reflection_next": (
        "下一位？（说「下一个：老王」，或「没有了」）",
        "Who's next? (say “next: Bob”, or “that's all”)",
    ),
    "reflection_done": ("个人反思记了 {count} 位。", "Reflections recorded for {count} people."),
    "reflection_skipped": ("个人反思先跳过。", "Skipping the personal reflection."),
    # ---- lessons
    "lessons_list": (
        "第三步，总结提取（维度·动作）：\n{lessons}",
        "Step 3, lessons (dimension · action):\n{lessons}",
    ),
    "lessons_past": ("过去复盘里相关的经验：\n{lessons}", "Related lessons from past reviews:\n{lessons}"),
    "lessons_confirm": (
        "要改吗？可以说「第2条属于文化」「不是停止，是优化」「删掉第3条」「加一条：…」；没问题就说「确认」。",
        "Any changes? Say “#2 is culture”, “it's optimize not stop”, “delete 3”, “add: …”; "
        "or “ok” to confirm.",
    ),
    "lessons_more_edits": ("还要改吗？没问题就说「确认」。", "Anything else to change? Say “ok” to confirm."),
    "lessons_none": ("还没有经验。说「加一条：…」来加一条。", "No lessons yet. Say “add: …” to add one."),
    "lessons_taken": ("记下你说的 {count} 条经验。", "Noted your {count} lessons."),
    "lessons_added": ("加上了：{line}", "Added: {line}"),
    "lessons_updated": ("改好了：{line}", "Updated: {line}"),
    "lessons_deleted": ("删掉了 {lesson}。", "Deleted {lesson}."),
    "lessons_help": (
        "我没看出要怎么改。例如「第2条属于文化」「第1条改成：…」「删掉第3条」「加一条：…」，或「确认」。",
        "I couldn't tell the change. E.g. “#2 is culture”, “change 1 to: …”, “delete 3”, “add: …”, or “ok”.",
    ),
    "lessons_confirmed": (
        "{count} 条经验已确认，已存入经验库。",
        "{count} lessons confirmed and saved to the library.",
    ),
    "lessons_skipped": ("经验先不确认，往下走。", "Leaving the lessons unconfirmed for now."),
    # ---- actions
    "actions_intro": (
        "第四步，转化应用：每条经验落成 做什么/怎么做/何时/谁。",
        "Step 4, actions: each lesson becomes what / how / when / who.",
    ),
    "actions_for_lesson": (
        "第 {n}/{total} 条 {lesson}（{action}）：关键动作是什么、谁负责、什么时候？"
        "一句话就行，如「每周一对齐渠道数据，@李娜 负责，下周五前」；不需要就说「跳过」。",
        "{n}/{total} {lesson} ({action}): what's the key action, who owns it, by when? "
        "One line is fine, e.g. “sync channel data every Monday, @Bob, by next Friday”; or say “skip”.",
    ),
    "actions_own": (
        "要做的事是什么？连同关键动作、负责人和日期一起说。",
        "What needs doing? Give the key action, the owner and the date with it.",
    ),
    "actions_vague": (
        "{how} 太笼统，做没做到没法检查。具体的关键动作是什么？"
        "（谁、多久一次、做什么，比如「每周一15分钟对齐回款数据」）",
        "{how} is too vague to check. What's the concrete key action? (who does what, how often — "
        "e.g. “15-minute review of overdue invoices every Monday”)",
    ),
    "actions_how": ("具体的关键动作是什么？", "What's the concrete key action?"),
    "actions_who": ("{how} 由谁负责？", "Who owns {how}?"),
    "actions_when": (
        "什么时候完成？（比如「下周五」「4月30日」）",
        "By when? (e.g. “next Friday”, “April 30”)",
    ),
    "actions_when_unclear": (
        "{when} 我换算不成日期，能给个具体日期吗？",
        "I can't turn {when} into a date. Which date exactly?",
    ),
    "analysis_focus_noted": ("好，重点看 {goal}。", "OK, the focus is {goal}."),
    "off_topic": ("（这个先放一边。）", "(Let's park that one.)"),
    "drill_share_left_open": (
        "比例先空着，之后可以再补。",
        "I'll leave the share open; you can add it later.",
    ),
    "actions_taken": (
        "这是一项行动，记到第四步「转化应用」。",
        "That's an action item; noting it under step 4, actions.",
    ),
    "actions_left_unfinished": (
        "{item} 还缺具体的关键动作，先不记；下面这条单独记。",
        "{item} still lacks a concrete key action, so I'm not filing it; the new one goes on its own.",
    ),
    "lessons_aside": (
        "先把这条经验记下（第三步再一起看）：{lessons}",
        "Noted that lesson for step 3: {lessons}",
    ),
    "actions_aside": ("先把这条行动记下（第四步再细化）：{line}", "Noted that action for step 4: {line}"),
    "actions_saved": ("记下了：{line}", "Saved: {line}"),
    "actions_skipped_one": ("这条先不做行动。", "No action for this one."),
    "actions_so_far": ("目前的行动：\n{actions}", "Actions so far:\n{actions}"),
    "actions_more": (
        "还有别的行动吗？没有就说「没有了」，我来总结。",
        "Any other action? If not, say “that's all” and I'll sum up.",
    ),
    # ---- done
    "done": ("复盘完成：{counts}。\n{summary}", "Review complete: {counts}.\n{summary}"),
    "done_missing": (
        "还缺：{missing}。可以说「回到…」补上。",
        "Still missing: {missing}. Say “back to …” to add them.",
    ),
    "done_next": (
        "想修改的话，说「回到行动」「回到经验」等；或说「看看总结」。",
        "To change anything, say “back to actions”, “back to lessons”, etc.; or “show summary”.",
    ),
}


def render(key: str, lang: Language, **params: object) -> str:
    """The reply line for a key in the language, with the values filled in.

    An unknown key or a missing value raises (KeyError): a silent empty line hides a bug.
    """
    zh, en = REPLIES[key]
    template = zh if lang == "zh" else en
    return template.format_map(params).strip()
