// The cited passages: the list under an answer, the chips in its text, and the view of one passage with its whole case
// beside the conversation (a dialog that keeps focus until Escape or „Zurück zum Chat“ returns it to the chip).

import { el } from './dom.js';
import { getJson } from './transport.js';

/** The first words of a quote, at most about ten. */
function firstWords(quote) {
  const words = String(quote || '').split(/\s+/).filter(Boolean);
  return words.slice(0, 10).join(' ') + (words.length > 10 ? ' …' : '');
}

/**
 * The cited passages under the answer, in marker order: where each comes from and its first words, the whole quote
 * on hover; a click opens the passage as a chip does.
 */
export function renderSources(chat, message) {
  const t = chat.t;
  return el('ol', { class: 'sources', 'aria-label': t.sources },
    [...message.citations].sort((a, b) => a.n - b.n).map((c) => el('li', {},
      el('button', { type: 'button', class: 'source', 'data-n': c.n, title: c.quote || '',
        onclick: (e) => openSource(chat, c, e.currentTarget) }, `[${c.n}] ${where(chat, c)}`),
      el('span', { class: 'first', text: ` – ${firstWords(c.quote)}` }))));
}

export function where(chat, citation) {
  const t = chat.t;
  const section = t.sections[citation.section] || citation.section || '';
  const who = citation.caseId ? [citation.caseId, citation.branche].filter(Boolean).join(' · ') : t.study;
  return [who, section, citation.label].filter(Boolean).join(', ');
}

export function chip(chat, citation) {
  return el('button', { type: 'button', class: 'chip', 'data-n': citation.n, 'data-passage-id': citation.passageId,
    'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-label': chat.t.chip(citation.n, where(chat, citation)),
    title: where(chat, citation), onclick: (e) => openSource(chat, citation, e.currentTarget) },
    String(citation.n), el('small', { 'aria-hidden': 'true', text: citation.caseId || chat.t.study }));
}

export async function openSource(chat, citation, chip) {
  const t = chat.t;
  chat.sourceReturn = chip;
  chip.setAttribute('aria-expanded', 'true');
  const heading = el('h3', { id: 'source-title', tabindex: '-1', text: `${t.source} ${citation.n}` });
  const back = el('button', { type: 'button', class: 'back', onclick: () => closeSource(chat) }, t.back);
  const quote = el('blockquote', { class: 'passage', text: citation.quote || '' });
  const caseBox = el('div', { class: 'case' });
  const meta = citation.caseId
    ? [`${t.caseLabel} ${citation.caseId}`, citation.taetigkeit, citation.branche].filter(Boolean).join(' · ')
    : t.study;
  const sectionLine = el('p', { class: 'where', text: [t.sections[citation.section] || citation.section, citation.label].filter(Boolean).join(' – ') });
  const body = el('div', { class: 'body' },
    el('p', { class: 'meta', text: meta }),
    citation.anwendung ? el('p', { class: 'meta application', text: citation.anwendung }) : null,
    sectionLine, quote,
    citation.caseId ? el('button', { type: 'button', class: 'linkish whole-case', 'aria-expanded': 'false',
      onclick: (e) => showCase(chat, citation, caseBox, e.currentTarget) }, t.wholeCase) : null,
    caseBox,
    // the advisors' case page has a stable anchor per passage
    citation.caseId ? el('a', { class: 'linkish case-page', target: '_blank', rel: 'noopener',
      href: new URL(`berater/faelle/${encodeURIComponent(citation.caseId)}#${encodeURIComponent(citation.passageId)}`, chat.apiBase).href },
      t.casePage) : null,
    el('p', { class: 'licence', text: t.footer }));
  chat.sourceView.replaceChildren(el('div', { class: 'top' }, heading, back), body);
  chat.sourceView.dataset.passageId = citation.passageId;
  chat.sourceView.hidden = false;
  heading.focus();
  // the whole passage; when it cannot be had, the citation's own quote stays
  const passage = await getJson(chat.apiBase, `api/passages/${encodeURIComponent(citation.passageId)}`);
  if (passage) {
    quote.textContent = passage.text;
    sectionLine.textContent = [passage.sectionTitle || t.sections[passage.section], passage.label].filter(Boolean).join(' – ');
    chat.sourceView.dataset.loaded = 'true';
  }
}

async function showCase(chat, citation, box, button) {
  const t = chat.t;
  button.setAttribute('aria-expanded', 'true');
  box.replaceChildren(el('p', { text: t.loading }));
  try {
    const detail = await getJson(chat.apiBase, `api/cases/${encodeURIComponent(citation.caseId)}`);
    if (!detail) throw new Error('case not loaded');
    const parts = [el('h4', { text: `${t.caseLabel} ${detail.summary.id}: ${detail.summary.anwendung}` })];
    let cited = null;
    for (const section of detail.sections) {
      parts.push(el('h4', { text: section.title || t.sections[section.id] || section.id }));
      for (const p of section.passages) {
        const line = el('p', {}, p.label ? el('strong', { text: `${p.label}: ` }) : null, p.text);
        if (p.passageId === citation.passageId) {
          const mark = el('mark', { tabindex: '-1', 'aria-label': `${t.cited}: ${p.label || ''}` }, line);
          cited = mark;
          parts.push(mark);
        } else {
          parts.push(line);
        }
      }
    }
    box.replaceChildren(...parts);
    if (cited) {
      cited.scrollIntoView({ block: 'center' });
      cited.focus();
    }
  } catch (failed) {
    box.replaceChildren(el('p', { role: 'alert', text: t.loadFailed }));
  }
}

export function closeSource(chat) {
  if (chat.sourceView.hidden) return;
  chat.sourceView.hidden = true;
  chat.sourceView.replaceChildren();
  const chip = chat.sourceReturn;
  chat.sourceReturn = null;
  if (chip && chip.isConnected) {
    chip.setAttribute('aria-expanded', 'false');
    chip.focus();
  } else {
    chat.input.focus();
  }
}
