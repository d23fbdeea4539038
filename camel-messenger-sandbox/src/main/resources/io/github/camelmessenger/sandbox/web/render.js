/* Renders conversation entries as a Messenger-like chat. Plain DOM, no framework. */
"use strict";
var Render = (function () {
  var INBOX = "263902037430900";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function mediaUrl(payload) {
    return payload.sandbox_media || payload.url || (payload.attachment_id ? "/sandbox/media/" + payload.attachment_id : null);
  }

  function media(type, url) {
    if (!url) { return el("span", null, "[" + type + "]"); }
    var m;
    if (type === "image") { m = el("img"); m.alt = "image"; m.src = url; }
    else if (type === "video") { m = el("video"); m.controls = true; m.src = url; }
    else if (type === "audio") { m = el("audio"); m.controls = true; m.src = url; }
    else { m = el("a", null, "File: " + url.split("/").pop()); m.href = url; m.target = "_blank"; }
    return m;
  }

  function button(b, actions) {
    var label = b.title || (b.type === "account_link" ? "Log in" : b.type === "account_unlink" ? "Log out" : b.type);
    var btn = el("button", "tpl-button", label);
    btn.type = "button";
    btn.dataset.type = b.type;
    btn.onclick = function () {
      if (b.type === "postback") { actions.postback(b.payload, b.title); }
      else if (b.type === "web_url" || b.type === "account_link") { window.open(b.url, "_blank"); }
      else if (b.type === "phone_number") { window.location.href = "tel:" + b.payload; }
    };
    return btn;
  }

  function template(p, actions) {
    var t = p.template_type;
    if (t === "button") {
      var box = el("div", "template");
      box.appendChild(el("div", "text", p.text));
      (p.buttons || []).forEach(function (b) { box.appendChild(button(b, actions)); });
      return box;
    }
    if (t === "generic") {
      var carousel = el("div", "carousel");
      (p.elements || []).forEach(function (e) {
        var card = el("div", "card" + (p.image_aspect_ratio === "square" ? " square" : ""));
        var img = el("div", "image", e.image_url ? e.image_url.split("/").pop() : "");
        if (e.image_url) { img.style.backgroundImage = "url('" + e.image_url.replace(/'/g, "%27") + "')"; img.title = e.image_url; }
        card.appendChild(img);
        card.appendChild(el("div", "title", e.title));
        if (e.subtitle) { card.appendChild(el("div", "subtitle", e.subtitle)); }
        (e.buttons || []).forEach(function (b) { card.appendChild(button(b, actions)); });
        if (e.default_action) { img.style.cursor = "pointer"; img.onclick = function () { window.open(e.default_action.url, "_blank"); }; }
        carousel.appendChild(card);
      });
      return carousel;
    }
    if (t === "media") {
      var e0 = (p.elements || [])[0] || {};
      var m = el("div", "template");
      m.appendChild(media(e0.media_type, e0.url && e0.url.indexOf("facebook") < 0 ? e0.url : (e0.attachment_id ? "/sandbox/media/" + e0.attachment_id : e0.url)));
      (e0.buttons || []).forEach(function (b) { m.appendChild(button(b, actions)); });
      return m;
    }
    if (t === "one_time_notif_req") {
      var o = el("div", "otn");
      o.appendChild(el("div", "title", p.title));
      var n = el("button", "notify", "Notify Me");
      n.type = "button";
      n.onclick = function () { actions.notifyMe(); };
      o.appendChild(n);
      return o;
    }
    return el("div", "bubble", "[" + t + " template]");
  }

  function botContent(entry, actions) {
    var m = (entry.body && entry.body.message) || {};
    if (m.text !== undefined) { return el("div", "bubble", m.text); }
    if (m.attachment && m.attachment.type === "template") { return template(m.attachment.payload || {}, actions); }
    if (m.attachment) {
      var b = el("div", "bubble media");
      b.appendChild(media(m.attachment.type, mediaUrl(m.attachment.payload || {})));
      return b;
    }
    if (m.attachments) {
      var all = el("div", "bubble media");
      m.attachments.forEach(function (a) { all.appendChild(media("image", mediaUrl(a.payload || {}))); });
      return all;
    }
    return el("div", "bubble", JSON.stringify(entry.body));
  }

  function userContent(entry) {
    var b = entry.body || {};
    if (entry.kind === "postback") { return el("div", "bubble", (b.postback && b.postback.title) || "(postback)"); }
    if (entry.kind === "notify_me") { return el("div", "bubble", "Notify Me \u2713"); }
    var m = b.message || {};
    if (m.attachments && m.attachments.length) {
      var a = m.attachments[0];
      if (a.type === "location") {
        var c = a.payload.coordinates;
        return el("div", "bubble", "Location " + c.lat + ", " + c.long);
      }
      var wrap = el("div", "bubble media");
      wrap.appendChild(media(a.type, a.payload.url));
      return wrap;
    }
    return el("div", "bubble", m.text);
  }

  function verdictLine(entry) {
    var v = entry.verdict || {};
    if (v.status === "rejected") {
      var err = (v.error && v.error.error) || {};
      return el("div", "verdict", "Rejected by the sandbox: " + err.message + " (code " + err.code
        + (err.error_subcode ? "/" + err.error_subcode : "") + ")" + (v.reason ? " \u2014 " + v.reason : ""));
    }
    if (v.status === "failed") { return el("div", "verdict", "Not delivered: " + v.reason); }
    if (v.status === "accepted" && v.reason && entry.side === "bot") { return el("div", "verdict ok", v.reason); }
    return null;
  }

  function ownerName(owner, appId) {
    if (!owner) { return "Idle (the bot may answer)"; }
    if (owner === INBOX) { return "Page Inbox"; }
    if (owner === appId) { return "Bot"; }
    return "App " + owner;
  }

  /** Renders entries into the container; returns the quick replies on screen (or []). */
  function conversation(container, entries, actions, appId) {
    container.innerHTML = "";
    var quick = [];
    var lastSeenAfter = null;
    entries.forEach(function (e) {
      if (e.side === "system") {
        var text = e.kind === "clock" ? "The clock jumped " + e.body.advance + " to " + e.body.now
          : "\u21C4 " + e.body.why + " \u2014 owner: " + ownerName(e.body.owner, appId);
        container.appendChild(el("div", "system", text));
        return;
      }
      if (e.side === "bot" && e.kind === "sender_action") {
        if (e.body.sender_action === "mark_seen") { lastSeenAfter = e.seq; }
        return;
      }
      if (e.side === "bot" && e.kind !== "message") { return; }
      if (e.side === "user" && (e.kind === "delivery" || e.kind === "read")) { return; }
      var row = el("div", "row " + e.side);
      row.dataset.seq = e.seq;
      if (e.side === "agent") { row.appendChild(el("div", "who", "Page Inbox (human agent)")); }
      var content = e.side === "user" ? userContent(e) : botContent(e, actions);
      if (e.verdict && e.verdict.status === "rejected") { content.classList.add("rejected"); }
      if (e.verdict && e.verdict.status === "failed") { content.classList.add("failed"); }
      row.appendChild(content);
      var v = verdictLine(e);
      if (v) { row.appendChild(v); }
      container.appendChild(row);
      if (e.side === "user") { quick = []; }
      if (e.side === "bot" && e.verdict && e.verdict.status === "accepted") {
        quick = (e.body.message && e.body.message.quick_replies) || [];
      }
    });
    if (lastSeenAfter !== null) { container.appendChild(el("div", "seen", "Seen")); }
    container.scrollTop = container.scrollHeight;
    return quick;
  }

  function quickReplies(container, replies, user, actions) {
    container.innerHTML = "";
    replies.forEach(function (q) {
      var label = q.content_type === "user_email" ? user.email : q.content_type === "user_phone_number" ? user.phone : q.title;
      var chip = el("button", "chip");
      chip.type = "button";
      if (q.image_url) { var i = el("img"); i.src = q.image_url; i.alt = ""; chip.appendChild(i); }
      chip.appendChild(document.createTextNode(label || q.payload));
      chip.onclick = function () {
        if (q.content_type === "text") { actions.quickReply({ payload: q.payload }); }
        else { actions.quickReply({ contentType: q.content_type }); }
      };
      container.appendChild(chip);
    });
  }

  function record(r) {
    var li = el("li");
    var d = el("details");
    var s = el("summary");
    var ok = r.status >= 200 && r.status < 300;
    s.appendChild(el("span", "status " + (ok ? "ok" : "ko"), (r.status || "\u2014") + " "));
    s.appendChild(document.createTextNode((r.kind === "graph" ? "\u2190 Graph " + r.method + " " + r.path : "\u2192 Webhook " + r.path)
      + " \u2014 " + r.verdict));
    d.appendChild(s);
    d.appendChild(el("div", "muted", "request"));
    d.appendChild(el("pre", null, JSON.stringify(r.request, null, 2)));
    d.appendChild(el("div", "muted", "answer"));
    d.appendChild(el("pre", null, JSON.stringify(r.response, null, 2)));
    li.appendChild(d);
    return li;
  }

  return { el: el, conversation: conversation, quickReplies: quickReplies, record: record, ownerName: ownerName };
})();
