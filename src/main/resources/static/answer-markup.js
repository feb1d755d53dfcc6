// How an answer's Markdown becomes DOM, in one place for every page that shows answers: the chat widget and the
// Werkbank import this module beside the marked and DOMPurify WebJars. Change the allowed tags or the marker here.

/**
 * A citation marker [n], its number as group 1: the server's grammar (Java answer.CitationMarkers.REGEX, pinned to
 * this line by CitationMarkersTests). Use as new RegExp(CITATION_MARKER, 'g').
 */
export const CITATION_MARKER = '\\[(\\d{1,9})]';

/** The one DOMPurify configuration: Markdown's own tags, links without scripts, no data attributes; returns a fragment. */
export const PURIFY = Object.freeze({
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'b', 'i', 'del', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'hr',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ALLOWED_ATTR: ['href', 'title', 'start'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
});

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/**
 * marked and DOMPurify set up alike for every page: raw HTML in Markdown is shown as text, never parsed; images are not
 * loaded; every link opens apart from the page, without referrer. Returns { marked, purify }; sanitise with PURIFY.
 */
export function markdown(markedModule, purifyModule) {
  const purify = purifyModule.default;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  const marked = new markedModule.Marked({
    gfm: true,
    breaks: false,
    renderer: { html: ({ text }) => escapeHtml(text), image: ({ text }) => escapeHtml(text) },
  });
  return { marked, purify };
}
