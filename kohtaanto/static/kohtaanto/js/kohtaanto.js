// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // Submit the language form as soon as a language is chosen.
  var select = document.getElementById("language-select");
  if (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
  // Tie field errors to inputs for screen readers.
  document.querySelectorAll(".field-invalid").forEach(function (field) {
    var input = field.querySelector("input, select, textarea");
    var error = field.querySelector(".field-error");
    if (input && error) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", error.id);
    }
  });
});
