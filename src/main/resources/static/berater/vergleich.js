import { api, frame, h, showError } from '/berater/berater.js';

frame('/berater/vergleich');

const result = document.getElementById('result');
const input = document.getElementById('ids');
const ids = new URLSearchParams(location.search).get('ids') || '';
input.value = ids;

function cell(c) {
  if (!c.passages.length) return h('td', {}, h('span', { class: 'muted' }, 'keine Angabe'));
  return h('td', {}, h('ul', {}, c.passages.map(p => h('li', {},
    p.label && p.label !== p.text && !/^(Wie|Wer) /.test(p.label) ? h('strong', {}, `${p.label}: `) : null,
    p.text, ' ', h('a', { href: p.link, class: 'small', title: `Passage ${p.passageId}` }, '↗'),
    p.categories.length ? h('div', {}, p.categories.map(k => h('span', { class: 'tag' }, k))) : null))));
}

async function load() {
  if (!ids.trim()) {
    result.replaceChildren(h('p', { class: 'muted' }, 'Wählen Sie Fälle in der ', h('a', { href: '/berater' }, 'Fallübersicht'),
      ' aus oder geben Sie ihre Kennungen oben ein.'));
    return;
  }
  const comparison = await api(`/api/cases/compare?ids=${encodeURIComponent(ids)}`);
  document.title = `${comparison.cases.map(c => c.id).join(' · ')} im Vergleich – Studienlotse`;
  result.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'compare' },
    h('caption', { class: 'skip' }, 'Fälle im Vergleich'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), comparison.cases.map(c => h('th', { scope: 'col' },
      h('a', { href: c.link }, c.id), h('div', {}, c.anwendung),
      h('div', { class: 'small muted' }, `${c.taetigkeit} · ${c.branche || 'Branche nicht genannt'}`))))),
    h('tbody', {}, comparison.rows.map(row => h('tr', { 'data-row': row.id },
      h('th', { scope: 'row' }, row.title), row.cells.map(cell)))))));
}

load().catch(e => showError(result, e));
