// Import wizard: choosing "Create new attribute…" for a column opens that column's new-attribute
// form and moves the focus into it. Without script the form is a closed <details> anyone can open.
//
// Choosing a file over the upload limit (data-max-bytes) says so at once and keeps the form from
// sending it: uploaded first, a file of gigabytes would cost minutes, and the server's refusal
// then often arrives as a cut connection rather than the Import page's message.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) {
      return;
    }
    var file = input.files && input.files[0];
    var tooLarge = !!file && file.size > Number(input.getAttribute("data-max-bytes"));
    var message = tooLarge ? input.getAttribute("data-too-large") : "";
    input.setCustomValidity(message);
    var error = document.getElementById("import-file-error");
    if (error) {
      error.textContent = message;
      error.hidden = !tooLarge;
    }
    if (tooLarge) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", "import-file-error");
    } else {
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", "import-file-help");
    }
  });
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
