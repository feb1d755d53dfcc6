import { api, frame, h, revealHash, showError } from '/berater/berater.js';

frame('/berater/auswertung');

const result = document.getElementById('result');

function count(computed, printed) {
  return [h('strong', {}, String(computed)), printed === null || printed === undefined ? '' : ` (${printed})`];
}

function items(activity) {
  if (!activity.passagen.length) return null;
  return h('details', {}, h('summary', { class: 'small' }, `${activity.faelle} ${activity.faelle === 1 ? 'Fall' : 'Fälle'}`),
    h('ul', { class: 'small' }, activity.passagen.map(p => h('li', {},
      h('a', { href: p.link }, `${p.fallId}: ${p.label}`), ' ',
      h('span', { class: p.beispiel ? 'tag' : 'tag lesart', title: p.anmerkung }, p.beispiel ? 'Beispiel' : 'Lesart')))));
}

function table(t) {
  const activities = t.kategorien[0].jeTaetigkeit.map(a => a.taetigkeit);
  return h('section', { id: t.id },
    h('h2', {}, t.titel),
    h('p', { class: 'small' }, `${t.items} Items in den 18 Fällen (Abschnitt „${t.abschnitt}“). `,
      'Gedruckte Kategorien mit Beispielen: ', h('a', { href: `/berater/studie#${t.id}` }, 'im Studientext')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'aggregates' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kategorie'), h('th', { scope: 'col' }, 'Gesamt'),
        activities.map(a => h('th', { scope: 'col' }, a)))),
      h('tbody', {}, t.kategorien.map(k => h('tr', {},
        h('th', { scope: 'row' }, k.tabellenPassageId ? h('a', { href: `/berater/studie#${k.tabellenPassageId}` }, k.kategorie) : k.kategorie),
        h('td', { class: 'num' + (k.gesamt.gedruckt !== null && k.gesamt.gedruckt !== k.gesamt.berechnet ? ' differs' : '') },
          count(k.gesamt.berechnet, k.gesamt.gedruckt)),
        k.jeTaetigkeit.map(a => h('td', { class: 'num' + (a.gedruckt !== null && a.gedruckt !== a.berechnet ? ' differs' : '') },
          count(a.berechnet, a.gedruckt), items(a)))))))));
}

function differences(list) {
  return h('section', { id: 'abweichungen' },
    h('h2', {}, `Wo die Zählung von der gedruckten abweicht (${list.length} Zellen)`),
    h('p', { class: 'small' }, 'Zählt Studienlotse mehr, steht dabei, welche Items nur nach unserer Lesart in der Kategorie stehen. '
      + 'Zählt die Broschüre mehr, sagt sie nicht, welche Items sie dazu gezählt hat.'),
    h('ul', {}, list.map(d => h('li', {},
      `${d.tabelle === 'tabelle-1' ? 'Tabelle 1' : 'Tabelle 2'}, ${d.kategorie}, ${d.taetigkeit}: berechnet ${d.berechnet}, gedruckt ${d.gedruckt}`,
      d.nachLesart.length ? [' – nach unserer Lesart gezählt: ', d.nachLesart.map((id, i) => [i ? ', ' : '',
        h('a', { href: `/berater/faelle/${id.split('.')[0]}#${id}` }, id)])] : ' – die Broschüre zählt mehr Items, als wir hier zuordnen'))));
}

api('/api/study/aggregates').then(a => {
  result.replaceChildren(...a.tabellen.map(table), differences(a.abweichungen));
  revealHash();
}).catch(e => showError(result, e));
