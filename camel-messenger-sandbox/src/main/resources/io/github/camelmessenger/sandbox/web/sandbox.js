/* The sandbox page: users, the chat of the selected user, the Page Inbox, the inspector; live over server-sent events. */
"use strict";
(function () {
  var API = "/sandbox/api";
  var state = { page: {}, users: [], psid: null, entries: [], typing: {} };
  var $ = function (id) { return document.getElementById(id); };

  function call(method, path, body) {
    return fetch(API + path, {
      method: method, headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error((j.error && j.error.message) || r.status); }
        return j;
      });
    });
  }

  function warn(e) { window.alert(e.message || e); }

  function user() {
    return state.users.find(function (u) { return u.psid === state.psid; }) || null;
  }

  var actions = {
    postback: function (payload) { act({ type: "postback", payload: payload }); },
    notifyMe: function () { act({ type: "notify_me" }); },
    quickReply: function (what) { act(Object.assign({ type: "quick_reply" }, what)); }
  };

  function act(event) {
    if (!state.psid) { return; }
    call("POST", "/users/" + encodeURIComponent(state.psid) + "/events", event).catch(warn);
  }

  function render() {
    var u = user();
    $("chat-user").textContent = u ? u.name : "No user yet";
    $("chat-psid").textContent = u ? "PSID " + u.psid : "";
    $("text").disabled = $("send").disabled = !u;
    if (!u) { return; }
    $("save-transcript").href = API + "/users/" + encodeURIComponent(u.psid) + "/transcript";
    var quick = Render.conversation($("messages"), state.entries, actions, state.page.appId);
    Render.quickReplies($("quick-replies"), quick, u, actions);
    $("typing").hidden = !state.typing[state.psid];
    var owner = Render.ownerName(u.owner, state.page.appId);
    $("owner").textContent = owner;
    $("owner").className = "owner " + (u.owner === state.page.pageInboxAppId ? "inbox" : u.owner ? "bot" : "");
    $("inbox-owner").textContent = owner;
    renderInboxLog();
  }

  function renderInboxLog() {
    var log = $("inbox-log");
    log.innerHTML = "";
    state.entries.filter(function (e) { return e.side === "agent" || e.side === "system" && e.kind === "owner"; })
      .forEach(function (e) {
        log.appendChild(Render.el("li", null, e.side === "agent" ? "You: " + e.body.message.text : e.body.why));
      });
  }

  function renderUsers() {
    var list = $("user-list");
    list.innerHTML = "";
    state.users.forEach(function (u) {
      var li = Render.el("li", u.psid === state.psid ? "active" : "");
      li.dataset.psid = u.psid;
      li.appendChild(Render.el("span", "avatar", u.name.charAt(0).toUpperCase()));
      li.appendChild(Render.el("span", null, u.name));
      li.onclick = function () { select(u.psid); };
      list.appendChild(li);
    });
  }

  function loadUsers() {
    return call("GET", "/users").then(function (users) {
      state.users = users;
      if (!state.psid && users.length) { state.psid = (location.hash.slice(1) || users[0].psid); }
      renderUsers();
    });
  }

  function select(psid) {
    state.psid = psid;
    location.hash = psid;
    renderUsers();
    return call("GET", "/users/" + encodeURIComponent(psid) + "/conversation").then(function (c) {
      state.entries = c.entries;
      var u = user();
      if (u) { u.owner = c.owner; }
      render();
    }).catch(function () { state.entries = []; render(); });
  }

  function loadInspector() {
    return call("GET", "/inspector").then(function (records) {
      var list = $("inspector");
      list.innerHTML = "";
      records.slice().reverse().forEach(function (r) { list.appendChild(Render.record(r)); });
    });
  }

  function loadOutbox() {
    return call("GET", "/outbox").then(function (items) {
      var list = $("outbox");
      list.innerHTML = "";
      $("outbox-count").textContent = items.length ? "(" + items.length + ")" : "";
      items.slice().reverse().forEach(function (i) {
        var li = Render.el("li");
        li.appendChild(Render.el("div", "channel", i.channel + " to " + i.to));
        if (i.subject) { li.appendChild(Render.el("strong", null, i.subject)); }
        li.appendChild(Render.el("div", null, i.text));
        li.appendChild(Render.el("div", "muted", i.time));
        list.appendChild(li);
      });
    });
  }

  function loadFaults() {
    return call("GET", "/faults").then(function (faults) {
      var list = $("faults");
      list.innerHTML = "";
      faults.forEach(function (f) {
        list.appendChild(Render.el("li", null, "#" + f.id + " " + (f.code ? "error " + f.code : "")
          + (f.latency ? " latency " + f.latency : "") + (f.psid ? " for " + f.psid : "")
          + (f.calls ? ", next " + f.calls + " calls" : ", until cleared")));
      });
    });
  }

  function loadClock() {
    return call("GET", "/clock").then(function (c) { $("clock-now").textContent = c.now.replace("T", " ").slice(0, 19); });
  }

  function onNotice(n) {
    if (n.type === "entry" && n.entry.side === "system" && n.entry.kind === "owner") {
      var owned = state.users.find(function (x) { return x.psid === n.entry.psid; });
      if (owned) { owned.owner = n.entry.body.owner; }
    }
    if (n.type === "entry" && n.entry.psid === state.psid) {
      var i = state.entries.findIndex(function (e) { return e.seq === n.entry.seq; });
      if (i >= 0) { state.entries[i] = n.entry; } else { state.entries.push(n.entry); }
      state.entries.sort(function (a, b) { return a.seq - b.seq; });
      render();
    } else if (n.type === "typing") {
      state.typing[n.psid] = n.on;
      if (n.psid === state.psid) { $("typing").hidden = !n.on; }
    } else if (n.type === "owner") {
      var u = state.users.find(function (x) { return x.psid === n.psid; });
      if (u) { u.owner = n.owner; render(); }
    } else if (n.type === "users") {
      loadUsers().then(function () { if (state.psid && !state.entries.length) { select(state.psid); } });
    } else if (n.type === "inspector") {
      $("inspector").insertBefore(Render.record(n.record), $("inspector").firstChild);
    } else if (n.type === "clock") {
      loadClock();
    } else if (n.type === "outbox") {
      loadOutbox();
    } else if (n.type === "faults") {
      loadFaults();
    } else if (n.type === "reset") {
      state.psid = null; state.entries = [];
      loadAll();
    }
  }

  function loadAll() {
    return Promise.all([loadUsers(), loadInspector(), loadOutbox(), loadFaults(), loadClock()]).then(function () {
      if (state.psid) { return select(state.psid); }
      render();
    });
  }

  function wire() {
    $("composer").onsubmit = function (ev) {
      ev.preventDefault();
      var text = $("text").value.trim();
      if (!text) { return; }
      $("text").value = "";
      act({ type: "text", text: text });
    };
    $("attach").onclick = function () {
      var url = window.prompt("URL of the image (or .mp4, .mp3, other file) to send");
      if (!url) { return; }
      var type = /\.(mp4|webm|mov)$/i.test(url) ? "video" : /\.(mp3|ogg|wav)$/i.test(url) ? "audio"
        : /\.(png|jpe?g|gif|webp|svg)$/i.test(url) ? "image" : "file";
      act({ type: "attachment", attachmentType: type, url: url });
    };
    $("locate").onclick = function () { act({ type: "attachment", attachmentType: "location", lat: 48.8584, long: 2.2945 }); };
    $("new-user").onsubmit = function (ev) {
      ev.preventDefault();
      var name = $("new-user-name").value.trim();
      if (!name) { return; }
      call("POST", "/users", { name: name }).then(function (u) {
        $("new-user-name").value = "";
        return loadUsers().then(function () { return select(u.psid); });
      }).catch(warn);
    };
    $("inbox-form").onsubmit = function (ev) {
      ev.preventDefault();
      var text = $("inbox-text").value.trim();
      if (!text || !state.psid) { return; }
      $("inbox-text").value = "";
      call("POST", "/users/" + encodeURIComponent(state.psid) + "/inbox", { action: "reply", text: text }).catch(warn);
    };
    $("inbox-handback").onclick = function () {
      if (!state.psid) { return; }
      call("POST", "/users/" + encodeURIComponent(state.psid) + "/inbox", { action: "handback" }).catch(warn);
    };
    document.querySelectorAll("[data-advance]").forEach(function (b) {
      b.onclick = function () { call("POST", "/clock", { advance: b.dataset.advance }).catch(warn); };
    });
    document.querySelectorAll(".tabs button").forEach(function (b) {
      b.onclick = function () {
        document.querySelectorAll(".tabs button, .tab").forEach(function (x) { x.classList.remove("active"); });
        b.classList.add("active");
        $("tab-" + b.dataset.tab).classList.add("active");
      };
    });
    $("fault-form").onsubmit = function (ev) {
      ev.preventDefault();
      var f = {};
      if ($("fault-code").value) { f.code = parseInt($("fault-code").value, 10); }
      if ($("fault-latency").value) { f.latency = $("fault-latency").value; }
      if ($("fault-calls").value) { f.calls = parseInt($("fault-calls").value, 10); }
      if ($("fault-user").checked && state.psid) { f.psid = state.psid; }
      call("POST", "/faults", f).catch(warn);
    };
    $("replay-file").onchange = function () {
      var file = $("replay-file").files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        return fetch(API + "/transcripts/replay", { method: "POST", headers: { "Content-Type": "application/json" }, body: text });
      }).then(function (r) { return r.json(); }).then(function (report) {
        window.alert(report.passed ? "Replay passed (" + report.steps.length + " bot steps)"
          : "Replay failed: " + JSON.stringify(report.problems.concat(report.steps.filter(function (s) { return !s.matches; })), null, 1).slice(0, 1500));
        $("replay-file").value = "";
        return loadUsers();
      }).catch(warn);
    };
    $("fault-clear").onclick = function () { call("DELETE", "/faults").catch(warn); };
  }

  function stream() {
    var source = new EventSource(API + "/stream");
    source.onmessage = function (m) { onNotice(JSON.parse(m.data)); };
    source.onopen = function () { document.body.dataset.live = "true"; };
  }

  wire();
  call("GET", "/page").then(function (p) {
    state.page = p;
    $("page-name").textContent = p.pageName + " \u2014 Messenger sandbox";
  }).then(function () { stream(); return loadAll(); }).catch(warn);
})();
