// Contacts tab and profile: select all on a page, Esc in inline editors, and live refreshes that
// never throw away a selection or what someone is typing. Plain script: the content security
// policy allows no eval, so htmx trigger filters are out and these checks live here.
(function () {
  "use strict";

  // "Select all on this page" ticks or clears every row's box (the results are swapped by htmx,
  // so listen on the document).
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-select-page]")) {
      return;
    }
    var form = box.closest("form");
    form.querySelectorAll('input[type=checkbox][name="ids"]').forEach(function (row) { row.checked = box.checked; });
  });

  // Esc in a profile field editor cancels it: its Cancel link puts the field back.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest || !event.target.closest(".contact-profile .field-editor")) {
      return;
    }
    var cancel = event.target.closest("form").querySelector("[data-cancel]");
    if (cancel) {
      event.preventDefault();
      cancel.click();
    }
  });

  // A profile refreshes on a live event about its own contact only, and waits while a field
  // editor is open or a text field in it holds typed text.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    if (!source || !source.hasAttribute || !source.hasAttribute("data-contact-refresh")) {
      return;
    }
    var live = event.detail.triggeringEvent;
    var subject = live && live.detail && live.detail.subjectId;
    var panel = source.closest(".contact-profile");
    var typing = Array.prototype.some.call(panel.querySelectorAll("input:not([type=hidden]):not([type=checkbox]), textarea"),
      function (field) { return field.value && field.value.trim() !== ""; });
    if (String(subject) !== source.getAttribute("data-contact-id") || panel.querySelector(".editing") || typing) {
      event.preventDefault();
    }
  });
})();
