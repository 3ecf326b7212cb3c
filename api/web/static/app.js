// Papergraph pages: sortable tables, filters that apply on change, filters folded on phones.
"use strict";

function cellValue(row, index, numeric) {
  const cell = row.cells[index];
  const raw = cell ? (cell.dataset.value ?? cell.textContent.trim()) : "";
  if (!numeric) return raw.toLowerCase();
  const number = parseFloat(raw);
  return Number.isNaN(number) ? -Infinity : number;
}

function sortTable(table, index, header) {
  const numeric = header.dataset.sort === "number";
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return ascending ? order : -order;
  });
  rows.forEach((row) => body.appendChild(row));
  table.querySelectorAll("th").forEach((th) => th.removeAttribute("aria-sort"));
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
}

function makeSortable(table) {
  Array.from(table.tHead.rows[0].cells).forEach((header, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", () => sortTable(table, index, header));
  });
}

function applyFiltersOnChange(form) {
  form.addEventListener("change", () => form.requestSubmit());
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  const facets = document.getElementById("facets");
  if (facets) applyFiltersOnChange(facets);
  const box = document.querySelector(".facets-box");
  const anyTicked = box && box.querySelector("input[type=checkbox]:checked");
  if (box && !anyTicked && window.matchMedia("(max-width: 48rem)").matches) box.open = false;
});
