/*
 * 复盘教练 · Retro Coach — the workspace page (GET /).
 *
 * Hash routes: #/ reviews · #/reviews/<id> one review · #/search lesson library ·
 * #/recurring lessons learned more than once · #/upload bulk summary.
 * Vanilla JS, no build step. All text from the server is put in the page with textContent.
 */
(function () {
  "use strict";

  var API = "/api/v1";
  var DIMENSIONS = ["organization", "culture", "people", "business"];
  var ACTIONS = ["continue", "stop", "optimize", "start"];
  var KINDS = ["focus", "strategy", "improvement", "opportunity"];
  var SEARCH_K = 20;

  var I18N = {
    zh: {
      brand: "复盘教练",
      "nav.reviews": "复盘记录",
      "nav.search": "经验库",
      "nav.recurring": "重复的教训",
      "nav.upload": "上传纪要",
      switchTo: "EN",
      loading: "加载中…",
      error: "出错了：",
      reviews: "复盘记录",
      reviewsHint: "按团队和日期查看每一次复盘。",
      allTeams: "全部团队",
      team: "团队",
      date: "日期",
      title: "标题",
      source: "来源",
      counts: "目标 / 经验 / 行动",
      noReviews: "还没有复盘。在右下角和教练聊一聊，或上传会议纪要。",
      "source.chat": "对话",
      "source.notes": "纪要",
      back: "← 全部复盘",
      exportMd: "导出 Markdown",
      print: "打印 / PDF",
      steps: ["回顾评估", "分析根因", "总结提取", "转化应用"],
      goal: "目标",
      target: "目标值",
      result: "结果",
      gap: "差距",
      verdict: "结论",
      noGoals: "还没有目标数据。",
      chartTitle: "目标 vs 结果",
      highlights: "亮点",
      shortfalls: "不足",
      causesOf: "原因：",
      ladder: "现象 → 表因 → 根因",
      phenomenon: "现象",
      surface: "表因",
      root: "根因",
      mainCause: "主因",
      share: "占比",
      noChains: "还没有根因分析。",
      reflections: "个人反思",
      mostTouched: "触动最大",
      selfDiscovery: "自我发现",
      doBetter: "可以做得更好",
      nextStep: "下一步改进",
      noLessons: "还没有提取经验。",
      "dim.organization": "组织",
      "dim.culture": "文化",
      "dim.people": "人",
      "dim.business": "业务",
      "act.continue": "继续",
      "act.stop": "停止",
      "act.optimize": "优化",
      "act.start": "新增",
      what: "事项",
      how: "关键动作",
      when: "里程碑",
      who: "负责人",
      kind: "类型",
      status: "状态",
      "kind.focus": "重点事项",
      "kind.strategy": "策略调整",
      "kind.improvement": "改进点",
      "kind.opportunity": "机会点",
      "status.open": "进行中",
      "status.done": "已完成",
      "status.not_done": "未完成",
      "status.unknown": "没有记录",
      recurring: "学了不止一次的教训",
      recurringHint: "同一条经验在不同复盘里又出现了：当时的行动做完了吗？",
      noRecurring: "还没有重复出现的经验。",
      times: "{n} 次",
      actionsThen: "当时的行动：",
      saved: "已保存",
      noActions: "还没有行动计划。",
      related: "相关的过往经验",
      relatedHint: "按本次复盘的根因检索经验库。",
      noRelated: "经验库里暂时没有相关经验。",
      openReview: "查看复盘",
      summary: "总结",
      search: "经验库检索",
      searchHint: "以前遇到过吗？当时学到了什么？",
      query: "例如：需求变更导致延期",
      searchBtn: "检索",
      anyDimension: "全部维度",
      anyAction: "全部动作",
      teamFilter: "团队（可选）",
      noHits: "没有找到相关经验。",
      degraded: "向量检索暂不可用，结果来自关键词匹配。",
      score: "相关度",
      upload: "上传会议纪要",
      uploadHint: "支持 txt、md、docx、vtt、srt（UTF-8 或 GBK），可一次选择多个文件。",
      files: "选择文件",
      teamOptional: "团队（可选）",
      indexLessons: "把经验加入经验库",
      start: "开始生成",
      chooseFiles: "请先选择文件。",
      progress: "进度",
      "item.pending": "排队中",
      "item.queued": "排队中",
      "item.running": "处理中",
      "item.done": "完成",
      "item.failed": "失败",
      "item.error": "失败",
      jobDone: "全部完成",
      jobFailed: "任务失败",
      keyTitle: "需要 API 密钥",
      keyPlaceholder: "粘贴成员密钥（只保存在本浏览器）",
      keySave: "保存",
      askCoach: "问教练",
      edit: "编辑",
      save: "保存",
      cancel: "取消",
      remove: "删除",
      "add.goals": "添加目标",
      "add.highlights": "添加亮点",
      "add.shortfalls": "添加不足",
      "add.cause_chains": "添加原因链",
      "add.lessons": "添加经验",
      "add.actions": "添加行动",
      "part.goals": "目标",
      "part.highlights": "亮点",
      "part.shortfalls": "不足",
      "part.cause_chains": "现象 → 表因 → 根因",
      "part.lessons": "经验",
      "part.actions": "行动计划",
      findingText: "内容",
      causesLabel: "原因（用；分隔）",
      sharePct: "占比 %",
      lessonText: "经验",
      dimension: "维度",
      lessonAction: "动作",
      noMore: "没有更相关的了",
      noFiles: "还没有选择文件",
      filesChosen: "已选择 {n} 个文件：",
      batchOverview: "批量总览",
      archive: "删除",
      confirmArchive: "删除这份复盘？它会被归档：不再出现在列表、经验库检索和重复的教训里，之后可以恢复。",
      archivedNotice: "这份复盘已归档（删除），不在列表和经验库检索里。",
      restore: "恢复",
      showArchived: "已删除的复盘",
      showCurrent: "← 当前复盘",
      archivedList: "已删除的复盘",
      exportAll: "导出全部：",
      exportActions: "行动项 CSV",
      batchHint: "每份纪要生成了一份复盘；下面是整批的目标、反复出现的原因和经验、全部行动。",
    },
    en: {
      brand: "Retro Coach",
      "nav.reviews": "Reviews",
      "nav.search": "Lessons",
      "nav.recurring": "Recurring",
      "nav.upload": "Upload notes",
      switchTo: "中文",
      loading: "Loading…",
      error: "Error: ",
      reviews: "Reviews",
      reviewsHint: "Every retrospective, by team and date.",
      allTeams: "All teams",
      team: "Team",
      date: "Date",
      title: "Title",
      source: "Source",
      counts: "Goals / lessons / actions",
      noReviews: "No reviews yet. Talk to the coach (bottom right) or upload meeting notes.",
      "source.chat": "chat",
      "source.notes": "notes",
      back: "← All reviews",
      exportMd: "Export Markdown",
      print: "Print / PDF",
      steps: ["Review", "Root causes", "Lessons", "Actions"],
      goal: "Goal",
      target: "Target",
      result: "Result",
      gap: "Gap",
      verdict: "Verdict",
      noGoals: "No goals yet.",
      chartTitle: "Target vs result",
      highlights: "Highlights",
      shortfalls: "Shortfalls",
      causesOf: "Causes: ",
      ladder: "Phenomenon → surface cause → root cause",
      phenomenon: "Phenomenon",
      surface: "Surface cause",
      root: "Root cause",
      mainCause: "Main cause",
      share: "Share",
      noChains: "No cause analysis yet.",
      reflections: "Personal reflections",
      mostTouched: "Moved me most",
      selfDiscovery: "Found out about myself",
      doBetter: "Would do better",
      nextStep: "Next step",
      noLessons: "No lessons yet.",
      "dim.organization": "Organization",
      "dim.culture": "Culture",
      "dim.people": "People",
      "dim.business": "Business",
      "act.continue": "Continue",
      "act.stop": "Stop",
      "act.optimize": "Optimize",
      "act.start": "Start",
      what: "What",
      how: "How",
      when: "When",
      who: "Owner",
      kind: "Kind",
      status: "Status",
      "kind.focus": "Focus",
      "kind.strategy": "Strategy",
      "kind.improvement": "Improvement",
      "kind.opportunity": "Opportunity",
      "status.open": "Open",
      "status.done": "Done",
      "status.not_done": "Not done",
      "status.unknown": "Not recorded",
      recurring: "Lessons learned more than once",
      recurringHint: "The same lesson came up again in another review: were the actions from last time done?",
      noRecurring: "No lesson has come up twice yet.",
      times: "{n} times",
      actionsThen: "Actions then: ",
      saved: "Saved",
      noActions: "No action plan yet.",
      related: "Related past lessons",
      relatedHint: "The lesson library, searched by this review's root causes.",
      noRelated: "Nothing related in the library yet.",
      openReview: "Open review",
      summary: "Summary",
      search: "Lesson library",
      searchHint: "Have we seen this before, and what did we learn?",
      query: "e.g. scope changes caused delays",
      searchBtn: "Search",
      anyDimension: "Any dimension",
      anyAction: "Any action",
      teamFilter: "Team (optional)",
      noHits: "No matching lessons.",
      degraded: "Vector search is unavailable; results come from keyword matching.",
      score: "Score",
      upload: "Upload meeting notes",
      uploadHint: "txt, md, docx, vtt, srt (UTF-8 or GBK); pick several files at once.",
      files: "Choose files",
      teamOptional: "Team (optional)",
      indexLessons: "Add the lessons to the library",
      start: "Summarize",
      chooseFiles: "Choose at least one file.",
      progress: "Progress",
      "item.pending": "queued",
      "item.queued": "queued",
      "item.running": "working",
      "item.done": "done",
      "item.failed": "failed",
      "item.error": "failed",
      jobDone: "All done",
      jobFailed: "The job failed",
      keyTitle: "An API key is needed",
      keyPlaceholder: "Paste a member key (kept in this browser only)",
      keySave: "Save",
      askCoach: "Ask the coach",
      edit: "Edit",
      save: "Save",
      cancel: "Cancel",
      remove: "Remove",
      "add.goals": "Add a goal",
      "add.highlights": "Add a highlight",
      "add.shortfalls": "Add a shortfall",
      "add.cause_chains": "Add a cause chain",
      "add.lessons": "Add a lesson",
      "add.actions": "Add an action",
      "part.goals": "Goals",
      "part.highlights": "Highlights",
      "part.shortfalls": "Shortfalls",
      "part.cause_chains": "Phenomenon → surface cause → root cause",
      "part.lessons": "Lessons",
      "part.actions": "Action plan",
      findingText: "Text",
      causesLabel: "Causes (separate with ;)",
      sharePct: "Share %",
      lessonText: "Lesson",
      dimension: "Dimension",
      lessonAction: "Action",
      noMore: "No more relevant lessons",
      noFiles: "No files chosen yet",
      filesChosen: "{n} files chosen: ",
      batchOverview: "Batch overview",
      archive: "Delete",
      confirmArchive: "Delete this review? It is archived: it leaves the list, lesson search and recurring lessons, and can be restored later.",
      archivedNotice: "This review is archived (deleted): it is out of the list and lesson search.",
      restore: "Restore",
      showArchived: "Deleted reviews",
      showCurrent: "← Current reviews",
      archivedList: "Deleted reviews",
      exportAll: "Export all:",
      exportActions: "Actions CSV",
      batchHint: "Each note became a review; below: the batch's goals, recurring causes and lessons, and every action.",
    },
  };

  var lang = pickLanguage();
  var app = document.getElementById("app");

  // ---- helpers -----------------------------------------------------------------------------

  function pickLanguage() {
    var saved = null;
    try { saved = localStorage.getItem("retro-coach:lang"); } catch (e) { /* ignore */ }
    var tag = saved || document.documentElement.getAttribute("data-lang") || navigator.language || "zh";
    return /^zh/i.test(tag) ? "zh" : "en";
  }

  function t(key) {
    var value = I18N[lang][key];
    return value === undefined ? key : value;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  var SVG_NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function dash(value) {
    return value === null || value === undefined || value === "" ? "—" : String(value);
  }

  function percent(value) {
    return value === null || value === undefined ? "" : Math.round(value * 100) + "%";
  }

  // With API keys configured, the workspace needs a member key; it is kept in this browser only.
  var KEY_STORE = "retro-coach:key";

  function apiKey() {
    try { return localStorage.getItem(KEY_STORE) || ""; } catch (e) { return ""; }
  }

  async function request(method, path, body) {
    var init = { method: method, headers: { "Accept-Language": lang } };
    if (apiKey()) init.headers.Authorization = "Bearer " + apiKey();
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    var response = await fetch(API + path, init);
    if (!response.ok) {
      var message = response.status + " " + response.statusText;
      try { message = (await response.json()).error.message || message; } catch (e) { /* not JSON */ }
      var error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return response;
  }

  async function api(method, path, body) {
    return (await request(method, path, body)).json();
  }

  // The Markdown export as a download (a plain link cannot carry the key header).
  async function download(path, filename) {
    var blob = await (await request("GET", path)).blob();
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function keyForm(error) {
    var input = el("input", { type: "password", name: "key", placeholder: t("keyPlaceholder"), "aria-label": t("keyPlaceholder"), autocomplete: "off" });
    var form = el("form", { class: "card key-form" }, [
      el("h2", { text: t("keyTitle") }),
      el("p", { class: "muted", text: error.message }),
      el("div", { class: "filters" }, [input, el("button", { class: "button", type: "submit", text: t("keySave") })]),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      try { localStorage.setItem(KEY_STORE, input.value.trim()); } catch (e) { /* ignore */ }
      route();
    });
    return form;
  }

  function render(nodes) {
    app.textContent = "";
    nodes.forEach(function (node) { if (node) app.appendChild(node); });
  }

  function errorBox(error) {
    if (error.status === 401) return keyForm(error);
    return el("p", { class: "error", role: "alert", text: t("error") + error.message });
  }

  function section(id, step, title, children) {
    return el("section", { class: "card", id: id }, [
      el("h2", {}, [step ? el("span", { class: "step-no", text: step }) : null, title]),
    ].concat(children));
  }

  // A small, safe Markdown subset for the bulk overview: headings, bold, code, lists, tables.
  function markdown(source) {
    var root = el("div", { class: "md" });
    var list = null;
    var table = null;
    String(source || "").replace(/\r\n?/g, "\n").split("\n").forEach(function (line) {
      var heading = /^(#{1,4})\s+(.*)$/.exec(line);
      var item = /^\s*(?:[-*]|\d+[.)])\s+(.*)$/.exec(line);
      var row = /^\s*\|(.*)\|\s*$/.exec(line);
      if (!row) table = null;
      if (!item) list = null;
      if (row) {
        if (/^[\s|:-]+$/.test(row[1])) return; // the |---|---| separator
        var head = !table;
        if (head) { table = el("tbody"); root.appendChild(el("table", { class: "table md-table" }, [table])); }
        table.appendChild(el("tr", {}, row[1].split("|").map(function (cell) {
          return inline(el(head ? "th" : "td"), cell.trim());
        })));
      } else if (heading) {
        root.appendChild(inline(el("h" + Math.min(heading[1].length + 2, 6)), heading[2]));
      } else if (item) {
        if (!list) { list = el("ul"); root.appendChild(list); }
        list.appendChild(inline(el("li"), item[1]));
      } else if (line.trim()) {
        root.appendChild(inline(el("p"), line));
      }
    });
    return root;
  }

  function inline(parent, text) {
    var pattern = /(\*\*[^*]+\*\*|`[^`]+`)/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text))) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var bold = match[0].charAt(0) === "*";
      parent.appendChild(el(bold ? "strong" : "code", { text: match[0].slice(bold ? 2 : 1, bold ? -2 : -1) }));
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  // ---- reviews list ------------------------------------------------------------------------

  async function showReviews(params) {
    var team = params.get("team") || "";
    var archived = params.get("archived") === "1";
    render([el("p", { class: "muted", text: t("loading") })]);
    var all;
    try {
      all = await api("GET", "/reviews?limit=500" + (archived ? "&archived=true" : ""));
    } catch (error) {
      render([errorBox(error)]);
      return;
    }
    var teams = Array.from(new Set(all.map(function (r) { return r.team; }).filter(Boolean))).sort();
    var rows = team ? all.filter(function (r) { return r.team === team; }) : all;
    var picker = el("select", { "aria-label": t("team"), id: "team-filter", onchange: function (event) {
      var next = new URLSearchParams();
      if (event.target.value) next.set("team", event.target.value);
      if (archived) next.set("archived", "1");
      location.hash = "#/" + (next.toString() ? "?" + next.toString() : "");
    } }, [el("option", { value: "", text: t("allTeams") })].concat(teams.map(function (name) {
      return el("option", { value: name, text: name, selected: name === team });
    })));
    render([
      el("div", { class: "page-head" }, [
        el("div", {}, [el("h1", { text: t(archived ? "archivedList" : "reviews") }), el("p", { class: "muted", text: t("reviewsHint") })]),
        el("div", { class: "filters" }, [
          picker,
          el("a", { href: archived ? "#/" : "#/?archived=1", id: "archived-toggle", text: t(archived ? "showCurrent" : "showArchived") }),
        ]),
      ]),
      rows.length ? reviewsTable(rows, team) : el("p", { class: "empty", text: t("noReviews") }),
      all.length ? bulkExport(archived) : null,
    ]);
  }

  // The whole workspace (or its archive) as JSON, Markdown and the actions as CSV: GET /export.
  function bulkExport(archived) {
    var formats = [["json", "JSON", "reviews.json"], ["markdown", "Markdown", "reviews.md"],
      ["actions.csv", t("exportActions"), "actions.csv"]];
    return el("p", { class: "export-all no-print", id: "export-all" }, [el("span", { class: "muted", text: t("exportAll") })].concat(
      formats.map(function (f) {
        var path = "/export?format=" + encodeURIComponent(f[0]) + "&lang=" + lang + (archived ? "&archived=true" : "");
        return el("a", { class: "button ghost", href: API + path, download: f[2], "data-format": f[0], text: f[1], onclick: function (event) {
          if (!apiKey()) return; // no key needed: the plain link downloads
          event.preventDefault();
          download(path, f[2]).catch(function (error) { alert(t("error") + error.message); });
        } });
      })
    ));
  }

  function reviewsTable(rows, team) {
    var body = el("tbody", {}, rows.map(function (r) {
      return el("tr", { "data-review": r.id }, [
        el("td", { class: "nowrap", "data-label": t("date"), text: dash(r.date) }),
        el("td", { "data-label": t("team"), text: dash(r.team) }),
        el("td", { "data-label": t("title") }, [el("a", { href: "#/reviews/" + encodeURIComponent(r.id), text: r.title })]),
        el("td", { "data-label": t("source") }, [el("span", { class: "tag", text: t("source." + r.source) })]),
        el("td", { class: "num", "data-label": t("counts"), text: r.goals + " / " + r.lessons + " / " + r.actions }),
      ]);
    }));
    var head = el("thead", {}, [el("tr", {}, ["date", "team", "title", "source", "counts"].map(function (k) {
      return el("th", { text: t(k) });
    }))]);
    return el("div", { class: "card flush", "data-team": team }, [el("table", { class: "table reviews stack" }, [head, body])]);
  }

  // ---- one review --------------------------------------------------------------------------

  async function showReview(id) {
    render([el("p", { class: "muted", text: t("loading") })]);
    var review;
    try {
      review = await api("GET", "/reviews/" + encodeURIComponent(id));
    } catch (error) {
      render([el("a", { href: "#/", class: "back", text: t("back") }), errorBox(error)]);
      return;
    }
    renderReview(review);
  }

  function renderReview(review) {
    var steps = t("steps");
    function step(id, no, title, children) {
      var card = section(id, no, title, children);
      if (!review.archived_at) card.querySelector("h2").appendChild(editToggle(review, id));
      return card;
    }
    render([
      reviewHead(review),
      review.archived_at ? el("p", { class: "notice", id: "archived-notice", role: "status" }, [
        t("archivedNotice") + " ",
        el("button", { class: "button ghost", type: "button", id: "restore-review", text: t("restore"), onclick: function () {
          changeArchive(review, "POST", "/restore");
        } }),
      ]) : null,
      review.summary ? el("p", { class: "summary", text: review.summary }) : null,
      step("step-review", "1", steps[0], [goalsTable(review.goals), goalsChart(review.goals), findings(review)]),
      step("step-analysis", "2", steps[1], [causeLadder(review.cause_chains), reflections(review.reflections)]),
      step("step-lessons", "3", steps[2], [lessonGrid(review.lessons)]),
      step("step-actions", "4", steps[3], [actionPlan(review)]),
      relatedLessons(review),
    ]);
  }

  function reviewHead(review) {
    var meta = [review.team, review.date, t("source." + review.source)].filter(Boolean).join(" · ");
    var md = API + "/reviews/" + encodeURIComponent(review.id) + ".md?lang=" + lang;
    return el("div", { class: "page-head review-head" }, [
      el("div", {}, [
        el("a", { href: "#/", class: "back no-print", text: t("back") }),
        el("h1", { text: review.title }),
        el("p", { class: "muted", text: meta }),
      ]),
      el("div", { class: "actions no-print" }, [
        el("a", { class: "button", id: "export-md", href: md, download: review.id + ".md", text: t("exportMd"), onclick: function (event) {
          if (!apiKey()) return; // no key needed: the plain link downloads
          event.preventDefault();
          download(md.slice(API.length), review.id + ".md").catch(function (error) { alert(t("error") + error.message); });
        } }),
        el("button", { class: "button ghost", type: "button", text: t("print"), onclick: function () { window.print(); } }),
        review.archived_at ? null : el("button", { class: "button ghost danger", type: "button", id: "archive-review", text: t("archive"), onclick: function () {
          if (window.confirm(t("confirmArchive"))) changeArchive(review, "DELETE", "");
        } }),
      ]),
    ]);
  }

  // DELETE archives the review (restorable); POST …/restore brings it back with its lessons.
  async function changeArchive(review, method, suffix) {
    try {
      await request(method, "/reviews/" + encodeURIComponent(review.id) + suffix);
      renderReview(await api("GET", "/reviews/" + encodeURIComponent(review.id)));
    } catch (error) {
      alert(t("error") + error.message);
    }
  }

  function goalsTable(goals) {
    if (!goals.length) return el("p", { class: "empty", text: t("noGoals") });
    var head = el("tr", {}, ["goal", "target", "result", "gap", "verdict"].map(function (k) {
      return el("th", { text: t(k) });
    }));
    var rows = goals.map(function (g) {
      var gap = g.gap_ratio === null || g.gap_ratio === undefined ? dash(g.gap_value)
        : (g.gap_ratio > 0 ? "+" : "") + (g.gap_ratio * 100).toFixed(1) + "%";
      return el("tr", {}, [
        el("td", { "data-label": t("goal"), text: g.name }),
        el("td", { class: "num", "data-label": t("target"), text: dash(g.target) }),
        el("td", { class: "num", "data-label": t("result"), text: dash(g.result) }),
        el("td", { class: "num " + (g.gap_ratio < 0 ? "neg" : g.gap_ratio > 0 ? "pos" : ""), "data-label": t("gap"), text: gap }),
        el("td", { "data-label": t("verdict") }, [g.verdict ? el("span", { class: "verdict " + g.verdict, text: verdictLabel(g.verdict) }) : "—"]),
      ]);
    });
    return el("table", { class: "table goals stack" }, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function verdictLabel(verdict) {
    var labels = {
      zh: { exceeded: "超额完成", met: "达成", missed: "未达成", far_missed: "差距很大" },
      en: { exceeded: "exceeded", met: "met", missed: "missed", far_missed: "far missed" },
    };
    return labels[lang][verdict] || verdict;
  }

  // Goals have different units, so each goal's pair of bars is scaled to its own larger value.
  function goalsChart(goals) {
    var data = goals.filter(function (g) { return g.target_value !== null && g.result_value !== null; });
    if (!data.length) return null;
    var rowH = 44;
    var labelW = 130;
    var barW = 380;
    var height = data.length * rowH + 28;
    var chart = svg("svg", {
      class: "chart", viewBox: "0 0 " + (labelW + barW + 110) + " " + height, role: "img",
      "aria-label": t("chartTitle"),
    });
    chart.appendChild(svg("title", {}, t("chartTitle")));
    data.forEach(function (g, i) {
      var top = i * rowH + 4;
      var max = Math.max(Math.abs(g.target_value), Math.abs(g.result_value)) || 1;
      chart.appendChild(svg("text", { x: 0, y: top + 22, class: "chart-label" }, g.name));
      [["target", g.target_value, g.target], ["result", g.result_value, g.result]].forEach(function (bar, j) {
        var w = Math.max(2, (Math.abs(bar[1]) / max) * barW);
        var y = top + j * 17;
        chart.appendChild(svg("rect", { x: labelW, y: y, width: w, height: 14, rx: 3, class: "bar bar-" + bar[0] + (j ? " " + (g.verdict || "") : "") }));
        chart.appendChild(svg("text", { x: labelW + w + 6, y: y + 11, class: "chart-value" }, dash(bar[2] || bar[1]) + (g.unit && !bar[2] ? g.unit : "")));
      });
    });
    var legendY = height - 8;
    var legend = [["bar-target", t("target")], ["bar-result", t("result")],
      ["bar-result missed", verdictLabel("missed")], ["bar-result far_missed", verdictLabel("far_missed")]];
    legend.forEach(function (entry, i) {
      var x = labelW + i * 100;
      chart.appendChild(svg("rect", { x: x, y: legendY - 9, width: 10, height: 10, rx: 2, class: "swatch " + entry[0] }));
      chart.appendChild(svg("text", { x: x + 16, y: legendY, class: "chart-legend" }, entry[1]));
    });
    return el("figure", { class: "chart-box" }, [chart]);
  }

  function findings(review) {
    var blocks = [["highlights", review.highlights], ["shortfalls", review.shortfalls]].filter(function (b) {
      return b[1] && b[1].length;
    });
    if (!blocks.length) return null;
    return el("div", { class: "two-col" }, blocks.map(function (block) {
      return el("div", { class: "finding " + block[0] }, [
        el("h3", { text: t(block[0]) }),
        el("ul", {}, block[1].map(function (f) {
          return el("li", {}, [
            el("span", { text: f.text }),
            f.causes && f.causes.length ? el("small", { class: "muted", text: t("causesOf") + f.causes.join("；") }) : null,
          ]);
        })),
      ]);
    }));
  }

  function causeLadder(chains) {
    if (!chains || !chains.length) return el("p", { class: "empty", text: t("noChains") });
    var sorted = chains.slice().sort(function (a, b) { return (b.is_main - a.is_main) || ((b.share || 0) - (a.share || 0)); });
    return el("div", { class: "ladder", "aria-label": t("ladder") }, sorted.map(function (c) {
      var rungs = [["phenomenon", c.phenomenon], ["surface", c.surface_cause], ["root", c.root_cause]];
      var row = el("div", { class: "chain" + (c.is_main ? " main" : "") });
      rungs.forEach(function (rung, i) {
        if (i) row.appendChild(el("span", { class: "arrow", "aria-hidden": "true", text: "→" }));
        row.appendChild(el("div", { class: "rung " + rung[0] }, [
          el("span", { class: "rung-label", text: t(rung[0]) }),
          el("span", { class: "rung-text", text: dash(rung[1]) }),
        ]));
      });
      var badges = el("div", { class: "chain-meta" }, [
        c.is_main ? el("span", { class: "badge main", text: t("mainCause") }) : null,
        c.share !== null && c.share !== undefined ? el("span", { class: "share", title: t("share") }, [
          el("span", { class: "share-bar" }, [shareFill(c.share)]),
          el("span", { text: percent(c.share) }),
        ]) : null,
      ]);
      row.appendChild(badges);
      return row;
    }));
  }

  function shareFill(share) {
    var fill = el("span", { class: "share-fill" });
    fill.style.width = percent(share);
    return fill;
  }

  function reflections(list) {
    if (!list || !list.length) return null;
    var fields = ["mostTouched", "selfDiscovery", "doBetter", "nextStep"];
    var keys = { mostTouched: "most_touched", selfDiscovery: "self_discovery", doBetter: "do_better", nextStep: "next_step" };
    return el("div", { class: "reflections" }, [el("h3", { text: t("reflections") })].concat(list.map(function (r) {
      return el("div", { class: "reflection" }, [
        el("strong", { text: dash(r.person) }),
        el("dl", {}, fields.reduce(function (out, f) {
          if (r[keys[f]]) out.push(el("dt", { text: t(f) }), el("dd", { text: r[keys[f]] }));
          return out;
        }, [])),
      ]);
    })));
  }

  function lessonGrid(lessons) {
    var head = el("tr", {}, [el("th", { class: "corner" })].concat(ACTIONS.map(function (a) {
      return el("th", { scope: "col", class: "act-" + a, text: t("act." + a) });
    })));
    var rows = DIMENSIONS.map(function (d) {
      return el("tr", {}, [el("th", { scope: "row", text: t("dim." + d) })].concat(ACTIONS.map(function (a) {
        var items = lessons.filter(function (l) { return l.dimension === d && l.action === a; });
        return el("td", { "data-dimension": d, "data-action": a, class: items.length ? "filled" : "" }, [
          items.length ? el("ul", {}, items.map(function (l) { return el("li", { text: l.text }); })) : null,
        ]);
      })));
    });
    return el("div", {}, [
      el("table", { class: "lesson-grid" }, [el("thead", {}, [head]), el("tbody", {}, rows)]),
      lessonList(lessons),
      lessons.length ? null : el("p", { class: "empty", text: t("noLessons") }),
    ]);
  }

  function lessonList(lessons) {
    return el("div", { class: "lesson-list" }, DIMENSIONS.reduce(function (out, d) {
      var items = lessons.filter(function (l) { return l.dimension === d; });
      if (!items.length) return out;
      return out.concat([
        el("h3", { text: t("dim." + d) }),
        el("ul", { "data-dimension": d }, items.map(function (l) {
          return el("li", {}, [el("span", { class: "tag act act-" + l.action, text: t("act." + l.action) }), el("span", { text: l.text })]);
        })),
      ]);
    }, []));
  }

  function actionPlan(review) {
    var items = review.action_items || [];
    if (!items.length) return el("p", { class: "empty", text: t("noActions") });
    var head = el("tr", {}, ["what", "how", "when", "who", "kind", "status"].map(function (k) {
      return el("th", { text: t(k) });
    }));
    var rows = items.map(function (a) {
      return el("tr", { "data-action-id": a.id, class: "status-" + a.status }, [
        el("td", { "data-label": t("what"), text: a.what }),
        el("td", { "data-label": t("how"), text: dash(a.how) }),
        el("td", { class: "nowrap", "data-label": t("when"), text: dash(a.when) }),
        el("td", { "data-label": t("who"), text: dash(a.who) }),
        el("td", { "data-label": t("kind"), text: a.kind ? t("kind." + a.kind) : "—" }),
        el("td", { "data-label": t("status") }, [statusPicker(review.id, a)]),
      ]);
    });
    return el("table", { class: "table plan stack" }, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function statusPicker(reviewId, action) {
    var note = el("span", { class: "saved", "aria-live": "polite" });
    var picker = el("select", { class: "status", "aria-label": t("status") }, ["open", "done", "not_done"].map(function (s) {
      return el("option", { value: s, text: t("status." + s), selected: s === action.status });
    }));
    picker.addEventListener("change", async function () {
      var path = "/reviews/" + encodeURIComponent(reviewId) + "/actions/" + encodeURIComponent(action.id);
      picker.disabled = true;
      try {
        var updated = await api("PATCH", path, { status: picker.value, note: action.status_note || null });
        action.status = updated.status;
        picker.closest("tr").className = "status-" + updated.status;
        note.textContent = t("saved");
      } catch (error) {
        picker.value = action.status;
        note.textContent = t("error") + error.message;
      } finally {
        picker.disabled = false;
      }
    });
    return el("span", { class: "status-cell" }, [picker, el("span", { class: "print-only", text: t("status." + action.status) }), note]);
  }

  function relatedLessons(review) {
    var box = el("div", { class: "related-list" }, [el("p", { class: "muted", text: t("loading") })]);
    var query = review.cause_chains.map(function (c) { return c.root_cause || c.surface_cause || c.phenomenon; })
      .concat(review.shortfalls.map(function (s) { return s.text; }))
      .filter(Boolean).join(" ").slice(0, 400);
    var card = el("section", { class: "card", id: "related" }, [
      el("h2", { text: t("related") }), el("p", { class: "muted", text: t("relatedHint") }), box,
    ]);
    if (!query) { box.textContent = ""; box.appendChild(el("p", { class: "empty", text: t("noRelated") })); return card; }
    searchLessons({ q: query, k: "8" }).then(function (result) {
      var hits = result.hits.filter(function (h) { return h.review_id !== review.id; }).slice(0, 5);
      box.textContent = "";
      box.appendChild(hits.length ? hitList(hits, query) : el("p", { class: "empty", text: t("noRelated") }));
    }).catch(function () {
      box.textContent = "";
      box.appendChild(el("p", { class: "empty", text: t("noRelated") }));
    });
    return card;
  }

  // ---- editing a review in place -----------------------------------------------------------

  // The parts of the document each step's card edits, and the fields of one item of each part.
  var SECTION_PARTS = {
    "step-review": ["goals", "highlights", "shortfalls"],
    "step-analysis": ["cause_chains"],
    "step-lessons": ["lessons"],
    "step-actions": ["actions"],
  };
  var EDITABLE = {
    goals: [{ key: "name", label: "goal" }, { key: "target", label: "target" }, { key: "result", label: "result" }],
    highlights: [{ key: "text", label: "findingText" }, { key: "causes", label: "causesLabel", type: "list" }],
    shortfalls: [{ key: "text", label: "findingText" }, { key: "causes", label: "causesLabel", type: "list" }],
    cause_chains: [
      { key: "phenomenon", label: "phenomenon" }, { key: "surface_cause", label: "surface" },
      { key: "root_cause", label: "root" }, { key: "share", label: "sharePct", type: "percent" },
      { key: "is_main", label: "mainCause", type: "checkbox" },
    ],
    lessons: [
      { key: "text", label: "lessonText" },
      { key: "dimension", label: "dimension", options: DIMENSIONS, prefix: "dim." },
      { key: "action", label: "lessonAction", options: ACTIONS, prefix: "act." },
    ],
    actions: [
      { key: "what", label: "what" }, { key: "how", label: "how" }, { key: "when", label: "when", type: "date" },
      { key: "who", label: "who" }, { key: "kind", label: "kind", options: KINDS, prefix: "kind.", blank: true },
    ],
  };

  function editToggle(review, sectionId) {
    return el("button", {
      class: "button ghost edit-toggle no-print", type: "button", "data-edit": sectionId, text: t("edit"),
      onclick: function () { openEditor(review, sectionId); },
    });
  }

  function openEditor(review, sectionId) {
    var card = document.getElementById(sectionId);
    var heading = card.querySelector("h2");
    var parts = SECTION_PARTS[sectionId];
    var editors = parts.map(function (part) { return partEditor(part, review[part] || []); });
    var message = el("span", { class: "error", role: "alert" });
    var save = el("button", { class: "button", type: "submit", text: t("save") });
    var cancel = el("button", { class: "button ghost", type: "button", text: t("cancel"), onclick: function () {
      renderReview(review);
      document.getElementById(sectionId).scrollIntoView();
    } });
    var form = el("form", { class: "editor", "data-editor": sectionId }, editors.map(function (e) { return e.root; })
      .concat([el("div", { class: "editor-actions" }, [save, cancel, message])]));
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      var body = {};
      parts.forEach(function (part, i) { body[part] = editors[i].read(); });
      save.disabled = true;
      message.textContent = "";
      try {
        var saved = await api("PATCH", "/reviews/" + encodeURIComponent(review.id) + "/document", body);
        renderReview(saved);
        var again = document.getElementById(sectionId);
        again.querySelector("h2").appendChild(el("span", { class: "saved", role: "status", text: t("saved") }));
        again.scrollIntoView();
      } catch (error) {
        message.textContent = t("error") + error.message;
        save.disabled = false;
      }
    });
    heading.querySelector(".edit-toggle").remove();
    card.textContent = "";
    card.append(heading, form);
    var first = form.querySelector("input, select");
    if (first) first.focus();
  }

  // One part of the document as rows of inputs; read() gives the part back as the API takes it.
  function partEditor(part, items) {
    var fields = EDITABLE[part];
    var rows = el("div", { class: "edit-rows" });
    var entries = [];
    function addRow(item) {
      var inputs = fields.map(function (f) { return fieldInput(f, item[f.key]); });
      var entry = { item: item, inputs: inputs, removed: false };
      var row = el("div", { class: "edit-row", "data-part": part }, inputs.map(function (x) { return x.label; }).concat([
        el("button", { class: "button ghost remove", type: "button", text: t("remove"), onclick: function () {
          entry.removed = true;
          row.remove();
        } }),
      ]));
      entries.push(entry);
      rows.appendChild(row);
      return row;
    }
    items.forEach(addRow);
    var add = el("button", { class: "button ghost add-row", type: "button", "data-add": part, text: "+ " + t("add." + part), onclick: function () {
      addRow({}).querySelector("input, select").focus();
    } });
    return {
      root: el("fieldset", { "data-part": part }, [el("legend", { text: t("part." + part) }), rows, add]),
      read: function () {
        return entries.filter(function (e) { return !e.removed && !(isNew(e) && blank(e)); }).map(function (e) {
          return itemOf(part, fields, e);
        });
      },
    };
  }

  function isNew(entry) { return !Object.keys(entry.item).length; }

  function blank(entry) {
    return entry.inputs.every(function (x) { var v = x.read(); return v === null || v === false || (Array.isArray(v) && !v.length); });
  }

  function itemOf(part, fields, entry) {
    var values = {};
    fields.forEach(function (f, i) { values[f.key] = entry.inputs[i].read(); });
    ["name", "text", "phenomenon", "what"].forEach(function (k) { if (k in values && values[k] === null) values[k] = ""; });
    if (part === "goals") {
      // numbers, gap and verdict are worked out again by the server from what is typed
      return { name: values.name, target: values.target, result: values.result, evidence: entry.item.evidence || null };
    }
    var item = Object.assign({}, entry.item, values);
    if (part === "actions" && values.when !== (entry.item.when || null)) item.when_text = null;
    if (part === "lessons") { item.dimension = item.dimension || DIMENSIONS[0]; item.action = item.action || ACTIONS[0]; }
    return item;
  }

  function fieldInput(field, value) {
    var input;
    var read;
    if (field.options) {
      var options = (field.blank ? [el("option", { value: "", text: "—" })] : []).concat(field.options.map(function (o) {
        return el("option", { value: o, text: t(field.prefix + o), selected: o === value });
      }));
      input = el("select", { name: field.key }, options);
      read = function () { return input.value || null; };
    } else if (field.type === "checkbox") {
      input = el("input", { type: "checkbox", name: field.key, checked: !!value });
      read = function () { return input.checked; };
      return { label: el("label", { class: "check" }, [input, el("span", { text: t(field.label) })]), read: read };
    } else if (field.type === "percent") {
      var shown = value === null || value === undefined ? "" : String(Math.round(value * 100));
      input = el("input", { type: "number", name: field.key, min: "0", max: "100", step: "1", value: shown });
      read = function () { return input.value === "" ? null : Number(input.value) / 100; };
    } else if (field.type === "list") {
      input = el("input", { type: "text", name: field.key, value: (value || []).join("；") });
      read = function () { return input.value.split(/[；;]/).map(function (v) { return v.trim(); }).filter(Boolean); };
    } else {
      input = el("input", { type: field.type || "text", name: field.key, value: value === null || value === undefined ? "" : String(value) });
      read = function () { return input.value.trim() || null; };
    }
    return { label: el("label", {}, [el("span", { text: t(field.label) }), input]), read: read };
  }

  // ---- lesson search -----------------------------------------------------------------------

  function searchLessons(params) {
    var query = new URLSearchParams();
    Object.keys(params).forEach(function (k) { if (params[k]) query.set(k, params[k]); });
    return api("GET", "/lessons/search?" + query.toString());
  }

  // Terms to highlight: the words of the query, and for Chinese runs their two-character pieces.
  function highlightTerms(query) {
    var terms = [];
    String(query || "").split(/[\s,，。;；、:：!?！？()（）"“”'‘’]+/).forEach(function (word) {
      if (!word) return;
      terms.push(word);
      if (/[\u4e00-\u9fff]/.test(word) && word.length > 2) {
        for (var i = 0; i + 2 <= word.length; i++) terms.push(word.slice(i, i + 2));
      }
    });
    return terms.filter(function (w) { return w.length >= 2 || /[\u4e00-\u9fff]/.test(w); });
  }

  function highlighted(text, terms) {
    var node = el("span", { class: "hit-text" });
    if (!terms.length) { node.textContent = text; return node; }
    var escaped = terms.sort(function (a, b) { return b.length - a.length; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("(" + escaped.join("|") + ")", "gi");
    var last = 0;
    var match;
    while ((match = pattern.exec(text))) {
      if (!match[0]) { pattern.lastIndex++; continue; }
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      node.appendChild(el("mark", { text: match[0] }));
      last = match.index + match[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  function hitList(hits, query) {
    var terms = highlightTerms(query);
    return el("ol", { class: "hits" }, hits.map(function (h) {
      var meta = [h.team, h.review_date].filter(Boolean).join(" · ");
      return el("li", { class: "hit", "data-lesson": h.id }, [
        highlighted(h.text, terms),
        el("div", { class: "hit-meta" }, [
          el("span", { class: "tag dim", text: t("dim." + h.dimension) }),
          el("span", { class: "tag act act-" + h.action, text: t("act." + h.action) }),
          meta ? el("span", { class: "muted", text: meta }) : null,
          el("span", { class: "muted", text: t("score") + " " + Number(h.score).toFixed(2) }),
          h.review_id ? el("a", { href: "#/reviews/" + encodeURIComponent(h.review_id), text: t("openReview") + " →" }) : null,
        ]),
      ]);
    }));
  }

  function showSearch(params) {
    var form = el("form", { class: "search-form card", role: "search" });
    var q = el("input", { type: "search", name: "q", placeholder: t("query"), value: params.get("q") || "", "aria-label": t("query") });
    var team = el("input", { type: "text", name: "team", placeholder: t("teamFilter"), value: params.get("team") || "", "aria-label": t("teamFilter") });
    var dimension = selectOf("dimension", t("anyDimension"), DIMENSIONS, "dim.", params.get("dimension"));
    var action = selectOf("action", t("anyAction"), ACTIONS, "act.", params.get("action"));
    form.append(q, el("div", { class: "filters" }, [team, dimension, action, el("button", { class: "button", type: "submit", text: t("searchBtn") })]));
    var results = el("div", { id: "results" });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var next = new URLSearchParams();
      [["q", q.value.trim()], ["team", team.value.trim()], ["dimension", dimension.value], ["action", action.value]]
        .forEach(function (p) { if (p[1]) next.set(p[0], p[1]); });
      location.hash = "#/search?" + next.toString();
    });
    render([el("div", { class: "page-head" }, [el("div", {}, [
      el("h1", { text: t("search") }), el("p", { class: "muted", text: t("searchHint") }),
    ])]), form, results]);
    if (params.get("q")) runSearch(params, results);
    else q.focus();
  }

  function selectOf(name, any, values, prefix, current) {
    return el("select", { name: name, "aria-label": any }, [el("option", { value: "", text: any })].concat(values.map(function (v) {
      return el("option", { value: v, text: t(prefix + v), selected: v === current });
    })));
  }

  async function runSearch(params, results) {
    results.appendChild(el("p", { class: "muted", text: t("loading") }));
    try {
      var result = await searchLessons({
        q: params.get("q"), k: String(SEARCH_K), team: params.get("team"), dimension: params.get("dimension"),
        action: params.get("action"), floor: "true",
      });
      results.textContent = "";
      if (result.degraded) results.appendChild(el("p", { class: "notice", text: t("degraded") }));
      results.appendChild(result.hits.length ? hitList(result.hits, params.get("q")) : el("p", { class: "empty", text: t("noHits") }));
      // the weak tail is left out: say so after the last relevant hit
      if (result.hits.length && result.hits.length < SEARCH_K) results.appendChild(el("p", { class: "no-more", text: t("noMore") }));
    } catch (error) {
      results.textContent = "";
      results.appendChild(errorBox(error));
    }
  }

  // ---- recurring lessons -------------------------------------------------------------------

  async function showRecurring() {
    var list = el("div", { id: "clusters" }, [el("p", { class: "muted", text: t("loading") })]);
    render([el("div", { class: "page-head" }, [el("div", {}, [
      el("h1", { text: t("recurring") }), el("p", { class: "muted", text: t("recurringHint") }),
    ])]), list]);
    try {
      var clusters = await api("GET", "/lessons/recurring");
      list.textContent = "";
      list.appendChild(clusters.length
        ? el("ol", { class: "clusters" }, clusters.map(clusterCard))
        : el("p", { class: "empty", text: t("noRecurring") }));
    } catch (error) {
      list.textContent = "";
      list.appendChild(errorBox(error));
    }
  }

  function clusterCard(cluster) {
    var flagged = cluster.earlier_actions_unfinished ? " unfinished" : "";
    return el("li", { class: "card cluster" + flagged, "data-cluster": cluster.id }, [
      el("div", { class: "cluster-head" }, [
        el("span", { class: "times", text: t("times").replace("{n}", cluster.times) }),
        el("strong", { text: cluster.text }),
      ]),
      el("p", { class: "cluster-note", text: lang === "zh" ? cluster.note_zh : cluster.note_en }),
      el("ol", { class: "cluster-lessons" }, cluster.lessons.map(function (lesson) {
        var when = [lesson.review_date, lesson.team].filter(Boolean).join(" · ") || "—";
        return el("li", { "data-lesson": lesson.id }, [
          el("span", { class: "muted when", text: when }),
          el("span", { class: "cluster-text", text: lesson.text }),
          el("span", { class: "tag status-" + lesson.action_status, text: t("actionsThen") + t("status." + lesson.action_status) }),
          lesson.review_id ? el("a", { href: "#/reviews/" + encodeURIComponent(lesson.review_id), text: t("openReview") + " →" }) : null,
        ]);
      })),
    ]);
  }

  // ---- bulk summary upload -----------------------------------------------------------------

  function showUpload() {
    var files = el("input", { type: "file", name: "files", multiple: true, id: "notes-files", class: "visually-hidden", accept: ".txt,.md,.markdown,.docx,.vtt,.srt" });
    var chosen = el("span", { class: "file-names muted", id: "file-names", text: t("noFiles") });
    files.addEventListener("change", function () {
      var names = Array.prototype.map.call(files.files, function (f) { return f.name; });
      chosen.textContent = names.length ? t("filesChosen").replace("{n}", names.length) + names.join("、") : t("noFiles");
    });
    var team = el("input", { type: "text", name: "team", placeholder: t("teamOptional"), "aria-label": t("teamOptional") });
    var index = el("input", { type: "checkbox", name: "index", checked: true });
    var status = el("div", { id: "job" });
    var form = el("form", { class: "card upload-form" }, [
      el("label", { class: "file-drop" }, [el("span", { class: "button ghost", text: t("files") }), files, chosen]),
      el("div", { class: "filters" }, [
        team,
        el("label", { class: "check" }, [index, el("span", { text: t("indexLessons") })]),
        el("button", { class: "button", type: "submit", id: "start-upload", text: t("start") }),
      ]),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      startUpload(files, team.value.trim(), index.checked, status, form);
    });
    render([el("div", { class: "page-head" }, [el("div", {}, [
      el("h1", { text: t("upload") }), el("p", { class: "muted", text: t("uploadHint") }),
    ])]), form, status]);
  }

  async function startUpload(files, team, index, status, form) {
    status.textContent = "";
    if (!files.files.length) { status.appendChild(errorBox(new Error(t("chooseFiles")))); return; }
    var data = new FormData();
    Array.prototype.forEach.call(files.files, function (file) { data.append("files", file, file.name); });
    if (team) data.append("team", team);
    data.append("index", index ? "true" : "false");
    form.querySelector("button").disabled = true;
    try {
      var job = await api("POST", "/summaries", data);
      var finished = await followJob(job.id || job.job_id, status);
      status.appendChild(batchOverview(finished));
    } catch (error) {
      status.appendChild(errorBox(error));
    } finally {
      form.querySelector("button").disabled = false;
    }
  }

  async function followJob(jobId, status) {
    var view = jobView();
    status.appendChild(view.root);
    for (;;) {
      var job = await api("GET", "/summaries/" + encodeURIComponent(jobId));
      updateJobView(view, job);
      if (["done", "failed", "error", "completed", "partial"].indexOf(job.status) >= 0) return job;
      await new Promise(function (resolve) { setTimeout(resolve, 400); });
    }
  }

  function jobView() {
    var fill = el("div", { class: "meter-fill" });
    var meter = el("div", { class: "meter", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0", "aria-label": t("progress") }, [fill]);
    var label = el("span", { class: "meter-label" });
    var items = el("ul", { class: "job-items" });
    var root = el("div", { class: "card job" }, [el("div", { class: "meter-row" }, [meter, label]), items]);
    return { root: root, meter: meter, fill: fill, label: label, items: items };
  }

  function updateJobView(view, job) {
    var progress = job.progress || {};
    var total = progress.total || (job.items || []).length || 1;
    var done = progress.done || 0;
    var pct = Math.round((done / total) * 100);
    view.fill.style.width = pct + "%";
    view.meter.setAttribute("aria-valuenow", String(pct));
    view.root.setAttribute("data-status", job.status);
    var finished = ["done", "completed", "partial"].indexOf(job.status) >= 0;
    var failed = ["failed", "error"].indexOf(job.status) >= 0;
    view.label.textContent = done + " / " + total + (finished ? " · " + t("jobDone") : failed ? " · " + t("jobFailed") : "");
    view.items.textContent = "";
    (job.items || []).forEach(function (item) {
      view.items.appendChild(el("li", { class: "job-item " + item.status }, [
        el("span", { class: "tag", text: t("item." + item.status) }),
        item.review_id ? el("a", { href: "#/reviews/" + encodeURIComponent(item.review_id), text: item.name }) : el("span", { text: item.name }),
        item.error ? el("small", { class: "error", text: errorText(item.error) }) : null,
      ]));
    });
  }

  // The finished batch: each note's review (or why it failed), then the overview across notes.
  function batchOverview(job) {
    var results = el("ul", { class: "batch-results" }, (job.items || []).map(function (item) {
      return el("li", { class: "batch-result " + item.status }, [
        el("span", { class: "tag status-" + (item.review_id ? "done" : "not_done"), text: t("item." + item.status) }),
        el("strong", { text: item.name }),
        item.review_id ? el("a", { href: "#/reviews/" + encodeURIComponent(item.review_id), text: t("openReview") + " →" }) : null,
        item.error ? el("small", { class: "error", text: errorText(item.error) }) : null,
      ]);
    }));
    return el("section", { class: "card batch-overview", id: "batch-overview" }, [
      el("h2", { text: t("batchOverview") }),
      el("p", { class: "muted", text: t("batchHint") }),
      results,
      job.overview_md ? el("div", { class: "md-scroll" }, [markdown(job.overview_md)]) : null,
    ]);
  }

  function errorText(error) {
    if (typeof error === "string") return error;
    return error[lang] || error.message || error.en || error.code || "";
  }

  // ---- routing and chrome ------------------------------------------------------------------

  function route() {
    var hash = location.hash.replace(/^#/, "") || "/";
    var parts = hash.split("?");
    var path = parts[0];
    var params = new URLSearchParams(parts[1] || "");
    var review = /^\/reviews\/([^/]+)$/.exec(path);
    var pages = { "/search": "search", "/recurring": "recurring", "/upload": "upload" };
    var page = review ? "reviews" : pages[path] || "reviews";
    document.querySelectorAll("[data-nav]").forEach(function (a) {
      var active = a.getAttribute("data-nav") === page;
      a.classList.toggle("active", active);
      // on a phone the navigation scrolls sideways: keep the current page's link in sight
      if (active && a.parentElement.scrollWidth > a.parentElement.clientWidth) {
        a.parentElement.scrollLeft = a.offsetLeft - a.parentElement.offsetLeft - 8;
      }
    });
    window.scrollTo(0, 0);
    if (review) return showReview(decodeURIComponent(review[1]));
    if (path === "/search") return showSearch(params);
    if (path === "/recurring") return showRecurring();
    if (path === "/upload") return showUpload();
    return showReviews(params);
  }

  function applyChrome() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = lang === "zh" ? "复盘教练 · Retro Coach" : "Retro Coach · 复盘教练";
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.getAttribute("data-i18n")); });
    document.getElementById("coach-open").onclick = function () {
      if (window.RetroCoach) window.RetroCoach.open();
    };
    var toggle = document.getElementById("lang-switch");
    toggle.textContent = t("switchTo");
    toggle.onclick = function () {
      lang = lang === "zh" ? "en" : "zh";
      try { localStorage.setItem("retro-coach:lang", lang); } catch (e) { /* ignore */ }
      applyChrome();
      route();
    };
  }

  applyChrome();
  window.addEventListener("hashchange", route);
  route();
})();
