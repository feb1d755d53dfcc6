import { api, frame, h, revealHash, showError, yesNo } from '/berater/berater.js';

frame('/berater');

const ORDER = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'P1', 'P2', 'P3', 'P4'];
const id = decodeURIComponent(location.pathname.split('/').pop()).toUpperCase();
const main = document.getElementById('inhalt');

/** Passage id → its categories of Tabelle 1/2 (with "lesart" when it is our reading, not the table's example). */
function categoriesByPassage(aggregates) {
  const map = new Map();
  for (const table of aggregates.tables) {
    for (const category of table.categories) {
      for (const activity of category.byTaetigkeit) {
        for (const item of activity.items) {
          if (!map.has(item.passageId)) map.set(item.passageId, []);
          map.get(item.passageId).push({ name: category.category, example: item.byExample, note: item.note });
        }
      }
    }
  }
  return map;
}

function passage(p, categories, sectionTitle) {
  const tags = (categories.get(p.passageId) || []).map(c => h('span', {
    class: c.example ? 'tag' : 'tag lesart',
    title: (c.example ? 'Beispiel der Tabelle: ' : 'Zuordnung nach unserer Lesart: ') + c.note,
  }, c.name));
  const anchor = h('a', { class: 'anchor', href: `#${p.passageId}`, title: 'Link auf diese Passage' }, `¶ ${p.passageId}`);
  if (p.kind === 'QUOTE') {
    return h('blockquote', { class: 'quote passage', id: p.passageId }, `„${p.text}“`, anchor);
  }
  // "Wie interagieren die Mitarbeitenden?" is a question heading, not an item's label
  const question = p.label && /^(Wie|Wer) /.test(p.label);
  return h('div', { class: 'passage', id: p.passageId },
    question && p.label !== sectionTitle ? h('div', { class: 'small muted' }, p.label) : null,
    p.label && p.label !== p.text && !question ? h('span', { class: 'label' }, `${p.label}: `) : null,
    p.text, anchor, tags.length ? h('div', {}, tags) : null);
}

function section(s, categories) {
  const body = s.id === 'prozess'
    ? h('ol', { class: 'steps' }, s.passages.map(p => h('li', {}, passage(p, categories, s.title))))
    : s.passages.map(p => passage(p, categories, s.title));
  return h('section', { 'aria-labelledby': `h-${s.id}` }, h('h2', { id: `h-${s.id}` }, s.title), body);
}

async function load() {
  const [detail, aggregates] = await Promise.all([api(`/api/cases/${encodeURIComponent(id)}`), api('/api/study/aggregates')]);
  const c = detail.summary;
  const categories = categoriesByPassage(aggregates);
  document.title = `${c.id}: ${c.anwendung} – Studienlotse`;
  const index = ORDER.indexOf(c.id);
  const prev = ORDER[(index + ORDER.length - 1) % ORDER.length];
  const next = ORDER[(index + 1) % ORDER.length];
  main.replaceChildren(...[
    h('p', { class: 'small' }, h('a', { href: '/berater' }, '← Alle Fälle')),
    h('h1', {}, `${c.id}: ${c.anwendung}`),
    h('p', { class: 'lead' }, `${c.taetigkeit} · ${c.branche || 'Branche nicht genannt'}`),
    h('div', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, 'Dauer der Einführung'), h('dd', {}, c.duration || 'keine Angabe'),
      h('dt', {}, 'Externe Unterstützung'), h('dd', {}, yesNo(c.externalSupport)),
      h('dt', {}, 'Betriebsrat / Vertretung'), h('dd', {}, yesNo(c.worksCouncil)),
      h('dt', {}, 'Dokumentation'), h('dd', {}, yesNo(c.documentation)),
      h('dt', {}, 'Leitfaden'), h('dd', {}, yesNo(c.guideline)),
      h('dt', {}, 'Weitere KI-Anwendungen'), h('dd', {}, c.furtherApplications || 'keine Angabe')),
      h('p', { class: 'small' }, 'Eckdaten wie gedruckt: ', c.printedFacts.join(' · ') || '–'),
      h('p', { class: 'small' }, h('a', { href: `/berater/vergleich?ids=${c.id},${next}` }, `Mit ${next} vergleichen`),
        ' · Kategorien (Tabelle 1/2): blau = Beispiel der Tabelle, gelb = unsere Zuordnung')),
    detail.sections.map(s => section(s, categories)),
    h('nav', { class: 'case-nav', 'aria-label': 'Weitere Fälle' },
      h('a', { href: `/berater/faelle/${prev}` }, `← ${prev}`), h('a', { href: `/berater/faelle/${next}` }, `${next} →`))].flat());
  revealHash();
}

window.addEventListener('hashchange', revealHash);
load().catch(e => showError(main, e));
