// Type-ahead over the editor's byline, tag and category selects (issue 19). Progressive enhancement: the
// selects stay in the form and post as before; this only adds a search field that picks options in them,
// asking the desk (GET /pickers/<kind>?q=, role-checked, no state change) for matching catalog entries.
(function () {
  'use strict';
  document.querySelectorAll('select[data-picker]').forEach(function (select) {
    if (select.disabled || select.closest('fieldset[disabled]')) {
      return;
    }
    const kind = select.getAttribute('data-picker');
    const input = document.createElement('input');
    input.type = 'search';
    input.className = 'picker-search';
    input.maxLength = 100;
    input.autocomplete = 'off';
    input.placeholder = 'Type to find…';
    input.setAttribute('aria-label', 'Find ' + kind);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-expanded', 'false');
    const list = document.createElement('ul');
    list.className = 'picker-suggestions';
    list.id = select.id + '-suggestions';
    list.setAttribute('role', 'listbox');
    input.setAttribute('aria-controls', list.id);
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(list, select);
    let timer = null;
    let inFlight = null;
    function choose(value) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value === value) {
          option.selected = true;
        } else if (!select.multiple) {
          option.selected = false;
        }
      });
      select.dispatchEvent(new Event('change', { bubbles: true }));
      input.value = '';
      show([]);
      input.focus();
    }
    function show(suggestions) {
      list.textContent = '';
      suggestions.forEach(function (suggestion) {
        const item = document.createElement('li');
        item.setAttribute('role', 'option');
        item.tabIndex = -1;
        item.dataset.value = suggestion.value;
        item.textContent = suggestion.label;
        item.addEventListener('mousedown', function (event) { event.preventDefault(); choose(suggestion.value); });
        item.addEventListener('keydown', function (event) {
          if (event.key === 'Enter') { event.preventDefault(); choose(suggestion.value); }
          if (event.key === 'ArrowDown' && item.nextSibling) { item.nextSibling.focus(); }
          if (event.key === 'ArrowUp') { (item.previousSibling || input).focus(); }
        });
        list.appendChild(item);
      });
      input.setAttribute('aria-expanded', suggestions.length ? 'true' : 'false');
    }
    function search() {
      if (inFlight) {
        inFlight.abort();
      }
      inFlight = new AbortController();
      fetch('/pickers/' + kind + '?q=' + encodeURIComponent(input.value.trim()),
        { credentials: 'same-origin', signal: inFlight.signal, headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(show)
        .catch(function () { /* aborted or offline: the select still works */ });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(input.value.trim() ? search : function () { show([]); }, 200);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && list.firstChild) { event.preventDefault(); list.firstChild.focus(); }
      if (event.key === 'Enter') {
        event.preventDefault(); // picking, not saving the article
        if (list.firstChild) { choose(list.firstChild.dataset.value); }
      }
      if (event.key === 'Escape') { show([]); }
    });
  });
})();
