// Small improvements for readers, on every page. A classic script, so it
// runs from file:// too; without it every page works as written.
//
// - The header's link to the search page becomes a search box (except on
//   the search page, which has its own).
// - A citation number shows its source's card and the place cited in the
//   source in a small popover, on hover, on focus and on tap. Escape or a
//   tap elsewhere closes it, and Escape returns focus to the number.
//   Without this script the number links to the source list, as it still
//   does when followed.
(function () {
  'use strict';
  if (!document.querySelector || !document.addEventListener) return;

  function searchBox() {
    var link = document.querySelector('.site-header .search-link a');
    if (!link || link.hasAttribute('aria-current')) return;
    var label = link.textContent;
    var form = document.createElement('form');
    form.className = 'search-form';
    form.setAttribute('role', 'search');
    form.setAttribute('action', link.getAttribute('href'));
    form.setAttribute('method', 'get');
    var l = document.createElement('label');
    l.setAttribute('for', 'q');
    l.textContent = label;
    var input = document.createElement('input');
    input.id = 'q';
    input.type = 'search';
    input.name = 'q';
    input.setAttribute('autocomplete', 'off');
    var button = document.createElement('button');
    button.type = 'submit';
    button.textContent = label;
    form.appendChild(l);
    form.appendChild(input);
    form.appendChild(button);
    link.parentNode.parentNode.replaceChild(form, link.parentNode);
  }

  var pop = null; // the open popover
  var owner = null; // the citation it belongs to
  var closing = 0; // timer that closes it after the pointer leaves
  var downOn = null; // the citation a touch started on, and whether
  var downOpen = false; // its popover was already open then

  // note returns the list item a citation leads to, or null.
  function note(a) {
    var href = a.getAttribute('href') || '';
    if (href.charAt(0) !== '#') return null;
    var li = document.getElementById(href.slice(1));
    return li && li.querySelector('.source-card') ? li : null;
  }

  // locator returns the place in the source that the citation names:
  // "para. 3" in "[2, para. 3]".
  function locator(a) {
    var m = /^\[\d+,\s*(.*)\]$/.exec(a.textContent);
    return m ? m[1] : '';
  }

  function text(tag, s) {
    var el = document.createElement(tag);
    el.textContent = s;
    return el;
  }

  function open(a) {
    cancelClose();
    if (owner === a) return;
    close(false);
    var li = note(a);
    if (!li) return;
    var list = li.parentNode;
    pop = document.createElement('div');
    pop.className = 'cite-pop';
    pop.id = 'cite-pop';
    pop.setAttribute('role', 'group');
    pop.setAttribute('aria-label', a.getAttribute('data-title') || a.textContent);
    var card = li.querySelector('.source-card').cloneNode(true);
    var ids = card.querySelectorAll('[id]');
    for (var i = 0; i < ids.length; i++) ids[i].removeAttribute('id');
    pop.appendChild(card);
    var loc = locator(a);
    if (loc) {
      var p = text('p', (list.getAttribute('data-cited-at') || '') + ' ');
      p.className = 'cite-locator';
      p.appendChild(text('strong', loc));
      pop.appendChild(p);
    }
    var go = document.createElement('p');
    var to = text('a', list.getAttribute('data-go') || '#');
    to.setAttribute('href', a.getAttribute('href'));
    go.appendChild(to);
    pop.appendChild(go);
    pop.addEventListener('mouseenter', cancelClose);
    pop.addEventListener('mouseleave', closeSoon);
    // After the number, so that Tab goes on into the popover's links.
    a.parentNode.insertBefore(pop, a.nextSibling);
    owner = a;
    a.setAttribute('aria-expanded', 'true');
    a.setAttribute('aria-describedby', 'cite-pop');
    place(a);
  }

  // place puts the popover under the number, or above it when there is
  // more room there, inside the window. It is positioned absolutely, so
  // nothing else on the page moves.
  function place(a) {
    var r = a.getBoundingClientRect();
    var w = pop.offsetWidth;
    var h = pop.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var x = Math.max(8, Math.min(r.left, vw - w - 8));
    var y = r.bottom + 4;
    if (y + h > window.innerHeight && r.top - h - 4 > 0) y = r.top - h - 4;
    // Coordinates relative to the box the popover is positioned in: the
    // page, or its nearest positioned ancestor.
    var op = pop.offsetParent;
    var ox = -window.pageXOffset;
    var oy = -window.pageYOffset;
    if (op && op !== document.body && getComputedStyle(op).position !== 'static') {
      var or = op.getBoundingClientRect();
      ox = or.left + op.clientLeft - op.scrollLeft;
      oy = or.top + op.clientTop - op.scrollTop;
    }
    pop.style.left = (x - ox) + 'px';
    pop.style.top = (y - oy) + 'px';
  }

  function close(refocus) {
    cancelClose();
    if (!pop) return;
    var a = owner;
    pop.parentNode.removeChild(pop);
    pop = null;
    owner = null;
    a.removeAttribute('aria-expanded');
    a.removeAttribute('aria-describedby');
    if (refocus) a.focus();
  }

  function closeSoon() {
    cancelClose();
    closing = setTimeout(function () { close(false); }, 400);
  }

  function cancelClose() {
    if (closing) clearTimeout(closing);
    closing = 0;
  }

  function cite(el) {
    var a = el && el.closest ? el.closest('a.cite') : null;
    return a && note(a) ? a : null;
  }

  function citations() {
    // The popover says what the title did, and more; two at once
    // would cover each other.
    var cites = document.querySelectorAll('a.cite[title]');
    for (var i = 0; i < cites.length; i++) {
      if (!note(cites[i])) continue;
      cites[i].setAttribute('data-title', cites[i].getAttribute('title'));
      cites[i].removeAttribute('title');
    }
    document.addEventListener('focusin', function (e) {
      var a = cite(e.target);
      if (a) open(a);
      else if (pop && !pop.contains(e.target)) close(false);
    });
    document.addEventListener('mouseover', function (e) {
      var a = cite(e.target);
      if (a) open(a);
    });
    document.addEventListener('mouseout', function (e) {
      if (owner && cite(e.target) === owner && !(pop && pop.contains(e.relatedTarget))) closeSoon();
    });
    document.addEventListener('pointerdown', function (e) {
      var a = cite(e.target);
      downOn = e.pointerType === 'mouse' ? null : a;
      downOpen = a !== null && a === owner;
      if (pop && !a && !pop.contains(e.target)) close(false);
    });
    // A tap on a number shows its popover; a second tap follows the link.
    document.addEventListener('click', function (e) {
      var a = cite(e.target);
      if (a && a === downOn && !downOpen) {
        e.preventDefault();
        open(a);
        a.focus();
      } else if (pop && pop.contains(e.target) && e.target.closest('a')) {
        // Once the link has been followed: a link no longer in the
        // page is not followed.
        setTimeout(function () { close(false); }, 0);
      }
      downOn = null;
    });
    document.addEventListener('keydown', function (e) {
      if (pop && (e.key === 'Escape' || e.key === 'Esc')) {
        e.preventDefault();
        close(true);
      }
    });
    window.addEventListener('resize', function () { if (pop) place(owner); });
  }

  function start() {
    searchBox();
    if (document.querySelector('a.cite')) citations();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
