// Progressive enhancement of the review screen: selecting words in the article fills the comment form's
// passage with the selection and the text around it (a W3C text quote selector). Without this script the
// reviewer types the passage; the server finds it in the text either way.
(function () {
  const reader = document.getElementById('reader');
  const form = document.getElementById('new-comment');
  if (!reader || !form) {
    return;
  }
  const CONTEXT = 200;
  document.addEventListener('selectionchange', function () {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    const range = selection.getRangeAt(0);
    if (!reader.contains(range.commonAncestorContainer)) {
      return;
    }
    const before = document.createRange();
    before.setStart(reader, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const after = document.createRange();
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(reader, reader.childNodes.length);
    form.elements.exact.value = selection.toString().trim().slice(0, 1000);
    form.elements.prefix.value = before.toString().slice(-CONTEXT);
    form.elements.suffix.value = after.toString().slice(0, CONTEXT);
  });
})();
