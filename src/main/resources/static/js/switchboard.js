// Switchboard's page script: CSRF for htmx requests, and the live-updates stream of this tab.
(function () {
  "use strict";
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (header && token && header.content) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // One EventSource per tab. The browser reconnects by itself and sends Last-Event-ID, so the
  // server replays what this tab missed. Each event is re-dispatched on <body> as "live:<type>"
  // so a page can refresh the part it shows (hx-trigger="live:inbox.changed from:body").
  var url = document.body.getAttribute("data-live-events");
  if (!url || !window.EventSource) {
    return;
  }
  var status = document.getElementById("live-status");
  var log = document.getElementById("live-log");
  var source = new EventSource(url);
  function setState(state, text) {
    if (status) { status.setAttribute("data-state", state); status.textContent = text; }
  }
  source.onopen = function () { setState("open", "Live updates on"); };
  source.onerror = function () {
    // CLOSED: the server refused the stream (e.g. the session ended); the browser will not retry.
    if (source.readyState === EventSource.CLOSED) { setState("closed", "Live updates stopped. Reload the page to restart them."); }
    else { setState("reconnecting", "Reconnecting to live updates…"); }
  };
  source.addEventListener("live", function (message) {
    var event = JSON.parse(message.data);
    document.body.dispatchEvent(new CustomEvent("live:" + event.type, { detail: event }));
    if (log && event.text) {
      var item = document.createElement("li");
      item.textContent = event.text;
      item.setAttribute("data-event-id", message.lastEventId);
      log.prepend(item);
      while (log.children.length > 5) { log.removeChild(log.lastChild); }
    }
  });
})();
