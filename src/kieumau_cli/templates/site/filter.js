(function () {
  "use strict";
  // Filters and sorts the rows of this page in place (the other pages of a list are
  // plain links); without it, the page shows every row in its printed order.
  var form = document.getElementById("filters");
  var body = document.getElementById("stations");
  if (!form || !body || !String.prototype.normalize) return;
  var rows = Array.prototype.slice.call(body.rows);
  var fields = Array.prototype.filter.call(form.querySelectorAll("select"), function (field) {
    return field.name !== "sort";
  }).map(function (field) { return field.name; });
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u0111\u0110]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }
  var order = value("sort") || "name";  // the page comes sorted
  function apply() {
    var sort = value("sort") || "name";
    var words = fold(value("q")).split(" ").filter(Boolean);
    var wanted = fields.map(value);
    var count = 0;
    if (sort !== order) {  // move the rows only when the order changes
      var moved = document.createDocumentFragment();
      rows.sort(function (a, b) {
        return a.getAttribute("data-o-" + sort) - b.getAttribute("data-o-" + sort);
      });
      rows.forEach(function (row) { moved.appendChild(row); });
      body.appendChild(moved);
      order = sort;
    }
    rows.forEach(function (row) {
      var search = " " + row.getAttribute("data-search");
      var match = fields.every(function (name, i) {
        return !wanted[i] || row.getAttribute("data-" + name) === wanted[i];
      }) && words.every(function (word) { return search.indexOf(" " + word) >= 0; });
      if (row.hidden === match) row.hidden = !match;
      count += match ? 1 : 0;
    });
    document.getElementById("shown").textContent = count;
    document.getElementById("none").hidden = count > 0;
    Array.prototype.forEach.call(document.querySelectorAll("th[data-sort]"), function (th) {
      if (th.getAttribute("data-sort") === sort) th.setAttribute("aria-sort", th.getAttribute("data-dir"));
      else th.removeAttribute("aria-sort");
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-filter], a[data-sort-link]") : null;
    if (!link) return;
    var field = form.elements[link.getAttribute("data-filter") || "sort"];
    var wanted = link.getAttribute("data-value") || link.getAttribute("data-sort-link");
    var known = field && Array.prototype.some.call(field.options, function (option) {
      return option.value === wanted;
    });
    if (!known) return;
    event.preventDefault();
    field.value = wanted;
    apply();
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
})();
