import { api, frame, h, revealHash, showError } from '/berater/berater.js';

frame('/berater/studie');

const result = document.getElementById('result');

api('/api/study/sections').then(sections => {
  result.replaceChildren(h('nav', { class: 'card small', 'aria-label': 'Abschnitte' },
    sections.map((s, i) => [i ? ' · ' : '', h('a', { href: `#${s.id}` }, s.title)])),
    ...sections.map(s => h('section', { id: s.id }, h('h2', {}, s.title), s.passages.map(p =>
      h('div', { class: 'passage', id: p.passageId },
        p.label && p.label !== p.text ? h('span', { class: 'label' }, `${p.label}: `) : null,
        p.text, h('a', { class: 'anchor', href: `#${p.passageId}` }, `¶ ${p.passageId}`))))));
  revealHash();
}).catch(e => showError(result, e));
window.addEventListener('hashchange', revealHash);
