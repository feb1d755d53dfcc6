import { api, frame, h, months, showError, yesNo } from '/berater/berater.js';

frame('/berater');

const COLUMNS = [
  ['id', 'Fall', c => c.id],
  ['taetigkeit', 'Tätigkeit', c => c.taetigkeit],
  ['branche', 'Branche', c => c.branche || ''],
  ['anwendung', 'KI-Anwendung', c => c.anwendung],
  ['duration', 'Dauer der Einführung', c => months(c.duration)],
  ['externalSupport', 'Externe Unterstützung', c => rank(c.externalSupport)],
  ['worksCouncil', 'Betriebsrat / Vertretung', c => rank(c.worksCouncil)],
  ['documentation', 'Dokumentation / Leitfaden', c => rank(c.documentation || c.guideline || null)],
  ['furtherApplications', 'Weitere KI-Anwendungen', c => c.furtherApplications || ''],
];
const ORDER = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'P1', 'P2', 'P3', 'P4'];
const state = { cases: [], sort: 'id', direction: 1, selected: new Set() };

function rank(value) { return value === true ? 0 : value === false ? 1 : 2; }

function compare(a, b) {
  if (state.sort === 'id') return state.direction * (ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const key = COLUMNS.find(c => c[0] === state.sort)[2];
  const x = key(a), y = key(b);
  // cases without a value go last, whatever the direction
  if (x === null || x === '') return y === null || y === '' ? ORDER.indexOf(a.id) - ORDER.indexOf(b.id) : 1;
  if (y === null || y === '') return -1;
  const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'de');
  return state.direction * order || ORDER.indexOf(a.id) - ORDER.indexOf(b.id);
}

function matches(c) {
  const text = document.getElementById('f-text').value.trim().toLowerCase();
  const taetigkeit = document.getElementById('f-taetigkeit').value;
  const tri = (id, value) => {
    const wanted = document.getElementById(id).value;
    return wanted === '' || String(value ?? null) === wanted;
  };
  const haystack = [c.id, c.branche, c.anwendung, c.taetigkeit, c.furtherApplications].join(' ').toLowerCase();
  const doku = c.documentation || c.guideline || null;
  return (!text || haystack.includes(text))
    && (!taetigkeit || c.taetigkeit === taetigkeit)
    && tri('f-extern', c.externalSupport)
    && tri('f-betriebsrat', c.worksCouncil)
    && tri('f-doku', doku)
    && tri('f-weitere', c.furtherApplications ? true : false);
}

function render() {
  const rows = state.cases.filter(matches).sort(compare);
  document.getElementById('count').textContent = `${rows.length} von ${state.cases.length} Fällen`;
  const head = h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'skip' }, 'Auswahl')),
    COLUMNS.map(([key, title]) => h('th', {
      scope: 'col',
      'aria-sort': state.sort === key ? (state.direction > 0 ? 'ascending' : 'descending') : 'none',
    }, h('button', { type: 'button', onclick: () => sortBy(key) }, title))));
  const body = rows.map(c => h('tr', { 'data-case': c.id },
    h('td', {}, h('input', {
      type: 'checkbox', 'aria-label': `${c.id} zum Vergleich auswählen`, checked: state.selected.has(c.id),
      onchange: e => toggle(c.id, e.target.checked),
    })),
    h('td', {}, h('a', { href: `/berater/faelle/${c.id}` }, c.id)),
    h('td', {}, c.taetigkeit),
    h('td', {}, c.branche || h('span', { class: 'muted' }, 'nicht genannt')),
    h('td', {}, h('a', { href: `/berater/faelle/${c.id}` }, c.anwendung)),
    h('td', {}, c.duration || h('span', { class: 'muted' }, 'keine Angabe')),
    h('td', {}, yesNo(c.externalSupport)),
    h('td', {}, yesNo(c.worksCouncil)),
    h('td', {}, c.documentation || c.guideline
      ? [c.documentation ? 'Dokumentation ' : '', c.guideline ? 'Leitfaden' : ''].join('').trim()
      : h('span', { class: 'muted' }, 'keine Angabe')),
    h('td', {}, c.furtherApplications || h('span', { class: 'muted' }, '–'))));
  document.getElementById('table').replaceChildren(h('table', { class: 'cases' },
    h('caption', { class: 'skip' }, 'Die 18 Fälle mit ihren Eckdaten; Spaltenköpfe sortieren'),
    h('thead', {}, head), h('tbody', {}, body)));
  updateCompare();
}

function sortBy(key) {
  state.direction = state.sort === key ? -state.direction : 1;
  state.sort = key;
  render();
}

function toggle(id, on) {
  if (on) state.selected.add(id); else state.selected.delete(id);
  updateCompare();
}

function updateCompare() {
  const n = state.selected.size;
  const button = document.getElementById('compare');
  button.disabled = n < 2 || n > 4;
  document.getElementById('compare-hint').textContent = n === 0 ? '2 bis 4 Fälle auswählen'
    : n > 4 ? `${n} ausgewählt – höchstens 4` : `${n} ausgewählt: ${[...state.selected].join(', ')}`;
}

document.getElementById('compare').addEventListener('click', () => {
  const ids = ORDER.filter(id => state.selected.has(id));
  location.href = `/berater/vergleich?ids=${ids.join(',')}`;
});
const filters = document.getElementById('filters');
filters.addEventListener('input', render);
filters.addEventListener('reset', () => setTimeout(render));
filters.addEventListener('submit', e => e.preventDefault());

api('/api/cases').then(cases => { state.cases = cases; render(); })
  .catch(e => showError(document.getElementById('table'), e));
