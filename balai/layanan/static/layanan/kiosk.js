/* SKM kiosk: answers go into a queue in localStorage first, then to the server; a queued answer
   carries a UUID made here, so a retried sync is stored once. The form resets after each
   respondent. */
(function () {
  "use strict";
  var root = document.getElementById("kiosk");
  var form = document.getElementById("kiosk-form");
  var statusEl = document.getElementById("kiosk-status");
  var thanks = document.getElementById("kiosk-thanks");
  var errorEl = document.getElementById("kiosk-error");
  var QUEUE = "balai-skm-antrean:" + root.dataset.loket;
  var RETRY_MS = 20000;
  var THANKS_MS = 2500;
  var refused = false;
  var busy = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE)) || []; } catch (e) { return []; }
  }
  function store(queue) { localStorage.setItem(QUEUE, JSON.stringify(queue)); show(); }
  function show() {
    var n = load().length;
    statusEl.dataset.pending = String(n);
    statusEl.textContent = refused ? root.dataset.refusedLabel
      : n ? root.dataset.pendingLabel.replace("%s", n) : root.dataset.syncedLabel;
  }
  function uuid4() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); });
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") +
      "-" + h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }
  function localDate(d) {
    var z = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + z(d.getMonth() + 1) + "-" + z(d.getDate());
  }
  function drop(id) { store(load().filter(function (x) { return x.uuid !== id; })); }

  async function flush() {
    if (busy || refused) return;
    busy = true;
    try {
      for (var item of load()) {
        var res;
        try {
          res = await fetch(root.dataset.syncUrl, {
            method: "POST", credentials: "omit", cache: "no-store",
            headers: { "Content-Type": "application/json" }, body: JSON.stringify(item),
          });
        } catch (e) { break; } // offline: keep the queue, try again later
        if (res.status === 200 || res.status === 201) { drop(item.uuid); continue; }
        if (res.status === 400) { console.warn("SKM: jawaban ditolak", item.uuid); drop(item.uuid); continue; }
        if (res.status === 403) { refused = true; break; }
        break; // 429/5xx: later
      }
    } finally { busy = false; show(); }
  }

  function answers() {
    var data = new FormData(form);
    var missing = [];
    form.querySelectorAll(".k-q[data-name]").forEach(function (box) {
      var name = box.dataset.name;
      var value = data.get(name);
      var bad = !value || (name === "age" && !(+value >= 15 && +value <= 100));
      box.classList.toggle("k-missing", bad);
      if (bad) missing.push(box);
    });
    if (missing.length) { missing[0].scrollIntoView({ behavior: "smooth", block: "center" }); return null; }
    var now = new Date();
    var item = { uuid: uuid4(), service_date: localDate(now), dijawab_pada: now.toISOString() };
    ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "gender", "education", "occupation"]
      .forEach(function (k) { item[k] = data.get(k); });
    item.age = parseInt(data.get("age"), 10);
    item.saran = (data.get("saran") || "").trim();
    return item;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var item = answers();
    errorEl.hidden = !!item;
    if (!item) return;
    store(load().concat([item]));
    form.reset();
    window.scrollTo(0, 0);
    thanks.hidden = false;
    setTimeout(function () { thanks.hidden = true; }, THANKS_MS);
    flush();
  });
  form.addEventListener("change", function (event) {
    var box = event.target.closest(".k-q");
    if (box) box.classList.remove("k-missing");
  });
  document.getElementById("kiosk-fullscreen").addEventListener("click", function () {
    if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  });
  window.addEventListener("online", flush);
  setInterval(flush, RETRY_MS);

  // Keep this page and its assets for a reload without network (service worker + cache).
  if ("serviceWorker" in navigator && window.caches) {
    navigator.serviceWorker.register(root.dataset.swUrl).then(function () {
      return caches.open("balai-skm-kiosk").then(function (cache) {
        return cache.addAll([location.href].concat(root.dataset.assets.split(" ")));
      });
    }).catch(function () {});
  }
  show();
  flush();
})();
