// Counsellor inbox: live updates over server-sent events, countdowns, canned replies, print.
// No framework; the pages work without this file (a reload shows everything).
(function () {
  'use strict';
  var body = document.body;

  // A page answered at a post's own address (a refused form shown again, 400/409, on every inbox page; the revealed id).
  // Left in the history as a post, Back to it from the next page showed the browser's "Confirm Form Resubmission" page,
  // a dead end, and a reload asked to send the form again. Made an ordinary entry of the same address (web.PostedAnswer,
  // marked by the layout), Back and reload open it with GET, which leads to the form's page (the address's own page, or
  // 303 from web.ErrorPages#formPage, CaseworkResource#formAddress). What was typed is on the page as before.
  if (body.hasAttribute('data-posted-answer') && window.history && history.replaceState) {
    history.replaceState(history.state, '', location.href);
  }

  // Same words as Labels.duration (messages/msg*.properties: days, hours, minutes, late_by).
  var UNITS = {
    id: { d: function (n) { return n + ' hari'; }, h: function (n) { return n + ' jam'; }, m: function (n) { return n + ' menit'; },
          late: function (s) { return 'lewat ' + s; } },
    en: { d: function (n) { return n + (n === 1 ? ' day' : ' days'); }, h: function (n) { return n + (n === 1 ? ' hour' : ' hours'); },
          m: function (n) { return n + (n === 1 ? ' minute' : ' minutes'); }, late: function (s) { return s + ' late'; } }
  };
  function countdowns() {
    var now = Date.now(), u = UNITS[document.documentElement.lang] || UNITS.id;
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-due')) - now;
      var m = Math.floor(Math.abs(left) / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
      var span = d > 0 ? u.d(d) + ' ' + u.h(h) : u.h(h) + ' ' + u.m(m % 60);
      el.textContent = left < 0 ? u.late(span) : span;
      el.classList.toggle('late', left < 0);
    });
  }

  // Evidence loads only on a deliberate click or Enter (walkthrough 9, finding 16): the request to the media
  // endpoint is what the audit log records. A photo or video then shows blurred until clicked again, unless the
  // counsellor's setting says otherwise (counsellor wellbeing); a voice note starts playing at once.
  function loadEvidence(link) {
    var kind = link.getAttribute('data-load'), clear = link.getAttribute('data-clear') === 'true';
    var media = document.createElement(kind === 'photo' ? 'img' : kind);
    var box = document.createElement('div');
    media.src = link.getAttribute('href');
    if (kind === 'photo') {
      media.alt = link.getAttribute('data-alt') || '';
    } else {
      media.controls = true;
      media.setAttribute('playsinline', '');
    }
    box.id = link.id;
    box.appendChild(media);
    // A session that has ended answers the file's request with the login page, and the file would stay broken on this
    // page: the page is opened again instead (the login, then back here). A file that fails for another reason stays.
    // Asked of where the case stands (CaseResource#standing: no content, no audit row), not of the whole page.
    media.addEventListener('error', function () {
      var asked = '/inbox/cases/' + encodeURIComponent(body.getAttribute('data-ref') || '') + '/standing';
      fetch(asked, { credentials: 'same-origin', headers: { 'Accept': 'text/html', 'X-Ruangaman-Background': '1' } })
        .then(function (r) { if (r.redirected) { location.reload(); } }, function () { /* offline: nothing to say more */ });
    });
    if (kind === 'audio') {
      box.className = 'evidence-audio';
      link.replaceWith(box);
      media.play().catch(function () {});
      media.focus();
      return;
    }
    box.className = 'evidence' + (clear ? '' : ' blurred');
    if (!clear) {
      var veil = document.createElement('button');
      veil.type = 'button';
      veil.className = 'veil';
      veil.textContent = link.getAttribute('data-veil') || '';
      box.appendChild(veil);
    }
    link.replaceWith(box);
    if (clear) { media.setAttribute('tabindex', '-1'); media.focus(); } else { box.querySelector('.veil').focus(); }
  }

  // A contact card's number (a third party's) comes only on this click, from the audited endpoint, in place of the link.
  // A session that has ended answers with the login page: this page is opened again (so the login and the return after
  // it are this page's), never the login page's text put where the number goes.
  function showCard(link) {
    fetch(link.getAttribute('href'), { credentials: 'same-origin', headers: { 'Accept': 'text/plain' } })
      .then(function (r) {
        if (r.redirected) { location.reload(); return new Promise(function () {}); }
        if (!r.ok) { throw new Error('card ' + r.status); }
        return r.text();
      })
      .then(function (numbers) {
        var shown = document.createElement('span');
        shown.className = 'card-number';
        shown.id = link.id;
        shown.setAttribute('tabindex', '-1');
        shown.textContent = numbers.split('\n').join(', ');
        link.replaceWith(shown);
        shown.focus();
      })
      .catch(function () { window.location.href = link.getAttribute('href'); });
  }

  function evidence() {
    document.addEventListener('click', function (e) {
      if (!e.target.closest) { return; }
      var link = e.target.closest('a[data-load]');
      if (link) { e.preventDefault(); loadEvidence(link); return; }
      var card = e.target.closest('a[data-card]');
      if (card) { e.preventDefault(); showCard(card); return; }
      var veil = e.target.closest('.evidence.blurred .veil');
      if (veil) {
        e.preventDefault();
        var box = veil.parentNode, media = box.querySelector('img, video');
        box.classList.remove('blurred');
        veil.remove();
        media.setAttribute('tabindex', '-1');
        media.focus();
      }
    }, true);
  }

  // selector: one CSS selector, or a list of them, each replaced by its fresh copy from the same answer.
  function replace(url, selector, usable, keepSame) {
    // Marked as background work: a refresh nobody asked for does not keep an idle session alive.
    // A refresh that hangs is given up after 20 s, so it cannot hold back the ones after it.
    // usable: a status other than 2xx whose answer is still the page (the list opened with a query value it cannot use
    // answers 400 with the list and the reason, web.QueryCheck); any other answer that is not ok changes nothing.
    // keepSame: see below.
    var abort = window.AbortController ? new AbortController() : null;
    var timer = abort ? setTimeout(function () { abort.abort(); }, 20000) : null;
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html', 'X-Ruangaman-Background': '1' },
                        signal: abort ? abort.signal : undefined })
      .finally(function () { if (timer) { clearTimeout(timer); } })
      .then(function (r) {
        if ((!r.ok && r.status !== usable) || r.redirected) { var e = new Error('refresh ' + r.status); e.status = r.redirected ? 0 : r.status; throw e; }
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        [].concat(selector).forEach(function (one) {
          var fresh = doc.querySelector(one), old = document.querySelector(one);
          // keepSame: a part that reads the same is left as it is (its buttons too: a click on one is never lost to a
          // copy of itself put in its place)
          if (fresh && old && !(keepSame && fresh.textContent === old.textContent)) { old.replaceWith(fresh); }
        });
        countdowns();
      });
  }

  // One refresh at a time: events that arrive while a refresh is on its way ask for one more after it. Two refreshes
  // in flight could answer out of order, and the older answer (a reply still 'SENDING') would then stay on the page
  // until the next event.
  var pending = null, running = false, again = null;
  function soon(fn) {
    if (running) { again = fn; return; }
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      running = true;
      Promise.resolve().then(fn).catch(function () {}).then(function () {
        running = false;
        if (again) { var next = again; again = null; soon(next); }
      });
    }, 150);
  }

  // A list that a page number, view or filter narrows (the server renders #new-cases only then) may hide a report that
  // just came in. Each new report's reference waits here until the next list refresh; one that the refreshed list does
  // not show is counted in the notice, which names no case in its words; its link opens the case when it is one, else
  // the first page without filters.
  // Only reports that arrived before a refresh was asked are judged by its answer; later ones wait for the next.
  // A new line from the person on a case the list does not show is counted the same way, per case, in its own notice.
  // A case marked in danger now (a new report in danger, a line of danger in its thread: the event 'danger') that the
  // list does not show is counted in a notice of its own, above the others: a counsellor on page 2 or a filtered list
  // must not read "a survivor wrote" where the survivor said they are in danger.
  var arrived = {}, unseen = {}, wrote = {}, unseenWrote = {}, danger = {}, unseenDanger = {};
  function refreshList() {
    var asked = arrived, askedWrote = wrote, askedDanger = danger;
    arrived = {};
    wrote = {};
    danger = {};
    function judge() {
      noteArrivals('new-danger', askedDanger, unseenDanger);
      noteArrivals('new-cases', asked, unseen);
      noteArrivals('new-messages', askedWrote, unseenWrote);
    }
    return replace(location.pathname + location.search, '#case-list', 400).then(judge, judge);
  }
  function noteArrivals(id, asked, hidden) {
    var notice = document.getElementById(id);
    var shown = {};
    document.querySelectorAll('#case-list tr[data-ref]').forEach(function (tr) { shown[tr.getAttribute('data-ref')] = true; });
    Object.keys(asked).forEach(function (r) { if (!shown[r]) { hidden[r] = true; } });
    var refs = Object.keys(hidden), n = refs.length, link = notice && notice.querySelector('a');
    if (!link || n === 0) { return; }
    link.textContent = n === 1 ? link.getAttribute('data-one') : link.getAttribute('data-many').replace('#', String(n));
    // One case: straight to it, and the browser's Back returns to this list as it is (filters, page). Several: the
    // list without filters, the one list that shows them all.
    link.setAttribute('href', n === 1 ? '/inbox/cases/' + encodeURIComponent(refs[0]) : '/inbox');
    notice.hidden = false;
  }

  function live() {
    var mode = body.getAttribute('data-live');
    if (!mode || !window.EventSource) { return; }
    var source = new EventSource('/inbox/events?after=' + encodeURIComponent(body.getAttribute('data-after') || ''));
    var ref = body.getAttribute('data-ref');
    function onEvent(e) {
      if (mode === 'list') {
        if (e.type === 'intake' && e.data && document.getElementById('new-cases')) { arrived[e.data] = true; }
        if (e.type === 'person_wrote' && e.data && document.getElementById('new-messages')) { wrote[e.data] = true; }
        if (e.type === 'danger' && e.data && document.getElementById('new-danger')) { danger[e.data] = true; }
        soon(refreshList);
      } else if (mode === 'case' && (e.data === ref || e.data === '') && !gone) {
        // The danger flag comes with the transcript: a line that says danger raises it in the same step. An event that
        // names no case told this viewer that a case left their list (InboxEventFeed): it may be this one.
        // A line from the person may be their correction of an answer of the report: the answers are read again too.
        if (e.type === 'person_wrote') { answersStale = true; }
        soon(refreshCase);
      } else if (mode === 'page' && (e.data === ref || e.data === '') && !gone) {
        // another page of the case (its SOP page, its referrals): only where the case stands is asked, never its content
        soon(refreshStanding);
      }
    }
    function refreshStanding() {
      if (gone) { return Promise.resolve(); }
      var before = standing();
      // a page may name where its case's standing is read (leadership's page: its own, the case's own page being shut to it)
      var url = body.getAttribute('data-standing-url') || '/inbox/cases/' + encodeURIComponent(ref) + '/standing';
      return replace(url, '#case-standing')
        .then(function () {
          if (standing() === 'deleted' && before !== 'deleted') { pageGone('deleted'); return; }
          // a page that shows more of the case than where it stands (a referral: its status, the survivor's consent)
          // names where that is read again and which parts: never a form being typed into
          var more = body.getAttribute('data-live-url'), parts = body.getAttribute('data-live-parts');
          if (!more || !parts || gone || sealing) { return; } // a post being sealed goes first, with its form as it is
          var free = parts.split(/\s+/).filter(function (one) { return !inUse(document.querySelector(one)); });
          if (free.length) { return replace(more, free, undefined, true); }
        }, function (e) {
          if (e && (e.status === 403 || e.status === 404)) { pageGone('moved'); }
        });
    }
    var answersStale = false;
    function refreshCase() {
      if (gone) { return Promise.resolve(); }
      var before = standing();
      return replace('/inbox/cases/' + encodeURIComponent(ref) + '/transcript', ['#transcript-lines', '#case-danger', '#case-standing'])
        .then(function () {
          var now = standing();
          if (now !== before && (now === 'closed' || now === 'deleted')) { caseGone(now); return; }
          if (answersStale && !gone) {
            answersStale = false;
            return replace('/inbox/cases/' + encodeURIComponent(ref) + '/answers', '#intake');
          }
        }).then(null, function (e) {
          // 403: reassigned to another counsellor, taken by one, or shut to this account; 404: gone
          if (e && (e.status === 403 || e.status === 404)) { caseGone('moved'); }
        });
    }
    ['intake', 'message', 'person_wrote', 'danger', 'case'].forEach(function (type) { source.addEventListener(type, onEvent); });
  }

  // Whether a part of the page is being used, so a live refresh leaves it as it is: the cursor is in it, something in it
  // was typed, chosen or ticked and not sent, or it holds a line said about a post (saved, refused, typed text kept).
  function inUse(part) {
    if (!part) { return false; }
    var active = document.activeElement;
    if (active && active !== document.body && part.contains(active)) { return true; }
    if (part.querySelector('#saved, #refused, .kept')) { return true; }
    return Array.prototype.some.call(part.querySelectorAll('input, select, textarea'), function (el) {
      if (!el.name || el.type === 'hidden') { return false; }
      if (el.type === 'checkbox' || el.type === 'radio') { return el.checked !== el.defaultChecked; }
      return KEPT_TYPES.test(el.type) && JSON.stringify(fieldValue(el)) !== JSON.stringify(servedValue(el));
    });
  }

  // Where the open case stands ('open', 'closed', 'deleted': CaseResource/standing), as the page last read it.
  function standing() {
    var el = document.getElementById('case-standing');
    return el ? el.getAttribute('data-standing') : 'open';
  }

  // The open case page learns that its case is no longer this counsellor's to work (kind 'moved'), or that the person
  // deleted it ('deleted'): one line says so (naming no one), the live refresh stops, and nothing on the page can be
  // sent any more; what was typed stays in its box, read-only, to be copied. A case closed by a coordinator ('closed')
  // is said only: replies to the person still go after closing (CaseService#refuseIfClosed).
  var gone = false;
  function caseGone(kind) {
    var notice = document.getElementById('case-gone');
    if (!notice) { return; }
    notice.textContent = notice.getAttribute('data-' + kind);
    notice.classList.add('alert'); // an alert only once shown: a page's hidden lines are no alerts
    notice.hidden = false;
    if (kind === 'closed') { return; }
    gone = true;
    if (kind === 'deleted') { keepOnlyWhatErasureLeaves(notice); }
    freezeForms();
    var line = document.getElementById('reply-unsendable');
    if (line) { line.classList.add('alert'); line.hidden = false; }
  }

  // Nothing on the page can be sent any more; what was typed stays, read-only, to be copied.
  function freezeForms() {
    document.querySelectorAll('main form[method="post"]').forEach(function (form) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.type === 'textarea' || el.type === 'text') { el.readOnly = true; el.removeAttribute('required'); }
        else if (el.type === 'submit' || el.tagName === 'BUTTON' || el.type === 'checkbox' || el.type === 'radio'
            || el.tagName === 'SELECT' || el.type === 'date' || el.type === 'datetime-local' || el.type === 'number'
            || el.type === 'file') { el.disabled = true; }
      });
    });
  }

  // Another page that shows the case (data-live="page": its SOP page, its referrals) learns that the case is no longer
  // this account's to open ('moved': one line says so, its forms can no longer be sent, what was typed stays in its box)
  // or that the person erased it ('deleted'): the page then shows only what is left, as the server now renders it (the
  // kept skeleton, "dihapus oleh pelapor" where text was), under one line that says so; what was typed into its forms
  // is kept in one read-only box to be copied (#typed-unsent, in this page only). If the page cannot be read again,
  // everything but its title and that line goes. The live refresh stops either way.
  function pageGone(kind) {
    var notice = document.getElementById('case-gone');
    if (!notice || gone) { return; }
    gone = true;
    notice.textContent = notice.getAttribute('data-' + kind);
    notice.classList.add('alert');
    notice.hidden = false;
    if (kind !== 'deleted') { freezeForms(); return; }
    var typed = [];
    document.querySelectorAll('main form[method="post"]').forEach(function (form) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if ((el.type === 'textarea' || el.type === 'text') && /\S/.test(el.value) && el.value !== el.defaultValue) { typed.push(el.value); }
      });
    });
    var main = notice.parentNode;
    function keepTyped() {
      var line = document.getElementById('typed-unsent-line');
      if (!line || typed.length === 0) { return; }
      notice.parentNode.insertBefore(line.content.cloneNode(true), notice.nextSibling);
      document.getElementById('typed-unsent').value = typed.join('\n\n');
    }
    function onlyTitle() {
      Array.prototype.slice.call(main.children).forEach(function (el) {
        if (el !== notice && el.tagName !== 'H1' && el.tagName !== 'TEMPLATE') { main.removeChild(el); }
      });
      keepTyped();
    }
    fetch(location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html', 'X-Ruangaman-Background': '1' } })
      .then(function (r) { if (!r.ok || r.redirected) { throw new Error('page ' + r.status); } return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('content');
        var freshStanding = fresh && fresh.querySelector('#case-standing');
        if (!freshStanding || freshStanding.getAttribute('data-standing') !== 'deleted') { throw new Error('not yet erased'); }
        var title = fresh.querySelector('#case-gone');
        Array.prototype.slice.call(main.childNodes).forEach(function (n) { if (n !== notice) { main.removeChild(n); } });
        Array.prototype.slice.call(fresh.childNodes).forEach(function (n) {
          if (n === title) { main.appendChild(notice); } else { main.appendChild(document.importNode(n, true)); }
        });
        if (!title) { main.insertBefore(notice, main.firstChild); }
        freezeForms();
        keepTyped();
        countdowns();
      })
      .catch(onlyTitle);
  }

  // What the person erased leaves this screen too. Only what the erased case's own page shows stays (its code and status,
  // CaseResource/view's deleted branch), this line, and the counsellor's own typed reply, to be copied. Everything else
  // goes: the kinds of violence, the reporter's role in their words, the channel and contact, the urgent-care, child and
  // unsafe-chat lines, banners, actions, answers, checklist, notes, contact plan, canned replies and transcript, and
  // whatever the page shows in future, since this keeps a short list rather than removing one.
  function keepOnlyWhatErasureLeaves(notice) {
    var main = notice.parentNode, reply = document.getElementById('reply'), form = reply && reply.querySelector('form');
    Array.prototype.slice.call(main.children).forEach(function (el) {
      if (el !== notice && el !== reply && !el.classList.contains('case-title')) { main.removeChild(el); }
    });
    var title = main.querySelector('.case-title');
    if (title) {
      Array.prototype.slice.call(title.childNodes).forEach(function (n) {
        if (n.nodeType === 1 && n.id !== 'case-status') { title.removeChild(n); }
      });
    }
    if (reply) {
      Array.prototype.slice.call(reply.children).forEach(function (el) {
        if (el !== form && el.tagName !== 'H2') { reply.removeChild(el); }
      });
    }
    if (form) {
      Array.prototype.slice.call(form.children).forEach(function (el) {
        var kept = el.type === 'hidden' || el.id === 'reply-text' || el.id === 'reply-unsendable' || el.id === 'send-reply'
            || el.getAttribute('for') === 'reply-text';
        if (!kept) { form.removeChild(el); }
      });
    }
  }

  function canned() {
    var select = document.getElementById('canned'), text = document.getElementById('reply-text');
    if (!select || !text) { return; }
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      if (option && option.getAttribute('data-text')) { text.value = option.getAttribute('data-text'); text.focus(); }
    });
  }

  // A refused form comes back as its page with ?refused=<reason> (web.Refusals: POST, then 303 to the page). What the
  // counsellor typed would be gone: keep it in this tab's sessionStorage from the submit until the next page load
  // (at most two minutes), put it back into the same form when that page says the form was refused, and drop it
  // otherwise. On a logged-in page the text itself is kept only sealed (SEALED, see sealBeforeSending): KEPT then holds
  // where it was typed and when, never what. Text, dates, numbers and choices (lists, options of one) only: never passwords, files, hidden fields (the CSRF token) or
  // ticked confirmations. Nothing leaves the browser; forms the server redisplays itself (the SOP page) do not need it.
  var KEPT = 'ruangaman-kept-form';
  var KEPT_TYPES = /^(text|search|date|number|email|tel|url|textarea|select-one|select-multiple)$/;

  function formKey(form) {
    var action = form.getAttribute('action') || '', same = [];
    document.querySelectorAll('form[method="post"]').forEach(function (f) { if ((f.getAttribute('action') || '') === action) { same.push(f); } });
    return { action: action, index: same.indexOf(form) };
  }

  function keepTyped() {
    document.addEventListener('submit', function (e) {
      var form = e.target;
      if (!form || (form.getAttribute('method') || '').toLowerCase() !== 'post') { return; }
      if (resending === form) { resending = null; return; } // sent again once sealed: kept already
      if (sealing) { e.preventDefault(); return; }
      // the login page's language switch: what is kept is the login form's username, put back on the page in the other language
      var switched = form.id === 'login-language';
      if (switched) { form = document.querySelector('form[action="/j_security_check"]'); if (!form) { return; } }
      var fields = [];
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && !el.disabled && el.type === 'radio' && el.checked) { fields.push({ name: el.name, value: el.value, radio: true }); }
        if (!el.name || el.disabled || !KEPT_TYPES.test(el.type)) { return; }
        fields.push({ name: el.name, value: fieldValue(el) });
      });
      var key = formKey(form);
      var kept = { page: location.pathname, action: key.action, index: key.index, at: Date.now(), fields: fields, switched: switched,
        others: switched ? [] : typedElsewhere(form) };
      var seals = sealsBeforeSending(e, form, kept);
      if (!seals) { kept.others = []; } // the other forms' text is kept sealed only, never in plain text in the tab
      try {
        sessionStorage.removeItem(SEALED);
        // sealed: where and when only, the text waits for its seal and is never in the storage in plain text
        sessionStorage.setItem(KEPT, JSON.stringify(seals ? placeOf(kept) : kept));
      } catch (ignored) { return; /* storage off or full: the form still posts */ }
      if (seals) { sealBeforeSending(e, form, kept); }
    });
  }

  // What was typed into the page's other forms and not sent (a reply half written while a note is saved, a section of the
  // SOP page changed while another is saved): the page after this post is a new page, which would show those forms as
  // the server has them and the text would be gone. Kept with the post (sealed, as the rest), and put back by
  // putBackOthers on the same page. Only fields that differ from what the page was served with, and with what that was
  // (was), so a field goes back only where the new page still shows what the old one did: never over a value the post
  // itself changed. The same kinds of fields as keepTyped: no passwords, files, hidden fields or ticked boxes.
  function typedElsewhere(sent) {
    var others = [];
    document.querySelectorAll('form[method="post"]').forEach(function (form) {
      if (form === sent || form.id === 'login-language') { return; }
      var fields = [];
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.disabled || el.readOnly) { return; }
        if (el.type === 'radio') {
          if (el.checked && !el.defaultChecked) { fields.push({ name: el.name, value: el.value, was: servedRadio(form, el.name), radio: true }); }
          return;
        }
        if (!KEPT_TYPES.test(el.type)) { return; }
        var now = fieldValue(el), was = servedValue(el);
        if (JSON.stringify(now) !== JSON.stringify(was)) { fields.push({ name: el.name, value: now, was: was }); }
      });
      if (fields.length) { var key = formKey(form); others.push({ action: key.action, index: key.index, fields: fields }); }
    });
    return others;
  }

  // A field's value as it is now: a list's chosen values, or the text.
  function fieldValue(el) {
    if (el.type === 'select-multiple') {
      return Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    }
    return el.value;
  }

  // A field's value set back as fieldValue read it.
  function setFieldValue(el, value) {
    if (el.type === 'select-multiple') {
      Array.prototype.forEach.call(el.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
    } else {
      el.value = value;
    }
  }

  // A field's value as the page was served with it (what a reload shows).
  function servedValue(el) {
    if (el.type === 'select-multiple') {
      return Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; }).map(function (o) { return o.value; });
    }
    if (el.type === 'select-one') {
      var chosen = Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; });
      return chosen.length ? chosen[chosen.length - 1].value : (el.options.length ? el.options[0].value : '');
    }
    return el.defaultValue;
  }

  // The option of a choice of one that the page was served with checked, or null.
  function servedRadio(form, name) {
    var served = null;
    Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"]'), function (r) {
      if (r.name === name && r.defaultChecked) { served = r.value; }
    });
    return served;
  }

  // What typedElsewhere kept, back in its forms on the page it was typed on: a field only where the new page shows what
  // the old one was served with (the post did not change it), so nothing the server now says is overwritten.
  function putBackOthers(kept) {
    if (!kept.others || !kept.others.length || kept.page !== location.pathname) { return; }
    kept.others.forEach(function (other) {
      var forms = Array.prototype.filter.call(document.querySelectorAll('form[method="post"]'),
        function (f) { return (f.getAttribute('action') || '') === other.action; });
      var form = forms[other.index];
      if (!form) { return; }
      other.fields.forEach(function (field) {
        if (field.radio) {
          if (servedRadio(form, field.name) !== field.was) { return; }
          Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"]'), function (r) {
            if (r.name === field.name && r.value === field.value && !r.disabled) { r.checked = true; }
          });
          return;
        }
        var el = form.elements.namedItem(field.name);
        if (!el || !el.type || el.disabled || el.readOnly || !KEPT_TYPES.test(el.type)) { return; }
        if (JSON.stringify(fieldValue(el)) !== JSON.stringify(field.was)) { return; }
        setFieldValue(el, field.value);
      });
    });
  }

  // A logged-in page's form with something typed is held for the moment it takes to seal a copy of the text (AES-GCM with
  // the account's key, see typedKey) and then sent as it would have been, by the same button. The copy is what waits for
  // the login when the post is answered with the login page: the plain copy (KEPT) is gone at the next page's load, so
  // the login page and the tab's storage hold ciphertext only. A browser without WebCrypto or requestSubmit sends at once
  // and keeps nothing for after a login. A second press while the first is being sealed sends nothing more.
  var sealing = false, resending = null;

  // Whether this submit is held to seal what was typed: a logged-in page (it has a key) in a browser with WebCrypto and
  // requestSubmit, something typed, not the login page's language switch.
  function sealsBeforeSending(e, form, kept) {
    return !!typedKey() && !e.defaultPrevented && !kept.switched && typedSomething(kept) && !!form.requestSubmit && ('submitter' in e);
  }

  // What is kept in plain text of a sealed form: its page, its form, when, and that something was typed.
  function placeOf(kept) {
    return { page: kept.page, action: kept.action, index: kept.index, at: kept.at, switched: kept.switched, typed: true, sealed: true };
  }

  function sealBeforeSending(e, form, kept) {
    var key = typedKey();
    e.preventDefault();
    sealing = true;
    var submitter = e.submitter;
    key.then(function (k) { return seal(k, kept); })
      .then(function (sealed) { sessionStorage.setItem(SEALED, JSON.stringify(sealed)); })
      .catch(function () { try { sessionStorage.removeItem(SEALED); } catch (ignored) { /* nothing kept */ } })
      .then(function () {
        // in a task of its own: sealing may be done before this submit event has reached its other listeners, and a form
        // asked to submit while its submit event is still going round ignores the request
        setTimeout(function () {
          sealing = false;
          resending = form;
          if (submitter && submitter.form === form) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
        }, 0);
      });
  }

  var moved = false; // restoreTyped put the reason next to the refused form and went there

  // A form posted after the session had ended (30 minutes without a click: typing is no click) is answered with the
  // login page, and the text would be lost. The login page then keeps it under its own key, says so (#session-ended),
  // and the first page after the login puts it back into the same form when it is the page it was typed on, with a
  // line that says why (#typed-restored). It stays in this tab only, for at most 30 minutes, and a logout drops it.
  var AFTER_LOGIN = 'ruangaman-kept-after-login';
  var AFTER_LOGIN_FOR = 30 * 60000;

  // Whose text it is: the logged-in page's <meta name="ruangaman-typed-key"> (security.CurrentAccount#getTypedKey: 32 bytes
  // the server derives from the account with its own secret, the same on every page and session of the account, never
  // the session id) seals the text with WebCrypto AES-GCM before it is kept for after the login (SEALED, then
  // AFTER_LOGIN). The login page has no key and moves only ciphertext; the first page after the login opens it with its
  // own key. Another account's key fails to open it (the GCM tag does not match) and the text is dropped unread. It does
  // not keep the text from someone who logs in as that same account: they get the key, as they get that account's cases.
  var SEALED = 'ruangaman-kept-sealed';
  var SEALED_LABEL = new Uint8Array([114, 117, 97, 110, 103, 97, 109, 97, 110, 47, 116, 121, 112, 101, 100, 47, 118, 49]); // "ruangaman/typed/v1"
  var typedKeyPromise;
  function typedKey() {
    if (typedKeyPromise !== undefined) { return typedKeyPromise; }
    var meta = document.querySelector('meta[name="ruangaman-typed-key"]');
    var raw = meta && meta.getAttribute('content');
    typedKeyPromise = null;
    if (raw && window.crypto && crypto.subtle && window.TextEncoder) {
      try {
        typedKeyPromise = crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
        typedKeyPromise.catch(function () { /* judged where it is used */ });
      } catch (ignored) { typedKeyPromise = null; }
    }
    return typedKeyPromise;
  }

  function toBase64(bytes) {
    var s = '';
    bytes = new Uint8Array(bytes);
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s);
  }

  function fromBase64(text) {
    var s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { bytes[i] = s.charCodeAt(i); }
    return bytes;
  }

  function seal(key, kept) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv, additionalData: SEALED_LABEL }, key,
      new TextEncoder().encode(JSON.stringify(kept))).then(function (data) { return { iv: toBase64(iv), data: toBase64(data) }; });
  }

  function unseal(key, sealed) {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: SEALED_LABEL }, key, fromBase64(sealed.data))
      .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
  }

  function typedSomething(kept) {
    if (!kept.fields) { return !!kept.typed; } // placeOf: the text itself is sealed
    if (kept.others && kept.others.length) { return true; } // typed into another form of the page, not sent
    return kept.fields.some(function (f) { return Array.isArray(f.value) ? f.value.length > 0 : /\S/.test(f.value || ''); });
  }

  function putBack(kept) {
    var forms = Array.prototype.filter.call(document.querySelectorAll('form[method="post"]'),
      function (f) { return (f.getAttribute('action') || '') === kept.action; });
    var form = forms[kept.index] || forms[0];
    if (!form) { return null; }
    var first = null;
    kept.fields.forEach(function (field) {
      if (field.radio) { // a choice of one (terbukti / tidak terbukti): the same option is chosen again
        Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"]'), function (r) {
          if (r.name === field.name && r.value === field.value) { r.checked = true; }
        });
        return;
      }
      var el = form.elements.namedItem(field.name);
      if (!el || !KEPT_TYPES.test(el.type)) { return; }
      setFieldValue(el, field.value);
      if (!first && (el.type === 'textarea' || el.type === 'text')) { first = el; }
    });
    return { form: form, first: first };
  }

  function keptAfterLogin(kept, sealed, login) {
    var waiting = null;
    try {
      waiting = JSON.parse(sessionStorage.getItem(AFTER_LOGIN) || 'null');
      if (waiting && !waiting.sealed) { waiting = null; } // kept in plain text by an earlier version of this file
      if (login && kept && kept.action === '/logout') { waiting = null; }
      if (login && !waiting && sealed && kept && !kept.switched && kept.page.indexOf('/inbox') === 0 && kept.action !== '/logout'
          && Date.now() - kept.at <= 120000 && typedSomething(kept)) {
        waiting = { at: Date.now(), sealed: sealed };
      }
      if (waiting && Date.now() - waiting.at > AFTER_LOGIN_FOR) { waiting = null; }
      if (login && waiting) { sessionStorage.setItem(AFTER_LOGIN, JSON.stringify(waiting)); } else { sessionStorage.removeItem(AFTER_LOGIN); }
    } catch (ignored) { return false; }
    if (!waiting) { return false; }
    if (login) {
      var ended = document.getElementById('session-ended-line');
      if (ended) { ended.parentNode.insertBefore(ended.content.cloneNode(true), ended); }
      return false; // the login form's own keeping (a wrong password, the language switch) goes on as before
    }
    // dropped above already (the first page after the login is its only chance); another account's key does not open it
    var key = typedKey();
    if (!key) { return false; }
    key.then(function (k) { return unseal(k, waiting.sealed); }).then(function (typed) {
      if (typed.page !== location.pathname) { return; }
      var back = putBack(typed);
      if (!back) { return; }
      putBackOthers(typed);
      var line = document.getElementById('typed-restored-line');
      if (line) { back.form.parentNode.insertBefore(line.content.cloneNode(true), back.form); }
      moved = true;
      (back.first || back.form).focus();
      (back.first || back.form).scrollIntoView({ block: 'center' });
    }).catch(function () { /* another account's page, or a key changed: dropped unread */ });
    return true;
  }

  // A form posted after a coordinator deactivated the account: neither saved nor sent, and no login brings it back (the
  // account cannot log in). The answer carried the account's key for the login page only (security.SessionIdentityProvider,
  // DEACTIVATED_COOKIE); the login page says why (#account-deactivated) and shows what was typed, opened with that key,
  // read-only, to be copied and given to a coordinator. The key is dropped at once; nothing is kept for after a login.
  var DEACTIVATED = 'ruangaman-deactivated';
  function keptForDeactivated(kept, sealed) {
    var m = document.cookie.match(/(?:^|;\s*)ruangaman-deactivated=([A-Za-z0-9_-]+)/);
    if (!m) { return false; }
    document.cookie = DEACTIVATED + '=; Max-Age=0; Path=/login; SameSite=Strict';
    try { sessionStorage.removeItem(AFTER_LOGIN); } catch (ignored) { /* nothing kept */ }
    var line = document.getElementById('account-deactivated-line');
    if (!line) { return true; }
    line.parentNode.insertBefore(line.content.cloneNode(true), line);
    var box = document.getElementById('typed-kept');
    if (!box || !kept || !kept.sealed || !sealed || Date.now() - kept.at > 120000 || !(window.crypto && crypto.subtle)) { return true; }
    crypto.subtle.importKey('raw', fromBase64(m[1]), { name: 'AES-GCM' }, false, ['decrypt'])
      .then(function (k) { return unseal(k, sealed); })
      .then(function (typed) {
        var text = typed.fields.filter(function (f) { return !f.radio && typeof f.value === 'string' && /\S/.test(f.value); })
          .map(function (f) { return f.value; }).join('\n\n');
        if (!text) { return; }
        box.value = text;
        box.closest('[hidden]') && (box.closest('[hidden]').hidden = false);
        box.focus();
      })
      .catch(function () { /* another account's text, or a key changed: dropped unread */ });
    return true;
  }

  function restoreTyped() {
    var kept, sealed;
    try {
      kept = JSON.parse(sessionStorage.getItem(KEPT) || 'null');
      sealed = JSON.parse(sessionStorage.getItem(SEALED) || 'null');
      sessionStorage.removeItem(KEPT);
      sessionStorage.removeItem(SEALED);
    } catch (ignored) { return; }
    var onLogin = location.pathname === '/login';
    if (onLogin && keptForDeactivated(kept, sealed)) { return; }
    if (keptAfterLogin(kept, sealed, onLogin)) { return; }
    // the login page says a refused login with ?error= (quarkus.http.auth.form.error-page): keep the username there
    var login = onLogin && (/[?&]error=/.test(location.search) || (kept && kept.switched));
    if (!kept || Date.now() - kept.at > 120000) { return; }
    // refused: the sent form's text back in it; either way, what was typed into the page's other forms and not sent
    var refused = login || /[?&]refused=/.test(location.search);
    if (kept.sealed) {
      // the text was sealed with this account's key on the page it was typed on: opened here, on the page after the post
      var key = typedKey();
      if (!key || !sealed) { return; }
      key.then(function (k) { return unseal(k, sealed); })
        .then(function (typed) {
          if (refused) { putBackRefused(typed, false); }
          putBackOthers(typed);
        })
        .catch(function () { /* another account's page, or a key changed: dropped unread */ });
      return;
    }
    if (refused) { putBackRefused(kept, login); }
    putBackOthers(kept);
  }

  // The refused form's text back in its form, the reason moved next to it, and the browser taken there.
  function putBackRefused(kept, login) {
    var back = putBack(kept);
    if (!back) { showUnsent(kept); return; }
    var form = back.form, first = back.first;
    var password = form.querySelector('input[type="password"]');
    if (login && password && first) { first = password; } // the username is back: the password is what to type again
    var notice = document.getElementById('refused');
    // the reason once, next to the refused form: moved there from the top of the page (without this script it stays
    // at the top, once); a refused step's reason is already in its form
    if (notice && !form.contains(notice)) {
      notice.classList.add('kept');
      form.parentNode.insertBefore(notice, form);
      moved = true;
    }
    (first || form).focus();
    (first || form).scrollIntoView({ block: 'center' });
  }

  // A refused form whose page no longer has it (a reply to a case that was reassigned away meanwhile is answered with
  // the refusal page; a case the person deleted shows no reply box): what was typed is shown below the reason,
  // read-only, to be copied (#typed-unsent, in this tab only, gone with the page). Nothing is sent.
  function showUnsent(kept) {
    var line = document.getElementById('typed-unsent-line');
    var text = kept.fields.filter(function (f) { return !f.radio && typeof f.value === 'string' && /\S/.test(f.value); })
      .map(function (f) { return f.value; }).join('\n\n');
    if (!line || !text) { return; }
    var notice = document.getElementById('refused') || document.getElementById('refusal-reason');
    var block = line.content.cloneNode(true);
    var at = notice || line;
    at.parentNode.insertBefore(block, at.nextSibling);
    var box = document.getElementById('typed-unsent');
    box.value = text;
    box.focus();
    moved = true;
  }

  // A page shown again for a refused form (the SOP page renders it with the reason in the form's own section) takes
  // the counsellor to that reason: focused and in view, not the top of a long page. The reason is said there only.
  function focusRefusal() {
    if (moved) { return; } // restoreTyped already went to the refused form
    var near = document.querySelector('main section .alert.refusal');
    if (!near) { return; }
    near.setAttribute('tabindex', '-1');
    near.focus({ preventScroll: true });
    near.scrollIntoView({ block: 'center' });
  }

  // A page shown after a save says what was saved next to the form that was used (#saved, role="status"): the browser is
  // taken there, as to a refusal, and the line is focused so a screen reader reads it at once.
  // After the load: the browser's own move to the address's #section comes then, and would take the focus back.
  function focusSaved() {
    var saved = document.getElementById('saved');
    if (!saved || moved || document.querySelector('main section .alert.refusal')) { return; }
    saved.setAttribute('tabindex', '-1');
    function go() {
      saved.focus({ preventScroll: true });
      saved.scrollIntoView({ block: 'center' });
    }
    if (document.readyState === 'complete') { setTimeout(go, 0); } else { window.addEventListener('load', function () { setTimeout(go, 0); }); }
  }

  function print() {
    document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
  }

  countdowns();
  setInterval(countdowns, 30000);
  live();
  canned();
  print();
  evidence();
  keepTyped();
  restoreTyped();
  focusRefusal();
  focusSaved();
}());
