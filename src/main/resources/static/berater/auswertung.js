import { api, frame, h, revealHash, showError } from '/berater/berater.js';

frame('/berater/auswertung');

const result = document.getElementById('result');

function count(computed, printed) {
  return [h('strong', {}, String(computed)), printed === null || printed === undefined ? '' : ` (${printed})`];
}

function items(activity) {
  if (!activity.items.length) return null;
  return h('details', {}, h('summary', { class: 'small' }, `${activity.cases} ${activity.cases === 1 ? 'Fall' : 'Fälle'}`),
    h('ul', { class: 'small' }, activity.items.map(p => h('li', {},
      h('a', { href: p.link }, `${p.caseId}: ${p.label}`), ' ',
      h('span', { class: p.byExample ? 'tag' : 'tag lesart', title: p.note }, p.byExample ? 'Beispiel' : 'Lesart')))));
}

function table(t) {
  const activities = t.categories[0].byTaetigkeit.map(a => a.taetigkeit);
  return h('section', { id: t.id },
    h('h2', {}, t.title),
    h('p', { class: 'small' }, `${t.items} Items in den 18 Fällen (Abschnitt „${t.section}“). `,
      'Gedruckte Kategorien mit Beispielen: ', h('a', { href: `/berater/studie#${t.id}` }, 'im Studientext')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'aggregates' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kategorie'), h('th', { scope: 'col' }, 'Gesamt'),
        activities.map(a => h('th', { scope: 'col' }, a)))),
      h('tbody', {}, t.categories.map(k => h('tr', {},
        h('th', { scope: 'row' }, k.tablePassageId ? h('a', { href: `/berater/studie#${k.tablePassageId}` }, k.category) : k.category),
        h('td', { class: 'num' + (k.total.printed !== null && k.total.printed !== k.total.computed ? ' differs' : '') },
          count(k.total.computed, k.total.printed)),
        k.byTaetigkeit.map(a => h('td', { class: 'num' + (a.printed !== null && a.printed !== a.computed ? ' differs' : '') },
          count(a.computed, a.printed), items(a)))))))));
}

function differences(list) {
  return h('section', { id: 'abweichungen' },
    h('h2', {}, `Wo die Zählung von der gedruckten abweicht (${list.length} Zellen)`),
    h('p', { class: 'small' }, 'Zählt Studienlotse mehr, steht dabei, welche Items nur nach unserer Lesart in der Kategorie stehen. '
      + 'Zählt die Broschüre mehr, sagt sie nicht, welche Items sie dazu gezählt hat.'),
    h('ul', {}, list.map(d => h('li', {},
      `${d.table === 'tabelle-1' ? 'Tabelle 1' : 'Tabelle 2'}, ${d.category}, ${d.taetigkeit}: berechnet ${d.computed}, gedruckt ${d.printed}`,
      d.byReading.length ? [' – nach unserer Lesart gezählt: ', d.byReading.map((id, i) => [i ? ', ' : '',
        h('a', { href: `/berater/faelle/${id.split('.')[0]}#${id}` }, id)])] : ' – die Broschüre zählt mehr Items, als wir hier zuordnen'))));
}

api('/api/study/aggregates').then(a => {
  result.replaceChildren(...a.tables.map(table), differences(a.differences));
  revealHash();
}).catch(e => showError(result, e));
