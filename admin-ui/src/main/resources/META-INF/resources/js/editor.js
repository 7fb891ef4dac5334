// The article editor's enhancements, all optional: without JavaScript the form saves, the "Update
// preview" button renders the same preview on the server, and nothing is lost but the conveniences.
// A small script of our own rather than an editor library: the textarea stays the one field the server
// reads (so progressive enhancement is free), we need a dozen Markdown insertions, not a rich-text model,
// and nothing is fetched from a CDN or has to be kept patched.
(function () {
  const form = document.getElementById('editor-form');
  const target = document.getElementById('preview');
  const body = form ? form.querySelector('textarea[name="body"]') : null;
  if (!form || !target || !body) {
    return;
  }

  // ---- Live preview (rendered and sanitized by the server, as the public API renders) ----
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
          underlineClinicalTerms();
        }
      })
      .catch(function () { /* a newer keystroke aborted this request */ });
  }
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }

  // Underlines, in the preview, the clinical terms the server listed as lacking a lay explanation.
  function underlineClinicalTerms() {
    const reader = target.querySelector('.reader');
    const hints = Array.prototype.map.call(target.querySelectorAll('.plain-hints u.clinical'), function (u) {
      return { term: u.textContent.toLowerCase(), lay: u.getAttribute('data-lay') };
    });
    if (!reader || hints.length === 0) {
      return;
    }
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      hints.forEach(function (hint) {
        const at = node.nodeValue.toLowerCase().indexOf(hint.term);
        if (at < 0 || !node.parentNode || node.parentNode.nodeName === 'U') {
          return;
        }
        const match = node.splitText(at);
        match.splitText(hint.term.length);
        const mark = document.createElement('u');
        mark.className = 'clinical';
        mark.title = 'Readers may know it as: ' + hint.lay;
        mark.textContent = match.nodeValue;
        match.parentNode.replaceChild(mark, match);
      });
    });
  }

  // ---- Toolbar and keyboard shortcuts ----
  function surround(before, after, placeholder) {
    const start = body.selectionStart;
    const end = body.selectionEnd;
    const chosen = body.value.substring(start, end) || placeholder;
    body.setRangeText(before + chosen + after, start, end, 'end');
    body.setSelectionRange(start + before.length, start + before.length + chosen.length);
    changed();
  }
  function prefixLines(prefix) {
    const value = body.value;
    const start = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    let end = value.indexOf('\n', body.selectionEnd);
    end = end < 0 ? value.length : end;
    const lines = value.substring(start, end).split('\n');
    const result = lines.map(function (line, i) {
      const p = typeof prefix === 'function' ? prefix(i) : prefix;
      return p + line.replace(/^(#{1,6} |[-*] |\d+\. )/, '');
    }).join('\n');
    body.setRangeText(result, start, end, 'end');
    changed();
  }
  function insertBlock(text) {
    const start = body.selectionStart;
    const before = start > 0 && body.value.charAt(start - 1) !== '\n' ? '\n\n' : '';
    body.setRangeText(before + text, start, body.selectionEnd, 'end');
    changed();
  }
  function reference() {
    // A reference counts once any of its fields is filled; the marker points at the next empty row.
    const rows = form.querySelectorAll('tbody.reference-row');
    let number = 1;
    let empty = null;
    rows.forEach(function (row) {
      const filled = Array.prototype.some.call(row.querySelectorAll('input'), function (input) {
        return input.value.trim() !== '';
      });
      if (filled) {
        number++;
      } else if (!empty) {
        empty = row.querySelector('input[name="refAuthors"]');
      }
    });
    surround('', ' [' + number + ']', '');
    if (empty) {
      empty.focus(); // the structured citation row this marker points at
    }
  }
  const commands = {
    h2: function () { prefixLines('## '); },
    h3: function () { prefixLines('### '); },
    bold: function () { surround('**', '**', 'bold text'); },
    italic: function () { surround('_', '_', 'emphasis'); },
    bullets: function () { prefixLines('- '); },
    numbers: function () { prefixLines(function (i) { return (i + 1) + '. '; }); },
    link: function () { surround('[', '](https://)', 'link text'); },
    table: function () { insertBlock('| Column | Column |\n| --- | --- |\n| Cell | Cell |\n'); },
    reference: reference
  };
  const buttons = [
    ['h2', 'H2', 'Section heading (Ctrl+Alt+2)'], ['h3', 'H3', 'Subheading (Ctrl+Alt+3)'],
    ['bold', 'B', 'Bold (Ctrl+B)'], ['italic', 'I', 'Italic (Ctrl+I)'],
    ['bullets', '• List', 'Bulleted list (Ctrl+Shift+8)'], ['numbers', '1. List', 'Numbered list (Ctrl+Shift+7)'],
    ['link', 'Link', 'Link (Ctrl+K)'], ['table', 'Table', 'Table'], ['reference', 'Ref', 'Reference marker (Ctrl+Shift+R)']
  ];
  const bar = document.createElement('div');
  bar.className = 'md-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Formatting');
  bar.setAttribute('aria-controls', body.id);
  buttons.forEach(function (b) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'md-button';
    button.dataset.command = b[0];
    button.textContent = b[1];
    button.title = b[2];
    button.setAttribute('aria-label', b[2]);
    button.addEventListener('click', function () { body.focus(); commands[b[0]](); });
    bar.appendChild(button);
  });
  if (!body.disabled && !body.closest('fieldset[disabled]')) {
    body.parentNode.insertBefore(bar, body);
    // The image picker: an Insert button beside each library image's snippet puts it at the cursor as its own
    // paragraph (without JavaScript the writer copies the snippet).
    form.querySelectorAll('.media-picker-list input.snippet').forEach(function (snippet) {
      const insert = document.createElement('button');
      insert.type = 'button';
      insert.className = 'button secondary insert-image';
      insert.textContent = 'Insert';
      insert.setAttribute('aria-label', 'Insert ' + snippet.getAttribute('aria-label').replace(/^Markdown for /, ''));
      insert.addEventListener('click', function () {
        body.focus();
        insertBlock(snippet.value + '\n\n');
      });
      snippet.insertAdjacentElement('afterend', insert);
    });
  }
  body.addEventListener('keydown', function (event) {
    if (!(event.ctrlKey || event.metaKey)) {
      return;
    }
    const key = event.key.toLowerCase();
    let command = null;
    if (event.altKey && (key === '2' || event.code === 'Digit2')) { command = 'h2'; }
    else if (event.altKey && (key === '3' || event.code === 'Digit3')) { command = 'h3'; }
    else if (event.shiftKey && event.code === 'Digit8') { command = 'bullets'; }
    else if (event.shiftKey && event.code === 'Digit7') { command = 'numbers'; }
    else if (event.shiftKey && key === 'r') { command = 'reference'; }
    else if (!event.shiftKey && !event.altKey && key === 'b') { command = 'bold'; }
    else if (!event.shiftKey && !event.altKey && key === 'i') { command = 'italic'; }
    else if (!event.shiftKey && !event.altKey && key === 'k') { command = 'link'; }
    if (command) {
      event.preventDefault();
      commands[command]();
    }
  });

  // ---- Autosave: the writer's private scratch copy, every few seconds while the text changes ----
  const autosaveUrl = form.getAttribute('data-autosave');
  const status = document.createElement('p');
  status.className = 'hint autosave-status';
  status.id = 'autosave-status';
  status.setAttribute('aria-live', 'polite');
  if (autosaveUrl) {
    body.parentNode.appendChild(status);
  }
  let dirty = false;
  function autosave() {
    if (!autosaveUrl || !dirty) {
      return;
    }
    dirty = false;
    const data = new URLSearchParams();
    ['csrf-token', 'version', 'title', 'summary', 'body'].forEach(function (name) {
      const field = form.elements.namedItem(name);
      if (field) {
        data.append(name, field.value);
      }
    });
    fetch(autosaveUrl, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) {
        status.textContent = response.ok ? 'Autosaved at ' + new Date().toLocaleTimeString() : 'Autosave failed; save soon.';
        if (!response.ok) {
          dirty = true;
        }
      })
      .catch(function () { dirty = true; status.textContent = 'Offline: autosave will retry.'; });
  }
  setInterval(autosave, 3000);

  function changed() {
    dirty = true;
    schedulePreview();
  }
  form.addEventListener('input', function (event) {
    if (['body', 'title', 'summary'].indexOf(event.target.name) >= 0) {
      changed();
    } else if (['metaTitle', 'metaDescription', 'canonicalUrl', 'socialImageUrl', 'noindex'].indexOf(event.target.name) >= 0) {
      schedulePreview(); // the search result and social card beside the text
    }
  });

  // ---- Length guidance beside the meta title and description (search engines cut longer ones) ----
  form.querySelectorAll('.guided').forEach(function (wrapper) {
    const field = wrapper.querySelector('input, textarea');
    const guide = parseInt(wrapper.getAttribute('data-guide'), 10);
    if (!field || !guide) {
      return;
    }
    const counter = document.createElement('p');
    counter.className = 'length-guide';
    counter.setAttribute('aria-live', 'polite');
    function count() {
      const length = field.value.trim().length;
      counter.textContent = length + ' / about ' + guide + ' characters' + (length > guide ? ': search results will cut it' : '');
      counter.classList.toggle('over', length > guide);
    }
    field.insertAdjacentElement('afterend', counter);
    field.addEventListener('input', count);
    count();
  });
  form.addEventListener('submit', function () { dirty = false; });
  underlineClinicalTerms();
})();
