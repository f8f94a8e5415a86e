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

  // A live refresh never throws away what someone is typing: while an inline editor is open in
  // the part to reload, the refresh waits for the next event.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    var target = source && source.getAttribute && source.getAttribute("data-live-refresh");
    if (target) {
      var part = document.querySelector(target);
      if (part && part.querySelector(".editing")) {
        event.preventDefault();
      }
    }
  });
})();
