// Werkbank for evaluators: plain DOM; texts from the API go in through textContent, answers as DOMPurify-sanitised Markdown.
'use strict';

const api = '/api/evaluation';
const state = { me: null, csrf: null, runs: [], run: null, ratings: null, poll: null };
const METRICS = ['sourcesRecallAt5', 'citationPrecision', 'citationRecall', 'refusedWhenShould', 'answeredWhenShould', 'mustMention'];
const DIMENSIONS = [['correctness', 'Korrektheit'], ['groundedness', 'Belegtheit'], ['helpfulness', 'Nützlichkeit']];
// the service's check of each sentence against the passages it cites (answer/Grounding.java)
const SUPPORT = {
  supported: ['belegt', 'Die zitierten Stellen enthalten den Inhalt dieser Aussage.'],
  partly: ['teilweise belegt', 'Die zitierten Stellen enthalten nur einen Teil des Inhalts dieser Aussage.'],
  unsupported: ['nicht belegt', 'Diese Aussage ist durch die zitierten Stellen nicht belegt.'],
};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Answers are Markdown: marked + DOMPurify from the service's WebJars, set up as in the widget (answer-markup.js).
const markdown = Promise.all([
  import('/webjars/marked/lib/marked.esm.js'),
  import('/webjars/dompurify/dist/purify.es.mjs'),
  import('/answer-markup.js'),
]).then(([markedModule, purifyModule, markup]) => ({ ...markup.markdown(markedModule, purifyModule), markup }))
  .catch(() => null);

/** Shows the answer as plain text at once, then as sanitised Markdown once the libraries are there. */
function answerNode(text) {
  const node = el('div', { class: 'answer' }, text);
  markdown.then((lib) => {
    if (lib) node.replaceChildren(lib.purify.sanitize(lib.marked.parse(text), lib.markup.PURIFY));
  });
  return node;
}

const $ = (id) => document.getElementById(id);
const number = (v) => (v === null || v === undefined ? 'n/a' : Number(v).toFixed(3));
const when = (t) => (t ? new Date(t).toLocaleString('de-DE') : '');

function status(text, error) {
  $('status').textContent = text || '';
  $('status').classList.toggle('error', !!error);
}

async function call(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.method && options.method !== 'GET') {
    if (!state.csrf) state.csrf = await (await fetch(api + '/csrf', { headers: { Accept: 'application/json' } })).json();
    headers[state.csrf.headerName] = state.csrf.token;
  }
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error((body && (body.detail || body.title)) || 'Fehler ' + response.status);
  return body;
}

// ------------------------------------------------------------------ runs

async function loadRuns() {
  state.runs = await call(api + '/runs');
  const body = $('run-table').querySelector('tbody');
  body.replaceChildren(...state.runs.map((run, i) => el('tr', {},
    el('td', {}, el('input', { type: 'radio', name: 'run-a', value: run.id, 'aria-label': 'Lauf als A', checked: i === 1 })),
    el('td', {}, el('input', { type: 'radio', name: 'run-b', value: run.id, 'aria-label': 'Lauf als B', checked: i === 0 })),
    el('td', {}, when(run.createdAt), el('br'), el('span', { class: 'small' }, run.startedBy)),
    el('td', {}, { running: 'läuft …', done: 'fertig', failed: 'fehlgeschlagen' }[run.status] || run.status,
      run.error ? el('div', { class: 'small' }, run.error) : null),
    el('td', {}, run.backend || ''),
    el('td', {}, run.summary ? run.summary.questions : ''),
    ...METRICS.map((m) => el('td', {}, run.summary ? number(run.summary[m]) : '')),
    el('td', {}, run.status === 'done'
      ? el('button', { type: 'button', onclick: () => openRun(run.id) }, 'Öffnen') : ''))));
  if (state.runs.some((r) => r.status === 'running')) {
    clearTimeout(state.poll);
    state.poll = setTimeout(() => loadRuns().catch((e) => status(e.message, true)), 2000);
  }
}

async function newRun() {
  try {
    const run = await call(api + '/runs', { method: 'POST' });
    status('Lauf ' + run.id + ' gestartet; die Liste aktualisiert sich, bis er fertig ist.');
    await loadRuns();
  } catch (e) {
    status(e.message, true);
  }
}

async function compare() {
  const a = document.querySelector('input[name="run-a"]:checked');
  const b = document.querySelector('input[name="run-b"]:checked');
  if (!a || !b) { status('Bitte Lauf A und Lauf B wählen.', true); return; }
  try {
    const comparison = await call(api + '/runs/compare?a=' + encodeURIComponent(a.value) + '&b=' + encodeURIComponent(b.value));
    state.comparison = comparison;
    const scopes = [...new Set(comparison.deltas.map((d) => d.scope))];
    $('compare-scope').replaceChildren(...scopes.map((s) => el('option', { value: s }, s === 'overall' ? 'gesamt' : s)));
    renderComparison();
    $('comparison').hidden = false;
    $('comparison-title').focus?.();
    status('');
  } catch (e) {
    status(e.message, true);
  }
}

function renderComparison() {
  const scope = $('compare-scope').value;
  const rows = state.comparison.deltas.filter((d) => d.scope === scope);
  $('compare-table').querySelector('tbody').replaceChildren(...rows.map((d) => el('tr', {},
    el('td', {}, d.setup), el('td', {}, d.metric), el('td', {}, number(d.a)), el('td', {}, number(d.b)),
    el('td', { class: d.delta > 0 ? 'positive' : d.delta < 0 ? 'negative' : null },
      d.delta === null ? 'n/a' : (d.delta > 0 ? '+' : '') + d.delta.toFixed(3)))));
}

// ------------------------------------------------------------------ one run

async function openRun(id) {
  try {
    state.run = await call(api + '/runs/' + encodeURIComponent(id));
    await loadRatings();
    $('run-info').textContent = 'Lauf ' + state.run.id + ' · ' + when(state.run.createdAt) + ' · Backend '
      + state.run.backend + ' · ' + state.run.report.setup.questions + ' Fragen';
    $('run').hidden = false;
    renderQuestions();
    $('run-title').setAttribute('tabindex', '-1');
    $('run-title').focus();
  } catch (e) {
    status(e.message, true);
  }
}

async function loadRatings() {
  state.ratings = await call(api + '/runs/' + encodeURIComponent(state.run.id) + '/ratings');
  $('unrated-count').textContent = '(' + state.ratings.unrated.length + ' von ' + state.run.answers.length
    + ' noch nicht von Ihnen bewertet)';
  const evaluators = state.ratings.evaluators;
  for (const [select, pick] of [[$('agree-a'), 0], [$('agree-b'), 1]]) {
    const previous = select.value;
    select.replaceChildren(...evaluators.map((e) => el('option', { value: e }, e)));
    select.value = evaluators.includes(previous) ? previous : evaluators[Math.min(pick, evaluators.length - 1)] || '';
  }
}

function renderQuestions() {
  const verdicts = Object.fromEntries(state.run.report.questions.map((q) => [q.id, q]));
  const onlyUnrated = $('only-unrated').checked;
  const unrated = new Set(state.ratings.unrated);
  const items = state.run.answers.filter((a) => !onlyUnrated || unrated.has(a.gold.id));
  $('questions').replaceChildren(...items.map((a) => question(a, verdicts[a.gold.id])));
  if (!items.length) $('questions').append(el('p', {}, 'Alle Antworten dieses Laufs sind von Ihnen bewertet.'));
}

function question(answered, verdict) {
  const gold = answered.gold;
  const mine = state.ratings.ratings.find((r) => r.questionId === gold.id && r.evaluator === state.ratings.evaluator);
  const passages = el('div', { class: 'passages' });
  const chips = answered.citations.map((c) => {
    const quote = el('blockquote', { id: 'q-' + gold.id + '-' + c.n, hidden: true },
      el('strong', {}, '[' + c.n + '] ' + c.passageId + (c.label ? ' – ' + c.label : '')), el('br'), c.quote);
    passages.append(quote);
    return el('button', { type: 'button', class: 'chip', 'aria-expanded': 'false', 'aria-controls': quote.id,
      onclick: (event) => {
        const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
        event.currentTarget.setAttribute('aria-expanded', String(open));
        quote.hidden = !open;
      } }, '[' + c.n + '] ' + (c.caseId || 'Studie') + ' · ' + c.section);
  });
  const facts = [
    ['Typ', gold.type + (gold.answerable ? '' : ' (nicht beantwortbar)')],
    ['Gold-Fälle', gold.goldCases.join(', ') || '–'],
    ['Gold-Abschnitte', gold.goldSections.join(', ') || '–'],
    ['Gold-Passagen', gold.goldPassages.join(', ') || '–'],
    ['Muss nennen', gold.mustMention.join(' · ') || '–'],
  ];
  if (verdict) {
    facts.push(['Verweigert', verdict.abstained ? 'ja' : 'nein'],
      ['Zitierte Schlüssel', verdict.cited.join(', ') || '–'],
      ['Zitat-Präzision / -Recall', number(verdict.citationPrecision) + ' / ' + number(verdict.citationRecall)],
      ['Must-mention', number(verdict.mustMention)],
      ['Erster Treffer (Rang)', Object.entries(verdict.firstRelevantRank || {}).map(([k, v]) => k + ': ' + (v || '–')).join(', ') || 'n/a']);
    if (verdict.faithfulness !== null && verdict.faithfulness !== undefined) facts.push(['Faithfulness', number(verdict.faithfulness)]);
  }
  const form = ratingForm(gold.id, mine);
  return el('article', { class: 'question', 'data-question': gold.id },
    el('h3', {}, gold.id + ': ' + gold.question),
    answerNode(answered.answer),
    chips.length ? el('div', { class: 'chips', role: 'group', 'aria-label': 'Zitierte Quellen' }, chips) : el('p', { class: 'small' }, 'Keine Zitate.'),
    passages,
    el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('div', { class: 'judging' }, statements(gold.id, answered), form));
}

/** Each sentence of the answer with the service's grounding status, beside the rating form. */
function statements(questionId, answered) {
  const heading = el('h4', { id: 'statements-' + questionId }, 'Belegtheit je Aussage (automatisch geprüft)');
  const list = answered.statements;
  if (!Array.isArray(list)) {
    return el('section', { class: 'statements', 'aria-labelledby': heading.id }, heading,
      el('p', { class: 'small' }, 'Dieser Lauf hat die Prüfung je Aussage nicht gespeichert.'));
  }
  if (!list.length) {
    return el('section', { class: 'statements', 'aria-labelledby': heading.id }, heading,
      el('p', { class: 'small' }, answered.abstained ? 'Keine Aussagen: die Antwort verweigert.' : 'Keine Aussagen über die Studie.'));
  }
  const count = (status) => list.filter((s) => s.status === status).length;
  return el('section', { class: 'statements', 'aria-labelledby': heading.id }, heading,
    el('p', { class: 'small summary' }, list.length + ' Aussagen: ' + count('supported') + ' belegt, ' + count('partly')
      + ' teilweise belegt, ' + count('unsupported') + ' nicht belegt'),
    el('ol', {}, list.map((s) => {
      const [label, explanation] = SUPPORT[s.status] || [s.status, ''];
      return el('li', { 'data-status': s.status },
        el('span', { class: 'support ' + s.status, title: explanation }, label),
        ' ', el('span', { class: 'sentence' }, String(s.text).replace(/\*\*/g, '')),
        s.sources && s.sources.length ? el('span', { class: 'small' }, ' (zitiert: ' + s.sources.map((n) => '[' + n + ']').join(' ') + ')')
          : el('span', { class: 'small' }, ' (ohne Zitat)'));
    })));
}

function ratingForm(questionId, mine) {
  const message = el('span', { class: 'small', role: 'status' }, mine ? 'Ihre Bewertung vom ' + when(mine.updatedAt) : 'Noch nicht bewertet.');
  const selects = DIMENSIONS.map(([name, label]) => {
    const select = el('select', { name },
      el('option', { value: '' }, '–'),
      [1, 2, 3, 4, 5].map((n) => el('option', { value: n, selected: mine && mine[name] === n }, String(n))));
    return [name, select, el('label', {}, label + ' ', select)];
  });
  const comment = el('textarea', { name: 'comment', maxlength: 2000, 'aria-label': 'Kommentar' });
  comment.value = mine && mine.comment ? mine.comment : '';
  const form = el('form', { class: 'rating-form', onsubmit: async (event) => {
    event.preventDefault();
    const body = { comment: comment.value };
    for (const [name, select] of selects) body[name] = select.value ? Number(select.value) : null;
    try {
      await call(api + '/runs/' + encodeURIComponent(state.run.id) + '/ratings/' + encodeURIComponent(questionId),
        { method: 'PUT', body: JSON.stringify(body) });
      await loadRatings();
      message.textContent = 'Gespeichert.';
      status('Bewertung für ' + questionId + ' gespeichert.');
    } catch (e) {
      message.textContent = e.message;
      status(e.message, true);
    }
  } },
  el('fieldset', { class: 'rating' }, el('legend', {}, 'Ihre Bewertung (1 = schlecht, 5 = sehr gut)'),
    selects.map(([, , label]) => label), el('br'),
    el('label', {}, 'Kommentar (höchstens 2000 Zeichen)', el('br'), comment),
    el('button', { type: 'submit' }, 'Bewertung speichern'), ' ', message));
  return form;
}

async function agreement() {
  const a = $('agree-a').value;
  const b = $('agree-b').value;
  if (!a || !b) { $('agreement').textContent = 'Es gibt noch keine zwei Evaluatoren mit Bewertungen in diesem Lauf.'; return; }
  try {
    const result = await call(api + '/runs/' + encodeURIComponent(state.run.id) + '/agreement?a=' + encodeURIComponent(a)
      + '&b=' + encodeURIComponent(b));
    $('agreement').replaceChildren(
      el('p', {}, 'Gemeinsam bewertete Antworten: n = ' + result.n),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Dimension'), el('th', { scope: 'col' }, 'Cohens κ'),
        el('th', { scope: 'col' }, 'κ quadratisch gewichtet'))),
      el('tbody', {}, DIMENSIONS.map(([name, label]) => el('tr', {}, el('td', {}, label),
        el('td', {}, number(result.dimensions[name].kappa)), el('td', {}, number(result.dimensions[name].quadraticKappa)))))));
  } catch (e) {
    status(e.message, true);
  }
}

async function start() {
  $('new-run').addEventListener('click', newRun);
  $('compare').addEventListener('click', compare);
  $('compare-scope').addEventListener('change', renderComparison);
  $('only-unrated').addEventListener('change', renderQuestions);
  $('agree').addEventListener('click', agreement);
  try {
    state.csrf = await call(api + '/csrf');
    $('me').textContent = state.csrf.user;
    await loadRuns();
  } catch (e) {
    status(e.message, true);
  }
}

document.addEventListener('DOMContentLoaded', start);
