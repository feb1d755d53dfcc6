// Talking to the service: the question as a POST whose answer is a server-sent event stream, feedback, passages and
// cases. Errors become ChatError with a kind the widget explains in plain words.

/**
 * Parses a text/event-stream by the rules of the HTML standard ("Parsing an event stream", 9.2.6), fed as decoded
 * text in chunks of any size: a line ends at CR LF, LF or CR, also when a chunk ends between CR and LF; a blank line
 * dispatches the event; "data" lines join with LF; "event" names it (default "message"); "id" sets the last event id
 * (kept across events, ignored when it holds NULL); lines starting with ":" are comments; one space after the colon
 * is dropped. An event with no data is not dispatched, and neither is one the stream ends in before its blank line
 * (the standard discards it: a cut-off stream must not look complete).
 *
 * @param onEvent called with { type, data, id } for each event
 * @returns { push(text), end() }
 */
export function eventStreamParser(onEvent) {
  let line = '';
  let afterCarriageReturn = false;
  let type = '';
  let data = [];
  let lastEventId = '';

  function processLine(text) {
    if (text === '') {
      if (data.length) onEvent({ type: type || 'message', data: data.join('\n'), id: lastEventId });
      type = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    // "retry" sets the reconnection time of EventSource; a fetch does not reconnect, so it is ignored like any other
  }

  return {
    push(text) {
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' && afterCarriageReturn) {
          // the LF of a CR LF whose CR ended the previous line (maybe in the previous chunk)
          start = i + 1;
          afterCarriageReturn = false;
          continue;
        }
        afterCarriageReturn = false;
        if (c === '\r' || c === '\n') {
          processLine(line + text.slice(start, i));
          line = '';
          start = i + 1;
          afterCarriageReturn = c === '\r';
        }
      }
      line += text.slice(start);
    },
    end() {
      // an event without its blank line is discarded, as the standard says
      line = '';
      type = '';
      data = [];
    },
  };
}

/** Reads a response body as an event stream; calls onEvent(type, parsed JSON data) for each event. */
export async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = eventStreamParser((event) => onEvent(event.type, JSON.parse(event.data)));
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}

export class ChatError extends Error {
  constructor(kind, detail, retryAfter) {
    super(detail || kind);
    this.kind = kind; // unreachable | rate | invalid | failed
    this.detail = detail;
    this.retryAfter = retryAfter;
  }
}

async function problemOf(response) {
  let detail = '';
  try {
    // a problem detail; a client that accepts text/event-stream may get it as one "data:" line
    const text = (await response.text()).trim();
    const body = text.startsWith('data:') ? text.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n') : text;
    detail = JSON.parse(body).detail || '';
  } catch (ignored) { /* not a problem detail */ }
  if (response.status === 429) {
    const seconds = parseInt(response.headers.get('Retry-After') || '', 10);
    return new ChatError('rate', detail, Number.isFinite(seconds) ? seconds : 30);
  }
  if (response.status === 400 || response.status === 413 || response.status === 422) return new ChatError('invalid', detail);
  return new ChatError('failed', detail);
}

/**
 * Asks the service and reads its answer as events (sources, token, done, error). Throws ChatError, or the AbortError of
 * the signal. The server keeps the conversation: its id is all a follow-up needs.
 *
 * @param onNotFound called when the service no longer knows the conversation (idle past its lifetime)
 */
export async function streamAnswer(apiBase, { question, conversationId, fresh }, signal, onEvent, onNotFound) {
  let response;
  try {
    response = await fetch(new URL('api/chat/stream', apiBase), {
      method: 'POST',
      // problem+json too: errors before the stream starts are problem details with a German reason
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json' },
      body: JSON.stringify({ message: question, conversationId: conversationId || undefined, fresh: fresh || undefined }),
      signal,
    });
  } catch (network) {
    if (network.name === 'AbortError') throw network;
    throw new ChatError('unreachable');
  }
  if (response.status === 404) onNotFound();
  if (!response.ok || !response.body) throw await problemOf(response);
  try {
    await readEvents(response.body, onEvent);
  } catch (broken) {
    if (broken.name === 'AbortError' || broken instanceof ChatError) throw broken;
    throw new ChatError(signal.aborted ? 'aborted' : 'unreachable');
  }
}

/** POST /api/feedback; true when the service took it. */
export async function postFeedback(apiBase, clientId, body) {
  try {
    const response = await fetch(new URL('api/feedback', apiBase), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Client-Id': clientId },
      body: JSON.stringify(body),
    });
    return response.ok;
  } catch (network) {
    return false;
  }
}

/** A JSON resource of the service (a passage, a case); null when it cannot be had. */
export async function getJson(apiBase, path) {
  try {
    const response = await fetch(new URL(path, apiBase));
    return response.ok ? await response.json() : null;
  } catch (offline) {
    return null;
  }
}
