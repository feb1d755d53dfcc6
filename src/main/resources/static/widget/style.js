// The widget's look in one place: its style sheet (a constructed sheet in the shadow root, so neither the host page's
// styles reach in nor these reach out), its icons, and the accent colours that keep WCAG AA with any data-accent.

export const STYLE = `
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

export function icon(name) {
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
export function accentColours(accent) {
  const rgb = parseColor(accent);
  if (!rgb) return null;
  const dark = [31, 35, 40];
  const white = [255, 255, 255];
  const onAccent = contrast(rgb, white) >= contrast(rgb, dark) ? '#ffffff' : '#1f2328';
  let text = rgb;
  for (let i = 0; i < 20 && contrast(text, white) < 4.5; i++) text = text.map((c) => Math.round(c * 0.85));
  return { onAccent, text: `rgb(${text.join(', ')})` };
}

/** The style sheet into the shadow root: constructed, so a host page's Content Security Policy needs no 'unsafe-inline'. */
export function adoptStyle(shadowRoot) {
  if (shadowRoot.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    shadowRoot.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = STYLE;
    shadowRoot.append(style);
  }
}
