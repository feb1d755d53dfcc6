// What the widget remembers: the conversation per tab (sessionStorage), the browser's random client id and the wide
// panel (localStorage), and how a finished answer's state is derived from the service's "done" event.

function randomId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function store(kind) {
  try {
    const s = kind === 'local' ? window.localStorage : window.sessionStorage;
    const probe = '__studienlotse__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch (blocked) {
    return null; // storage blocked (privacy settings): the widget works, it just forgets on reload
  }
}

/** One id per browser for feedback ("one rating per message and client"); random, no personal data. */
export function clientId() {
  const local = store('local');
  let id = local && local.getItem('studienlotse:client-id');
  if (!id) {
    id = randomId();
    if (local) local.setItem('studienlotse:client-id', id);
  }
  return id;
}


/** The conversation of this tab, or an empty one; an answer cut off by a reload is kept as stopped. */
export function loadConversation(key) {
  const session = store('session');
  try {
    const saved = session && JSON.parse(session.getItem(key) || 'null');
    if (saved && Array.isArray(saved.messages)) {
      const state = { conversationId: saved.conversationId || null, open: !!saved.open, messages: saved.messages };
      state.messages.forEach((m) => { if (m.status === 'streaming') m.status = 'stopped'; });
      return state;
    }
  } catch (broken) { /* a broken entry: start afresh */ }
  return { conversationId: null, open: false, messages: [] };
}

export function saveConversation(key, state) {
  const session = store('session');
  if (!session) return;
  try {
    session.setItem(key, JSON.stringify(state));
  } catch (full) { /* quota: keep going without persistence */ }
}

/**
 * The answer as the "done" event leaves it: the cited sources keep their numbers, and of the sources only those its
 * text cites stay (markers: a global expression, group 1 the number); an abstention's suggestions become buttons, so
 * its text keeps only what the study does not say.
 */
export function finishAnswer(answer, response, markers) {
  answer.content = response.answer || answer.content;
  answer.messageId = response.messageId || answer.messageId;
  // anything streamed but not cited stays resolvable from the sources
  const cited = new Map((answer.citations || []).map((c) => [c.n, c]));
  for (const c of response.citations || []) cited.set(c.n, c);
  const used = new Set([...answer.content.matchAll(markers)].map((m) => Number(m[1])));
  answer.citations = [...cited.values()].filter((c) => used.has(c.n));
  answer.suggestions = response.suggestions || [];
  answer.notice = response.notice || null;
  answer.uncited = !!response.uncited;
  answer.abstained = !!response.abstained;
  answer.statements = Array.isArray(response.statements) ? response.statements : [];
  answer.followUpOf = response.followUp && response.followUpOf ? response.followUpOf : null;
  // not stored in time: a rating would be refused, so none is offered (the notice says why)
  answer.rateable = response.rateable !== false;
  if (answer.abstained && answer.suggestions.length) {
    answer.content = answer.content.split(/\n\s*\n/)[0];
  }
  answer.status = 'done';
}

/**
 * Follow-up questions from the corpus: the sections of the first cited cases that this answer did not quote, asked
 * about the case by its application and Branche (the words the study uses, so retrieval finds it); none already asked.
 */
export function followupsOf(answer, messages, texts) {
  const asked = new Set(messages.filter((m) => m.role === 'user').map((m) => m.content));
  const cases = [];
  for (const c of answer.citations) {
    if (c.caseId && c.anwendung && !cases.some((x) => x.caseId === c.caseId)) cases.push(c);
  }
  const questions = [];
  cases.slice(0, 2).forEach((c, index) => {
    const quoted = new Set(answer.citations.filter((x) => x.caseId === c.caseId).map((x) => x.section));
    const branche = c.branche ? ` (${c.branche})` : '';
    const open = Object.keys(texts.followup).filter((section) => !quoted.has(section));
    open.slice(0, index === 0 ? 2 : 1).forEach((section) => questions.push(texts.followup[section](c.anwendung, branche)));
  });
  return questions.filter((q) => !asked.has(q)).slice(0, 3);
}
