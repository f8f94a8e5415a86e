// Import wizard: choosing "Create new attribute…" for a column opens that column's new-attribute
// form and moves the focus into it. Without script the form is a closed <details> anyone can open.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.classList || !select.classList.contains("import-target") || select.value !== "new") {
      return;
    }
    var form = document.getElementById(select.getAttribute("data-new-attribute"));
    if (form) {
      form.open = true;
      var label = form.querySelector("input");
      if (label) { label.focus(); label.select(); }
    }
  });
})();
