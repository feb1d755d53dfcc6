// Shared helpers of the advisor pages: DOM building without innerHTML, JSON calls with German problem details,
// the page frame (navigation, attribution and licence on every page).

export const ATTRIBUTION = '„Best Practices – Einführung von KI-Anwendungen in KMU“, Zentrum Zukunft der Arbeitswelt (ZZA), '
  + 'Reihe „Zukunft der Arbeitswelt“, Studie 02, Mai 2025. Die Texte der Studie stehen unter der Lizenz CC BY-NC-ND 4.0 '
  + 'und werden hier unverändert zitiert, nicht kommerziell und mit Namensnennung; Auswahl, Zuordnung und Gliederung: Studienlotse.';

/** h('a', {href: '/x', class: 'y'}, 'text', child): an element; strings become text nodes, never markup. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** fetch + JSON; a problem detail becomes an Error with its German detail. */
export async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...options,
    headers: { Accept: 'application/json, application/problem+json', ...(options.headers || {}) },
  });
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(body && body.detail ? body.detail : `Fehler ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

const NAV = [
  ['/berater', 'Fälle'],
  ['/berater/vergleich', 'Vergleich'],
  ['/berater/auswertung', 'Auswertung'],
  ['/berater/studie', 'Studie'],
  ['/berater/briefing', 'Beratungsbrief'],
];

/** Header with navigation and the footer with attribution and licence. */
export function frame(active) {
  const header = h('header', { class: 'site' }, h('div', { class: 'inner' },
    h('a', { class: 'brand', href: '/berater' }, 'Studienlotse · Beratung'),
    h('nav', { 'aria-label': 'Bereiche' }, NAV.map(([href, text]) =>
      h('a', { href, 'aria-current': href === active ? 'page' : null }, text))),
    h('a', { href: '/', class: 'small' }, 'Zum Chat')));
  document.body.prepend(h('a', { class: 'skip', href: '#inhalt' }, 'Zum Inhalt'), header);
  document.body.append(h('footer', { class: 'site' },
    h('p', {}, 'Quelle: ', ATTRIBUTION, ' ',
      h('a', { href: 'https://creativecommons.org/licenses/by-nc-nd/4.0/deed.de', rel: 'license' }, 'Lizenztext')),
    h('p', {}, 'Studienlotse ersetzt keine Beratung; er zeigt, was die Studie sagt, und sagt, wo sie schweigt.')));
}

export function showError(container, error) {
  container.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message || String(error)));
}

export function yesNo(value) {
  if (value === true) return h('span', { class: 'yes' }, 'ja');
  if (value === false) return h('span', { class: 'no' }, 'nein');
  return h('span', { class: 'muted' }, 'keine Angabe');
}

/** The passage's place on its page: case page or study page, with the passage id as fragment. */
export function passageHref(passageId, caseId) {
  return caseId ? `/berater/faelle/${caseId}#${passageId}` : `/berater/studie#${passageId}`;
}

/** After rendering: scroll to the passage the fragment names and mark it (the browser did so before it existed). */
export function revealHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  if (!target) return;
  document.querySelectorAll('.target').forEach(n => n.classList.remove('target'));
  target.classList.add('target');
  target.scrollIntoView({ block: 'start' });
}

/** "4 Wochen" → 1, "2-3 Jahre" → 24, "3,5 Monate" → 3.5, "mehrere Monate" → null: months, for sorting only. */
export function months(duration) {
  if (!duration) return null;
  const m = duration.match(/(\d+(?:,\d+)?)\s*(?:-\s*\d+(?:,\d+)?\s*)?(Wochen?|Monate?n?|Jahre?n?)/i);
  if (!m) return null;
  const n = parseFloat(m[1].replace(',', '.'));
  const unit = m[2].toLowerCase();
  return unit.startsWith('woche') ? n / 4.33 : unit.startsWith('jahr') ? n * 12 : n;
}
