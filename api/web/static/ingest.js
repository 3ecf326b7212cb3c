// The ingest page: upload each chosen file to POST /papers with the API key, one progress bar each.
"use strict";

const form = document.getElementById("ingest-form");
const list = document.getElementById("uploads");
const errorBox = document.getElementById("ingest-error");

function describe(status, body) {
  if (body && body.error) return `${body.error.type}: ${body.error.message}`;
  if (status === 404 || status === 405) return "This server has no upload endpoint (POST /papers).";
  if (status === 401 || status === 403) return "The API key was refused.";
  return `The server answered ${status}.`;
}

function summary(body) {
  if (!body || typeof body !== "object") return "Ingested.";
  const parts = [];
  for (const key of ["ingested", "papers", "skipped", "failed"]) {
    const value = body[key];
    if (Array.isArray(value)) parts.push(`${key}: ${value.length}`);
    else if (typeof value === "number") parts.push(`${key}: ${value}`);
  }
  return parts.length ? `Done — ${parts.join(", ")}.` : "Done.";
}

function upload(file, key) {
  const item = document.createElement("li");
  const name = document.createElement("span");
  name.textContent = file.name;
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute("aria-label", `Upload of ${file.name}`);
  const state = document.createElement("span");
  state.className = "upload-status";
  state.textContent = "Uploading…";
  item.append(name, bar, state);
  list.appendChild(item);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", form.dataset.endpoint);
    request.setRequestHeader("X-API-Key", key);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    });
    request.upload.addEventListener("load", () => { state.textContent = "Uploaded; ingesting…"; bar.removeAttribute("value"); });
    request.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch (ignored) { /* not JSON */ }
      const ok = request.status >= 200 && request.status < 300;
      bar.max = 100;
      bar.value = ok ? 100 : 0;
      item.className = ok ? "done" : "failed";
      state.textContent = ok ? summary(body) : describe(request.status, body);
      resolve(ok);
    });
    request.addEventListener("error", () => {
      item.className = "failed";
      state.textContent = "Could not reach the server.";
      resolve(false);
    });
    const data = new FormData();
    data.append(form.dataset.field, file, file.name);
    request.send(data);
  });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  errorBox.hidden = true;
  const key = document.getElementById("api-key").value;
  const files = Array.from(document.getElementById("files").files);
  if (!files.length) {
    errorBox.textContent = "Choose one or more files first.";
    errorBox.hidden = false;
    return;
  }
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  for (const file of files) await upload(file, key);  // one at a time: ingest is CPU-bound
  button.disabled = false;
});
