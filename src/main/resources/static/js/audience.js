// Audience tabs (tags, lists, segments): inline editors and live refreshes. Plain script: the
// content security policy allows no inline handlers, so htmx's hx-on and trigger filters are out.
(function () {
  "use strict";
  // Esc in an inline editor cancels it: the editor's Cancel link puts the row back.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.matches || !event.target.matches("[data-escape-cancels]")) {
      return;
    }
    var form = event.target.closest("form");
    var cancel = form && form.querySelector("[data-cancel]");
    if (cancel) {
      event.preventDefault();
      cancel.click();
    }
  });

  // Segment editor: "Remove" buttons take out their row (a condition or a picked contact), and
  // the live count is asked again.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-remove]");
    if (!button) {
      return;
    }
    var selector = button.getAttribute("data-remove").replace(/^closest /, "");
    var part = button.closest(selector);
    if (part) {
      var focusAfter = document.getElementById("picker-search");
      part.remove();
      document.body.dispatchEvent(new CustomEvent("segment-changed"));
      if (focusAfter) { focusAfter.focus(); }
    }
  });

  // Enter in the picker's search box must not submit anything: results come as you type.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches && event.target.matches("[data-picker-search]")) {
      event.preventDefault();
    }
  });

  // A live refresh never throws away what someone is doing in the part it reloads: while an
  // inline editor is open there, or a request from it (a pencil, a save, a cancel) is on its way,
  // the refresh is held back, both when it would start and when its answer arrives (a refresh
  // already on its way when the pencil was pressed must not replace the row the editor is about
  // to go into). A held-back refresh runs once the part is idle again ("live-retry"), so no
  // change is missed. Focus survives a refresh: the buttons have ids, and htmx focuses the new
  // element with the id of the one that had focus.
  var heldBack = new Set();
  function busy(source) {
    var target = source && source.getAttribute && source.getAttribute("data-live-refresh");
    var part = target && document.querySelector(target);
    return Boolean(part && part.querySelector(".editing, .htmx-request"));
  }
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    if (busy(event.detail.elt)) {
      heldBack.add(event.detail.elt);
      event.preventDefault();
    }
  });
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (busy(source)) {
      heldBack.add(source);
      event.detail.shouldSwap = false;
    }
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    heldBack.forEach(function (source) {
      if (!busy(source)) {
        heldBack.delete(source);
        htmx.trigger(source, "live-retry");
      }
    });
  });
})();
