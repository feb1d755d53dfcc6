// Drawing the conversation: the intro, questions, answers (Markdown, marked statements, citation chips, notes, errors)
// from the state in chat.state; an answer is redrawn whole from its state for every token. Untrusted text reaches the
// DOM as textContent, or as Markdown through markdown.js.

import { el } from './dom.js';
import { markdownFragment, citationMarkers } from './markdown.js';
import { renderSources, chip } from './sources.js';
import { renderActions, renderFeedbackForm } from './feedback.js';

/**
 * The operator's contact (data-contact) as a link target, or null: only https:, http: and mailto: URLs, or a bare
 * e-mail address (made a mailto: link); anything else (javascript:, data:, a relative path) is ignored.
 */
export function contactLink(value) {
  const text = String(value || '').trim();
  if (!text) return null;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return { href: `mailto:${text}`, label: text };
  let url;
  try {
    url = new URL(text);
  } catch (notAnUrl) {
    return null;
  }
  if (url.protocol === 'mailto:') return { href: url.href, label: decodeURIComponent(url.pathname) };
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    return { href: url.href, label: (url.host + url.pathname).replace(/\/$/, '') };
  }
  return null;
}

// sentinels around a marked statement in the Markdown; punctuation (Po), so emphasis next to them still parses
const CLAIM_START = '\u2E00';
const CLAIM_END = '\u2E01';

/**
 * The answer's text with sentinels around each statement the server found unsupported or only partly supported
 * (done.statements: UTF-16 offsets into done.answer), or null when there is nothing to mark. A statement whose
 * offsets no longer fit the text (an answer cut short for display) is left unmarked.
 */
function claimsOf(message) {
  const content = message.content || '';
  const statements = message.status === 'done' && Array.isArray(message.statements) ? message.statements : [];
  const marked = statements.map((s, index) => ({ ...s, index }))
    .filter((s) => (s.status === 'unsupported' || s.status === 'partly') && Number.isInteger(s.start)
      && content.slice(s.start, s.end) === s.text && !/[\u2E00\u2E01]/.test(s.text))
    .sort((a, b) => a.start - b.start)
    .filter((s, i, all) => i === 0 || s.start >= all[i - 1].end);
  if (!marked.length) return null;
  let text = '';
  let at = 0;
  for (const s of marked) {
    text += content.slice(at, s.start) + CLAIM_START + content.slice(s.start, s.end) + CLAIM_END;
    at = s.end;
  }
  return { text: text + content.slice(at), marked: marked.map((s) => ({ index: s.index, status: s.status })) };
}

/** The operator's person to ask, as a line with a link. */
export function renderContact(chat) {
  const c = chat.contact;
  const external = !c.href.startsWith('mailto:');
  return el('p', { class: 'contact' }, `${chat.t.contact} `,
    el('a', { href: c.href, target: external ? '_blank' : null, rel: external ? 'noopener noreferrer' : null, text: c.label }));
}

export function renderMessages(chat) {
  chat.log.replaceChildren();
  if (!chat.state.messages.length) {
    chat.log.append(renderIntro(chat));
    return;
  }
  for (const message of chat.state.messages) {
    chat.log.append(message.role === 'user' ? renderQuestion(chat, message) : renderAnswer(chat, message));
  }
  chat.scrollToEnd();
}

function renderIntro(chat) {
  const t = chat.t;
  return el('div', { class: 'intro' }, el('p', { text: t.greeting }),
    el('div', { class: 'starters' }, el('p', { text: t.startersLabel }),
      t.starters.map((q) => el('button', { type: 'button', class: 'suggestion', onclick: () => chat.ask(q) }, q))));
}

export function renderQuestion(chat, message) {
  return el('div', { class: 'msg user' }, el('span', { class: 'vh', text: `${chat.t.you}: ` }), el('span', { class: 'text', text: message.content }));
}

export function renderAnswer(chat, message) {
  const node = el('article', { class: 'msg assistant', 'aria-label': chat.t.assistant });
  // the node is not part of the saved state
  Object.defineProperty(message, 'node', { value: node, enumerable: false, writable: true, configurable: true });
  refreshAnswer(chat, message);
  return node;
}

/** Draws an answer from its state; called for every token, so it rebuilds the whole bubble. */
export function refreshAnswer(chat, message) {
  const node = message.node;
  if (!node) return;
  const t = chat.t;
  node.dataset.state = message.status;
  node.dataset.tokenEvents = String(message.tokenEvents || 0);
  if (message.messageId) node.dataset.messageId = message.messageId;
  node.setAttribute('aria-busy', String(message.status === 'streaming'));
  const parts = [];
  if (message.status === 'done' && message.followUpOf) parts.push(renderFollowUpOf(chat, message));
  const md = el('div', { class: 'md' });
  renderMarkdown(chat, md, message);
  if (message.status === 'streaming' && !message.content) parts.push(el('p', { class: 'note searching', text: t.searching }));
  if (message.content || message.status === 'streaming') parts.push(md);
  if (message.status === 'streaming') md.classList.add('typing');
  if (message.status === 'stopped') {
    parts.push(el('p', { class: 'note', text: t.stopped }),
      el('button', { type: 'button', class: 'retry', onclick: () => chat.retry(message) }, t.askAgain));
  }
  if (message.notice) parts.push(el('p', { class: 'note warn', text: message.notice }));
  if (message.uncited) parts.push(el('p', { class: 'note warn', text: t.uncited }));
  const unsupported = md.querySelectorAll('.claim.unsupported.first').length;
  if (unsupported) parts.push(el('p', { class: 'note warn unsupported-note', text: t.unsupportedNote(unsupported) }));
  if (message.status === 'done' && message.abstained && chat.contact) parts.push(renderContact(chat));
  if (message.status === 'error') parts.push(renderError(chat, message));
  if (message.status === 'done') {
    if ((message.citations || []).length) parts.push(renderSources(chat, message));
    parts.push(renderActions(chat, message));
    if (message.feedbackOpen) parts.push(renderFeedbackForm(chat, message));
    const suggestions = message.suggestions && message.suggestions.length ? message.suggestions : null;
    const follow = suggestions || message.followups || [];
    if (follow.length && message === chat.lastAnswer()) {
      parts.push(el('div', { class: 'follow' }, el('p', { text: suggestions ? t.suggestions : t.followups }),
        follow.map((q) => el('button', { type: 'button', class: 'suggestion', onclick: () => chat.ask(q) }, q))));
    }
  }
  const focused = chat.shadowRoot.activeElement;
  const keep = focused && node.contains(focused) ? focusKey(focused) : null;
  node.replaceChildren(...parts);
  if (keep) {
    const again = node.querySelector(keep);
    if (again) again.focus();
  }
}

/** "Answered as a follow-up to „…“", with a button that asks the same question again on its own. */
function renderFollowUpOf(chat, message) {
  const t = chat.t;
  const of = message.followUpOf;
  const previous = String(of.question || '');
  const short = previous.length > 80 ? `${previous.slice(0, 78)} …` : previous;
  const cases = Array.isArray(of.caseIds) && of.caseIds.length ? t.followUpCases(of.caseIds) : '';
  return el('p', { class: 'followup-of' }, el('span', { text: t.followUpOf(short) + cases }),
    el('button', { type: 'button', class: 'linkish ask-fresh', onclick: () => chat.askFresh(message) }, t.askFresh));
}

function focusKey(element) {
  if (element.classList.contains('chip')) return `.chip[data-n="${element.dataset.n}"]`;
  if (element.classList.contains('source')) return `.source[data-n="${element.dataset.n}"]`;
  for (const cls of ['copy', 'up', 'down', 'send-feedback', 'comment', 'ask-fresh']) {
    if (element.classList.contains(cls)) return `.${cls}`;
  }
  if (element.type === 'checkbox') return `input[value="${CSS.escape(element.value)}"]`;
  return null;
}

function renderMarkdown(chat, container, message) {
  const libs = chat.loadedLibraries;
  const claims = claimsOf(message);
  const text = claims ? claims.text : message.content || '';
  if (libs) {
    container.replaceChildren(markdownFragment(libs, text));
  } else {
    container.replaceChildren(el('p', { text }));
    container.firstChild.style.whiteSpace = 'pre-wrap';
  }
  if (claims) markClaims(chat, container, claims.marked);
  linkCitations(chat, container, message);
}

/**
 * Wraps the text between each pair of sentinels in spans of class "claim" (one per text node, as a sentence may run
 * across bold words), with the explanation as a title and, once per sentence, as text for screen readers.
 */
function markClaims(chat, container, marked) {
  const t = chat.t;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  let open = -1;
  let seen = 0;
  let first = false;
  let lastPiece = null;
  const close = () => {
    const claim = marked[open];
    if (lastPiece && claim) lastPiece.append(el('span', { class: 'vh', text: ` (${claim.status === 'unsupported' ? t.unsupported : t.partly})` }));
    open = -1;
    lastPiece = null;
  };
  for (const node of texts) {
    const value = node.nodeValue;
    if (open < 0 && !value.includes(CLAIM_START)) continue;
    const pieces = [];
    let buffer = '';
    const flush = () => {
      if (!buffer) return;
      if (open >= 0 && marked[open]) {
        const status = marked[open].status;
        const span = el('span', { class: `claim ${status}${first ? ' first' : ''}`, 'data-statement': marked[open].index,
          title: status === 'unsupported' ? t.unsupported : t.partly, text: buffer });
        first = false;
        lastPiece = span;
        pieces.push(span);
      } else {
        pieces.push(document.createTextNode(buffer));
      }
      buffer = '';
    };
    for (const ch of value) {
      if (ch === CLAIM_START) {
        flush();
        open = seen++;
        first = true;
      } else if (ch === CLAIM_END) {
        flush();
        close();
      } else {
        buffer += ch;
      }
    }
    flush();
    node.replaceWith(...pieces);
  }
  if (open >= 0) close();
}

/** Turns the markers [n] of the rendered text into chips, with DOM nodes only; unknown numbers stay text. */
function linkCitations(chat, container, message) {
  const byNumber = new Map((message.citations || []).map((c) => [c.n, c]));
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('a, code, pre') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  for (const text of texts) {
    const pattern = citationMarkers(chat.loadedLibraries);
    const value = text.nodeValue;
    let match;
    let last = 0;
    const pieces = [];
    while ((match = pattern.exec(value)) !== null) {
      const citation = byNumber.get(Number(match[1]));
      if (!citation) continue;
      pieces.push(document.createTextNode(value.slice(last, match.index)), chip(chat, citation));
      last = match.index + match[0].length;
    }
    if (!pieces.length) continue;
    pieces.push(document.createTextNode(value.slice(last)));
    text.replaceWith(...pieces);
  }
}

function renderError(chat, message) {
  const t = chat.t;
  const error = message.error || { kind: 'failed' };
  const text = error.kind === 'unreachable' ? t.unreachable
    : error.kind === 'rate' ? t.rateLimited(error.retryAfter)
      : error.kind === 'invalid' ? t.invalid(error.detail || '')
        : t.failed;
  const box = el('div', { class: 'error', role: 'alert' }, el('p', { text }));
  if (error.kind === 'invalid') {
    box.append(el('button', { type: 'button', class: 'edit', onclick: () => chat.edit(message) }, t.edit));
  } else {
    const retry = el('button', { type: 'button', class: 'retry', onclick: () => chat.retry(message) }, t.retry);
    box.append(retry);
    if (error.kind === 'rate') countDown(chat, retry, error);
  }
  return box;
}

/** Keeps "try again" disabled until the server's Retry-After has passed. */
function countDown(chat, button, error) {
  const until = error.until || (error.until = Date.now() + error.retryAfter * 1000);
  const tick = (first) => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (!first && !button.isConnected) return; // re-rendered or removed: a new countdown runs there
    if (left <= 0) {
      button.disabled = false;
      button.textContent = chat.t.retry;
      return;
    }
    button.disabled = true;
    button.textContent = chat.t.retryIn(left);
    setTimeout(() => tick(false), 250);
  };
  tick(true);
}
