// The demo page shows the snippet with this service's real address and copies it on request.
document.addEventListener('DOMContentLoaded', () => {
  const code = document.getElementById('snippet');
  code.textContent = code.textContent.replace('https://studienlotse.example.de/', new URL('/', location.href).href);
  const status = document.getElementById('copy-status');
  document.getElementById('copy-snippet').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = 'Kopiert.';
    } catch (denied) {
      status.textContent = 'Bitte den Code markieren und kopieren.';
    }
  });
});
