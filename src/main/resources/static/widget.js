/*!
 * Studienlotse chat widget: <studienlotse-chat>, an embeddable, streaming, citing chat about the study
 * "Best Practices – Einführung von KI-Anwendungen in KMU" (ZZA, Studie 02, 2025).
 *
 * Embed:   <script src="https://HOST/widget.js" data-title="…" data-accent="#0b5cad" async></script>
 *          (adds a launcher and a chat panel), or <studienlotse-chat data-mode="page"></studienlotse-chat>.
 * Options: data-title, data-accent, data-position (bottom-right | bottom-left), data-open, data-lang (de | en),
 *          data-mode (launcher | page), data-api (the service; default: where this script came from),
 *          data-contact (a person to ask: an https:/http: or mailto: URL or an e-mail address; shown with every
 *          abstention and in the footer).
 * Theming: CSS custom properties --studienlotse-accent, --studienlotse-on-accent, --studienlotse-font,
 *          --studienlotse-radius, --studienlotse-z-index, --studienlotse-offset on the element.
 *
 * This file is the one a host page embeds, a classic script: it reads its own tag (data-*), which a module script
 * cannot (document.currentScript is null there), and imports the widget's ES modules from widget/ beside it, from
 * the same service (a CORS request, which the service answers for any website: see web.WidgetCorsFilter).
 *   widget/element.js    the element: asking, stopping, focus; wires the others together
 *   widget/state.js      the conversation (sessionStorage), client id, what a finished answer keeps
 *   widget/transport.js  fetch, the event-stream parser, errors
 *   widget/render.js     the conversation on screen
 *   widget/sources.js    source list, chips and the passage view
 *   widget/feedback.js   copy and ratings
 *   widget/markdown.js   marked + DOMPurify, citation markers
 *   widget/style.js      the look: style sheet, icons, accent colours
 *   widget/texts.js      the widget's words, German and English
 *
 * Safety rules of these files: untrusted text (questions, answers, passages, server messages) reaches the DOM only as
 * textContent, or as Markdown through marked (raw HTML escaped) and then DOMPurify. No innerHTML anywhere else.
 */
(() => {
  'use strict';

  const TAG = 'studienlotse-chat';
  const SCRIPT = document.currentScript;
  const BASE = new URL('.', SCRIPT && SCRIPT.src ? SCRIPT.src : location.href).href;

  import(new URL('widget/element.js', BASE).href)
    .then((element) => element.define())
    .catch((error) => console.warn('Studienlotse: the chat widget could not be loaded.', error));

  // ---------------------------------------------------------------- the one-tag embed: <script src=".../widget.js" data-…>

  // the element is placed at once and becomes the chat when its module has loaded (a custom element's upgrade)
  function mount() {
    if (!SCRIPT || SCRIPT.dataset.mount === 'none' || document.querySelector(TAG)) return;
    const chat = document.createElement(TAG);
    for (const [key, value] of Object.entries(SCRIPT.dataset)) {
      chat.dataset[key] = value;
    }
    document.body.append(chat);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
