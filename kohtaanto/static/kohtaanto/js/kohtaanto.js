// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // Submit the language form as soon as a language is chosen.
  var select = document.getElementById("language-select");
  if (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
  // Tie field errors to inputs for screen readers, keeping the help text's reference.
  document.querySelectorAll(".field-invalid").forEach(function (field) {
    var input = field.querySelector("input, select, textarea");
    var error = field.querySelector(".field-error");
    if (input && error) {
      input.setAttribute("aria-invalid", "true");
      var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
        return id && id !== error.id && document.getElementById(id);
      });
      ids.push(error.id);
      input.setAttribute("aria-describedby", ids.join(" "));
    }
  });
  // A table wider than the screen scrolls inside its .table-wrap: let the keyboard reach that
  // region to scroll it, named after the table's caption (WCAG 2.1.1).
  function scrollingTables() {
    document.querySelectorAll(".table-wrap:not([tabindex])").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth) {
        return;
      }
      wrap.setAttribute("tabindex", "0");
      var caption = wrap.querySelector("caption");
      if (!wrap.hasAttribute("role") && caption && caption.textContent.trim()) {
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption.textContent.trim());
      }
    });
  }
  scrollingTables();
  window.addEventListener("resize", scrollingTables);
  // After a refused submit, take the reader to the list of errors (WCAG 3.3.1, 3.3.3).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});
