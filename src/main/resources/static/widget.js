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
 * Safety rules of this file: untrusted text (questions, answers, passages, server messages) reaches the DOM only as
 * textContent, or as Markdown through marked (raw HTML escaped) and then DOMPurify. No innerHTML anywhere else.
 */
(() => {
  'use strict';

  const TAG = 'studienlotse-chat';
  if (customElements.get(TAG)) {
    return; // loaded twice: the first copy stays in charge
  }
  const SCRIPT = document.currentScript;
  const SCRIPT_BASE = new URL('.', SCRIPT && SCRIPT.src ? SCRIPT.src : location.href).href;
  const MAX_QUESTION = 2000; // studienlotse.chat.max-message-length
  const REASONS = ['falsch', 'unvollständig', 'Quelle passt nicht']; // values of POST /api/feedback

  const TEXT = {
    de: {
      launcher: 'Fragen zur KI-Studie', title: 'Studienlotse', subtitle: 'Wie KMU KI eingeführt haben – 18 Praxisfälle',
      open: 'Chat öffnen', close: 'Chat schließen', newChat: 'Neue Unterhaltung', newChatDone: 'Neue Unterhaltung begonnen.',
      inputLabel: 'Ihre Frage zur Studie', placeholder: 'Ihre Frage …', send: 'Senden', stop: 'Stopp', stopLabel: 'Antwort abbrechen',
      greeting: 'Hallo! Ich beantworte Fragen zur Studie „Best Practices – Einführung von KI-Anwendungen in KMU“: wie 18 kleine und mittlere Unternehmen KI eingeführt haben. Jede Antwort nennt die Textstellen, auf die sie sich stützt.',
      startersLabel: 'Zum Beispiel:',
      starters: ['Wie haben Unternehmen KI in der Buchhaltung eingeführt?', 'Welche Herausforderungen gab es in der Kundenberatung?',
        'Wie lange hat die Einführung gedauert?', 'Welche Tipps geben die Unternehmen anderen KMU?'],
      you: 'Sie', assistant: 'Studienlotse', thinking: 'Antwort wird erstellt …', ready: 'Antwort fertig.', stopped: 'Antwort abgebrochen.',
      copy: 'Kopieren', copyLabel: 'Antwort kopieren', copied: 'Kopiert', copyFailed: 'Kopieren nicht möglich',
      up: 'Hilfreich', down: 'Nicht hilfreich', reasonsLegend: 'Was hat nicht gepasst? (optional)',
      reasons: { 'falsch': 'falsch', 'unvollständig': 'unvollständig', 'Quelle passt nicht': 'Quelle passt nicht' },
      comment: 'Kommentar (optional)', sendFeedback: 'Rückmeldung senden', thanks: 'Danke für Ihre Rückmeldung!',
      feedbackFailed: 'Die Rückmeldung konnte nicht gesendet werden. Bitte versuchen Sie es noch einmal.',
      followups: 'Weiterfragen:', suggestions: 'Dazu kann die Studie etwas sagen:',
      sources: 'Quellen', searching: 'Studienlotse sucht in der Studie …',
      source: 'Quelle', back: 'Zurück zum Chat', wholeCase: 'Ganzen Fall lesen', casePage: 'Fall im Fallbrowser öffnen', caseLabel: 'Fall', study: 'Studie',
      section: 'Abschnitt', cited: 'zitiert', loading: 'Wird geladen …', loadFailed: 'Der Text konnte nicht geladen werden.',
      chip: (n, where) => `Quelle ${n}: ${where}`,
      uncited: 'Diese Antwort enthält keine Quellenangabe – bitte mit Vorsicht lesen.',
      unreachable: 'Der Studienlotse ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es gleich noch einmal.',
      rateLimited: (s) => `Gerade kommen sehr viele Fragen an. Bitte warten Sie ${s} Sekunden – dann können Sie es erneut versuchen.`,
      invalid: (d) => `Diese Frage kann ich so nicht annehmen: ${d}`,
      failed: 'Die Antwort konnte nicht erstellt werden. Bitte versuchen Sie es noch einmal.',
      askAgain: 'Erneut fragen', retry: 'Erneut versuchen', retryIn: (s) => `Erneut versuchen (${s} s)`, edit: 'Frage bearbeiten',
      footer: 'Antworten aus der Studie „Best Practices – Einführung von KI-Anwendungen in KMU“ (Zentrum Zukunft der Arbeitswelt, 2025), Lizenz CC BY-NC-ND 4.0. Sie ersetzen keine Beratung.',
      contact: 'Fragen Sie eine Beraterin / einen Berater:',
      wider: 'Breiter anzeigen', narrower: 'Schmaler anzeigen', newShort: 'Neu',
      unsupported: 'Diese Aussage ist durch die zitierten Stellen nicht belegt.',
      partly: 'Diese Aussage ist durch die zitierten Stellen nur teilweise belegt.',
      unsupportedNote: (n) => (n === 1 ? 'Eine markierte Aussage ist durch die zitierten Stellen nicht belegt.'
        : `${n} markierte Aussagen sind durch die zitierten Stellen nicht belegt.`),
      followUpOf: (q) => `Als Folgefrage zu „${q}“ beantwortet`, followUpCases: (ids) => ` (${ids.join(', ')})`,
      askFresh: 'Als neue Frage stellen',
      followup: {
        herausforderungen: (a, b) => `Welche Herausforderungen gab es bei „${a}“${b}?`,
        erfolgsfaktoren: (a, b) => `Was hat bei „${a}“${b} zum Erfolg beigetragen?`,
        tipps: (a, b) => `Welche Tipps gibt das Unternehmen zu „${a}“${b}?`,
        eckdaten: (a, b) => `Wie lange hat die Einführung von „${a}“${b} gedauert?`,
        prozess: (a, b) => `Wie ist das Unternehmen bei „${a}“${b} vorgegangen?`,
      },
      sections: {
        beschreibung: 'Beschreibung', ziel: 'Ziel', interaktion: 'Interaktion mit der KI', prozess: 'Prozess der Einführung',
        eckdaten: 'Eckdaten', herausforderungen: 'Herausforderungen', zusammenarbeit: 'Zusammenarbeit', erfolgsfaktoren: 'Erfolgsfaktoren',
        tipps: 'Tipps', zitat: 'Zitat', zusammenfassung: 'Zusammenfassung', einleitung: 'Einleitung', ausblick: 'Ausblick',
        zielstellung: 'Zielstellung', methodik: 'Methodik', auswertung: 'Auswertung', ergebnisse: 'Ergebnisse',
        'tabelle-1': 'Tabelle 1', 'tabelle-2': 'Tabelle 2', fazit: 'Fazit', impressum: 'Impressum',
      },
    },
    en: {
      launcher: 'Ask about the AI study', title: 'Studienlotse', subtitle: 'How SMEs introduced AI – 18 cases',
      open: 'Open chat', close: 'Close chat', newChat: 'New conversation', newChatDone: 'New conversation started.',
      inputLabel: 'Your question about the study', placeholder: 'Your question …', send: 'Send', stop: 'Stop', stopLabel: 'Stop the answer',
      greeting: 'Hello! I answer questions about the study “Best Practices – Einführung von KI-Anwendungen in KMU”: how 18 small and medium-sized firms introduced AI. Every answer names the passages it rests on; quotes stay in German.',
      startersLabel: 'For example:',
      starters: ['How did companies introduce AI in accounting?', 'Which challenges came up in customer advice?',
        'How long did the introduction take?', 'Which tips do the companies give other SMEs?'],
      you: 'You', assistant: 'Studienlotse', thinking: 'Writing the answer …', ready: 'Answer complete.', stopped: 'Answer stopped.',
      copy: 'Copy', copyLabel: 'Copy answer', copied: 'Copied', copyFailed: 'Could not copy',
      up: 'Helpful', down: 'Not helpful', reasonsLegend: 'What was wrong? (optional)',
      reasons: { 'falsch': 'wrong', 'unvollständig': 'incomplete', 'Quelle passt nicht': 'source does not fit' },
      comment: 'Comment (optional)', sendFeedback: 'Send feedback', thanks: 'Thank you for your feedback!',
      feedbackFailed: 'Your feedback could not be sent. Please try again.',
      followups: 'Ask next:', suggestions: 'The study can tell you about:',
      sources: 'Sources', searching: 'Studienlotse is searching the study …',
      source: 'Source', back: 'Back to the chat', wholeCase: 'Read the whole case', casePage: 'Open the case in the case browser', caseLabel: 'Case', study: 'Study',
      section: 'Section', cited: 'cited', loading: 'Loading …', loadFailed: 'The text could not be loaded.',
      chip: (n, where) => `Source ${n}: ${where}`,
      uncited: 'This answer cites no source – please read it with care.',
      unreachable: 'Studienlotse cannot be reached right now. Please check your connection and try again in a moment.',
      rateLimited: (s) => `Many questions are arriving right now. Please wait ${s} seconds, then try again.`,
      invalid: (d) => `This question cannot be accepted: ${d}`,
      failed: 'The answer could not be created. Please try again.',
      askAgain: 'Ask again', retry: 'Try again', retryIn: (s) => `Try again (${s} s)`, edit: 'Edit question',
      footer: 'Answers from the study “Best Practices – Einführung von KI-Anwendungen in KMU” (Zentrum Zukunft der Arbeitswelt, 2025), licence CC BY-NC-ND 4.0. Not a substitute for advice.',
      contact: 'Ask an adviser:',
      wider: 'Wider panel', narrower: 'Narrower panel', newShort: 'New',
      unsupported: 'The cited passages do not support this statement.',
      partly: 'The cited passages support this statement only in part.',
      unsupportedNote: (n) => (n === 1 ? 'One marked statement is not supported by the cited passages.'
        : `${n} marked statements are not supported by the cited passages.`),
      followUpOf: (q) => `Answered as a follow-up to “${q}”`, followUpCases: (ids) => ` (${ids.join(', ')})`,
      askFresh: 'Ask as a new question',
      followup: {
        herausforderungen: (a, b) => `Which challenges came up with “${a}”${b}?`,
        erfolgsfaktoren: (a, b) => `What helped “${a}”${b} succeed?`,
        tipps: (a, b) => `Which tips does the company give on “${a}”${b}?`,
        eckdaten: (a, b) => `How long did the introduction of “${a}”${b} take?`,
        prozess: (a, b) => `How did the company proceed with “${a}”${b}?`,
      },
      sections: {
        beschreibung: 'Description', ziel: 'Goal', interaktion: 'Working with the AI', prozess: 'Introduction process',
        eckdaten: 'Key facts', herausforderungen: 'Challenges', zusammenarbeit: 'Collaboration', erfolgsfaktoren: 'Success factors',
        tipps: 'Tips', zitat: 'Quote', zusammenfassung: 'Summary', einleitung: 'Introduction', ausblick: 'Outlook',
        zielstellung: 'Objectives', methodik: 'Method', auswertung: 'Analysis', ergebnisse: 'Results',
        'tabelle-1': 'Table 1', 'tabelle-2': 'Table 2', fazit: 'Conclusion', impressum: 'Imprint',
      },
    },
  };

  const STYLE = `
:host { all: initial; display: contents; --sl-accent: var(--studienlotse-accent, #0b5cad);
  --sl-radius: var(--studienlotse-radius, 14px); --sl-offset: var(--studienlotse-offset, 20px);
  --sl-font: var(--studienlotse-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif); }
:host([data-mode="page"]) { display: block; height: 100%; min-height: 480px; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { font-family: var(--sl-font); font-size: 15px; line-height: 1.5; color: #1f2328; letter-spacing: normal;
  text-align: left; text-transform: none; font-weight: 400; font-style: normal; -webkit-font-smoothing: antialiased; }
.vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea, input { font: inherit; color: inherit; letter-spacing: inherit; margin: 0; }
button { cursor: pointer; border-radius: 8px; border: 1px solid transparent; background: none; padding: 6px 10px;
  line-height: 1.3; min-height: 32px; text-transform: none; box-shadow: none; }
button:disabled { cursor: not-allowed; opacity: .6; }
:focus-visible { outline: 3px solid var(--sl-accent-text, #0b5cad); outline-offset: 2px; }
.launcher { position: fixed; z-index: var(--studienlotse-z-index, 2147483000); bottom: var(--sl-offset); right: var(--sl-offset);
  display: inline-flex; align-items: center; gap: 8px; padding: 12px 18px; border-radius: 999px; min-height: 48px;
  background: var(--sl-accent); color: var(--sl-on-accent, #fff); font-weight: 600; font-size: 15px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.root[data-position="bottom-left"] .launcher { right: auto; left: var(--sl-offset); }
.launcher svg { width: 22px; height: 22px; flex: none; }
.panel { position: fixed; z-index: var(--studienlotse-z-index, 2147483000); bottom: calc(var(--sl-offset) + 64px);
  right: var(--sl-offset); width: 400px; max-width: calc(100vw - 2 * var(--sl-offset));
  height: 640px; max-height: calc(100vh - var(--sl-offset) - 84px); display: flex; flex-direction: column;
  background: #fff; border-radius: var(--sl-radius); box-shadow: 0 12px 48px rgba(0,0,0,.28); overflow: hidden;
  border: 1px solid #d0d7de; }
.root[data-position="bottom-left"] .panel { right: auto; left: var(--sl-offset); }
/* wider on request, on desktop only: a small screen's panel fills it anyway */
@media (min-width: 481px) { .root[data-mode="launcher"][data-wide="true"] .panel { width: 680px; height: 760px; } }
.root[data-mode="page"] { height: 100%; }
.root[data-mode="page"] .panel { position: relative; inset: auto; width: 100%; max-width: none; height: 100%;
  max-height: none; box-shadow: none; }
header { display: flex; align-items: center; gap: 6px; padding: 10px 10px 10px 16px; background: var(--sl-accent);
  color: var(--sl-on-accent, #fff); }
header .titles { flex: 1; min-width: 0; }
/* one line each, whatever the panel's width: a long title or subtitle ends in an ellipsis instead of wrapping */
header h2, header p { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header h2 { margin: 0; font-size: 17px; font-weight: 700; line-height: 1.3; }
header p { margin: 2px 0 0; font-size: 13px; opacity: .95; }
header button { flex: none; color: inherit; border-color: currentColor; font-size: 13px; white-space: nowrap;
  display: inline-flex; align-items: center; gap: 4px; padding: 4px 8px; }
header button svg { width: 16px; height: 16px; }
header .close { border: none; font-size: 22px; line-height: 1; padding: 4px 8px; }
.log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 12px; overscroll-behavior: contain; }
.intro p { margin: 0 0 10px; color: #1f2328; }
.starters, .follow { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; }
.starters p, .follow p { margin: 4px 0 0; font-size: 13px; color: #57606a; }
.suggestion { text-align: left; border: 1px solid var(--sl-accent-text, #0b5cad); color: var(--sl-accent-text, #0b5cad);
  background: #fff; border-radius: 16px; padding: 6px 12px; font-size: 14px; }
.suggestion:hover { background: #f0f4fa; }
.msg { max-width: 100%; }
.msg.user { align-self: flex-end; max-width: 85%; background: var(--sl-accent); color: var(--sl-on-accent, #fff);
  padding: 8px 12px; border-radius: 14px 14px 4px 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.assistant { align-self: stretch; background: #f3f5f8; padding: 10px 12px; border-radius: 14px 14px 14px 4px;
  overflow-wrap: anywhere; }
.md > :first-child { margin-top: 0; } .md > :last-child { margin-bottom: 0; }
.md p, .md ul, .md ol, .md blockquote, .md pre, .md table { margin: 0 0 8px; }
.md ul, .md ol { padding-left: 20px; } .md li { margin: 2px 0; }
.md h1, .md h2, .md h3, .md h4, .md h5, .md h6 { font-size: 15px; margin: 10px 0 4px; }
.md a { color: var(--sl-accent-text, #0b5cad); }
.md code { font-family: ui-monospace, Consolas, monospace; font-size: 13px; }
.md table { border-collapse: collapse; font-size: 13px; } .md th, .md td { border: 1px solid #d0d7de; padding: 2px 6px; }
.md blockquote { border-left: 3px solid #d0d7de; padding-left: 8px; color: #424a53; }
.chip { display: inline-flex; align-items: center; gap: 3px; min-height: 24px; padding: 0 7px; margin: 0 1px;
  border-radius: 999px; border: 1px solid var(--sl-accent-text, #0b5cad); background: #fff; color: var(--sl-accent-text, #0b5cad);
  font-size: 12px; font-weight: 600; vertical-align: baseline; line-height: 20px; }
.chip small { font-weight: 400; font-size: 11px; }
.chip:hover, .chip[aria-expanded="true"] { background: var(--sl-accent); color: var(--sl-on-accent, #fff); }
.typing::after { content: '▍'; animation: blink 1s steps(2) infinite; color: #57606a; }
@keyframes blink { 50% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .typing::after { animation: none; } }
.note { margin: 8px 0 0; font-size: 13px; color: #57606a; }
.sources { margin: 8px 0 0; padding: 0; list-style: none; font-size: 12px; border-top: 1px solid #d0d7de; }
.sources li { margin: 4px 0 0; }
.sources button { all: unset; cursor: pointer; font-weight: 600; color: inherit; text-decoration: underline dotted; }
.sources button:focus-visible { outline: 2px solid var(--sl-accent); outline-offset: 1px; }
.sources .first { color: #57606a; }
.note.warn { color: #7d4e00; }
/* grounding: an unsupported statement is marked plainly, a partly supported one only underlined */
.claim.unsupported { background: #fff1e5; text-decoration: underline wavy #bc4c00; text-decoration-thickness: 1px;
  text-underline-offset: 3px; }
.claim.unsupported.first::before { content: '\\26A0\\FE0E' / ''; color: #953800; font-size: 12px; margin-right: 2px; }
.claim.partly { text-decoration: underline dotted #6e7781; text-underline-offset: 3px; }
.followup-of { margin: 0 0 6px; font-size: 12px; color: #57606a; display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 8px; }
.followup-of .ask-fresh { min-height: 24px; font-size: 12px; }
.contact { margin: 8px 0 0; font-size: 13px; }
.contact a, .footer a { color: var(--sl-accent-text, #0b5cad); overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 8px; }
.actions button { font-size: 13px; color: #424a53; border-color: #d0d7de; background: #fff; padding: 4px 10px; }
.actions button[aria-pressed="true"] { background: var(--sl-accent); color: var(--sl-on-accent, #fff); border-color: var(--sl-accent); }
.actions svg { width: 16px; height: 16px; vertical-align: -3px; }
.feedback { margin-top: 8px; padding: 8px 10px; background: #fff; border: 1px solid #d0d7de; border-radius: 10px; }
.feedback fieldset { border: none; margin: 0 0 6px; padding: 0; }
.feedback legend { font-size: 13px; color: #424a53; padding: 0; margin-bottom: 4px; }
.feedback label { display: inline-flex; align-items: center; gap: 4px; margin-right: 10px; font-size: 14px; }
.feedback textarea { display: block; width: 100%; min-height: 56px; margin: 4px 0 8px; padding: 6px 8px;
  border: 1px solid #8c959f; border-radius: 8px; background: #fff; resize: vertical; }
.feedback .send-feedback, .error button { background: var(--sl-accent); color: var(--sl-on-accent, #fff); }
.error { background: #fff5f5; border: 1px solid #cf222e; color: #82071e; padding: 10px 12px; border-radius: 10px; }
.error p { margin: 0 0 8px; }
form.composer { display: flex; gap: 8px; align-items: flex-end; padding: 10px 12px; border-top: 1px solid #d0d7de; background: #fff; }
form.composer textarea { flex: 1; min-height: 44px; max-height: 140px; resize: none; padding: 10px 12px; border-radius: 10px;
  border: 1px solid #8c959f; background: #fff; color: #1f2328; line-height: 1.4; }
form.composer textarea::placeholder { color: #6e7781; }
form.composer button { min-height: 44px; padding: 0 16px; font-weight: 600; background: var(--sl-accent); color: var(--sl-on-accent, #fff); }
form.composer button.stop { background: #fff; color: #82071e; border-color: #cf222e; }
.footer { margin: 0; padding: 6px 12px 8px; font-size: 11px; line-height: 1.35; color: #57606a; background: #fff;
  overflow-wrap: anywhere; }
.footer p { margin: 0; }
.footer .contact { margin: 0 0 2px; font-size: 12px; }
.sourceview { position: absolute; inset: 0; background: #fff; display: flex; flex-direction: column; z-index: 2; }
.sourceview .top { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid #d0d7de; }
.sourceview .top h3 { margin: 0; font-size: 16px; flex: 1; }
.sourceview .top button { border-color: #8c959f; font-size: 13px; }
.sourceview .body { flex: 1; overflow-y: auto; padding: 12px 16px; }
.sourceview .meta { margin: 0 0 6px; font-size: 13px; color: #424a53; }
.sourceview .where { margin: 0 0 8px; font-weight: 600; }
.sourceview blockquote { margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid var(--sl-accent); background: #f6f8fa; white-space: pre-wrap; }
.sourceview .case h4 { margin: 14px 0 4px; font-size: 14px; }
.sourceview .case p { margin: 0 0 6px; font-size: 14px; }
.sourceview .case mark { display: block; background: #fff8c5; color: #1f2328; outline: 2px solid #d4a72c; border-radius: 4px; padding: 2px 4px; }
.sourceview .licence { font-size: 11px; color: #57606a; margin-top: 12px; }
.linkish { border: none; padding: 0; min-height: 0; color: var(--sl-accent-text, #0b5cad); text-decoration: underline; }
@media (max-width: 480px) {
  .root[data-mode="launcher"] .panel { inset: 0; width: 100%; max-width: none; height: 100%; max-height: none; border-radius: 0; border: none; }
  .launcher { bottom: 12px; right: 12px; padding: 10px 14px; }
  .root[data-position="bottom-left"] .launcher { left: 12px; }
  header p { display: none; }
  header .wide { display: none; }
}`;

  const ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    up: 'M7 22V11M2 13v7a2 2 0 0 0 2 2h12.4a2 2 0 0 0 2-1.7l1.4-8A2 2 0 0 0 17.8 10H14V5a3 3 0 0 0-3-3l-4 9',
    down: 'M17 2v11M22 11V4a2 2 0 0 0-2-2H7.6a2 2 0 0 0-2 1.7l-1.4 8A2 2 0 0 0 6.2 14H10v5a3 3 0 0 0 3 3l4-9',
    copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
    wider: 'M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4',
    narrower: 'M2 12h7M22 12h-7M6 9l3 3-3 3M18 9l-3 3 3 3',
    plus: 'M12 5v14M5 12h14',
  };

  // ---------------------------------------------------------------- Markdown: marked + DOMPurify, as WebJars

  const libraries = new Map();

  /** marked and DOMPurify from the service's WebJars, imported as modules: nothing lands in the host's globals. */
  function markdownLibraries(base) {
    if (!libraries.has(base)) {
      libraries.set(base, Promise.all([
        import(new URL('webjars/marked/lib/marked.esm.js', base).href),
        import(new URL('webjars/dompurify/dist/purify.es.mjs', base).href),
        import(new URL('answer-markup.js', base).href),
      ]).then(([markedModule, purifyModule, markup]) => {
        // the set-up, the sanitiser's configuration and the marker grammar are shared with the Werkbank
        return { ...markup.markdown(markedModule, purifyModule), markup };
      }).catch((error) => {
        console.warn('Studienlotse: Markdown libraries not loaded, answers are shown as plain text.', error);
        return null;
      }));
    }
    return libraries.get(base);
  }

  /** The citation-marker grammar of answer-markup.js; before the libraries are there no marker is recognised. */
  function citationMarkers(libs) {
    return new RegExp(libs ? libs.markup.CITATION_MARKER : '(?!)', 'g');
  }


  // ---------------------------------------------------------------- small DOM helpers (textContent only)

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  /** The first words of a quote, at most about ten. */
  function firstWords(quote) {
    const words = String(quote || '').split(/\s+/).filter(Boolean);
    return words.slice(0, 10).join(' ') + (words.length > 10 ? ' …' : '');
  }

  /**
   * The operator's contact (data-contact) as a link target, or null: only https:, http: and mailto: URLs, or a bare
   * e-mail address (made a mailto: link); anything else (javascript:, data:, a relative path) is ignored.
   */
  function contactLink(value) {
    const text = String(value || '').trim();
    if (!text) return null;
    if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return { href: `mailto:${text}`, label: text };
    let url;
    try {
      url = new URL(text);
    } catch (notAnUrl) {
      return null;
    }
    if (url.protocol === 'mailto:') return { href: url.href, label: decodeURIComponent(url.pathname) };
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return { href: url.href, label: (url.host + url.pathname).replace(/\/$/, '') };
    }
    return null;
  }

  // sentinels around a marked statement in the Markdown; punctuation (Po), so emphasis next to them still parses
  const CLAIM_START = '\u2E00';
  const CLAIM_END = '\u2E01';

  /**
   * The answer's text with sentinels around each statement the server found unsupported or only partly supported
   * (done.statements: UTF-16 offsets into done.answer), or null when there is nothing to mark. A statement whose
   * offsets no longer fit the text (an answer cut short for display) is left unmarked.
   */
  function claimsOf(message) {
    const content = message.content || '';
    const statements = message.status === 'done' && Array.isArray(message.statements) ? message.statements : [];
    const marked = statements.map((s, index) => ({ ...s, index }))
      .filter((s) => (s.status === 'unsupported' || s.status === 'partly') && Number.isInteger(s.start)
        && content.slice(s.start, s.end) === s.text && !/[\u2E00\u2E01]/.test(s.text))
      .sort((a, b) => a.start - b.start)
      .filter((s, i, all) => i === 0 || s.start >= all[i - 1].end);
    if (!marked.length) return null;
    let text = '';
    let at = 0;
    for (const s of marked) {
      text += content.slice(at, s.start) + CLAIM_START + content.slice(s.start, s.end) + CLAIM_END;
      at = s.end;
    }
    return { text: text + content.slice(at), marked: marked.map((s) => ({ index: s.index, status: s.status })) };
  }

  /** Markdown as a person reads it when pasted: no emphasis marks, list bullets kept. */
  function plainText(markdown) {
    return String(markdown || '').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2')
      .replace(/^#{1,6}\s+/gm, '');
  }

  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('fill', 'none');
    svg.setAttribute('stroke', 'currentColor');
    svg.setAttribute('stroke-width', '2');
    svg.setAttribute('stroke-linecap', 'round');
    svg.setAttribute('stroke-linejoin', 'round');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  }

  // ---------------------------------------------------------------- colours: keep WCAG AA with any accent

  function parseColor(value) {
    const probe = document.createElement('span');
    probe.style.color = value;
    if (!probe.style.color) return null;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
    probe.remove();
    return rgb ? rgb.slice(0, 3).map(Number) : null;
  }

  function luminance([r, g, b]) {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }

  function contrast(a, b) {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  }

  /** Text colour on the accent (white or near-black) and the accent darkened until it reads on white (4.5:1). */
  function accentColours(accent) {
    const rgb = parseColor(accent);
    if (!rgb) return null;
    const dark = [31, 35, 40];
    const white = [255, 255, 255];
    const onAccent = contrast(rgb, white) >= contrast(rgb, dark) ? '#ffffff' : '#1f2328';
    let text = rgb;
    for (let i = 0; i < 20 && contrast(text, white) < 4.5; i++) text = text.map((c) => Math.round(c * 0.85));
    return { onAccent, text: `rgb(${text.join(', ')})` };
  }

  // ---------------------------------------------------------------- server-sent events over fetch (a POST)

  async function readEvents(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of frame.split('\n')) {
          if (!line || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let text = colon < 0 ? '' : line.slice(colon + 1);
          if (text.startsWith(' ')) text = text.slice(1);
          if (field === 'event') event = text;
          else if (field === 'data') data.push(text);
        }
        if (data.length) onEvent(event, JSON.parse(data.join('\n')));
      }
    }
  }

  class ChatError extends Error {
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

  function randomId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function store(kind) {
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
  function clientId() {
    const local = store('local');
    let id = local && local.getItem('studienlotse:client-id');
    if (!id) {
      id = randomId();
      if (local) local.setItem('studienlotse:client-id', id);
    }
    return id;
  }

  // ---------------------------------------------------------------- the element

  class StudienlotseChat extends HTMLElement {

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this.state = { conversationId: null, open: false, messages: [] };
      this.controller = null;
      this.sourceReturn = null;
    }

    get lang() {
      return (this.dataset.lang || '').toLowerCase().startsWith('en') ? 'en' : 'de';
    }

    get t() {
      return TEXT[this.lang];
    }

    get mode() {
      return this.dataset.mode === 'page' ? 'page' : 'launcher';
    }

    get apiBase() {
      const api = this.dataset.api;
      return api ? new URL(api.endsWith('/') ? api : `${api}/`, location.href).href : SCRIPT_BASE;
    }

    get storageKey() {
      return `studienlotse:conversation:${this.apiBase}`;
    }

    connectedCallback() {
      if (this.rendered) return;
      this.rendered = true;
      this.setAttribute('data-mode', this.mode);
      this.applyTheme();
      this.libraries = markdownLibraries(this.apiBase);
      this.restore();
      this.build();
      const open = this.mode === 'page' || this.state.open || ['', 'true', 'open', '1'].includes(this.dataset.open ?? 'no');
      this.setOpen(open, { focus: false });
      this.renderMessages();
      // re-render restored answers with Markdown once the libraries are there
      this.libraries.then((libs) => {
        this.loadedLibraries = libs;
        this.state.messages.forEach((m) => m.role === 'assistant' && this.refreshAnswer(m));
      });
    }

    disconnectedCallback() {
      if (this.controller) this.controller.abort();
    }

    applyTheme() {
      if (this.dataset.accent) this.style.setProperty('--studienlotse-accent', this.dataset.accent);
      const accent = getComputedStyle(this).getPropertyValue('--studienlotse-accent').trim() || '#0b5cad';
      const colours = accentColours(accent);
      if (colours) {
        this.style.setProperty('--sl-on-accent', getComputedStyle(this).getPropertyValue('--studienlotse-on-accent').trim() || colours.onAccent);
        this.style.setProperty('--sl-accent-text', colours.text);
      }
    }

    // ------------------------------------------------------------ layout

    build() {
      const t = this.t;
      const root = this.shadowRoot;
      if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(el('style', { text: STYLE }));
      }
      const title = this.dataset.title || t.title;
      this.launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel',
        'aria-label': `${t.open}: ${title}`, onclick: () => this.setOpen(!this.state.open) }, icon('chat'), el('span', { text: t.launcher }));
      this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'aria-label': title });
      this.status = el('div', { class: 'vh', role: 'status', 'aria-live': 'polite' });
      this.input = el('textarea', { id: 'input', rows: '1', maxlength: String(MAX_QUESTION), placeholder: t.placeholder,
        autocomplete: 'off', enterkeyhint: 'send' });
      this.input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener('input', () => this.autosize());
      this.sendButton = el('button', { type: 'submit', class: 'send', text: t.send });
      this.stopButton = el('button', { type: 'button', class: 'stop', 'aria-label': t.stopLabel, hidden: true,
        onclick: () => this.stop() }, t.stop);
      const composer = el('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
        el('label', { class: 'vh', for: 'input', text: t.inputLabel }), this.input, this.sendButton, this.stopButton);
      this.wideButton = el('button', { type: 'button', class: 'wide', 'aria-pressed': 'false', onclick: () => this.setWide(!this.wide) });
      this.contact = contactLink(this.dataset.contact);
      if (this.dataset.contact && !this.contact) console.warn('Studienlotse: data-contact must be an https:, http: or mailto: URL or an e-mail address; ignored.');
      this.sourceView = el('section', { class: 'sourceview', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'source-title', hidden: true });
      this.sourceView.addEventListener('keydown', (e) => this.trapFocus(e, this.sourceView));
      this.panel = el('section', { class: 'panel', id: 'panel', role: this.mode === 'page' ? 'region' : 'dialog',
        'aria-labelledby': 'title', hidden: true },
        el('header', {},
          el('div', { class: 'titles' }, el('h2', { id: 'title', text: title }), el('p', { text: t.subtitle })),
          this.mode === 'launcher' ? this.wideButton : null,
          el('button', { type: 'button', class: 'new', 'aria-label': t.newChat, title: t.newChat,
            onclick: () => this.newConversation() }, icon('plus'), el('span', { 'aria-hidden': 'true', text: t.newShort })),
          this.mode === 'launcher' ? el('button', { type: 'button', class: 'close', 'aria-label': t.close,
            onclick: () => this.setOpen(false) }, '×') : null),
        this.log, composer, el('div', { class: 'footer' }, this.contact ? this.renderContact() : null, el('p', { text: t.footer })),
        this.status, this.sourceView);
      this.panel.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape') return;
        if (!this.sourceView.hidden) this.closeSource();
        else if (this.mode === 'launcher') this.setOpen(false);
        else return;
        e.stopPropagation();
      });
      const position = this.dataset.position === 'bottom-left' ? 'bottom-left' : 'bottom-right';
      this.rootNode = el('div', { class: 'root', 'data-position': position, 'data-mode': this.mode, lang: this.lang },
        this.mode === 'launcher' ? this.launcher : null, this.panel);
      root.append(this.rootNode);
      const local = store('local');
      this.setWide(!!local && local.getItem('studienlotse:wide') === 'true', { remember: false });
    }

    /** The operator's person to ask, as a line with a link. */
    renderContact() {
      const c = this.contact;
      const external = !c.href.startsWith('mailto:');
      return el('p', { class: 'contact' }, `${this.t.contact} `,
        el('a', { href: c.href, target: external ? '_blank' : null, rel: external ? 'noopener noreferrer' : null, text: c.label }));
    }

    get wide() {
      return this.rootNode && this.rootNode.dataset.wide === 'true';
    }

    /** A wider panel on desktop (the launcher's panel only; the full page and small screens are as wide as they get). */
    setWide(wide, { remember = true } = {}) {
      const t = this.t;
      this.rootNode.dataset.wide = String(wide);
      this.wideButton.setAttribute('aria-pressed', String(wide));
      this.wideButton.setAttribute('aria-label', wide ? t.narrower : t.wider);
      this.wideButton.title = wide ? t.narrower : t.wider;
      this.wideButton.replaceChildren(icon(wide ? 'narrower' : 'wider'));
      const local = remember && store('local');
      if (local) local.setItem('studienlotse:wide', String(wide));
    }

    autosize() {
      this.input.style.height = 'auto';
      this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 140)}px`;
    }

    setOpen(open, { focus = true } = {}) {
      // the full page is always open; only the launcher's panel remembers whether it was open
      if (this.mode === 'launcher') this.state.open = open;
      this.panel.hidden = !open;
      this.launcher.setAttribute('aria-expanded', String(open));
      this.launcher.hidden = open && window.matchMedia('(max-width: 480px)').matches;
      this.save();
      if (!focus) return;
      if (open) this.input.focus();
      else this.launcher.focus();
    }

    trapFocus(event, container) {
      if (event.key !== 'Tab') return;
      const focusable = [...container.querySelectorAll('button:not([disabled]), a[href], textarea, input, [tabindex="0"]')]
        .filter((n) => !n.closest('[hidden]'));
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = this.shadowRoot.activeElement;
      if (event.shiftKey && (active === first || !container.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }

    announce(text) {
      this.status.textContent = '';
      // a changed text is announced; the short delay lets screen readers notice the change
      setTimeout(() => { this.status.textContent = text; }, 50);
    }

    // ------------------------------------------------------------ conversation state (sessionStorage)

    restore() {
      const session = store('session');
      try {
        const saved = session && JSON.parse(session.getItem(this.storageKey) || 'null');
        if (saved && Array.isArray(saved.messages)) {
          this.state = { conversationId: saved.conversationId || null, open: !!saved.open, messages: saved.messages };
          // an answer cut off by the reload is kept as stopped
          this.state.messages.forEach((m) => { if (m.status === 'streaming') m.status = 'stopped'; });
        }
      } catch (broken) {
        this.state = { conversationId: null, open: false, messages: [] };
      }
    }

    save() {
      const session = store('session');
      if (!session) return;
      try {
        session.setItem(this.storageKey, JSON.stringify(this.state));
      } catch (full) { /* quota: keep going without persistence */ }
    }

    newConversation() {
      this.stop();
      this.state.conversationId = null;
      this.state.messages = [];
      this.save();
      this.closeSource();
      this.renderMessages();
      this.input.value = '';
      this.input.focus();
      this.announce(this.t.newChatDone);
    }

    // ------------------------------------------------------------ rendering

    renderMessages() {
      this.log.replaceChildren();
      if (!this.state.messages.length) {
        this.log.append(this.renderIntro());
        return;
      }
      for (const message of this.state.messages) {
        this.log.append(message.role === 'user' ? this.renderQuestion(message) : this.renderAnswer(message));
      }
      this.scrollToEnd();
    }

    renderIntro() {
      const t = this.t;
      return el('div', { class: 'intro' }, el('p', { text: t.greeting }),
        el('div', { class: 'starters' }, el('p', { text: t.startersLabel }),
          t.starters.map((q) => el('button', { type: 'button', class: 'suggestion', onclick: () => this.ask(q) }, q))));
    }

    renderQuestion(message) {
      return el('div', { class: 'msg user' }, el('span', { class: 'vh', text: `${this.t.you}: ` }), el('span', { class: 'text', text: message.content }));
    }

    renderAnswer(message) {
      const node = el('article', { class: 'msg assistant', 'aria-label': this.t.assistant });
      // the node is not part of the saved state
      Object.defineProperty(message, 'node', { value: node, enumerable: false, writable: true, configurable: true });
      this.refreshAnswer(message);
      return node;
    }

    /** Draws an answer from its state; called for every token, so it rebuilds the whole bubble. */
    refreshAnswer(message) {
      const node = message.node;
      if (!node) return;
      const t = this.t;
      node.dataset.state = message.status;
      node.dataset.tokenEvents = String(message.tokenEvents || 0);
      if (message.messageId) node.dataset.messageId = message.messageId;
      node.setAttribute('aria-busy', String(message.status === 'streaming'));
      const parts = [];
      if (message.status === 'done' && message.followUpOf) parts.push(this.renderFollowUpOf(message));
      const md = el('div', { class: 'md' });
      this.renderMarkdown(md, message);
      if (message.status === 'streaming' && !message.content) parts.push(el('p', { class: 'note searching', text: t.searching }));
      if (message.content || message.status === 'streaming') parts.push(md);
      if (message.status === 'streaming') md.classList.add('typing');
      if (message.status === 'stopped') {
        parts.push(el('p', { class: 'note', text: t.stopped }),
          el('button', { type: 'button', class: 'retry', onclick: () => this.retry(message) }, t.askAgain));
      }
      if (message.notice) parts.push(el('p', { class: 'note warn', text: message.notice }));
      if (message.uncited) parts.push(el('p', { class: 'note warn', text: t.uncited }));
      const unsupported = md.querySelectorAll('.claim.unsupported.first').length;
      if (unsupported) parts.push(el('p', { class: 'note warn unsupported-note', text: t.unsupportedNote(unsupported) }));
      if (message.status === 'done' && message.abstained && this.contact) parts.push(this.renderContact());
      if (message.status === 'error') parts.push(this.renderError(message));
      if (message.status === 'done') {
        if ((message.citations || []).length) parts.push(this.renderSources(message));
        parts.push(this.renderActions(message));
        if (message.feedbackOpen) parts.push(this.renderFeedbackForm(message));
        const suggestions = message.suggestions && message.suggestions.length ? message.suggestions : null;
        const follow = suggestions || message.followups || [];
        if (follow.length && message === this.lastAnswer()) {
          parts.push(el('div', { class: 'follow' }, el('p', { text: suggestions ? t.suggestions : t.followups }),
            follow.map((q) => el('button', { type: 'button', class: 'suggestion', onclick: () => this.ask(q) }, q))));
        }
      }
      const focused = this.shadowRoot.activeElement;
      const keep = focused && node.contains(focused) ? this.focusKey(focused) : null;
      node.replaceChildren(...parts);
      if (keep) {
        const again = node.querySelector(keep);
        if (again) again.focus();
      }
    }

    /** "Answered as a follow-up to „…“", with a button that asks the same question again on its own. */
    renderFollowUpOf(message) {
      const t = this.t;
      const of = message.followUpOf;
      const previous = String(of.question || '');
      const short = previous.length > 80 ? `${previous.slice(0, 78)} …` : previous;
      const cases = Array.isArray(of.caseIds) && of.caseIds.length ? t.followUpCases(of.caseIds) : '';
      return el('p', { class: 'followup-of' }, el('span', { text: t.followUpOf(short) + cases }),
        el('button', { type: 'button', class: 'linkish ask-fresh', onclick: () => this.askFresh(message) }, t.askFresh));
    }

    /** The question of this answer, asked again without the conversation before it (fresh: true). */
    askFresh(message) {
      const index = this.state.messages.indexOf(message);
      if (index < 1 || this.controller) return;
      this.ask(this.state.messages[index - 1].content, { fresh: true });
    }

    /**
     * The cited passages under the answer, in marker order: where each comes from and its first words, the whole quote
     * on hover; a click opens the passage as a chip does.
     */
    renderSources(message) {
      const t = this.t;
      return el('ol', { class: 'sources', 'aria-label': t.sources },
        [...message.citations].sort((a, b) => a.n - b.n).map((c) => el('li', {},
          el('button', { type: 'button', class: 'source', 'data-n': c.n, title: c.quote || '',
            onclick: (e) => this.openSource(c, e.currentTarget) }, `[${c.n}] ${this.where(c)}`),
          el('span', { class: 'first', text: ` – ${firstWords(c.quote)}` }))));
    }

    focusKey(element) {
      if (element.classList.contains('chip')) return `.chip[data-n="${element.dataset.n}"]`;
      if (element.classList.contains('source')) return `.source[data-n="${element.dataset.n}"]`;
      for (const cls of ['copy', 'up', 'down', 'send-feedback', 'comment', 'ask-fresh']) {
        if (element.classList.contains(cls)) return `.${cls}`;
      }
      if (element.type === 'checkbox') return `input[value="${CSS.escape(element.value)}"]`;
      return null;
    }

    lastAnswer() {
      const answers = this.state.messages.filter((m) => m.role === 'assistant');
      return answers[answers.length - 1];
    }

    renderMarkdown(container, message) {
      const libs = this.loadedLibraries;
      const claims = claimsOf(message);
      const text = claims ? claims.text : message.content || '';
      if (libs) {
        const fragment = libs.purify.sanitize(libs.marked.parse(text), libs.markup.PURIFY);
        container.replaceChildren(fragment);
      } else {
        container.replaceChildren(el('p', { text }));
        container.firstChild.style.whiteSpace = 'pre-wrap';
      }
      if (claims) this.markClaims(container, claims.marked);
      this.linkCitations(container, message);
    }

    /**
     * Wraps the text between each pair of sentinels in spans of class "claim" (one per text node, as a sentence may run
     * across bold words), with the explanation as a title and, once per sentence, as text for screen readers.
     */
    markClaims(container, marked) {
      const t = this.t;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      let open = -1;
      let seen = 0;
      let first = false;
      let lastPiece = null;
      const close = () => {
        const claim = marked[open];
        if (lastPiece && claim) lastPiece.append(el('span', { class: 'vh', text: ` (${claim.status === 'unsupported' ? t.unsupported : t.partly})` }));
        open = -1;
        lastPiece = null;
      };
      for (const node of texts) {
        const value = node.nodeValue;
        if (open < 0 && !value.includes(CLAIM_START)) continue;
        const pieces = [];
        let buffer = '';
        const flush = () => {
          if (!buffer) return;
          if (open >= 0 && marked[open]) {
            const status = marked[open].status;
            const span = el('span', { class: `claim ${status}${first ? ' first' : ''}`, 'data-statement': marked[open].index,
              title: status === 'unsupported' ? t.unsupported : t.partly, text: buffer });
            first = false;
            lastPiece = span;
            pieces.push(span);
          } else {
            pieces.push(document.createTextNode(buffer));
          }
          buffer = '';
        };
        for (const ch of value) {
          if (ch === CLAIM_START) {
            flush();
            open = seen++;
            first = true;
          } else if (ch === CLAIM_END) {
            flush();
            close();
          } else {
            buffer += ch;
          }
        }
        flush();
        node.replaceWith(...pieces);
      }
      if (open >= 0) close();
    }

    /** Turns the markers [n] of the rendered text into chips, with DOM nodes only; unknown numbers stay text. */
    linkCitations(container, message) {
      const byNumber = new Map((message.citations || []).map((c) => [c.n, c]));
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement.closest('a, code, pre') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      for (const text of texts) {
        const pattern = citationMarkers(this.loadedLibraries);
        const value = text.nodeValue;
        let match;
        let last = 0;
        const pieces = [];
        while ((match = pattern.exec(value)) !== null) {
          const citation = byNumber.get(Number(match[1]));
          if (!citation) continue;
          pieces.push(document.createTextNode(value.slice(last, match.index)), this.chip(citation));
          last = match.index + match[0].length;
        }
        if (!pieces.length) continue;
        pieces.push(document.createTextNode(value.slice(last)));
        text.replaceWith(...pieces);
      }
    }

    where(citation) {
      const t = this.t;
      const section = t.sections[citation.section] || citation.section || '';
      const who = citation.caseId ? [citation.caseId, citation.branche].filter(Boolean).join(' · ') : t.study;
      return [who, section, citation.label].filter(Boolean).join(', ');
    }

    chip(citation) {
      return el('button', { type: 'button', class: 'chip', 'data-n': citation.n, 'data-passage-id': citation.passageId,
        'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-label': this.t.chip(citation.n, this.where(citation)),
        title: this.where(citation), onclick: (e) => this.openSource(citation, e.currentTarget) },
        String(citation.n), el('small', { 'aria-hidden': 'true', text: citation.caseId || this.t.study }));
    }

    renderActions(message) {
      const t = this.t;
      const rating = message.feedback && message.feedback.rating;
      return el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'copy', 'aria-label': t.copyLabel, onclick: (e) => this.copy(message, e.currentTarget) },
          icon('copy'), ` ${message.copied ? t.copied : t.copy}`),
        el('button', { type: 'button', class: 'up', 'aria-pressed': String(rating === 'up'), 'aria-label': t.up,
          title: t.up, onclick: () => this.rate(message, 'up') }, icon('up')),
        el('button', { type: 'button', class: 'down', 'aria-pressed': String(rating === 'down'), 'aria-label': t.down,
          title: t.down, onclick: () => this.rate(message, 'down') }, icon('down')),
        message.feedback && message.feedback.sent && !message.feedbackOpen ? el('span', { class: 'note', text: t.thanks }) : null,
        message.feedback && message.feedback.failed ? el('span', { class: 'note warn', role: 'alert', text: t.feedbackFailed }) : null);
    }

    renderFeedbackForm(message) {
      const t = this.t;
      const feedback = message.feedback;
      const form = el('form', { class: 'feedback', 'aria-label': t.sendFeedback });
      if (feedback.rating === 'down') {
        form.append(el('fieldset', {}, el('legend', { text: t.reasonsLegend }),
          REASONS.map((reason) => el('label', {}, el('input', { type: 'checkbox', value: reason,
            checked: (feedback.reasons || []).includes(reason) }), t.reasons[reason]))));
      }
      const id = `comment-${message.messageId}`;
      form.append(el('label', { for: id, text: t.comment }),
        el('textarea', { id, class: 'comment', maxlength: '1000', rows: '2' }),
        el('button', { type: 'submit', class: 'send-feedback', text: t.sendFeedback }));
      form.querySelector('textarea').value = feedback.comment || '';
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        feedback.reasons = [...form.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
        feedback.comment = form.querySelector('textarea').value.trim();
        message.feedbackOpen = false;
        this.sendFeedback(message).then(() => {
          const up = message.node && message.node.querySelector(`.${feedback.rating}`);
          if (up) up.focus();
        });
      });
      return form;
    }

    renderError(message) {
      const t = this.t;
      const error = message.error || { kind: 'failed' };
      const text = error.kind === 'unreachable' ? t.unreachable
        : error.kind === 'rate' ? t.rateLimited(error.retryAfter)
          : error.kind === 'invalid' ? t.invalid(error.detail || '')
            : t.failed;
      const box = el('div', { class: 'error', role: 'alert' }, el('p', { text }));
      if (error.kind === 'invalid') {
        box.append(el('button', { type: 'button', class: 'edit', onclick: () => this.edit(message) }, t.edit));
      } else {
        const retry = el('button', { type: 'button', class: 'retry', onclick: () => this.retry(message) }, t.retry);
        box.append(retry);
        if (error.kind === 'rate') this.countDown(retry, error);
      }
      return box;
    }

    /** Keeps "try again" disabled until the server's Retry-After has passed. */
    countDown(button, error) {
      const until = error.until || (error.until = Date.now() + error.retryAfter * 1000);
      const tick = (first) => {
        const left = Math.ceil((until - Date.now()) / 1000);
        if (!first && !button.isConnected) return; // re-rendered or removed: a new countdown runs there
        if (left <= 0) {
          button.disabled = false;
          button.textContent = this.t.retry;
          return;
        }
        button.disabled = true;
        button.textContent = this.t.retryIn(left);
        setTimeout(() => tick(false), 250);
      };
      tick(true);
    }

    scrollToEnd() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    // ------------------------------------------------------------ asking

    submit() {
      const question = this.input.value.trim();
      if (!question || this.controller) return;
      this.input.value = '';
      this.autosize();
      this.ask(question);
    }

    async ask(question, { fresh = false } = {}) {
      if (this.controller) return;
      const asked = { role: 'user', content: question };
      const answer = { role: 'assistant', content: '', status: 'streaming', citations: [], tokenEvents: 0 };
      if (!this.state.messages.length) this.log.replaceChildren();
      const previous = this.lastAnswer();
      this.state.messages.push(asked, answer);
      if (previous) this.refreshAnswer(previous); // its follow-up suggestions go away
      this.log.append(this.renderQuestion(asked), this.renderAnswer(answer));
      this.scrollToEnd();
      this.setBusy(true);
      this.announce(this.t.thinking);
      if (!this.input.matches(':focus')) this.input.focus();
      const controller = new AbortController();
      this.controller = controller;
      this.loadedLibraries = await this.libraries;
      try {
        let response;
        try {
          response = await fetch(new URL('api/chat/stream', this.apiBase), {
            method: 'POST',
            // problem+json too: errors before the stream starts are problem details with a German reason
            headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json' },
            // the server keeps the conversation: its id is all a follow-up needs
            body: JSON.stringify({ message: question, conversationId: this.state.conversationId || undefined, fresh: fresh || undefined }),
            signal: controller.signal,
          });
        } catch (network) {
          if (network.name === 'AbortError') throw network;
          throw new ChatError('unreachable');
        }
        // the server forgot the conversation (idle past its lifetime): the error says so, a retry starts a new one
        if (response.status === 404) this.state.conversationId = null;
        if (!response.ok || !response.body) throw await problemOf(response);
        let finished = false;
        try {
          await readEvents(response.body, (event, data) => {
            if (event === 'sources') {
              this.state.conversationId = data.conversationId;
              answer.messageId = data.messageId;
              answer.citations = data.sources || [];
            } else if (event === 'token') {
              answer.content += data.text || '';
              answer.tokenEvents += 1;
              this.refreshAnswer(answer);
              this.scrollToEnd();
            } else if (event === 'done') {
              finished = true;
              this.finish(answer, data);
            } else if (event === 'error') {
              throw new ChatError('failed', data && data.detail);
            }
          });
        } catch (broken) {
          if (broken.name === 'AbortError' || broken instanceof ChatError) throw broken;
          throw new ChatError(controller.signal.aborted ? 'aborted' : 'unreachable');
        }
        if (!finished) throw new ChatError('failed');
        this.announce(this.t.ready);
      } catch (error) {
        if (error.name === 'AbortError' || controller.signal.aborted) {
          answer.status = 'stopped';
          this.announce(this.t.stopped);
          // the question goes back into the field, to ask it again as it was or changed
          if (!this.input.value.trim()) {
            this.input.value = question;
            this.autosize();
          }
        } else {
          answer.status = 'error';
          // the error box is an alert: it announces itself
          answer.error = { kind: error.kind || 'failed', detail: error.detail, retryAfter: error.retryAfter };
        }
        this.refreshAnswer(answer);
      } finally {
        if (this.controller === controller) this.controller = null;
        this.setBusy(false);
        this.save();
      }
    }

    finish(answer, response) {
      answer.content = response.answer || answer.content;
      answer.messageId = response.messageId || answer.messageId;
      // the cited sources keep their numbers; anything streamed but not cited stays resolvable from the sources
      const cited = new Map((answer.citations || []).map((c) => [c.n, c]));
      for (const c of response.citations || []) cited.set(c.n, c);
      const used = new Set([...answer.content.matchAll(citationMarkers(this.loadedLibraries))].map((m) => Number(m[1])));
      answer.citations = [...cited.values()].filter((c) => used.has(c.n));
      answer.suggestions = response.suggestions || [];
      answer.notice = response.notice || null;
      answer.uncited = !!response.uncited;
      answer.abstained = !!response.abstained;
      answer.statements = Array.isArray(response.statements) ? response.statements : [];
      answer.followUpOf = response.followUp && response.followUpOf ? response.followUpOf : null;
      if (answer.abstained && answer.suggestions.length) {
        // the suggestions follow as buttons: the text keeps only what the study does not say, so they show once
        answer.content = answer.content.split(/\n\s*\n/)[0];
      }
      answer.followups = response.abstained ? [] : this.followups(answer);
      answer.status = 'done';
      this.refreshAnswer(answer);
      this.scrollToEnd();
    }

    /**
     * Follow-up questions from the corpus: the sections of the first cited cases that this answer did not quote,
     * asked about the case by its application and Branche (the words the study uses, so retrieval finds it).
     */
    followups(answer) {
      const t = this.t;
      const asked = new Set(this.state.messages.filter((m) => m.role === 'user').map((m) => m.content));
      const cases = [];
      for (const c of answer.citations) {
        if (c.caseId && c.anwendung && !cases.some((x) => x.caseId === c.caseId)) cases.push(c);
      }
      const questions = [];
      cases.slice(0, 2).forEach((c, index) => {
        const quoted = new Set(answer.citations.filter((x) => x.caseId === c.caseId).map((x) => x.section));
        const branche = c.branche ? ` (${c.branche})` : '';
        const open = Object.keys(t.followup).filter((section) => !quoted.has(section));
        open.slice(0, index === 0 ? 2 : 1).forEach((section) => questions.push(t.followup[section](c.anwendung, branche)));
      });
      return questions.filter((q) => !asked.has(q)).slice(0, 3);
    }

    setBusy(busy) {
      this.sendButton.hidden = busy;
      this.stopButton.hidden = !busy;
      this.panel.dataset.busy = String(busy);
      if (!busy && this.shadowRoot.activeElement === null && this.state.open) {
        this.input.focus();
      }
    }

    stop() {
      if (this.controller) {
        const focusWasOnStop = this.shadowRoot.activeElement === this.stopButton;
        this.controller.abort();
        if (focusWasOnStop) this.input.focus();
      }
    }

    retry(message) {
      const index = this.state.messages.indexOf(message);
      if (index < 1 || this.controller) return;
      const question = this.state.messages[index - 1].content;
      this.state.messages.splice(index - 1, 2);
      this.renderMessages();
      if (this.input.value === question) {
        this.input.value = ''; // put back after a stop; asked now
        this.autosize();
      }
      this.ask(question);
    }

    edit(message) {
      const index = this.state.messages.indexOf(message);
      if (index < 1) return;
      const question = this.state.messages[index - 1].content;
      this.state.messages.splice(index - 1, 2);
      this.save();
      this.renderMessages();
      this.input.value = question;
      this.autosize();
      this.input.focus();
    }

    // ------------------------------------------------------------ copy and feedback

    async copy(message, button) {
      const t = this.t;
      const sources = (message.citations || []).map((c) => `[${c.n}] ${this.where(c)}`);
      const text = plainText(message.content) + (sources.length ? `\n\n${t.source}:\n${sources.join('\n')}` : '');
      let ok = false;
      try {
        await navigator.clipboard.writeText(text);
        ok = true;
      } catch (denied) {
        const area = el('textarea', { class: 'vh', 'aria-hidden': 'true' });
        area.value = text;
        this.shadowRoot.append(area);
        area.select();
        try { ok = document.execCommand('copy'); } catch (unsupported) { ok = false; }
        area.remove();
        button.focus();
      }
      message.copied = ok;
      this.refreshAnswer(message);
      this.announce(ok ? t.copied : t.copyFailed);
      setTimeout(() => { message.copied = false; this.refreshAnswer(message); }, 2000);
    }

    rate(message, rating) {
      if (!message.messageId) return;
      const previous = message.feedback || {};
      message.feedback = { rating, reasons: rating === previous.rating ? previous.reasons : [], comment: previous.comment || '' };
      message.feedbackOpen = true;
      this.sendFeedback(message).then(() => {
        const comment = message.node && message.node.querySelector(rating === 'down' ? 'input[type=checkbox]' : '.comment');
        if (comment) comment.focus();
      });
    }

    async sendFeedback(message) {
      const feedback = message.feedback;
      const body = { messageId: message.messageId, rating: feedback.rating };
      if (feedback.reasons && feedback.reasons.length) body.reasons = feedback.reasons;
      if (feedback.comment) body.comment = feedback.comment;
      try {
        const response = await fetch(new URL('api/feedback', this.apiBase), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Client-Id': clientId() },
          body: JSON.stringify(body),
        });
        feedback.sent = response.ok;
        feedback.failed = !response.ok;
      } catch (network) {
        feedback.sent = false;
        feedback.failed = true;
      }
      this.save();
      this.refreshAnswer(message);
      if (feedback.sent && !message.feedbackOpen) this.announce(this.t.thanks);
    }

    // ------------------------------------------------------------ the cited passage and its case

    async openSource(citation, chip) {
      const t = this.t;
      this.sourceReturn = chip;
      chip.setAttribute('aria-expanded', 'true');
      const heading = el('h3', { id: 'source-title', tabindex: '-1', text: `${t.source} ${citation.n}` });
      const back = el('button', { type: 'button', class: 'back', onclick: () => this.closeSource() }, t.back);
      const quote = el('blockquote', { class: 'passage', text: citation.quote || '' });
      const caseBox = el('div', { class: 'case' });
      const meta = citation.caseId
        ? [`${t.caseLabel} ${citation.caseId}`, citation.taetigkeit, citation.branche].filter(Boolean).join(' · ')
        : t.study;
      const sectionLine = el('p', { class: 'where', text: [t.sections[citation.section] || citation.section, citation.label].filter(Boolean).join(' – ') });
      const body = el('div', { class: 'body' },
        el('p', { class: 'meta', text: meta }),
        citation.anwendung ? el('p', { class: 'meta application', text: citation.anwendung }) : null,
        sectionLine, quote,
        citation.caseId ? el('button', { type: 'button', class: 'linkish whole-case', 'aria-expanded': 'false',
          onclick: (e) => this.showCase(citation, caseBox, e.currentTarget) }, t.wholeCase) : null,
        caseBox,
        // the advisors' case page has a stable anchor per passage
        citation.caseId ? el('a', { class: 'linkish case-page', target: '_blank', rel: 'noopener',
          href: new URL(`berater/faelle/${encodeURIComponent(citation.caseId)}#${encodeURIComponent(citation.passageId)}`, this.apiBase).href },
          t.casePage) : null,
        el('p', { class: 'licence', text: t.footer }));
      this.sourceView.replaceChildren(el('div', { class: 'top' }, heading, back), body);
      this.sourceView.dataset.passageId = citation.passageId;
      this.sourceView.hidden = false;
      heading.focus();
      try {
        const response = await fetch(new URL(`api/passages/${encodeURIComponent(citation.passageId)}`, this.apiBase));
        if (response.ok) {
          const passage = await response.json();
          quote.textContent = passage.text;
          sectionLine.textContent = [passage.sectionTitle || t.sections[passage.section], passage.label].filter(Boolean).join(' – ');
          this.sourceView.dataset.loaded = 'true';
        }
      } catch (offline) { /* the citation's own quote stays */ }
    }

    async showCase(citation, box, button) {
      const t = this.t;
      button.setAttribute('aria-expanded', 'true');
      box.replaceChildren(el('p', { text: t.loading }));
      try {
        const response = await fetch(new URL(`api/cases/${encodeURIComponent(citation.caseId)}`, this.apiBase));
        if (!response.ok) throw new Error(String(response.status));
        const detail = await response.json();
        const parts = [el('h4', { text: `${t.caseLabel} ${detail.summary.id}: ${detail.summary.anwendung}` })];
        let cited = null;
        for (const section of detail.sections) {
          parts.push(el('h4', { text: section.title || t.sections[section.id] || section.id }));
          for (const p of section.passages) {
            const line = el('p', {}, p.label ? el('strong', { text: `${p.label}: ` }) : null, p.text);
            if (p.passageId === citation.passageId) {
              const mark = el('mark', { tabindex: '-1', 'aria-label': `${t.cited}: ${p.label || ''}` }, line);
              cited = mark;
              parts.push(mark);
            } else {
              parts.push(line);
            }
          }
        }
        box.replaceChildren(...parts);
        if (cited) {
          cited.scrollIntoView({ block: 'center' });
          cited.focus();
        }
      } catch (failed) {
        box.replaceChildren(el('p', { role: 'alert', text: t.loadFailed }));
      }
    }

    closeSource() {
      if (this.sourceView.hidden) return;
      this.sourceView.hidden = true;
      this.sourceView.replaceChildren();
      const chip = this.sourceReturn;
      this.sourceReturn = null;
      if (chip && chip.isConnected) {
        chip.setAttribute('aria-expanded', 'false');
        chip.focus();
      } else {
        this.input.focus();
      }
    }
  }

  customElements.define(TAG, StudienlotseChat);

  // ---------------------------------------------------------------- the one-tag embed: <script src=".../widget.js" data-…>

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
