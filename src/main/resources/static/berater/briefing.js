import { api, frame, h, passageHref, showError } from '/berater/berater.js';
import { CITATION_MARKER } from '/answer-markup.js';

frame('/berater/briefing');

const form = document.getElementById('profile');
const view = document.getElementById('brief');
const saved = document.getElementById('saved');
const status = document.getElementById('form-status');
const notes = document.getElementById('notizen');
const date = iso => new Date(iso).toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });

notes.addEventListener('input', () => {
  document.getElementById('notizen-count').textContent = `${notes.value.length} / 2000 Zeichen`;
});

function profile() {
  const concerns = [...form.querySelectorAll('input[name=anliegen]:checked')].map(c => c.value);
  form.weitere.value.split(',').map(s => s.trim()).filter(Boolean).forEach(c => concerns.push(c));
  return {
    branche: form.branche.value, size: form.groesse.value, taetigkeit: form.taetigkeit.value,
    concerns, notes: notes.value,
  };
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const button = document.getElementById('create');
  button.disabled = true;
  status.textContent = 'Der Brief wird zusammengestellt …';
  try {
    const brief = await api('/api/briefs', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(profile()),
    });
    status.textContent = 'Brief erstellt und gespeichert.';
    show(brief);
    loadSaved();
  } catch (e) {
    status.textContent = '';
    showError(view, e);
  } finally {
    button.disabled = false;
  }
});

async function loadSaved() {
  try {
    const list = await api('/api/briefs');
    saved.replaceChildren(...(list.length ? list.map(b => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => open(b.id) }, b.title),
      h('span', { class: 'small muted' }, ` · ${date(b.updatedAt)}`))) : [h('li', { class: 'muted' }, 'Noch keine.')]));
  } catch (e) {
    saved.replaceChildren(h('li', { class: 'error' }, e.message));
  }
}

async function open(id) {
  try {
    show(await api(`/api/briefs/${encodeURIComponent(id)}`));
  } catch (e) {
    showError(view, e);
  }
}

async function change(path, options) {
  try {
    show(await api(path, options));
  } catch (e) {
    alert(e.message);
  }
}

function chip(citation) {
  return h('a', {
    class: 'chip', href: passageHref(citation.passageId, citation.caseId), target: '_blank', rel: 'noopener',
    title: `Fundstelle ${citation.passageId} öffnen`, 'aria-label': `Quelle ${citation.n}: ${citation.passageId}`,
  }, String(citation.n));
}

function quoted(citation) {
  const text = citation.label && citation.label !== citation.quote ? `${citation.label}: ${citation.quote}` : citation.quote;
  return `„${text}“`;
}

function item(brief, i) {
  const classes = ['item', i.kind === 'UMGANG' ? 'answer' : '', i.citation ? '' : 'uncovered'].join(' ').trim();
  return h('div', { class: classes, 'data-item': i.id, 'data-kind': i.kind },
    h('div', { class: 'row' },
      h('div', {}, i.text, i.citation ? chip(i.citation) : null),
      h('button', {
        type: 'button', class: 'secondary remove', 'aria-label': `Eintrag entfernen: ${i.text}`,
        onclick: () => change(`/api/briefs/${brief.id}/items/${i.id}`, { method: 'DELETE' }),
      }, 'Entfernen')),
    i.citation ? h('div', { class: 'quote' }, quoted(i.citation)) : null);
}

function summary(brief) {
  if (!brief.summary) return null;
  const parts = [];
  const text = brief.summary.text;
  let last = 0;
  for (const m of text.matchAll(new RegExp(CITATION_MARKER, 'g'))) {
    parts.push(text.slice(last, m.index));
    const c = brief.citations[Number(m[1]) - 1];
    if (c) parts.push(chip(c));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return h('section', {}, h('h2', {}, 'Zusammenfassung'), h('p', {}, parts),
    h('p', { class: 'small muted' }, `Geschrieben von einem Sprachmodell (${brief.summary.backend}) aus den Quellen dieses Briefs.`));
}

function show(brief) {
  history.replaceState(null, '', `/berater/briefing?brief=${encodeURIComponent(brief.id)}`);
  const p = brief.profile;
  const noteInput = h('textarea', { id: 'note-text', maxlength: 2000, 'aria-label': 'Neue Notiz' });
  view.replaceChildren(h('article', { class: 'brief card', 'data-brief': brief.id },
    h('h2', {}, 'Beratungsbrief', p.branche || p.taetigkeit ? `: ${[p.branche, p.taetigkeit].filter(Boolean).join(', ')}` : ''),
    h('p', { class: 'small muted' }, `Erstellt am ${date(brief.createdAt)}`,
      brief.updatedAt !== brief.createdAt ? `, geändert am ${date(brief.updatedAt)}` : '',
      '. Text in Anführungszeichen ist wörtlich aus der Studie; die Zahlen führen zur Fundstelle.'),
    h('div', { class: 'downloads' },
      h('a', { class: 'button', id: 'download-pdf', href: `/api/briefs/${brief.id}.pdf`, download: '' }, 'PDF herunterladen'),
      h('a', { class: 'button secondary', id: 'download-md', href: `/api/briefs/${brief.id}.md`, download: '' }, 'Markdown herunterladen'),
      h('button', {
        type: 'button', class: 'secondary', onclick: async () => {
          if (!confirm('Diesen Brief löschen?')) return;
          try {
            await api(`/api/briefs/${brief.id}`, { method: 'DELETE' });
            view.replaceChildren(h('div', { class: 'card muted' }, 'Der Brief wurde gelöscht.'));
            history.replaceState(null, '', '/berater/briefing');
            loadSaved();
          } catch (e) { alert(e.message); }
        },
      }, 'Löschen')),
    h('dl', { class: 'facts' },
      [['Branche', p.branche], ['Größe', p.size], ['Tätigkeit für KI', p.taetigkeit],
        ['Anliegen', p.concerns.join(', ')], ['Notizen', p.notes]]
        .filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    summary(brief),
    brief.sections.map(s => h('section', { 'data-section': s.id }, h('h2', {}, s.title),
      s.items.length ? s.items.map(i => item(brief, i)) : h('p', { class: 'muted' }, '(alle Einträge entfernt)'))),
    h('section', { id: 'notes' }, h('h2', {}, 'Meine Notizen'),
      h('ul', {}, brief.notes.map(n => h('li', { 'data-note': n.id }, `${date(n.createdAt)}: ${n.text} `,
        h('button', {
          type: 'button', class: 'link', 'aria-label': `Notiz entfernen: ${n.text}`,
          onclick: () => change(`/api/briefs/${brief.id}/notes/${n.id}`, { method: 'DELETE' }),
        }, 'entfernen')))),
      h('form', {
        class: 'brief-form', onsubmit: e => {
          e.preventDefault();
          change(`/api/briefs/${brief.id}/notes`, {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: noteInput.value }),
          });
        },
      }, h('div', { class: 'field' }, h('label', { for: 'note-text' }, 'Notiz hinzufügen'), noteInput),
      h('button', { type: 'submit', id: 'add-note' }, 'Notiz speichern'))),
    h('section', { class: 'sources' }, h('h2', {}, 'Quellen'),
      h('ol', {}, brief.citations.map(c => h('li', { value: c.n },
        c.caseId ? `Fall ${c.caseId} (${[c.branche, c.taetigkeit].filter(Boolean).join(', ')}), ` : 'Studie, ',
        `${c.section}, `, h('a', { href: passageHref(c.passageId, c.caseId), target: '_blank', rel: 'noopener' }, c.passageId))))),
    h('p', { class: 'small muted' }, brief.license)));
}

loadSaved();
const requested = new URLSearchParams(location.search).get('brief');
if (requested) open(requested);
