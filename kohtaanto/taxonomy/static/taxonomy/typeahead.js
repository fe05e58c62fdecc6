// Keyboard use of the concept typeahead and picker: ArrowDown moves from the search box into
// the results, ArrowUp/ArrowDown move between them, Escape returns to the box. The links and
// radio buttons stay reachable with Tab as well; without this script nothing is lost.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (!(target instanceof HTMLElement)) { return; }
  var box = target.closest("[data-typeahead]") ? target : null;
  var container = box ? document.getElementById(box.getAttribute("data-typeahead")) : null;
  if (!box) {
    var holder = target.closest("[id]");
    while (holder && !document.querySelector('[data-typeahead="' + holder.id + '"]')) {
      holder = holder.parentElement ? holder.parentElement.closest("[id]") : null;
    }
    if (!holder) { return; }
    container = holder;
    box = document.querySelector('[data-typeahead="' + holder.id + '"]');
  }
  if (!container || !box) { return; }
  var items = Array.prototype.slice.call(container.querySelectorAll("a[href], input[type=radio]"));
  if (!items.length) { return; }
  var index = items.indexOf(target);
  if (event.key === "ArrowDown" && target === box) {
    items[0].focus();
    event.preventDefault();
  } else if (index >= 0 && target.tagName === "A" && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    var next = index + (event.key === "ArrowDown" ? 1 : -1);
    (next < 0 ? box : items[Math.min(next, items.length - 1)]).focus();
    event.preventDefault();
  } else if (index >= 0 && event.key === "Escape") {
    box.focus();
    event.preventDefault();
  }
});
