// Drag a planned publication or unpublication to another day of the calendar: the drop fills in the
// entry's own "Move to" form and posts it, so the server's checks and messages are exactly those of the form.
(function () {
  'use strict';
  var dragged = null;
  document.querySelectorAll('.calendar .entry[data-job]').forEach(function (entry) {
    entry.addEventListener('dragstart', function (event) {
      dragged = entry;
      entry.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', entry.getAttribute('data-job'));
    });
    entry.addEventListener('dragend', function () {
      entry.classList.remove('dragging');
      dragged = null;
    });
  });
  document.querySelectorAll('.calendar td[data-day]').forEach(function (cell) {
    cell.addEventListener('dragover', function (event) {
      if (dragged) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        cell.classList.add('drop-target');
      }
    });
    cell.addEventListener('dragleave', function () {
      cell.classList.remove('drop-target');
    });
    cell.addEventListener('drop', function (event) {
      event.preventDefault();
      cell.classList.remove('drop-target');
      if (!dragged || dragged.closest('td') === cell) {
        return;
      }
      var form = dragged.querySelector('form.move-form');
      form.querySelector('input[name="to"]').value = cell.getAttribute('data-day');
      form.submit();
    });
  });
})();
