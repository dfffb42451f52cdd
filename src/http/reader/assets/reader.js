/* global document, window */
// Progressive enhancement of the reader page. Without this script every highlighted passage
// is a link to its fact-check further down the page; with it, choosing a passage (click,
// Enter or Space) shows its fact-check in the side panel.
(function readerPage() {
  'use strict';
  // Runs in <head> before the page paints, so the panel layout applies from the start.
  document.documentElement.classList.add('js');

  function start() {
    var notes = document.getElementById('notes');
    if (!notes) return;
    var links = Array.prototype.slice.call(document.querySelectorAll('a.claim-link'));
    var selected = null;

    var bar = document.createElement('div');
    bar.className = 'panel-bar';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'panel-close';
    close.setAttribute('aria-label', 'Close the fact-check');
    close.textContent = '×';
    bar.appendChild(close);
    var list = notes.querySelector('.notes-list') || notes;
    list.insertBefore(bar, list.firstChild);

    links.forEach(function (link) {
      link.setAttribute('role', 'button');
      link.setAttribute('aria-expanded', 'false');
      link.setAttribute('aria-controls', link.getAttribute('data-note'));
    });

    function linksOf(noteId) {
      return links.filter(function (link) {
        return link.getAttribute('data-note') === noteId;
      });
    }

    function primaryLink(noteId) {
      var own = linksOf(noteId);
      return own.length ? own[0] : null;
    }

    /** Marks a note and the highlights that point at it as selected, or as not. */
    function mark(note, on) {
      note.classList.toggle('selected', on);
      linksOf(note.id).forEach(function (link) {
        link.setAttribute('aria-expanded', on ? 'true' : 'false');
        link.parentNode.classList.toggle('active', on);
      });
    }

    function select(noteId, options) {
      var note = document.getElementById(noteId);
      if (!note || !note.classList.contains('note')) return;
      if (selected) mark(selected, false);
      selected = note;
      mark(note, true);
      notes.classList.add('open');
      notes.scrollTop = 0;
      if (options && options.focusNote) note.focus();
    }

    function deselect(returnFocus) {
      if (!selected) return;
      var link = primaryLink(selected.id);
      mark(selected, false);
      selected = null;
      notes.classList.remove('open');
      if (returnFocus && link) link.focus();
    }

    document.addEventListener('click', function (event) {
      var target = event.target instanceof window.Element ? event.target : null;
      if (!target) return;
      var link = target.closest('a.claim-link');
      if (link) {
        event.preventDefault();
        var noteId = link.getAttribute('data-note');
        if (selected && selected.id === noteId && event.detail !== 0) return deselect(false);
        // event.detail is 0 for a click made with the keyboard (Enter): then focus follows.
        return select(noteId, { focusNote: event.detail === 0 });
      }
      var back = target.closest('.note .back a');
      if (back && selected) {
        event.preventDefault();
        var anchor = document.getElementById(back.getAttribute('href').slice(1));
        if (!primaryLink(selected.id) && anchor) anchor.scrollIntoView({ block: 'center' });
        return deselect(true);
      }
      // Any other link to a note (corrections, claims without a highlight) opens it in the panel.
      var toNote = target.closest('a[href^="#note-"]');
      if (toNote) {
        event.preventDefault();
        return select(toNote.getAttribute('href').slice(1), { focusNote: true });
      }
      if (target.closest('.panel-close')) return deselect(true);
    });

    document.addEventListener('keydown', function (event) {
      var target = event.target instanceof window.Element ? event.target : null;
      if ((event.key === ' ' || event.key === 'Spacebar') && target && target.matches('a.claim-link')) {
        event.preventDefault();
        select(target.getAttribute('data-note'), { focusNote: true });
      } else if (event.key === 'Escape' && selected) {
        deselect(true);
      }
    });

    function fromHash() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      if (id.indexOf('note-') === 0) return select(id);
      if (id.indexOf('claim-') === 0) select('note-' + id.slice('claim-'.length));
    }
    window.addEventListener('hashchange', fromHash);
    fromHash();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
