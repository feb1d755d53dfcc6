// <studienlotse-chat>: the element that holds one conversation and wires the parts together: state.js (what it
// remembers), transport.js (the service), render.js (the conversation on screen), sources.js (cited passages),
// feedback.js (copy and ratings), style.js (the look), texts.js (its words). Focus handling (the panel, the source
// dialog's trap, Escape) and asking, stopping and retrying live here.

import { TEXT } from './texts.js';
import { adoptStyle, accentColours, icon } from './style.js';
import { el } from './dom.js';
import { markdownLibraries, citationMarkers } from './markdown.js';
import { ChatError, streamAnswer } from './transport.js';
import { store, loadConversation, saveConversation, finishAnswer, followupsOf } from './state.js';
import { contactLink, renderContact, renderMessages, renderQuestion, renderAnswer, refreshAnswer } from './render.js';
import { closeSource } from './sources.js';

export const TAG = 'studienlotse-chat';
const MAX_QUESTION = 2000; // studienlotse.chat.max-message-length
/** The service these modules came from: the API's default address (data-api overrides it). */
const SERVICE = new URL('../', import.meta.url).href;

class StudienlotseChat extends HTMLElement {

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.state = { conversationId: null, open: false, messages: [] };
    this.controller = null;
    this.sourceReturn = null;
  }

  get lang() {
    return (this.dataset.lang || '').toLowerCase().startsWith('en') ? 'en' : 'de';
  }

  get t() {
    return TEXT[this.lang];
  }

  get mode() {
    return this.dataset.mode === 'page' ? 'page' : 'launcher';
  }

  get apiBase() {
    const api = this.dataset.api;
    return api ? new URL(api.endsWith('/') ? api : `${api}/`, location.href).href : SERVICE;
  }

  get storageKey() {
    return `studienlotse:conversation:${this.apiBase}`;
  }

  connectedCallback() {
    if (this.rendered) return;
    this.rendered = true;
    this.setAttribute('data-mode', this.mode);
    this.applyTheme();
    this.libraries = markdownLibraries(this.apiBase);
    this.state = loadConversation(this.storageKey);
    this.build();
    const open = this.mode === 'page' || this.state.open || ['', 'true', 'open', '1'].includes(this.dataset.open ?? 'no');
    this.setOpen(open, { focus: false });
    this.renderMessages();
    // re-render restored answers with Markdown once the libraries are there
    this.libraries.then((libs) => {
      this.loadedLibraries = libs;
      this.state.messages.forEach((m) => m.role === 'assistant' && this.refreshAnswer(m));
    });
  }

  disconnectedCallback() {
    if (this.controller) this.controller.abort();
  }

  applyTheme() {
    if (this.dataset.accent) this.style.setProperty('--studienlotse-accent', this.dataset.accent);
    const accent = getComputedStyle(this).getPropertyValue('--studienlotse-accent').trim() || '#0b5cad';
    const colours = accentColours(accent);
    if (colours) {
      this.style.setProperty('--sl-on-accent', getComputedStyle(this).getPropertyValue('--studienlotse-on-accent').trim() || colours.onAccent);
      this.style.setProperty('--sl-accent-text', colours.text);
    }
  }

  // ------------------------------------------------------------ layout

  build() {
    const t = this.t;
    const root = this.shadowRoot;
    adoptStyle(root);
    const title = this.dataset.title || t.title;
    this.launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel',
      'aria-label': `${t.open}: ${title}`, onclick: () => this.setOpen(!this.state.open) }, icon('chat'), el('span', { text: t.launcher }));
    this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'aria-label': title });
    this.status = el('div', { class: 'vh', role: 'status', 'aria-live': 'polite' });
    this.input = el('textarea', { id: 'input', rows: '1', maxlength: String(MAX_QUESTION), placeholder: t.placeholder,
      autocomplete: 'off', enterkeyhint: 'send' });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => this.autosize());
    this.sendButton = el('button', { type: 'submit', class: 'send', text: t.send });
    this.stopButton = el('button', { type: 'button', class: 'stop', 'aria-label': t.stopLabel, hidden: true,
      onclick: () => this.stop() }, t.stop);
    const composer = el('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      el('label', { class: 'vh', for: 'input', text: t.inputLabel }), this.input, this.sendButton, this.stopButton);
    this.wideButton = el('button', { type: 'button', class: 'wide', 'aria-pressed': 'false', onclick: () => this.setWide(!this.wide) });
    this.contact = contactLink(this.dataset.contact);
    if (this.dataset.contact && !this.contact) console.warn('Studienlotse: data-contact must be an https:, http: or mailto: URL or an e-mail address; ignored.');
    this.sourceView = el('section', { class: 'sourceview', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'source-title', hidden: true });
    this.sourceView.addEventListener('keydown', (e) => this.trapFocus(e, this.sourceView));
    this.panel = el('section', { class: 'panel', id: 'panel', role: this.mode === 'page' ? 'region' : 'dialog',
      'aria-labelledby': 'title', hidden: true },
      el('header', {},
        el('div', { class: 'titles' }, el('h2', { id: 'title', text: title }), el('p', { text: t.subtitle })),
        this.mode === 'launcher' ? this.wideButton : null,
        el('button', { type: 'button', class: 'new', 'aria-label': t.newChat, title: t.newChat,
          onclick: () => this.newConversation() }, icon('plus'), el('span', { 'aria-hidden': 'true', text: t.newShort })),
        this.mode === 'launcher' ? el('button', { type: 'button', class: 'close', 'aria-label': t.close,
          onclick: () => this.setOpen(false) }, '×') : null),
      this.log, composer, el('div', { class: 'footer' }, this.contact ? renderContact(this) : null, el('p', { text: t.footer })),
      this.status, this.sourceView);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      if (!this.sourceView.hidden) closeSource(this);
      else if (this.mode === 'launcher') this.setOpen(false);
      else return;
      e.stopPropagation();
    });
    const position = this.dataset.position === 'bottom-left' ? 'bottom-left' : 'bottom-right';
    this.rootNode = el('div', { class: 'root', 'data-position': position, 'data-mode': this.mode, lang: this.lang },
      this.mode === 'launcher' ? this.launcher : null, this.panel);
    root.append(this.rootNode);
    const local = store('local');
    this.setWide(!!local && local.getItem('studienlotse:wide') === 'true', { remember: false });
  }

  get wide() {
    return this.rootNode && this.rootNode.dataset.wide === 'true';
  }

  /** A wider panel on desktop (the launcher's panel only; the full page and small screens are as wide as they get). */
  setWide(wide, { remember = true } = {}) {
    const t = this.t;
    this.rootNode.dataset.wide = String(wide);
    this.wideButton.setAttribute('aria-pressed', String(wide));
    this.wideButton.setAttribute('aria-label', wide ? t.narrower : t.wider);
    this.wideButton.title = wide ? t.narrower : t.wider;
    this.wideButton.replaceChildren(icon(wide ? 'narrower' : 'wider'));
    const local = remember && store('local');
    if (local) local.setItem('studienlotse:wide', String(wide));
  }

  autosize() {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 140)}px`;
  }

  setOpen(open, { focus = true } = {}) {
    // the full page is always open; only the launcher's panel remembers whether it was open
    if (this.mode === 'launcher') this.state.open = open;
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.hidden = open && window.matchMedia('(max-width: 480px)').matches;
    this.save();
    if (!focus) return;
    if (open) this.input.focus();
    else this.launcher.focus();
  }

  trapFocus(event, container) {
    if (event.key !== 'Tab') return;
    const focusable = [...container.querySelectorAll('button:not([disabled]), a[href], textarea, input, [tabindex="0"]')]
      .filter((n) => !n.closest('[hidden]'));
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.shadowRoot.activeElement;
    if (event.shiftKey && (active === first || !container.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  announce(text) {
    this.status.textContent = '';
    // a changed text is announced; the short delay lets screen readers notice the change
    setTimeout(() => { this.status.textContent = text; }, 50);
  }

  // ------------------------------------------------------------ conversation state (sessionStorage)

  save() {
    saveConversation(this.storageKey, this.state);
  }

  newConversation() {
    this.stop();
    this.state.conversationId = null;
    this.state.messages = [];
    this.save();
    closeSource(this);
    this.renderMessages();
    this.input.value = '';
    this.input.focus();
    this.announce(this.t.newChatDone);
  }

  renderMessages() {
    renderMessages(this);
  }

  /** Draws an answer again from its state (its node is kept beside the state, not saved). */
  refreshAnswer(message) {
    refreshAnswer(this, message);
  }

  lastAnswer() {
    const answers = this.state.messages.filter((m) => m.role === 'assistant');
    return answers[answers.length - 1];
  }

  /** The question of this answer, asked again without the conversation before it (fresh: true). */
  askFresh(message) {
    const index = this.state.messages.indexOf(message);
    if (index < 1 || this.controller) return;
    this.ask(this.state.messages[index - 1].content, { fresh: true });
  }

  scrollToEnd() {
    this.log.scrollTop = this.log.scrollHeight;
  }

  // ------------------------------------------------------------ asking

  submit() {
    const question = this.input.value.trim();
    if (!question || this.controller) return;
    this.input.value = '';
    this.autosize();
    this.ask(question);
  }

  async ask(question, { fresh = false } = {}) {
    if (this.controller) return;
    const asked = { role: 'user', content: question };
    const answer = { role: 'assistant', content: '', status: 'streaming', citations: [], tokenEvents: 0 };
    if (!this.state.messages.length) this.log.replaceChildren();
    const previous = this.lastAnswer();
    this.state.messages.push(asked, answer);
    if (previous) this.refreshAnswer(previous); // its follow-up suggestions go away
    this.log.append(renderQuestion(this, asked), renderAnswer(this, answer));
    this.scrollToEnd();
    this.setBusy(true);
    this.announce(this.t.thinking);
    if (!this.input.matches(':focus')) this.input.focus();
    const controller = new AbortController();
    this.controller = controller;
    this.loadedLibraries = await this.libraries;
    let finished = false;
    const startedConversation = !this.state.conversationId;
    try {
      const asking = { question, conversationId: this.state.conversationId, fresh };
      await streamAnswer(this.apiBase, asking, controller.signal, (event, data) => {
        if (event === 'sources') {
          this.state.conversationId = data.conversationId;
          answer.messageId = data.messageId;
          answer.citations = data.sources || [];
        } else if (event === 'token') {
          answer.content += data.text || '';
          answer.tokenEvents += 1;
          this.refreshAnswer(answer);
          this.scrollToEnd();
        } else if (event === 'done') {
          finished = true;
          this.finish(answer, data);
        } else if (event === 'error') {
          throw new ChatError('failed', data && data.detail);
        }
      }, () => {
        // the server forgot the conversation (idle past its lifetime): the error says so, a retry starts a new one
        this.state.conversationId = null;
      });
      if (!finished) throw new ChatError('failed');
      this.announce(this.t.ready);
    } catch (error) {
      // the service keeps a new conversation with its first finished answer: one stopped or failed before it is unknown
      if (startedConversation && !finished) this.state.conversationId = null;
      if (error.name === 'AbortError' || controller.signal.aborted) {
        answer.status = 'stopped';
        this.announce(this.t.stopped);
        // the question goes back into the field, to ask it again as it was or changed
        if (!this.input.value.trim()) {
          this.input.value = question;
          this.autosize();
        }
      } else {
        answer.status = 'error';
        // the error box is an alert: it announces itself
        answer.error = { kind: error.kind || 'failed', detail: error.detail, retryAfter: error.retryAfter };
      }
      this.refreshAnswer(answer);
    } finally {
      if (this.controller === controller) this.controller = null;
      this.setBusy(false);
      this.save();
    }
  }

  finish(answer, response) {
    finishAnswer(answer, response, citationMarkers(this.loadedLibraries));
    answer.followups = answer.abstained ? [] : followupsOf(answer, this.state.messages, this.t);
    this.refreshAnswer(answer);
    this.scrollToEnd();
  }

  setBusy(busy) {
    this.sendButton.hidden = busy;
    this.stopButton.hidden = !busy;
    this.panel.dataset.busy = String(busy);
    if (!busy && this.shadowRoot.activeElement === null && this.state.open) {
      this.input.focus();
    }
  }

  stop() {
    if (this.controller) {
      const focusWasOnStop = this.shadowRoot.activeElement === this.stopButton;
      this.controller.abort();
      if (focusWasOnStop) this.input.focus();
    }
  }

  retry(message) {
    const index = this.state.messages.indexOf(message);
    if (index < 1 || this.controller) return;
    const question = this.state.messages[index - 1].content;
    this.state.messages.splice(index - 1, 2);
    this.renderMessages();
    if (this.input.value === question) {
      this.input.value = ''; // put back after a stop; asked now
      this.autosize();
    }
    this.ask(question);
  }

  edit(message) {
    const index = this.state.messages.indexOf(message);
    if (index < 1) return;
    const question = this.state.messages[index - 1].content;
    this.state.messages.splice(index - 1, 2);
    this.save();
    this.renderMessages();
    this.input.value = question;
    this.autosize();
    this.input.focus();
  }

}

/** Defines the element once; a second copy of the widget on a page leaves the first in charge. */
export function define() {
  if (!customElements.get(TAG)) customElements.define(TAG, StudienlotseChat);
}
