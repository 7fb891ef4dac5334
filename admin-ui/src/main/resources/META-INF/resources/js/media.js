// Progressive enhancement of the media upload form: drop files on it, and each file is sent on its own
// (the same form post as without JavaScript) with its progress shown. Without JavaScript the form posts
// all chosen files at once.
(function () {
  'use strict';
  var form = document.getElementById('media-upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var input = form.querySelector('input[type=file]');
  var list = form.querySelector('.upload-progress');
  var hint = form.querySelector('.drop-hint');
  if (hint) {
    hint.hidden = false;
  }

  function send(file) {
    var item = document.createElement('li');
    var label = document.createElement('span');
    label.textContent = file.name + ' ';
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    var status = document.createElement('span');
    item.appendChild(label);
    item.appendChild(bar);
    item.appendChild(status);
    list.appendChild(item);

    var data = new FormData(form);
    data.delete('file');
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-endpoint'));
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
      }
    });
    xhr.addEventListener('load', function () {
      bar.value = 100;
      if (xhr.status >= 200 && xhr.status < 300) {
        var link = document.createElement('a');
        link.href = xhr.responseURL;
        link.textContent = ' stored';
        status.appendChild(link);
      } else {
        var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var error = page.querySelector('#f-file-error') || page.querySelector('.alert');
        status.textContent = ' refused: ' + (error ? error.textContent : 'status ' + xhr.status);
      }
    });
    xhr.addEventListener('error', function () {
      status.textContent = ' failed: the connection was lost';
    });
    xhr.send(data);
  }

  function sendAll(files) {
    for (var i = 0; i < files.length; i++) {
      send(files[i]);
    }
  }

  form.addEventListener('submit', function (e) {
    if (input.files.length > 0) {
      e.preventDefault();
      sendAll(input.files);
      input.value = '';
    }
  });
  form.addEventListener('dragover', function (e) {
    e.preventDefault();
    form.classList.add('dragging');
  });
  form.addEventListener('dragleave', function () {
    form.classList.remove('dragging');
  });
  form.addEventListener('drop', function (e) {
    e.preventDefault();
    form.classList.remove('dragging');
    sendAll(e.dataTransfer.files);
  });
}());
