"""A small zh<->en glossary of retrospective, operations and business terms for BM25 query expansion.

BM25 cannot match a Chinese query to an English lesson (or the reverse): the query gets the
glossary's translations of its terms as extra tokens. Written from general vocabulary, not
from the eval set; one `中文|english words` entry a line (several English words are alternatives).
"""

from __future__ import annotations

from functools import lru_cache

from coach.library.text import tokenize

GLOSSARY = """
复盘|retrospective postmortem review
事故|incident outage
故障|failure outage incident
告警|alert alerts alerting
报警|alarm alert
值班|on-call oncall shift
轮值|rotation
交接|handover handoff
交班|handover shift
发布|release deploy deployment
上线|launch release go-live
回滚|rollback
灰度|canary rollout gradual
变更|change changes
审批|approval approve
权限|permission permissions access
监控|monitoring
日志|logs logging
压测|load test
演练|drill exercise
预案|runbook playbook
手册|runbook manual handbook
自动化|automation automate
脚本|script scripts
工单|ticket tickets
需求|requirement requirements
测试|test testing
缺陷|defect bug
质量|quality
检验|inspection
设备|equipment machine
维护|maintenance
保养|maintenance
安全|safety security
供应商|supplier vendor
采购|procurement purchasing
库存|inventory stock
渠道|channel
经销商|distributor dealer
代理商|agent reseller distributor
客户|customer client customers
大客户|key account
续约|renewal renew
流失|churn
投诉|complaint complaints
满意度|satisfaction
客服|support service
销售|sales
报价|quote pricing
价格|price pricing
折扣|discount discounts
降价|discount price cut
促销|promotion
营销|marketing
市场|market marketing
线索|leads lead
转化|conversion
投放|ads campaign
活动|campaign event
邮件|email
用户|user users
留存|retention
增长|growth
指标|metric metrics kpi
数据|data
报表|report reports dashboard
看板|dashboard board
口径|definition
埋点|tracking instrumentation event
实验|experiment
目标|goal target
预算|budget
成本|cost costs
费用|expense cost spend
报销|expense reimbursement
财务|finance
对账|reconciliation reconcile
关账|close closing
发票|invoice
合同|contract
招聘|hiring recruiting recruitment
面试|interview interviews
候选人|candidate candidates
简历|resume resumes
入职|onboarding
新人|new hire newcomer
导师|mentor
培训|training
课件|slides course materials
考核|assessment evaluation
绩效|performance
反馈|feedback
表扬|praise recognition
奖励|reward bonus
沟通|communication
会议|meeting meetings
例会|meeting standup
周会|weekly meeting
站会|standup
决策|decision
负责人|owner
责任|responsibility accountability
分工|roles
跨部门|cross-team
协作|collaboration
文档|documentation docs
知识|knowledge
单点|single point
备份|backup
冗余|redundancy
风险|risk
问题|issue problem
原因|cause
根因|root cause
改进|improvement improve
行动项|action item
跟进|follow up follow-up
截止|deadline
延期|delay
进度|progress status
计划|plan planning
优先级|priority
产品|product
版本|version release
功能|feature
迭代|sprint iteration
开发|development developer engineering
运维|operations ops
平台|platform
集群|cluster
数据库|database
查询|query
性能|performance
容量|capacity
员工|employee staff
团队|team
经理|manager
领导|leader leadership
文化|culture
公开|public openly
透明|transparency transparent
信任|trust
指责|blame
甩锅|blame
加班|overtime
疲劳|fatigue burnout
排班|schedule rota
"""


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    zh_to_en: dict[str, list[str]] = {}
    en_to_zh: dict[str, list[str]] = {}
    for line in GLOSSARY.strip().splitlines():
        zh, en = (part.strip() for part in line.split("|", 1))
        zh_to_en.setdefault(zh, []).extend(tokenize(en))
        zh_tokens = tokenize(zh)
        for word in en.lower().split():
            en_to_zh.setdefault(word, []).extend(zh_tokens)
    return (
        {k: tuple(dict.fromkeys(v)) for k, v in zh_to_en.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in en_to_zh.items()},
    )


def expand(query: str, tokens: list[str]) -> list[str]:
    """Translations of the query's glossary terms that are not already among its tokens."""
    zh_to_en, en_to_zh = _tables()
    lowered = query.lower()
    extra: list[str] = []
    for token in tokens:
        extra.extend(zh_to_en.get(token, ()))
        extra.extend(en_to_zh.get(token, ()))
    # a Chinese term inside a longer jieba word (交接班 holds 交接) still counts
    extra.extend(t for zh, en in zh_to_en.items() if zh in lowered and zh not in tokens for t in en)
    have = set(tokens)
    return [t for t in dict.fromkeys(extra) if t not in have]
