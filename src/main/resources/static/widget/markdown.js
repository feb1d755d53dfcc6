// Markdown to DOM for answers: marked and DOMPurify from the service's WebJars, imported as modules, so nothing lands
// in the host page's globals; and the citation marker [n] that becomes a chip.

const libraries = new Map();

/** marked and DOMPurify from the service's WebJars, imported as modules: nothing lands in the host's globals. */
export function markdownLibraries(base) {
  if (!libraries.has(base)) {
    libraries.set(base, Promise.all([
      import(new URL('webjars/marked/lib/marked.esm.js', base).href),
      import(new URL('webjars/dompurify/dist/purify.es.mjs', base).href),
    ]).then(([markedModule, purifyModule]) => {
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
        // raw HTML in Markdown is shown as text, never parsed; images are not loaded
        renderer: { html: ({ text }) => escapeHtml(text), image: ({ text }) => escapeHtml(text) },
      });
      return { marked, purify };
    }).catch((error) => {
      console.warn('Studienlotse: Markdown libraries not loaded, answers are shown as plain text.', error);
      return null;
    }));
  }
  return libraries.get(base);
}

const PURIFY = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'b', 'i', 'del', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'hr',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ALLOWED_ATTR: ['href', 'title', 'start'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The answer's Markdown as a sanitised DOM fragment: only PURIFY's tags and attributes survive. */
export function markdownFragment(libs, text) {
  return libs.purify.sanitize(libs.marked.parse(text), PURIFY);
}

/** A citation marker [n], its number as group 1; a new expression each time, as it is used with the g flag. */
export function citationMarkers() {
  return /\[(\d{1,3})\]/g;
}
