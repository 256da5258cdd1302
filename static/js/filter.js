// Filters for the timeline (index.html): by status, tag, person and place.
// A classic script, so it runs from file:// too. Without it the timeline
// shows every event, and the status, year, tag, person and place pages
// give the same views.
//
// The filter lives in the address's fragment, #status=alleged&tag=iran,
// so a filtered view can be bookmarked and shared. A fragment without "="
// (#y2025) is an ordinary jump and is left alone.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form || !document.querySelectorAll) return;
  var keys = ['status', 'tag', 'person', 'place'];
  var items = document.querySelectorAll('.event-item[data-event]');
  var marks = document.querySelectorAll('.strip-svg a.mark');
  var years = document.querySelectorAll('section.year');
  var count = document.getElementById('filter-count');

  function has(list, word) {
    return (' ' + list + ' ').indexOf(' ' + word + ' ') >= 0;
  }

  function matches(el, f) {
    return (!f.status || el.getAttribute('data-status') === f.status) &&
      (!f.tag || has(el.getAttribute('data-tags'), f.tag)) &&
      (!f.person || has(el.getAttribute('data-people'), f.person)) &&
      (!f.place || el.getAttribute('data-place') === f.place);
  }

  // read returns the filter in the fragment, keeping only values that the
  // form offers.
  function read() {
    var f = {};
    var hash = location.hash.replace(/^#/, '');
    if (hash.indexOf('=') < 0) return f;
    hash.split('&').forEach(function (part) {
      var kv = part.split('=');
      var k, v;
      try {
        k = decodeURIComponent(kv[0]);
        v = decodeURIComponent(kv.slice(1).join('='));
      } catch (e) {
        return;
      }
      var field = form.elements[k];
      if (keys.indexOf(k) < 0 || !field) return;
      for (var i = 0; i < field.options.length; i++) {
        if (field.options[i].value === v) f[k] = v;
      }
    });
    return f;
  }

  function fragment(f) {
    return keys.filter(function (k) { return f[k]; }).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(f[k]);
    }).join('&');
  }

  function apply(f) {
    var shown = {};
    var n = 0;
    keys.forEach(function (k) { form.elements[k].value = f[k] || ''; });
    Array.prototype.forEach.call(items, function (li) {
      var ok = matches(li, f);
      li.hidden = !ok;
      if (ok) {
        shown[li.getAttribute('data-event')] = true;
        n++;
      }
    });
    Array.prototype.forEach.call(marks, function (a) {
      var ok = shown[a.getAttribute('data-event')];
      // A filtered-out mark stays faintly in place, so the strip keeps
      // its shape, but is out of reach of pointer, keyboard and reader.
      a.classList.toggle('off', !ok);
      if (ok) {
        a.removeAttribute('tabindex');
        a.removeAttribute('aria-hidden');
      } else {
        a.setAttribute('tabindex', '-1');
        a.setAttribute('aria-hidden', 'true');
      }
    });
    Array.prototype.forEach.call(years, function (sec) {
      sec.hidden = !sec.querySelector('.event-item:not([hidden])');
    });
    // Per-year counts are of all events; they hide while a filter is on.
    document.body.classList.toggle('filtering', !!fragment(f));
    if (count) {
      count.textContent = fragment(f) ? count.getAttribute('data-format')
        .replace('%[1]d', n).replace('%[2]d', items.length) : '';
    }
  }

  function current() {
    var f = {};
    keys.forEach(function (k) { if (form.elements[k].value) f[k] = form.elements[k].value; });
    return f;
  }

  function write(f) {
    var h = fragment(f);
    if (h) {
      history.replaceState ? history.replaceState(null, '', '#' + h) : (location.hash = h);
    } else if (location.hash.indexOf('=') >= 0) {
      try {
        history.replaceState(null, '', location.pathname + location.search);
      } catch (e) {
        location.hash = '';
      }
    }
  }

  form.addEventListener('change', function () {
    var f = current();
    write(f);
    apply(f);
  });
  form.addEventListener('reset', function (ev) {
    ev.preventDefault();
    write({});
    apply({});
  });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  window.addEventListener('hashchange', function () {
    if (location.hash.indexOf('=') >= 0 || location.hash === '') apply(read());
  });
  form.hidden = false;
  apply(read());
})();
