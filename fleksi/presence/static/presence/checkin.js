/* Fleksi presence: check in with the phone's position; when the network is down the check-in
   is kept on the phone and sent when it returns. Self-written, no framework (2G budget).
   Every check-in is written to the queue first and sent from there, so closing the page or
   losing the signal never loses one; the server keeps one record per idempotency key. */
(function () {
  "use strict";
  var dataEl = document.getElementById("presence-data");
  if (!dataEl) return;
  var D = JSON.parse(dataEl.textContent), T = D.texts;
  var KEY = "fleksi.presence.queue." + D.employee, DONE = "fleksi.presence.done." + D.employee;
  var $ = function (id) { return document.getElementById(id); };
  var form = $("checkin-form"), btn = $("checkin-button"), modeSel = $("mode");
  var posEl = $("position"), queueEl = $("queue"), resultEl = $("result");
  var csrf = D.csrf, fix = null, sending = false, timer = null, delay = 15000, latency = null;
  var done = {}, lockUntil = 0; // done: slot -> {time, outcome, counted}
  // Evidence for an offline check-in (docs/presence.md): the server's last signed time and
  // this page's monotonic clock at that moment; a changed device clock does not move it.
  var perf = function () { return window.performance && performance.now ? performance.now() : NaN; };
  var contact = D.contact || null, contactMono = perf(), SESSION = uuid();
  function contacted(token) { if (token) { contact = token; contactMono = perf(); } }

  function t(key, n) { return (T[key] || key).replace("{n}", n); }
  function load() { try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayOf(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function hhmm(d) { return pad(d.getHours()) + ":" + pad(d.getMinutes()); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), h = "";
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h += (b[i] + 256).toString(16).slice(1);
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function setDone(slots) {
    slots.forEach(function (s) {
      if (s.checkin) done[s.slot] = { time: hhmm(new Date(s.checkin.checked_at)), outcome: s.checkin.outcome, counted: s.checkin.counted };
    });
    keepDone();
  }
  // What the server confirmed today is also kept on the phone: a page opened offline from the
  // phone's copy may be older than the last check-in.
  function keepDone() { localStorage.setItem(DONE, JSON.stringify({ day: today(), slots: done })); }
  function knownDone() {
    try { var k = JSON.parse(localStorage.getItem(DONE) || "{}"); return k.day === today() ? k.slots : {}; } catch (e) { return {}; }
  }
  function today() { return dayOf(new Date()); }
  function queuedToday() {
    return load().filter(function (i) { return dayOf(new Date(i.device_time)) === today(); });
  }
  function nextSlot() {
    var waiting = {};
    queuedToday().forEach(function (i) { waiting[i.slot] = i; });
    for (var i = 0; i < D.slots.length; i++) {
      var s = D.slots[i].slot, d = done[s];
      if (!(d && d.counted) && !waiting[s]) return D.slots[i];
    }
    return null;
  }

  function render() {
    var waiting = {};
    queuedToday().forEach(function (i) { waiting[i.slot] = i; });
    D.slots.forEach(function (s) {
      var li = document.querySelector('#slots li[data-slot="' + s.slot + '"] .slot-state');
      if (!li) return;
      var d = done[s.slot], w = waiting[s.slot];
      if (d) { li.textContent = d.time + " · " + t("outcome_" + d.outcome); li.className = "slot-state badge " + ({ pass: "ok", warn: "warn", fail: "bad" }[d.outcome] || ""); }
      else if (w) { li.textContent = hhmm(new Date(w.device_time)) + " · " + t("waiting_one"); li.className = "slot-state badge warn"; }
      else { li.textContent = "—"; li.className = "slot-state"; }
    });
    var n = nextSlot();
    btn.disabled = !n || Date.now() < lockUntil; // no double tap into the next slot
    btn.textContent = n ? t(n.kind === "in" ? "button_in" : "button_out", n.label) : t("all_done");
    if (n) btn.setAttribute("data-slot", n.slot); else btn.removeAttribute("data-slot");
    var q = load();
    queueEl.hidden = !q.length;
    if (q.length) queueEl.textContent = t("waiting", q.length);
  }

  function show(text, rules, cls) {
    resultEl.innerHTML = "";
    var p = document.createElement("p");
    p.className = "msg " + (cls || "");
    p.textContent = text;
    resultEl.appendChild(p);
    if (rules && rules.length) {
      var ul = document.createElement("ul");
      ul.className = "rules small";
      rules.forEach(function (r) {
        if (r.outcome === "pass") return;
        var li = document.createElement("li");
        li.className = r.outcome === "fail" ? "bad-text" : "";
        li.textContent = r.label + ": " + r.message;
        ul.appendChild(li);
      });
      if (ul.childNodes.length) resultEl.appendChild(ul);
    }
  }

  /* --- Position ------------------------------------------------------------------------ */
  function onFix(p) {
    fix = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy, at: Date.now() };
    posEl.textContent = t("accuracy", Math.round(p.coords.accuracy));
  }
  function onFixError() { if (!fix) posEl.textContent = t("no_position"); }
  function getFix(cb) {
    if (fix && Date.now() - fix.at < 60000) return cb(fix);
    if (!navigator.geolocation) return cb(null);
    var answered = false;
    var finish = function (f) { if (!answered) { answered = true; cb(f); } };
    setTimeout(function () { finish(fix); }, 15000);
    navigator.geolocation.getCurrentPosition(function (p) { onFix(p); finish(fix); },
      function () { onFixError(); finish(fix); }, { enableHighAccuracy: true, timeout: 14000, maximumAge: 60000 });
  }

  /* --- Sending ------------------------------------------------------------------------- */
  function remove(key) { save(load().filter(function (i) { return i.idempotency_key !== key; })); }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
    delay = Math.min(delay * 2, 300000);
  }
  function refreshToday() {
    return fetch(D.today, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) return null;
        return r.json().then(function (j) { csrf = j.csrf_token; contacted(j.contact); D.slots = j.slots; setDone(j.slots); render(); return j; });
      }).catch(function () { return null; });
  }
  function post(item) {
    var body = JSON.parse(JSON.stringify(item));
    delete body.mono; delete body.session;
    if (body.evidence && item.session === SESSION && !isNaN(perf() - item.mono)) body.evidence.since_press_ms = Math.max(0, Math.round(perf() - item.mono));
    body.sent_at = new Date().toISOString();
    if (latency !== null) body.client_latency_ms = latency;
    var started = Date.now(), ctl = window.AbortController ? new AbortController() : null;
    var abort = setTimeout(function () { if (ctl) ctl.abort(); }, 30000);
    return fetch(D.api, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body), signal: ctl && ctl.signal,
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf }
    }).then(function (r) {
      clearTimeout(abort);
      latency = Date.now() - started;
      return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; });
    }, function () { clearTimeout(abort); return { status: 0, body: {} }; });
  }
  function flush(retried) {
    var q = load();
    if (sending || !q.length) { render(); return; }
    if (navigator.onLine === false) { render(); schedule(); return; }
    sending = true;
    var item = q[0];
    post(item).then(function (res) {
      sending = false;
      var s = res.status, b = res.body;
      if (s === 200 || s === 201) {
        contacted(b.contact);
        remove(item.idempotency_key);
        delay = 15000;
        if (dayOf(new Date(b.checked_at)) === today()) { done[b.slot] = { time: hhmm(new Date(b.checked_at)), outcome: b.outcome, counted: b.counted }; keepDone(); }
        show(b.message, b.rules, b.counted ? (b.outcome === "pass" ? "success" : "warning") : "error");
        return flush();
      }
      if (s === 403 && retried !== true) {
        return refreshToday().then(function (j) { if (j) flush(true); else { show(t("sign_in"), null, "error"); render(); } });
      }
      if (s === 401 || s === 403) { show(t("sign_in"), null, "error"); render(); return; }
      if (s === 400 || s === 409 || s === 422) {
        remove(item.idempotency_key);
        show(b.message || t("refused"), null, "error");
        return flush();
      }
      render(); schedule(); // no network, or the server is busy: try again later
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var slot = nextSlot();
    if (!slot || btn.disabled) return;
    btn.disabled = true;
    lockUntil = Date.now() + 5000;
    setTimeout(render, 5000);
    var item = { idempotency_key: uuid(), slot: slot.slot, kind: slot.kind, mode: modeSel.value, device_time: new Date().toISOString() };
    var mono = perf();
    if (contact && !isNaN(mono - contactMono)) {
      item.evidence = { contact: contact, since_contact_ms: Math.max(0, Math.round(mono - contactMono)) };
      item.mono = mono; item.session = SESSION;
    }
    posEl.textContent = fix ? posEl.textContent : t("locating");
    getFix(function (f) {
      if (f) { item.latitude = f.latitude; item.longitude = f.longitude; item.accuracy = f.accuracy; }
      else posEl.textContent = t("no_position");
      var c = navigator.connection;
      if (c) item.network = { effective_type: c.effectiveType || null, rtt: c.rtt == null ? null : c.rtt, downlink: c.downlink == null ? null : c.downlink };
      var q = load(); q.push(item); save(q); // kept before it is sent
      if (navigator.onLine === false) show(t("queued"), null, "warning");
      render();
      flush();
    });
  });

  window.addEventListener("online", function () { delay = 15000; flush(); });
  document.addEventListener("visibilitychange", function () { if (!document.hidden) flush(); });

  done = knownDone();
  if (D.day === today()) setDone(D.slots);
  if (navigator.geolocation) {
    posEl.textContent = t("locating");
    navigator.geolocation.watchPosition(onFix, onFixError, { enableHighAccuracy: true, maximumAge: 30000, timeout: 20000 });
  } else posEl.textContent = t("no_position");
  render();
  // A page older than a minute came from the phone's cache: ask for today's state when online.
  if (navigator.onLine !== false && Date.now() - Date.parse(D.rendered_at) > 60000) refreshToday().then(function () { flush(); });
  else flush();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register(D.sw, { scope: D.scope }).catch(function () {});
  window.fleksiPresence = { flush: flush, queue: load };
})();
