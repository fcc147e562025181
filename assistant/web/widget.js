/*
 * Vraagbaak chat widget: <vraagbaak-chat api="https://host" mode="bubble|inline">.
 *
 * One script tag embeds it; no build step, no dependencies, no external fonts. It lives in its
 * own shadow DOM so host-page styles do not leak in or out (theme it with the CSS custom
 * properties --vraagbaak-accent and --vraagbaak-height on the element). Answers stream over
 * server-sent events read with fetch(): EventSource cannot POST. Every piece of text from the
 * server is inserted with textContent, never innerHTML, because answers quote documents.
 */
(() => {
  "use strict";
  if (window.customElements === undefined || customElements.get("vraagbaak-chat")) return;

  // The API defaults to the origin this script was loaded from, so one tag is enough.
  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript.src).origin;
    } catch (_e) {
      return window.location.origin;
    }
  })();

  const MAX_CHARS = 2000;
  const MAX_ITEMS = 30;
  const SESSION_HEADER = "X-Vraagbaak-Session";

  const TEXT = {
    nl: {
      title: "Vraagbaak arbeidsmigranten",
      subtitle: "Antwoorden uit documenten, met bronnen",
      launcher: "Stel een vraag",
      open: "Stel een vraag — Vraagbaak-chat",
      close: "Sluit de chat",
      intro:
        "Stel een vraag over arbeidsmigranten, bijvoorbeeld over huisvesting, inschrijving in de BRP of de Wet goed verhuurderschap. Elk antwoord noemt zijn bronnen.",
      label: "Uw vraag",
      placeholder: "Typ uw vraag…",
      send: "Versturen",
      hint: "Enter verstuurt, Shift+Enter geeft een nieuwe regel.",
      log: "Gesprek",
      you: "U vroeg:",
      bot: "Vraagbaak:",
      thinking: "Bezig met zoeken in de documenten…",
      sources: "Bronnen",
      nearest: "Dichtstbijzijnde bronnen",
      showQuote: "Toon citaat",
      ref: (n) => `Bron ${n}`,
      newTab: "(opent in een nieuw tabblad)",
      helpful: "Was dit antwoord nuttig?",
      up: "Ja, nuttig",
      yes: "Ja",
      no: "Nee",
      down: "Nee, niet nuttig",
      thanks: "Bedankt voor uw feedback.",
      newChat: "Nieuw gesprek",
      started: "Nieuw gesprek gestart.",
      unreachable:
        "De Vraagbaak is nu niet bereikbaar. Controleer uw verbinding of probeer het later opnieuw.",
      rateLimited: (s) =>
        `U heeft veel vragen kort na elkaar gesteld. Probeer het over ${s} seconden opnieuw.`,
      serverError: "Er ging iets mis bij de Vraagbaak. Probeer het later opnieuw.",
      interrupted: "Het antwoord werd onderbroken. Probeer het opnieuw.",
      expired: "Het vorige gesprek is niet meer beschikbaar; er is een nieuw gesprek gestart.",
      tooLong: (n) => `Uw vraag is te lang: maximaal ${n} tekens.`,
      count: (n) => `${n} van ${MAX_CHARS} tekens`,
    },
    en: {
      title: "Labour migration help desk",
      subtitle: "Answers from documents, with sources",
      launcher: "Ask a question",
      open: "Ask a question — Vraagbaak chat",
      close: "Close the chat",
      intro:
        "Ask a question about labour migrants, for example about housing, registration in the BRP or the Good Landlordship Act. Every answer names its sources.",
      label: "Your question",
      placeholder: "Type your question…",
      send: "Send",
      hint: "Enter sends, Shift+Enter adds a new line.",
      log: "Conversation",
      you: "You asked:",
      bot: "Vraagbaak:",
      thinking: "Searching the documents…",
      sources: "Sources",
      nearest: "Nearest sources",
      showQuote: "Show quote",
      ref: (n) => `Source ${n}`,
      newTab: "(opens in a new tab)",
      helpful: "Was this answer helpful?",
      up: "Yes, helpful",
      yes: "Yes",
      no: "No",
      down: "No, not helpful",
      thanks: "Thank you for your feedback.",
      newChat: "New conversation",
      started: "New conversation started.",
      unreachable:
        "Vraagbaak cannot be reached right now. Check your connection or try again later.",
      rateLimited: (s) => `You asked many questions in a short time. Please try again in ${s} seconds.`,
      serverError: "Something went wrong at Vraagbaak. Please try again later.",
      interrupted: "The answer was interrupted. Please try again.",
      expired: "The previous conversation is no longer available; a new one has been started.",
      tooLong: (n) => `Your question is too long: at most ${n} characters.`,
      count: (n) => `${n} of ${MAX_CHARS} characters`,
    },
  };

  const STYLE = `
:host { all: initial; display: block; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; --accent: var(--vraagbaak-accent, #154273); --focus: #ffb612; }
:host([mode="bubble"]) { display: contents; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button, textarea, a, summary, .log { font: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a { color: var(--accent); }
.launcher { position: fixed; right: 1.25rem; bottom: 1.25rem; z-index: 2147483000; display: inline-flex; gap: .5rem; align-items: center; border: 0; border-radius: 999px; padding: .8rem 1.1rem; background: var(--accent); color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:hover { filter: brightness(1.15); }
.panel { display: flex; flex-direction: column; background: #fff; border: 1px solid #c9d1dc; border-radius: 12px; overflow: hidden; height: var(--vraagbaak-height, 600px); }
.bubble .panel { position: fixed; right: 1.25rem; bottom: 5.2rem; z-index: 2147483000; width: min(400px, calc(100vw - 2.5rem)); height: min(var(--vraagbaak-height, 620px), calc(100vh - 7rem)); box-shadow: 0 10px 30px rgba(0,0,0,.25); }
header { display: flex; align-items: center; gap: .5rem; padding: .7rem .9rem; background: var(--accent); color: #fff; }
header .titles { flex: 1; min-width: 0; }
header h2 { margin: 0; font-size: 1rem; line-height: 1.3; }
header p { margin: 0; font-size: .8rem; opacity: .9; }
header button { border: 1px solid rgba(255,255,255,.6); background: transparent; color: #fff; border-radius: 6px; padding: .25rem .55rem; cursor: pointer; font-size: .8rem; }
header button.close { font-size: 1.2rem; line-height: 1; padding: .15rem .5rem; }
header :focus-visible { outline-color: var(--focus); }
.log { flex: 1; overflow-y: auto; padding: .9rem; background: #f6f7f9; display: flex; flex-direction: column; gap: .75rem; }
.intro { margin: 0; color: #444; font-size: .9rem; }
.msg { border-radius: 10px; padding: .6rem .8rem; max-width: 100%; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--accent); color: #fff; max-width: 85%; white-space: pre-wrap; }
.msg.bot { align-self: stretch; background: #fff; border: 1px solid #dde3ea; }
.msg p { margin: 0 0 .5rem; } .msg p:last-child { margin-bottom: 0; }
.msg ul { margin: .25rem 0 .5rem; padding-left: 1.2rem; } .msg li { margin: .25rem 0; }
.streaming { white-space: pre-wrap; }
.streaming::after { content: "▍"; color: var(--accent); animation: blink 1s steps(1) infinite; }
@keyframes blink { 50% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .streaming::after { animation: none; } }
.thinking { color: #555; font-style: italic; }
.ref { border: 0; background: none; padding: 0 .1rem; color: var(--accent); font-size: .75em; vertical-align: super; cursor: pointer; font-weight: 600; text-decoration: underline; }
.note { margin-top: .4rem; font-size: .85rem; color: #6b4e00; }
.cites { margin-top: .6rem; border-top: 1px solid #e3e7ec; padding-top: .5rem; }
.cites h3 { margin: 0 0 .3rem; font-size: .85rem; color: #333; }
.cites ol { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: .35rem; }
.cites li { font-size: .85rem; }
.cite-link { text-decoration: underline; }
.num { display: inline-block; min-width: 1.4em; padding: 0 .3em; margin-right: .25rem; border-radius: 4px; background: #e8eef6; color: var(--accent); text-align: center; font-weight: 700; text-decoration: none; }
details { margin: .15rem 0 0 1.9rem; }
summary { cursor: pointer; color: #444; font-size: .8rem; width: fit-content; }
blockquote { margin: .3rem 0 0; padding: .3rem .6rem; border-left: 3px solid var(--accent); background: #f3f6fa; color: #333; white-space: pre-wrap; }
.flash { background: #fff4d6; }
.fb { display: flex; align-items: center; gap: .35rem; margin-top: .6rem; font-size: .8rem; color: #444; flex-wrap: wrap; }
.fb button { display: inline-flex; gap: .3rem; align-items: center; border: 1px solid #c9d1dc; background: #fff; border-radius: 6px; padding: .15rem .55rem; cursor: pointer; font-size: .85rem; line-height: 1.4; color: #1b1b1b; }
.fb .emoji { font-size: 1rem; }
.fb button[aria-pressed="true"] { background: #e8eef6; border-color: var(--accent); }
.fb button:disabled { cursor: default; opacity: .75; }
.status { margin: 0; padding: .55rem .9rem; background: #fdecea; color: #7a1c12; font-size: .85rem; border-top: 1px solid #f3c2bc; }
.status.info { background: #eef4fb; color: #1d3b5c; border-top-color: #cddbeb; }
form { padding: .6rem .75rem .7rem; border-top: 1px solid #dde3ea; background: #fff; }
.row { display: flex; gap: .5rem; align-items: flex-end; }
textarea { flex: 1; resize: none; min-height: 2.6rem; max-height: 8rem; padding: .5rem .6rem; border: 1px solid #8d99a8; border-radius: 8px; color: inherit; background: #fff; }
.send { border: 0; border-radius: 8px; padding: .6rem 1rem; background: var(--accent); color: #fff; font-weight: 600; cursor: pointer; }
.send:disabled { opacity: .6; cursor: progress; }
.hint { margin: .3rem 0 0; font-size: .75rem; color: #555; display: flex; justify-content: space-between; gap: .5rem; }
.count.over { color: #a11; font-weight: 600; }
`;

  let sharedSheet = null;
  function styleFor(root) {
    // Constructable stylesheets work under a strict host-page CSP; <style> is the fallback.
    try {
      if (!sharedSheet) {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(STYLE);
      }
      root.adoptedStyleSheets = [sharedSheet];
    } catch (_e) {
      const style = document.createElement("style");
      style.textContent = STYLE;
      root.appendChild(style);
    }
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** A small inline SVG icon (built as DOM, so it needs no font and no CSP exception). */
  function icon(path) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    p.setAttribute("fill", "none");
    p.setAttribute("stroke", "currentColor");
    p.setAttribute("stroke-width", "2");
    p.setAttribute("stroke-linejoin", "round");
    p.setAttribute("stroke-linecap", "round");
    svg.append(p);
    return svg;
  }
  const CHAT_ICON = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z";

  /** Parse one server-sent event block ("event: x\ndata: {...}"). */
  function parseEvent(block) {
    let name = "message";
    const data = [];
    for (const rawLine of block.split("\n")) {
      const line = rawLine.replace(/\r$/, "");
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") name = value;
      else if (field === "data") data.push(value);
    }
    if (!data.length) return null;
    try {
      return { name, data: JSON.parse(data.join("\n")) };
    } catch (_e) {
      return null;
    }
  }

  class HttpError extends Error {
    constructor(status, body, retryAfter) {
      super(`HTTP ${status}`);
      this.status = status;
      this.body = body || {};
      this.retryAfter = retryAfter;
    }
  }

  class VraagbaakChat extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this.busy = false;
      this.built = false;
      this.memory = null; // fallback when sessionStorage is unavailable
    }

    get lang2() {
      const lang = (this.getAttribute("lang") || document.documentElement.lang || "nl").toLowerCase();
      return lang.startsWith("en") ? "en" : "nl";
    }

    get t() {
      return TEXT[this.lang2];
    }

    get api() {
      return (this.getAttribute("api") || SCRIPT_ORIGIN).replace(/\/+$/, "");
    }

    get mode() {
      return this.getAttribute("mode") === "inline" ? "inline" : "bubble";
    }

    get storageKey() {
      return `vraagbaak:${this.api}:${this.id || "chat"}`;
    }

    // ---- state kept for the browser session ------------------------------------------------
    loadState() {
      const empty = { session: null, conversation: null, items: [] };
      try {
        const raw = window.sessionStorage.getItem(this.storageKey);
        return raw ? { ...empty, ...JSON.parse(raw) } : empty;
      } catch (_e) {
        return this.memory || empty;
      }
    }

    saveState() {
      this.state.items = this.state.items.slice(-MAX_ITEMS);
      try {
        window.sessionStorage.setItem(this.storageKey, JSON.stringify(this.state));
      } catch (_e) {
        this.memory = this.state;
      }
    }

    // ---- building the DOM ------------------------------------------------------------------
    connectedCallback() {
      if (this.built) return;
      this.built = true;
      if (!this.hasAttribute("mode")) this.setAttribute("mode", this.mode);
      this.state = this.loadState();
      const t = this.t;
      styleFor(this.shadowRoot);

      this.log = el("div", {
        class: "log",
        role: "log",
        "aria-live": "polite",
        "aria-label": t.log,
        tabindex: "0",
      });
      this.intro = el("p", { class: "intro", text: t.intro });
      this.log.append(this.intro);
      this.status = el("p", { class: "status", role: "alert", hidden: true });

      this.input = el("textarea", {
        id: "vraagbaak-question",
        rows: "2",
        maxlength: String(MAX_CHARS),
        placeholder: t.placeholder,
        "aria-describedby": "vraagbaak-hint",
        autocomplete: "off",
      });
      this.input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.form.requestSubmit();
        }
      });
      this.input.addEventListener("input", () => this.updateCount());
      this.sendButton = el("button", { type: "submit", class: "send", text: t.send });
      this.count = el("span", { class: "count", "aria-live": "polite" });
      this.form = el(
        "form",
        { onsubmit: (e) => { e.preventDefault(); this.submit(); } },
        el("label", { for: "vraagbaak-question", class: "vh", text: t.label }),
        el("div", { class: "row" }, this.input, this.sendButton),
        el("p", { class: "hint", id: "vraagbaak-hint" }, el("span", { text: t.hint }), this.count),
      );

      const header = el(
        "header",
        {},
        el(
          "div",
          { class: "titles" },
          el("h2", { id: "vraagbaak-title", text: t.title }),
          el("p", { text: t.subtitle }),
        ),
        el("button", { type: "button", class: "new", text: t.newChat, onclick: () => this.reset() }),
      );
      this.panel = el(
        "section",
        { class: "panel", id: "vraagbaak-panel", "aria-labelledby": "vraagbaak-title" },
        header,
        this.log,
        this.status,
        this.form,
      );
      const root = el("div", { class: this.mode, lang: this.lang2 });
      if (this.mode === "bubble") {
        this.launcher = el(
          "button",
          {
            type: "button",
            class: "launcher",
            "aria-expanded": "false",
            "aria-controls": "vraagbaak-panel",
            "aria-label": t.open,
            onclick: () => this.toggle(),
          },
          icon(CHAT_ICON),
          el("span", { text: t.launcher }),
        );
        header.append(
          el("button", {
            type: "button",
            class: "close",
            "aria-label": t.close,
            text: "×",
            onclick: () => this.toggle(false),
          }),
        );
        this.panel.hidden = true;
        this.panel.addEventListener("keydown", (e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            this.toggle(false);
          }
        });
        root.append(this.panel, this.launcher);
      } else {
        root.append(this.panel);
      }
      this.shadowRoot.append(root);

      for (const item of this.state.items) this.renderItem(item);
    }

    toggle(open) {
      if (!this.launcher) return;
      const show = open === undefined ? this.panel.hidden : open;
      this.panel.hidden = !show;
      this.launcher.setAttribute("aria-expanded", String(show));
      if (show) {
        this.input.focus();
        this.log.scrollTop = this.log.scrollHeight;
      } else {
        this.launcher.focus();
      }
    }

    updateCount() {
      const n = this.input.value.length;
      this.count.textContent = n > MAX_CHARS * 0.8 ? this.t.count(n) : "";
      this.count.classList.toggle("over", n >= MAX_CHARS);
    }

    showStatus(message, info = false) {
      this.status.textContent = message || "";
      this.status.classList.toggle("info", info);
      this.status.hidden = !message;
    }

    reset() {
      this.state = { session: this.state.session, conversation: null, items: [] };
      this.saveState();
      for (const node of [...this.log.querySelectorAll(".msg")]) node.remove();
      this.showStatus(this.t.started, true);
      this.input.focus();
    }

    // ---- rendering ------------------------------------------------------------------------
    safeHref(href) {
      try {
        const url = new URL(href, this.api + "/");
        return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
      } catch (_e) {
        return null;
      }
    }

    /** Answer text with `[n]` markers and `- ` bullets, rendered as DOM nodes (never HTML). */
    renderText(container, text, card) {
      container.replaceChildren();
      container.classList.remove("streaming");
      let list = null;
      for (const line of text.split("\n")) {
        if (!line.trim()) {
          list = null;
          continue;
        }
        const bullet = /^\s*[-*•]\s+/.exec(line);
        if (bullet) {
          if (!list) {
            list = el("ul");
            container.append(list);
          }
          list.append(this.inline(el("li"), line.slice(bullet[0].length), card));
        } else {
          list = null;
          container.append(this.inline(el("p"), line, card));
        }
      }
    }

    inline(node, text, card) {
      // [n] -> a button to the citation; [label](target) Markdown links -> their label (or a
      // link); **bold** -> <strong>. Without a card (quotes) there are no [n] buttons.
      const pattern = /\[(\d{1,3})\]|\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*/g;
      let last = 0;
      let m;
      while ((m = pattern.exec(text)) !== null) {
        if (m.index > last) node.append(text.slice(last, m.index));
        if (m[4] !== undefined) {
          node.append(el("strong", { text: m[4] }));
        } else if (m[1] !== undefined && !card) {
          node.append(m[0]);
        } else if (m[1] !== undefined) {
          const n = m[1];
          node.append(
            el("button", {
              type: "button",
              class: "ref",
              "aria-label": this.t.ref(n),
              text: `[${n}]`,
              onclick: () => this.focusCitation(card, n),
            }),
          );
        } else if (/^https?:\/\//.test(m[3])) {
          node.append(el("a", { href: m[3], target: "_blank", rel: "noopener noreferrer", text: m[2] }));
        } else {
          node.append(m[2]);
        }
        last = pattern.lastIndex;
      }
      if (last < text.length) node.append(text.slice(last));
      return node;
    }

    focusCitation(card, n) {
      const item = card.querySelector(`li[data-n="${CSS_escape(n)}"]`);
      if (!item) return;
      const details = item.querySelector("details");
      if (details) details.open = true;
      item.classList.add("flash");
      setTimeout(() => item.classList.remove("flash"), 1200);
      const link = item.querySelector("a, summary");
      if (link) link.focus();
      item.scrollIntoView({ block: "nearest" });
    }

    sourceItem(entry, withQuote) {
      const label = `${entry.title} — ${entry.locator}`;
      const href = this.safeHref(entry.href || entry.url || "");
      const num = el("span", { class: "num", "aria-hidden": "true", text: String(entry.n ?? entry.rank) });
      const link = href
        ? el(
            "a",
            { class: "cite-link", href, target: "_blank", rel: "noopener noreferrer" },
            num,
            label,
            el("span", { class: "vh", text: ` ${this.t.newTab}` }),
          )
        : el("span", {}, num, label);
      const item = el("li", { "data-n": String(entry.n ?? entry.rank) }, link);
      if (withQuote && entry.quote) {
        item.append(
          el(
            "details",
            {},
            el("summary", { text: this.t.showQuote }),
            this.inline(el("blockquote"), entry.quote, null),
          ),
        );
      }
      return item;
    }

    renderCitations(card, answer) {
      card.querySelector(".cites")?.remove();
      const citations = answer.citations || [];
      const nearest = answer.abstained ? (answer.sources || []).slice(0, 3) : [];
      if (!citations.length && !nearest.length) return;
      const list = el("ol");
      if (citations.length) for (const c of citations) list.append(this.sourceItem(c, true));
      else for (const s of nearest) list.append(this.sourceItem(s, false));
      const title = citations.length ? this.t.sources : this.t.nearest;
      const block = el("div", { class: "cites" }, el("h3", { text: title }), list);
      const feedback = card.querySelector(".fb");
      if (feedback) card.insertBefore(block, feedback);
      else card.append(block);
    }

    renderFeedback(card, item) {
      const t = this.t;
      const status = el("span", { role: "status" });
      const buttons = [];
      const send = async (rating) => {
        for (const b of buttons) b.disabled = true;
        try {
          await this.request("/v1/feedback", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ message_id: item.answer.message_id, rating }),
          });
          item.rating = rating;
          this.saveState();
          for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.rating === rating));
          status.textContent = t.thanks;
        } catch (err) {
          for (const b of buttons) b.disabled = false;
          status.textContent = this.errorText(err);
        }
      };
      for (const [rating, emoji, word, label] of [["up", "👍", t.yes, t.up], ["down", "👎", t.no, t.down]]) {
        const b = el(
          "button",
          {
            type: "button",
            "data-rating": rating,
            "aria-label": label,
            title: label,
            "aria-pressed": String(item.rating === rating),
            onclick: () => send(rating),
          },
          el("span", { class: "emoji", "aria-hidden": "true", text: emoji }),
          el("span", { "aria-hidden": "true", text: word }),
        );
        if (item.rating) b.disabled = true;
        buttons.push(b);
      }
      if (item.rating) status.textContent = t.thanks;
      card.append(el("div", { class: "fb", role: "group", "aria-label": t.helpful }, el("span", { text: t.helpful }), ...buttons, status));
    }

    /** A finished exchange (also used to restore the conversation after a page reload). */
    renderItem(item) {
      this.intro.hidden = true;
      this.log.append(el("div", { class: "msg user" }, el("span", { class: "vh", text: this.t.you + " " }), item.question));
      const card = el("article", { class: "msg bot" }, el("span", { class: "vh", text: this.t.bot }));
      const body = el("div", { class: "answer" });
      card.append(body);
      this.log.append(card);
      this.finishCard(card, body, item);
      return card;
    }

    finishCard(card, body, item) {
      const answer = item.answer;
      this.renderText(body, answer.answer, card);
      if (answer.note) card.append(el("p", { class: "note", text: answer.note }));
      this.renderCitations(card, answer);
      if (answer.message_id) this.renderFeedback(card, item);
      card.setAttribute("aria-busy", "false");
    }

    // ---- network --------------------------------------------------------------------------
    errorText(err) {
      const t = this.t;
      if (err instanceof HttpError) {
        if (err.status === 429) {
          const s = parseInt(err.retryAfter || err.body.retry_after || "60", 10) || 60;
          return t.rateLimited(s);
        }
        if (err.body.message && err.body.message[this.lang2]) {
          return err.body.message[this.lang2];
        }
        return t.serverError;
      }
      if (err && err.interrupted) return t.interrupted;
      return t.unreachable;
    }

    async request(path, init = {}, allowRetry = true) {
      const headers = { Accept: "application/json", ...(init.headers || {}) };
      if (path !== "/v1/session") headers[SESSION_HEADER] = await this.ensureSession();
      const res = await fetch(this.api + path, { ...init, headers, credentials: "omit" });
      if (res.ok) return res;
      let body = {};
      try {
        body = await res.json();
      } catch (_e) {
        body = {};
      }
      if (res.status === 401 && body.error === "session_required" && allowRetry) {
        this.state.session = null;
        return this.request(path, init, false);
      }
      throw new HttpError(res.status, body, res.headers.get("Retry-After"));
    }

    async ensureSession() {
      if (this.state.session) return this.state.session;
      const res = await this.request("/v1/session", { method: "POST" });
      const data = await res.json();
      this.state.session = data.session_id;
      this.saveState();
      return this.state.session;
    }

    async submit() {
      if (this.busy) return;
      const question = this.input.value.trim();
      if (!question) {
        this.input.focus();
        return;
      }
      if (question.length > MAX_CHARS) {
        this.showStatus(this.t.tooLong(MAX_CHARS));
        return;
      }
      this.showStatus("");
      this.busy = true;
      this.sendButton.disabled = true;
      this.intro.hidden = true;
      this.log.append(el("div", { class: "msg user" }, el("span", { class: "vh", text: this.t.you + " " }), question));
      const card = el("article", { class: "msg bot", "aria-busy": "true" }, el("span", { class: "vh", text: this.t.bot }));
      const body = el("div", { class: "answer" }, el("p", { class: "thinking", text: this.t.thinking }));
      card.append(body);
      this.log.append(card);
      this.log.scrollTop = this.log.scrollHeight;
      this.input.value = "";
      this.updateCount();
      try {
        const answer = await this.ask(question, body, card);
        const item = { question, answer, rating: null };
        this.state.conversation = answer.conversation_id || this.state.conversation;
        this.state.items.push(item);
        this.saveState();
        this.finishCard(card, body, item);
      } catch (err) {
        card.remove();
        if (!this.input.value) this.input.value = question; // keep the question for a retry
        this.updateCount();
        this.showStatus(this.errorText(err));
      } finally {
        this.busy = false;
        this.sendButton.disabled = false;
        this.log.scrollTop = this.log.scrollHeight;
      }
    }

    async ask(question, body, card, allowRetry = true) {
      const payload = { question };
      if (this.state.conversation) payload.conversation_id = this.state.conversation;
      let res;
      try {
        res = await this.request("/v1/chat", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify(payload),
        });
      } catch (err) {
        if (err instanceof HttpError && err.status === 404 && err.body.error === "unknown_conversation" && allowRetry) {
          this.state.conversation = null;
          this.saveState();
          this.showStatus(this.t.expired, true);
          return this.ask(question, body, card, false);
        }
        throw err;
      }
      const type = res.headers.get("Content-Type") || "";
      if (!type.includes("text/event-stream") || !res.body) return res.json();
      return this.readStream(res, body, card);
    }

    async readStream(res, body, card) {
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      let text = "";
      let final = null;
      const handle = (event) => {
        if (!event) return;
        const data = event.data;
        if (event.name === "meta") {
          if (data.conversation_id) this.state.conversation = data.conversation_id;
        } else if (event.name === "delta") {
          text = data.replace ? data.text : text + data.text;
          body.classList.add("streaming");
          body.textContent = text;
          this.log.scrollTop = this.log.scrollHeight;
        } else if (event.name === "citations") {
          this.renderCitations(card, { citations: data.citations || [] });
        } else if (event.name === "done") {
          final = data;
        } else if (event.name === "error") {
          throw new HttpError(500, data);
        }
      };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          handle(parseEvent(buffer.slice(0, cut)));
          buffer = buffer.slice(cut + 2);
        }
      }
      if (buffer.trim()) handle(parseEvent(buffer));
      if (!final) {
        const err = new Error("stream ended without a done event");
        err.interrupted = true;
        throw err;
      }
      return final;
    }
  }

  function CSS_escape(value) {
    return window.CSS && CSS.escape ? CSS.escape(String(value)) : String(value).replace(/"/g, '\\"');
  }

  customElements.define("vraagbaak-chat", VraagbaakChat);
})();
