// Markdown to DOM for answers: marked and DOMPurify from the service's WebJars with the set-up of answer-markup.js,
// imported as modules, so nothing lands in the host page's globals; and the citation marker [n] that becomes a chip.

const libraries = new Map();

/**
 * marked, DOMPurify and the shared answer-markup.js (the marked set-up, the one sanitiser configuration and the
 * citation-marker grammar, shared with the Werkbank) from the service, imported as modules: nothing lands in the
 * host's globals. Resolves to null when they cannot be had; answers are then plain text without chips.
 */
export function markdownLibraries(base) {
  if (!libraries.has(base)) {
    libraries.set(base, Promise.all([
      import(new URL('webjars/marked/lib/marked.esm.js', base).href),
      import(new URL('webjars/dompurify/dist/purify.es.mjs', base).href),
      import(new URL('answer-markup.js', base).href),
    ]).then(([markedModule, purifyModule, markup]) => ({ ...markup.markdown(markedModule, purifyModule), markup }))
      .catch((error) => {
        console.warn('Studienlotse: Markdown libraries not loaded, answers are shown as plain text.', error);
        return null;
      }));
  }
  return libraries.get(base);
}

/** The answer's Markdown as a sanitised DOM fragment, with answer-markup.js's one DOMPurify configuration. */
export function markdownFragment(libs, text) {
  return libs.purify.sanitize(libs.marked.parse(text), libs.markup.PURIFY);
}

/** The citation-marker grammar of answer-markup.js; before the libraries are there no marker is recognised. */
export function citationMarkers(libs) {
  return new RegExp(libs ? libs.markup.CITATION_MARKER : '(?!)', 'g');
}
