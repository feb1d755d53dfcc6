// Under each answer: copy (plain text with the numbered sources) and thumbs up/down with reasons and a comment, sent
// to POST /api/feedback once per message and browser.

import { el } from './dom.js';
import { icon } from './style.js';
import { clientId } from './state.js';
import { postFeedback } from './transport.js';
import { where } from './sources.js';

const REASONS = ['falsch', 'unvollständig', 'Quelle passt nicht']; // values of POST /api/feedback

/** Markdown as a person reads it when pasted: no emphasis marks, list bullets kept. */
function plainText(markdown) {
  return String(markdown || '').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/^#{1,6}\s+/gm, '');
}

export function renderActions(chat, message) {
  const t = chat.t;
  const rating = message.feedback && message.feedback.rating;
  const copyButton = el('button', { type: 'button', class: 'copy', 'aria-label': t.copyLabel,
    onclick: (e) => copy(chat, message, e.currentTarget) }, icon('copy'), ` ${message.copied ? t.copied : t.copy}`);
  if (message.rateable === false) return el('div', { class: 'actions' }, copyButton);
  return el('div', { class: 'actions' },
    copyButton,
    el('button', { type: 'button', class: 'up', 'aria-pressed': String(rating === 'up'), 'aria-label': t.up,
      title: t.up, onclick: () => rate(chat, message, 'up') }, icon('up')),
    el('button', { type: 'button', class: 'down', 'aria-pressed': String(rating === 'down'), 'aria-label': t.down,
      title: t.down, onclick: () => rate(chat, message, 'down') }, icon('down')),
    message.feedback && message.feedback.sent && !message.feedbackOpen ? el('span', { class: 'note', text: t.thanks }) : null,
    message.feedback && message.feedback.failed ? el('span', { class: 'note warn', role: 'alert', text: t.feedbackFailed }) : null);
}

export function renderFeedbackForm(chat, message) {
  const t = chat.t;
  const feedback = message.feedback;
  const form = el('form', { class: 'feedback', 'aria-label': t.sendFeedback });
  if (feedback.rating === 'down') {
    form.append(el('fieldset', {}, el('legend', { text: t.reasonsLegend }),
      REASONS.map((reason) => el('label', {}, el('input', { type: 'checkbox', value: reason,
        checked: (feedback.reasons || []).includes(reason) }), t.reasons[reason]))));
  }
  const id = `comment-${message.messageId}`;
  form.append(el('label', { for: id, text: t.comment }),
    el('textarea', { id, class: 'comment', maxlength: '1000', rows: '2' }),
    el('button', { type: 'submit', class: 'send-feedback', text: t.sendFeedback }));
  form.querySelector('textarea').value = feedback.comment || '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    feedback.reasons = [...form.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
    feedback.comment = form.querySelector('textarea').value.trim();
    message.feedbackOpen = false;
    sendFeedback(chat, message).then(() => {
      const up = message.node && message.node.querySelector(`.${feedback.rating}`);
      if (up) up.focus();
    });
  });
  return form;
}

async function copy(chat, message, button) {
  const t = chat.t;
  const sources = (message.citations || []).map((c) => `[${c.n}] ${where(chat, c)}`);
  const text = plainText(message.content) + (sources.length ? `\n\n${t.source}:\n${sources.join('\n')}` : '');
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch (denied) {
    const area = el('textarea', { class: 'vh', 'aria-hidden': 'true' });
    area.value = text;
    chat.shadowRoot.append(area);
    area.select();
    try { ok = document.execCommand('copy'); } catch (unsupported) { ok = false; }
    area.remove();
    button.focus();
  }
  message.copied = ok;
  chat.refreshAnswer(message);
  chat.announce(ok ? t.copied : t.copyFailed);
  setTimeout(() => { message.copied = false; chat.refreshAnswer(message); }, 2000);
}

function rate(chat, message, rating) {
  if (!message.messageId) return;
  const previous = message.feedback || {};
  message.feedback = { rating, reasons: rating === previous.rating ? previous.reasons : [], comment: previous.comment || '' };
  message.feedbackOpen = true;
  sendFeedback(chat, message).then(() => {
    const comment = message.node && message.node.querySelector(rating === 'down' ? 'input[type=checkbox]' : '.comment');
    if (comment) comment.focus();
  });
}

async function sendFeedback(chat, message) {
  const feedback = message.feedback;
  const body = { messageId: message.messageId, rating: feedback.rating };
  if (feedback.reasons && feedback.reasons.length) body.reasons = feedback.reasons;
  if (feedback.comment) body.comment = feedback.comment;
  feedback.sent = await postFeedback(chat.apiBase, clientId(), body);
  feedback.failed = !feedback.sent;
  chat.save();
  chat.refreshAnswer(message);
  if (feedback.sent && !message.feedbackOpen) chat.announce(chat.t.thanks);
}
