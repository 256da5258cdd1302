// The timeline's overview strip, for the keyboard: one tab stop into
// each drawing (a roving tabindex), the arrow keys between its marks in
// time order, Home and End to the first and last, and a visible caption
// naming the mark in focus. Without it every mark is a link of its own,
// reached by Tab, and the skip link passes them all.
//
// js/filter.js fades marks out (class "off"); they are skipped here, and
// the tab stop is set again after each change of the filter.
(function () {
  'use strict';
  var views = document.querySelectorAll('svg.strip-view');
  if (!views.length || !document.addEventListener) return;
  var caption = document.querySelector('.strip-focus');

  function setup(svg) {
    var all = svg.querySelectorAll('a.mark');
    var current = null;

    function live() {
      return Array.prototype.filter.call(all, function (a) {
        return !a.classList.contains('off');
      });
    }

    // rove makes one mark the drawing's tab stop.
    function rove(to) {
      var marks = live();
      if (!to || marks.indexOf(to) < 0) {
        to = current && marks.indexOf(current) >= 0 ? current : marks[0];
      }
      Array.prototype.forEach.call(all, function (a) {
        a.setAttribute('tabindex', a === to ? '0' : '-1');
      });
      current = to || null;
    }

    // The years' links are also in the list of years under the strip.
    Array.prototype.forEach.call(svg.querySelectorAll('a.year-link'), function (a) {
      a.setAttribute('tabindex', '-1');
    });

    svg.addEventListener('keydown', function (ev) {
      var marks = live();
      var i = marks.indexOf(ev.target.closest ? ev.target.closest('a.mark') : null);
      if (i < 0) return;
      var j = {ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: marks.length - 1}[ev.key];
      if (j === undefined) return;
      ev.preventDefault();
      j = Math.max(0, Math.min(marks.length - 1, j));
      rove(marks[j]);
      marks[j].focus();
    });

    svg.addEventListener('focusin', function (ev) {
      var a = ev.target.closest ? ev.target.closest('a.mark') : null;
      if (!a) return;
      rove(a);
      if (caption) {
        var t = a.querySelector('title');
        caption.textContent = t ? t.textContent : a.getAttribute('aria-label');
        caption.hidden = false;
      }
    });

    return rove;
  }

  var roves = Array.prototype.map.call(views, setup);
  // A mark's bar and label fade out with it.
  var drawn = document.querySelectorAll('svg.strip-view [data-for]');
  function again() {
    roves.forEach(function (r) { r(null); });
    Array.prototype.forEach.call(drawn, function (g) {
      var a = g.ownerSVGElement.querySelector('a.mark[data-event="' + g.getAttribute('data-for') + '"]');
      g.classList.toggle('off', !!a && a.classList.contains('off'));
    });
  }
  again();
  // The filters are folded away under the overview, and unfolded when
  // the address names a filter.
  var form = document.getElementById('filters');
  var fold = form && form.querySelector('details');
  function unfold() {
    if (fold && location.hash.indexOf('=') >= 0) fold.open = true;
  }
  unfold();
  window.addEventListener('hashchange', unfold);
  // After js/filter.js, whose listeners were added first.
  if (form) {
    form.addEventListener('change', again);
    form.addEventListener('reset', again);
  }
  window.addEventListener('hashchange', again);
})();
