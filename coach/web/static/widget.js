/*
 * 复盘教练 · Retro Coach — the embeddable chat widget.
 *
 *   <script src="https://coach.example/widget.js" data-workspace-key="…" async></script>
 *
 * Vanilla JS, no build step. Everything lives in a Shadow DOM (no CSS leaks either way).
 * Replies stream over SSE (fetch + ReadableStream, since the message is a POST).
 * Text from the user and the coach is rendered as a small Markdown subset with DOM
 * nodes and textContent only: HTML in messages stays inert text.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.__retroCoachWidget) return;
  window.__retroCoachWidget = true;

  var API = new URL(script.src, location.href).origin;
  var KEY = script.getAttribute("data-workspace-key") || "";
  var TEAM = script.getAttribute("data-team") || "";
  var LANG = pickLanguage(script.getAttribute("data-lang"));
  var STORE = "retro-coach:" + API + ":" + (KEY ? hash(KEY) : "default");

  // a 409 session_busy means another replica is still answering this session: wait, then ask again
  var BUSY_RETRY_MS = [500, 1000, 2000];

  var STEPS = ["review", "analysis", "lessons", "actions"];
  var STAGE_STEP = { followup: 0, review: 0, analysis: 1, reflection: 1, lessons: 2, actions: 3, done: 4 };

  var T = {
    zh: {
      title: "复盘教练",
      open: "打开复盘教练",
      close: "收起",
      restart: "开始新的复盘",
      placeholder: "输入回答，Enter 发送",
      send: "发送",
      typing: "教练正在输入…",
      steps: ["回顾评估", "分析根因", "总结提取", "转化应用"],
      followup: "上次行动跟进",
      done: "复盘完成",
      chips: ["跳过", "下一步", "回到上一步"],
      sources: "参考过往经验",
      you: "我",
      coach: "教练",
      error: "出错了：",
      offline: "连接不上复盘教练服务，请稍后再试。",
      fallback: "（大模型暂不可用，本轮由规则引擎回答）",
    },
    en: {
      title: "Retro Coach",
      open: "Open Retro Coach",
      close: "Minimize",
      restart: "Start a new review",
      placeholder: "Type your answer; Enter sends",
      send: "Send",
      typing: "The coach is typing…",
      steps: ["Review", "Root causes", "Lessons", "Actions"],
      followup: "Follow-up",
      done: "Review complete",
      chips: ["Skip", "Next step", "Go back"],
      sources: "From past reviews",
      you: "You",
      coach: "Coach",
      error: "Error: ",
      offline: "Cannot reach the Retro Coach service; please try again later.",
      fallback: "(the LLM is unavailable; the rules engine answered this turn)",
    },
  }[LANG];

  // ---- small helpers -----------------------------------------------------------------------

  function pickLanguage(explicit) {
    var tag = explicit || document.documentElement.lang || navigator.language || "zh";
    return /^zh/i.test(tag) ? "zh" : "en";
  }

  // On the service's own workspace page, the key the workspace stored (if any).
  function sameOriginKey() {
    if (API !== location.origin) return "";
    try { return localStorage.getItem("retro-coach:key") || ""; } catch (e) { return ""; }
  }

  function hash(text) {
    var h = 5381;
    for (var i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
    return h.toString(36);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "class") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function load(name) {
    try { return localStorage.getItem(STORE + ":" + name); } catch (e) { return null; }
  }

  function save(name, value) {
    try {
      if (value === null) localStorage.removeItem(STORE + ":" + name);
      else localStorage.setItem(STORE + ":" + name, value);
    } catch (e) { /* storage disabled: the session lasts as long as the page */ }
  }

  // ---- safe Markdown subset: **bold**, `code`, ``` blocks, - / 1. lists, line breaks -------

  function renderInline(text, parent) {
    var pattern = /(\*\*[^*\n]+\*\*|`[^`\n]+`)/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text))) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var token = match[0];
      var isBold = token.charAt(0) === "*";
      parent.appendChild(el(isBold ? "strong" : "code", { text: token.slice(isBold ? 2 : 1, isBold ? -2 : -1) }));
      last = match.index + token.length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderMarkdown(source) {
    var root = document.createDocumentFragment();
    var lines = String(source || "").replace(/\r\n?/g, "\n").split("\n");
    var list = null;
    var para = null;
    var code = null;
    lines.forEach(function (line) {
      if (/^```/.test(line)) {
        if (code) { code = null; } else { code = el("code"); root.appendChild(el("pre", {}, [code])); }
        list = para = null;
        return;
      }
      if (code) { code.appendChild(document.createTextNode((code.firstChild ? "\n" : "") + line)); return; }
      var item = /^\s*(?:[-*•·]|(\d+)[.)、])\s*(.*)$/.exec(line);
      if (item) {
        var kind = item[1] ? "ol" : "ul";
        if (!list || list.tagName.toLowerCase() !== kind) { list = el(kind); root.appendChild(list); }
        var li = el("li");
        renderInline(item[2], li);
        list.appendChild(li);
        para = null;
        return;
      }
      list = null;
      if (!line.trim()) { para = null; return; }
      if (para) para.appendChild(el("br")); else { para = el("p"); root.appendChild(para); }
      renderInline(line, para);
    });
    return root;
  }

  // ---- SSE over fetch ----------------------------------------------------------------------

  function parseEvent(block) {
    var event = "message";
    var data = [];
    block.split("\n").forEach(function (line) {
      if (line.indexOf("event:") === 0) event = line.slice(6).trim();
      else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
    });
    var payload = null;
    try { payload = data.length ? JSON.parse(data.join("\n")) : null; } catch (e) { payload = data.join("\n"); }
    return { event: event, data: payload };
  }

  async function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, "\n");
      var cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        var block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.trim()) onEvent(parseEvent(block));
      }
    }
    if (buffer.trim()) onEvent(parseEvent(buffer));
  }

  // ---- API ---------------------------------------------------------------------------------

  function headers(extra) {
    var out = { "Content-Type": "application/json", "Accept-Language": LANG };
    var key = KEY || sameOriginKey();
    if (key) out.Authorization = "Bearer " + key;
    return Object.assign(out, extra || {});
  }

  async function api(method, path, body, extra) {
    var response = await fetch(API + "/api/v1" + path, {
      method: method,
      headers: headers(extra),
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
      mode: "cors",
    });
    if (!response.ok) {
      var message = response.status + " " + response.statusText;
      var code = "";
      try {
        var problem = (await response.json()).error;
        message = problem.message || message;
        code = problem.code || "";
      } catch (e) { /* not JSON */ }
      var error = new Error(message);
      error.status = response.status;
      error.code = code;
      throw error;
    }
    return response;
  }

  // ---- the UI ------------------------------------------------------------------------------

  var host = el("div", { id: "retro-coach-widget", "data-retro-coach": "" });
  var shadow = host.attachShadow({ mode: "open" });
  var ui = {};
  var state = { sessionId: load("session"), busy: false, composing: false, started: false };

  // A constructed stylesheet also works on host pages whose CSP forbids inline <style>.
  function adoptStyles() {
    if ("adoptedStyleSheets" in shadow && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.appendChild(el("style", { text: CSS }));
    }
  }

  function buildUi() {
    adoptStyles();
    ui.launcher = el("button", { class: "launcher", type: "button", "aria-label": T.open, title: T.open }, [
      el("span", { class: "launcher-mark", text: LANG === "zh" ? "复盘" : "Retro" }),
    ]);
    ui.panel = el("section", { class: "panel", role: "dialog", "aria-label": T.title, hidden: "" });
    ui.steps = el("ol", { class: "steps" });
    T.steps.forEach(function (name, i) {
      ui.steps.appendChild(el("li", { "data-step": STEPS[i] }, [el("span", { class: "dot", text: String(i + 1) }), name]));
    });
    ui.progress = el("div", { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100" }, [
      el("div", { class: "bar" }),
    ]);
    ui.stageNote = el("div", { class: "stage-note" });
    ui.restart = el("button", { class: "icon", type: "button", title: T.restart, "aria-label": T.restart, text: "↺" });
    ui.close = el("button", { class: "icon", type: "button", title: T.close, "aria-label": T.close, text: "—" });
    var header = el("header", {}, [
      el("div", { class: "title-row" }, [
        el("div", { class: "title" }, [el("strong", { text: T.title }), ui.stageNote]),
        ui.restart,
        ui.close,
      ]),
      ui.steps,
      ui.progress,
    ]);
    ui.log = el("div", { class: "log", role: "log", "aria-live": "polite" });
    ui.chips = el("div", { class: "chips" });
    T.chips.forEach(function (label) {
      ui.chips.appendChild(el("button", { class: "chip", type: "button", text: label }));
    });
    ui.input = el("textarea", { class: "input", rows: "2", placeholder: T.placeholder, "aria-label": T.placeholder });
    ui.send = el("button", { class: "send", type: "button", text: T.send });
    var composer = el("div", { class: "composer" }, [ui.input, ui.send]);
    ui.panel.append(header, ui.log, ui.chips, composer);
    shadow.append(ui.launcher, ui.panel);
  }

  function bindUi() {
    ui.launcher.addEventListener("click", function () { setOpen(true); });
    ui.close.addEventListener("click", function () { setOpen(false); });
    ui.restart.addEventListener("click", restart);
    ui.send.addEventListener("click", function () { sendInput(); });
    ui.chips.addEventListener("click", function (event) {
      if (event.target.classList.contains("chip")) send(event.target.textContent);
    });
    ui.input.addEventListener("compositionstart", function () { state.composing = true; });
    ui.input.addEventListener("compositionend", function () { state.composing = false; });
    ui.input.addEventListener("keydown", onKeyDown);
    document.addEventListener("keydown", onEscape);
  }

  // Esc closes the open panel (not while an IME is composing: there Esc cancels the candidate).
  function onEscape(event) {
    if (event.key !== "Escape" || ui.panel.hidden || event.isComposing || state.composing) return;
    setOpen(false);
    ui.launcher.focus();
  }

  function onKeyDown(event) {
    if (event.key !== "Enter") return;
    // An IME (Chinese, Japanese…) uses Enter to confirm its candidate: that Enter must not send.
    if (event.isComposing || event.keyCode === 229 || state.composing) return;
    if (event.shiftKey) return; // newline
    event.preventDefault();
    sendInput();
  }

  function setOpen(open) {
    ui.panel.hidden = !open;
    ui.launcher.hidden = open;
    save("open", open ? "1" : null);
    if (open) {
      ensureSession();
      ui.input.focus();
    }
  }

  function scrollDown() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function addMessage(role, text) {
    var body = el("div", { class: "body" });
    body.appendChild(renderMarkdown(text));
    var bubble = el("div", { class: "msg " + role, "data-role": role }, [
      el("span", { class: "who", text: role === "user" ? T.you : T.coach }),
      body,
    ]);
    ui.log.appendChild(bubble);
    scrollDown();
    return bubble;
  }

  function setText(bubble, text) {
    var body = bubble.querySelector(".body");
    body.textContent = "";
    body.appendChild(renderMarkdown(text));
    scrollDown();
  }

  function addSources(bubble, sources) {
    if (!sources || !sources.length) return;
    var list = el("ul");
    sources.slice(0, 3).forEach(function (hit) {
      var meta = [hit.team, hit.review_date].filter(Boolean).join(" · ");
      list.appendChild(el("li", {}, [hit.text + (meta ? "（" + meta + "）" : "")]));
    });
    bubble.appendChild(el("div", { class: "sources" }, [el("span", { text: T.sources }), list]));
  }

  function showStage(stage) {
    var step = STAGE_STEP[stage] === undefined ? 0 : STAGE_STEP[stage];
    Array.prototype.forEach.call(ui.steps.children, function (li, i) {
      li.className = i < step ? "done" : i === step ? "current" : "";
      if (i === step) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
    });
    var filled = step >= 4 ? 4 : step + 0.5; // the current step counts as half done
    ui.progress.firstChild.style.width = Math.round((filled / 4) * 100) + "%";
    ui.progress.setAttribute("aria-valuenow", String(Math.round((filled / 4) * 100)));
    ui.stageNote.textContent = stage === "followup" ? T.followup : stage === "done" ? T.done : "";
    ui.panel.setAttribute("data-stage", stage || "");
  }

  function setBusy(busy) {
    state.busy = busy;
    ui.send.disabled = busy;
    ui.panel.classList.toggle("busy", busy);
    Array.prototype.forEach.call(ui.chips.children, function (chip) { chip.disabled = busy; });
  }

  function showError(message) {
    ui.log.appendChild(el("div", { class: "msg error", role: "alert", text: T.error + message }));
    scrollDown();
  }

  // ---- conversation ------------------------------------------------------------------------

  async function ensureSession() {
    if (state.started) return;
    state.started = true;
    setBusy(true);
    try {
      if (state.sessionId && (await restore(state.sessionId))) return;
      await createSession();
    } catch (error) {
      state.started = false;
      showError(error.status ? error.message : T.offline);
    } finally {
      setBusy(false);
    }
  }

  async function restore(sessionId) {
    try {
      var session = await (await api("GET", "/sessions/" + encodeURIComponent(sessionId))).json();
      session.turns.forEach(function (turn) {
        var bubble = addMessage(turn.role === "user" ? "user" : "coach", turn.text);
        if (turn.role !== "user") addSources(bubble, turn.sources);
      });
      showStage(session.stage);
      return true;
    } catch (error) {
      if (error.status === 404 || error.status === 403) {
        state.sessionId = null;
        save("session", null);
        return false;
      }
      throw error;
    }
  }

  async function createSession() {
    var body = { language: LANG };
    if (TEAM) body.team = TEAM;
    var session = await (await api("POST", "/sessions", body)).json();
    state.sessionId = session.id;
    save("session", session.id);
    var bubble = addMessage("coach", session.reply || "");
    addSources(bubble, session.sources);
    showStage(session.stage);
  }

  function restart() {
    if (state.busy) return;
    save("session", null);
    state.sessionId = null;
    state.started = false;
    ui.log.textContent = "";
    ensureSession();
  }

  function sendInput() {
    var text = ui.input.value;
    if (!text.trim() || state.busy) return;
    ui.input.value = "";
    send(text).then(function (sent) { if (!sent) ui.input.value = text; });
  }

  async function send(text) {
    if (state.busy) return false;
    if (!state.sessionId) await ensureSession();
    if (!state.sessionId) return false;
    addMessage("user", text);
    setBusy(true);
    var bubble = addMessage("coach", "");
    bubble.classList.add("typing");
    bubble.querySelector(".body").appendChild(el("span", { class: "dots", "aria-label": T.typing }, [
      el("i"), el("i"), el("i"),
    ]));
    try {
      await turnRetryingWhileBusy(text, bubble);
      bubble.setAttribute("data-state", "done");
    } catch (error) {
      bubble.setAttribute("data-state", "error");
      bubble.querySelector(".body").textContent = "";
      bubble.hidden = true;
      showError(error.status ? error.message : T.offline);
    } finally {
      bubble.classList.remove("typing");
      setBusy(false);
      ui.input.focus();
    }
    return true;
  }

  function isSessionBusy(error) {
    return error.status === 409 && error.code === "session_busy";
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  /** The turn, asked again after a back-off while another replica holds the session (409). */
  async function turnRetryingWhileBusy(text, bubble) {
    for (var attempt = 0; ; attempt += 1) {
      try {
        await streamTurn(text, bubble);
        bubble.setAttribute("data-retries", String(attempt));
        return;
      } catch (error) {
        if (!isSessionBusy(error) || attempt >= BUSY_RETRY_MS.length) throw error;
        await sleep(BUSY_RETRY_MS[attempt]);
      }
    }
  }

  async function streamTurn(text, bubble) {
    var response = await api(
      "POST",
      "/sessions/" + encodeURIComponent(state.sessionId) + "/messages",
      { text: text },
      { Accept: "text/event-stream" }
    );
    if ((response.headers.get("content-type") || "").indexOf("text/event-stream") < 0) {
      showTurn(bubble, await response.json()); // a proxy that does not stream: plain JSON
      bubble.setAttribute("data-deltas", "0");
      return;
    }
    var sofar = "";
    var deltas = 0;
    await readEvents(response, function (message) {
      if (message.event === "delta" && message.data) {
        sofar += message.data.text || "";
        deltas += 1;
        bubble.classList.remove("typing");
        setText(bubble, sofar);
      } else if (message.event === "result" && message.data) {
        showTurn(bubble, message.data);
      } else if (message.event === "error") {
        throw new Error((message.data && message.data.message) || "stream error");
      }
    });
    bubble.setAttribute("data-deltas", String(deltas));
  }

  function showTurn(bubble, turn) {
    setText(bubble, turn.reply + (turn.fallback ? "\n\n" + T.fallback : ""));
    addSources(bubble, turn.sources);
    showStage(turn.stage);
  }

  // ---- styles (scoped by the Shadow DOM) ---------------------------------------------------

  var CSS = [
    ":host{all:initial;--c-accent:#2f6f62;--c-accent-soft:#e6f0ed;--c-ink:#1f2933;--c-muted:#6b7785;",
    "--c-line:#e3e7eb;--c-bg:#fff;--c-user:#2f6f62;font-family:system-ui,-apple-system,'Segoe UI','PingFang SC',",
    "'Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif;font-size:14px;line-height:1.55;",
    "color:var(--c-ink)}",
    "*{box-sizing:border-box}[hidden]{display:none!important}",
    // a host page may dock the launcher elsewhere: --retro-coach-launcher: none hides the floating one
    ".launcher{display:var(--retro-coach-launcher,block);position:fixed;right:24px;bottom:24px;z-index:2147483000;",
    "width:60px;height:60px;border-radius:50%;",
    "border:0;background:var(--c-accent);color:#fff;box-shadow:0 6px 20px rgba(31,41,51,.25);cursor:pointer;",
    "font-weight:600;font-size:14px;line-height:1;font-family:inherit;transition:transform .15s}",
    ".launcher:hover{transform:translateY(-2px)}.launcher:focus-visible{outline:3px solid #9cc9bd;outline-offset:2px}",
    ".panel{position:fixed;right:24px;bottom:24px;z-index:2147483000;width:min(400px,calc(100vw - 32px));",
    "height:min(620px,calc(100vh - 48px));display:flex;flex-direction:column;background:var(--c-bg);",
    "border:1px solid var(--c-line);border-radius:16px;box-shadow:0 16px 48px rgba(31,41,51,.18);overflow:hidden}",
    "header{padding:14px 16px 10px;border-bottom:1px solid var(--c-line);background:#fbfcfc}",
    ".title-row{display:flex;align-items:center;gap:4px}.title{flex:1;display:flex;align-items:baseline;gap:8px}",
    ".title strong{font-size:15px}.stage-note{font-size:12px;color:var(--c-accent)}",
    ".icon{border:0;background:transparent;color:var(--c-muted);font-size:16px;line-height:1;font-family:inherit;",
    "width:28px;height:28px;border-radius:8px;cursor:pointer}.icon:hover{background:#eef1f3;color:var(--c-ink)}",
    ".steps{list-style:none;margin:10px 0 8px;padding:0;display:flex;justify-content:space-between;gap:4px;",
    "font-size:12px;color:var(--c-muted)}",
    ".steps li{display:flex;align-items:center;gap:4px;white-space:nowrap}",
    ".dot{display:inline-grid;place-items:center;width:18px;height:18px;border-radius:50%;border:1px solid #c9d1d8;",
    "font-size:11px;background:#fff}",
    ".steps li.current{color:var(--c-accent);font-weight:600}",
    ".steps li.current .dot{background:var(--c-accent);border-color:var(--c-accent);color:#fff}",
    ".steps li.done{color:var(--c-ink)}.steps li.done .dot{background:var(--c-accent-soft);border-color:#9cc9bd;",
    "color:var(--c-accent)}",
    ".progress{height:4px;border-radius:2px;background:#edf0f2;overflow:hidden}",
    ".bar{height:100%;width:0;background:var(--c-accent);transition:width .4s ease}",
    ".log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:12px;background:#fff}",
    ".msg{max-width:88%;display:flex;flex-direction:column;gap:2px}",
    ".msg .who{font-size:11px;color:var(--c-muted)}",
    ".msg .body{padding:9px 12px;border-radius:12px;background:#f3f5f7;overflow-wrap:anywhere}",
    ".msg.user{align-self:flex-end;align-items:flex-end}",
    ".msg.user .body{background:var(--c-user);color:#fff;border-bottom-right-radius:4px}",
    ".msg.coach .body{border-bottom-left-radius:4px}",
    ".msg.error{align-self:stretch;max-width:none;color:#9b2c2c;background:#fdf0f0;border-radius:8px;padding:8px 12px}",
    ".body p{margin:0}.body p+p,.body p+ul,.body p+ol,.body ul+p,.body ol+p{margin-top:6px}",
    ".body ul,.body ol{margin:4px 0;padding-left:20px}",
    ".body code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:rgba(0,0,0,.06);",
    "padding:1px 4px;border-radius:4px}",
    ".msg.user .body code{background:rgba(255,255,255,.2)}",
    ".body pre{margin:6px 0;padding:8px;background:rgba(0,0,0,.05);border-radius:6px;overflow-x:auto}",
    ".body pre code{background:none;padding:0}",
    ".sources{margin-top:4px;font-size:12px;color:var(--c-muted);border-left:2px solid #9cc9bd;padding-left:8px}",
    ".sources ul{margin:2px 0 0;padding-left:16px}",
    ".dots{display:inline-flex;gap:4px;padding:4px 0}.dots i{width:6px;height:6px;border-radius:50%;",
    "background:#9aa5b1;animation:blink 1.2s infinite}.dots i:nth-child(2){animation-delay:.2s}",
    ".dots i:nth-child(3){animation-delay:.4s}@keyframes blink{0%,80%,100%{opacity:.25}40%{opacity:1}}",
    ".chips{display:flex;gap:6px;padding:8px 16px 0;flex-wrap:wrap}",
    ".chip{border:1px solid #c9d1d8;background:#fff;color:var(--c-ink);border-radius:999px;padding:3px 12px;",
    "font-size:12px;line-height:1.6;font-family:inherit;cursor:pointer}",
    ".chip:hover:not(:disabled){border-color:var(--c-accent);color:var(--c-accent)}",
    ".composer{display:flex;gap:8px;padding:10px 16px 14px;align-items:flex-end}",
    ".input{flex:1;resize:none;border:1px solid #c9d1d8;border-radius:10px;padding:8px 10px;font-family:inherit;font-size:14px;line-height:1.5;",
    "color:inherit;max-height:120px;min-height:40px}",
    ".input:focus{outline:none;border-color:var(--c-accent);box-shadow:0 0 0 3px var(--c-accent-soft)}",
    ".send{border:0;border-radius:10px;background:var(--c-accent);color:#fff;padding:0 16px;height:40px;",
    "font-weight:600;font-size:14px;line-height:1;font-family:inherit;cursor:pointer}",
    "button:disabled{opacity:.5;cursor:default}",
    "@media (prefers-color-scheme:dark){:host{--c-accent:#5fb3a1;--c-accent-soft:#1f3a34;--c-ink:#e4e8ec;",
    "--c-muted:#9aa5b1;--c-line:#2e3740;--c-bg:#171c21;--c-user:#2f6f62}header{background:#1c2228}",
    ".log{background:var(--c-bg)}.msg .body{background:#232a31}.chip,.dot,.input{background:#1c2228;color:var(--c-ink)}",
    ".icon:hover{background:#232a31}.launcher{background:#2f6f62}.send{background:#2f6f62}}",
    "@media print{.launcher,.panel{display:none!important}}",
  ].join("");

  function mount() {
    buildUi();
    bindUi();
    showStage("review");
    document.body.appendChild(host);
    if (load("open")) setOpen(true);
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);

  // A tiny hook for hosts and tests; no internals are exposed.
  window.RetroCoach = { open: function () { setOpen(true); }, close: function () { setOpen(false); } };
})();
