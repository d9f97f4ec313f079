// The workstation shell: the API helper (session cookie + CSRF token), the hash router and the worklist.
"use strict";
const nadir = { me: null, viewers: [] };
window.nadir = nadir;

nadir.escape = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

nadir.say = (text, isError) => {
  const m = document.getElementById("message");
  m.textContent = text || "";
  m.className = isError ? "error" : "";
};

nadir.api = async (method, path, body) => {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && nadir.me) headers["X-CSRF-Token"] = nadir.me.csrfToken;
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) { window.location.assign("/login"); throw new Error("log in first"); }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
};

nadir.may = (ability) => nadir.me && nadir.me.may.includes(ability);

// Polls a job until it ends, showing its progress lines.
nadir.follow = async (job, onDone) => {
  for (;;) {
    const state = await nadir.api("GET", "/api/jobs/" + job.id);
    nadir.say(state.title + ": " + (state.progress[state.progress.length - 1] || "started"));
    if (state.state === "done") { if (onDone) await onDone(state); nadir.say(state.title + ": " + state.result); return state; }
    if (state.state === "failed") { nadir.say(state.title + " failed: " + state.error, true); return state; }
    await new Promise((r) => setTimeout(r, 500));
  }
};

nadir.pages = {};

nadir.route = async () => {
  nadir.viewers = [];
  const parts = (window.location.hash || "#/worklist").slice(2).split("/").map(decodeURIComponent);
  const view = document.getElementById("view");
  view.innerHTML = "";
  nadir.say("");
  const page = nadir.pages[parts[0]] || nadir.pages.worklist;
  try { await page(view, ...parts.slice(1)); } catch (e) { nadir.say(e.message, true); }
};

nadir.pages.worklist = async (view) => {
  const params = new URLSearchParams();
  const state = sessionStorage.getItem("filter-state") || "";
  const reader = sessionStorage.getItem("filter-reader") || "";
  if (state) params.set("state", state);
  if (reader) params.set("reader", reader);
  const list = await nadir.api("GET", "/api/worklist?" + params.toString());
  const option = (value, chosen) => `<option value="${nadir.escape(value)}"${value === chosen ? " selected" : ""}>${nadir.escape(value || "any")}</option>`;
  let html = `<h2>Worklist</h2><div class="toolbar">State <select id="filter-state">${["", ...list.states].map((s) => option(s, state)).join("")}</select>
    Reader <select id="filter-reader">${["", ...list.readers].map((s) => option(s, reader)).join("")}</select>
    ${nadir.may("track") ? `Read for <select id="track-reader">${list.readers.map((r) => option(r, "")).join("")}</select>` : ""}</div>`;
  html += `<table id="worklist"><tr><th>Trial</th><th>Patient</th><th>Visit</th><th>Date</th><th>State</th><th>Readers</th><th></th></tr>`;
  for (const trial of list.trials) for (const patient of trial.patients) for (const visit of patient.visits) {
    const s = encodeURIComponent(patient.subject), v = encodeURIComponent(visit.visit);
    html += `<tr data-subject="${nadir.escape(patient.subject)}" data-visit="${nadir.escape(visit.visit)}"><td>${nadir.escape(trial.id)}</td>
      <td><a href="#/patient/${s}">${nadir.escape(patient.subject)}</a></td><td>${nadir.escape(visit.visit)}${visit.isBaseline ? " (baseline)" : ""}</td>
      <td>${nadir.escape(visit.date)}</td><td><span class="state">${nadir.escape(visit.state)}</span></td><td>${nadir.escape(visit.readers.join(", "))}</td><td>
      ${visit.hasScan ? `<a class="open-viewer" href="#/viewer/${s}/${v}">View</a>` : ""}
      ${visit.hasScan && !visit.isBaseline ? ` <a class="open-review" href="#/review/${s}/${v}">Review</a>` : ""}
      ${visit.hasScan && !visit.isBaseline && nadir.may("track") ? ` <button type="button" class="track">Track</button>` : ""}</td></tr>`;
  }
  view.innerHTML = html + "</table>";
  for (const id of ["filter-state", "filter-reader"]) {
    document.getElementById(id).addEventListener("change", (e) => { sessionStorage.setItem(id, e.target.value); nadir.route(); });
  }
  for (const button of view.querySelectorAll("button.track")) {
    button.addEventListener("click", async () => {
      const row = button.closest("tr");
      try {
        const job = await nadir.api("POST", `/api/patients/${encodeURIComponent(row.dataset.subject)}/visits/${encodeURIComponent(row.dataset.visit)}/track`,
          { reader: document.getElementById("track-reader").value });
        await nadir.follow(job, () => nadir.route());
      } catch (e) { nadir.say(e.message, true); }
    });
  }
};

window.addEventListener("hashchange", nadir.route);
window.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("logout").addEventListener("click", async () => {
    try { await nadir.api("POST", "/api/logout"); } finally { window.location.assign("/login"); }
  });
  try {
    nadir.me = await nadir.api("GET", "/api/me");
    document.getElementById("who").textContent = nadir.me.name + " (" + nadir.me.role + ")";
    nadir.route();
  } catch (e) { nadir.say(e.message, true); }
});
