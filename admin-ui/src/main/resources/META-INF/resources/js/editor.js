// Live preview for the article editor: a progressive enhancement. Without JavaScript the
// "Update preview" button renders the same fragment on the server.
(function () {
  const form = document.getElementById('editor-form');
  const target = document.getElementById('preview');
  if (!form || !target) {
    return;
  }
  let timer = null;
  let inFlight = null;
  function refresh() {
    const data = new URLSearchParams(new FormData(form));
    if (inFlight) {
      inFlight.abort();
    }
    inFlight = new AbortController();
    fetch('/articles/preview', { method: 'POST', body: data, signal: inFlight.signal, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          target.innerHTML = html; // sanitized server-side by the public API's renderer
        }
      })
      .catch(function () { /* a newer keystroke aborted this request */ });
  }
  form.addEventListener('input', function (event) {
    if (['body', 'title', 'summary'].indexOf(event.target.name) < 0) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
