// The SPARQL editor: run a query against /sparql, show the table, offer CSV/JSON, show errors inline.
"use strict";

const form = document.getElementById("sparql-form");
const textarea = document.getElementById("query");
const results = document.getElementById("sparql-results");
const errorBox = document.getElementById("sparql-error");
const status = document.getElementById("sparql-status");
const runButton = document.getElementById("run");
const downloads = { csv: document.getElementById("download-csv"), json: document.getElementById("download-json") };
const PAPER_NS = form.dataset.paperNs, ENTITY_NS = form.dataset.entityNs;

function pageOf(iri) {
  if (iri.startsWith(PAPER_NS)) return "/paper/" + iri.slice(PAPER_NS.length);
  if (iri.startsWith(ENTITY_NS)) return "/entity/" + iri.slice(ENTITY_NS.length);
  return null;
}

function termCell(term) {
  const cell = document.createElement("td");
  if (!term) return cell;
  const page = term.type === "uri" ? pageOf(term.value) : null;
  if (page) {
    const link = document.createElement("a");
    link.href = page;
    link.textContent = term.value;
    cell.appendChild(link);
  } else {
    cell.textContent = term.value;
  }
  if (term.type === "literal" && !Number.isNaN(Number(term.value)) && term.value.trim() !== "") cell.className = "num";
  return cell;
}

function showTable(answer) {
  const variables = answer.head.vars || [];
  const rows = answer.results.bindings;
  const table = document.createElement("table");
  table.id = "sparql-table";
  const caption = table.createCaption();
  caption.textContent = `${rows.length} row${rows.length === 1 ? "" : "s"}`;
  const head = table.createTHead().insertRow();
  variables.forEach((name) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.appendChild(th);
  });
  const body = table.createTBody();
  rows.forEach((binding) => {
    const row = body.insertRow();
    variables.forEach((name) => row.appendChild(termCell(binding[name])));
  });
  results.replaceChildren(table);
  return rows.length;
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function setDownloads(query, enabled) {
  Object.entries(downloads).forEach(([format, link]) => {
    link.href = `/sparql?format=${format}&query=${encodeURIComponent(query)}`;
    link.hidden = !enabled;
  });
}

async function explain(response) {
  try {
    const body = await response.json();
    if (body.error) return `${body.error.type}: ${body.error.message}`;
  } catch (ignored) { /* not JSON */ }
  return `The server answered ${response.status} ${response.statusText}.`;
}

async function run(event) {
  if (event) event.preventDefault();
  const query = textarea.value;
  errorBox.hidden = true;
  results.replaceChildren();
  setDownloads(query, false);
  runButton.disabled = true;
  status.textContent = "Running…";
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
      body: new URLSearchParams({ query }),
    });
    if (!response.ok) {
      showError(await explain(response));
      status.textContent = "Query failed.";
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const truncated = response.headers.get("X-Papergraph-Truncated") === "true" ? " (truncated)" : "";
    const type = response.headers.get("Content-Type") || "";
    if (type.includes("sparql-results+json")) {
      const answer = await response.json();
      if (typeof answer.boolean === "boolean") {
        const p = document.createElement("p");
        p.id = "sparql-boolean";
        p.textContent = `Answer: ${answer.boolean}`;
        results.replaceChildren(p);
        status.textContent = `Done in ${seconds} s.`;
      } else {
        const count = showTable(answer);
        setDownloads(query, true);
        status.textContent = `${count} row${count === 1 ? "" : "s"} in ${seconds} s${truncated}.`;
      }
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.replaceChildren(pre);
      status.textContent = `Graph answer in ${seconds} s${truncated}.`;
    }
  } catch (failure) {
    showError(`Could not reach the server: ${failure}`);
    status.textContent = "";
  } finally {
    runButton.disabled = false;
  }
}

const examples = JSON.parse(document.getElementById("sparql-examples").textContent);
document.getElementById("example").addEventListener("change", (event) => {
  if (event.target.value !== "") textarea.value = examples[Number(event.target.value)];
});
textarea.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
});
form.addEventListener("submit", run);
