// The viewer page (place a lesion by clicking), the follow-up review and the patient's responses.
"use strict";
const mm = (v) => (v === null || v === undefined ? "—" : Number(v).toFixed(2));
const visitPath = (s, v) => `/api/patients/${encodeURIComponent(s)}/visits/${encodeURIComponent(v)}`;

nadir.pages.viewer = async (view, subject, visit) => {
  view.innerHTML = `<h2>${nadir.escape(subject)} · ${nadir.escape(visit)}</h2><div id="viewer-host" class="viewer"></div>
    <div class="panel" id="place-panel"></div>`;
  const viewer = new nadir.Viewer(document.getElementById("viewer-host"), subject, visit, visit);
  await viewer.load();
  const panel = document.getElementById("place-panel");
  if (!nadir.may("place") && nadir.me.role !== "reader") { panel.textContent = "Click and scroll to read; placing lesions is a technologist's task."; return; }
  const worklist = await nadir.api("GET", "/api/worklist");
  panel.innerHTML = `<h3>Place a lesion</h3><p>Click inside the lesion: it is segmented and measured at once.</p>
    <label>Role <select id="place-role"><option value="target">target</option><option value="non-target">non-target</option><option value="new">new</option></select></label>
    <label>Organ <input id="place-organ" value="LIVER" maxlength="64"></label>
    <label><input id="place-nodal" type="checkbox"> nodal</label>
    <label>Preset <select id="place-preset"><option value="">from organ</option>${["liver", "lung", "node", "bone", "brain", "soft-tissue"].map((p) => `<option>${p}</option>`).join("")}</select></label>
    ${nadir.me.role === "reader" ? "" : `<label>Read for <select id="place-reader">${worklist.readers.map((r) => `<option>${nadir.escape(r)}</option>`).join("")}</select></label>`}
    <div id="preview-result"></div>
    <button type="button" id="place-accept" class="primary" disabled>Accept</button>
    <button type="button" id="place-reseed" disabled>Re-seed</button>`;
  let seed = null;
  const result = document.getElementById("preview-result"), accept = document.getElementById("place-accept");
  const preview = async () => {
    if (!seed) return;
    result.textContent = "segmenting…"; accept.disabled = true;
    try {
      const p = await nadir.api("POST", visitPath(subject, visit) + "/lesions/preview", {
        seed, organ: document.getElementById("place-organ").value, nodal: document.getElementById("place-nodal").checked,
        preset: document.getElementById("place-preset").value || undefined });
      viewer.setPreview(p.overlay);
      result.innerHTML = `<p id="preview-axes">Long axis <strong>${mm(p.overlay.longAxisMM)} mm</strong>, short axis <strong>${mm(p.overlay.shortAxisMM)} mm</strong>, volume ${mm(p.overlay.volumeMM3 / 1000)} cm³ (${nadir.escape(p.preset)} preset)</p>`;
      accept.disabled = false; document.getElementById("place-reseed").disabled = false;
    } catch (e) { viewer.setPreview(null); result.innerHTML = `<p class="error" id="preview-error">${nadir.escape(e.message)}</p>`; }
  };
  viewer.onClickPoint = (p) => { seed = p; preview(); };
  document.getElementById("place-preset").addEventListener("change", preview);
  document.getElementById("place-reseed").addEventListener("click", () => { seed = null; viewer.setPreview(null); result.textContent = "Click the lesion again."; accept.disabled = true; });
  accept.addEventListener("click", async () => {
    accept.disabled = true;
    try {
      const readerSelect = document.getElementById("place-reader");
      const placed = await nadir.api("POST", visitPath(subject, visit) + "/lesions", {
        seed, role: document.getElementById("place-role").value, organ: document.getElementById("place-organ").value,
        nodal: document.getElementById("place-nodal").checked, preset: document.getElementById("place-preset").value || undefined,
        reader: readerSelect ? readerSelect.value : undefined });
      nadir.say(`${placed.lesion} placed (${placed.role}, ${placed.organ}): ${mm(placed.longAxisMM)} × ${mm(placed.shortAxisMM)} mm`);
      result.innerHTML = `<p id="placed">${nadir.escape(placed.lesion)} stored</p>`;
      viewer.setPreview(null); seed = null;
      await viewer.loadOverlays();
    } catch (e) { nadir.say(e.message, true); result.innerHTML = `<p class="error" id="place-error">${nadir.escape(e.message)}</p>`; }
  });
};

nadir.pages.review = async (view, subject, visit) => {
  const responses = await nadir.api("GET", `/api/patients/${encodeURIComponent(subject)}/responses`);
  const worklist = await nadir.api("GET", "/api/worklist");
  let baseline = null;
  for (const t of worklist.trials) for (const p of t.patients) if (p.subject === subject) baseline = p.visits.find((v) => v.isBaseline);
  view.innerHTML = `<h2>Review ${nadir.escape(subject)} · ${nadir.escape(visit)}</h2><div id="review-viewers"></div><div id="proposals"></div>`;
  const host = document.getElementById("review-viewers");
  const left = baseline ? new nadir.Viewer(host, subject, baseline.visit, "baseline " + baseline.visit) : null;
  const right = new nadir.Viewer(host, subject, visit, "follow-up " + visit);
  await Promise.all([left ? left.load() : null, right.load()]);
  let registration = null;
  try { registration = await nadir.api("GET", visitPath(subject, visit) + "/registration"); } catch (e) { nadir.say(e.message, true); }
  if (left && registration) {
    // Scroll together: the centre of the baseline slice, mapped through the stored registration.
    left.onSliceChange = async () => {
      const c = left.voxelToLPS(left.toVoxel(Math.floor(left.slice.w / 2), Math.floor(left.slice.h / 2)));
      const m = registration.matrix, o = registration.offset;
      const q = [0, 1, 2].map((r) => m[3 * r] * c[0] + m[3 * r + 1] * c[1] + m[3 * r + 2] * c[2] + o[r]);
      right.plane = left.plane;
      await right.goTo(q);
    };
    await left.onSliceChange();
  }
  const proposals = await nadir.api("GET", visitPath(subject, visit) + "/proposals");
  const box = document.getElementById("proposals");
  if (!proposals.length) { box.innerHTML = "<p id='no-proposals'>No proposals wait for review at this visit.</p>"; return; }
  box.innerHTML = `<table id="proposal-table"><tr><th>Lesion</th><th>Kind</th><th>Organ</th><th>Long × short (mm)</th><th>Before</th><th>Decision</th></tr>${proposals.map((p) => `
    <tr data-lesion="${nadir.escape(p.lesion)}" data-kind="${nadir.escape(p.kind)}"><td>${nadir.escape(p.lesion)}</td><td>${nadir.escape(p.kind)}</td>
    <td>${p.kind === "candidate" ? `<input class="organ" value="${nadir.escape(p.organ)}" maxlength="64">` : nadir.escape(p.organ)}</td>
    <td>${mm(p.longAxisMM)} × ${mm(p.shortAxisMM)}</td><td>${p.previous.map((q) => `${nadir.escape(q.visit)}: ${mm(q.longAxisMM)}`).join("<br>")}</td>
    <td>${nadir.may("review") ? `<button type="button" class="accept primary">Accept</button> <input class="reason" placeholder="reason"> <button type="button" class="reject danger">Reject</button>` : "a reader decides"}</td></tr>`).join("")}</table>`;
  for (const row of box.querySelectorAll("tr[data-lesion]")) {
    const path = visitPath(subject, visit) + "/proposals/" + encodeURIComponent(row.dataset.lesion);
    const act = async (kind) => {
      try {
        const organ = row.querySelector(".organ");
        await nadir.api("POST", `${path}/${kind}`, { reason: row.querySelector(".reason").value || undefined, organ: organ && kind === "accept" ? organ.value : undefined });
        await nadir.route();
        nadir.say(`${row.dataset.lesion}: ${kind}ed`);
      } catch (e) { nadir.say(e.message, true); }
    };
    const accept = row.querySelector(".accept"), reject = row.querySelector(".reject");
    if (accept) accept.addEventListener("click", () => act("accept"));
    if (reject) reject.addEventListener("click", () => act("reject"));
    row.addEventListener("mouseenter", () => {
      const o = right.overlays.find((x) => x.lesion === row.dataset.lesion);
      if (o) right.goTo(o.longAxis[0]);
    });
  }
  void responses;
};

nadir.pages.patient = async (view, subject) => {
  const data = await nadir.api("GET", `/api/patients/${encodeURIComponent(subject)}/responses`);
  let html = `<h2>${nadir.escape(subject)} · ${nadir.escape(data.criteria)}</h2><div class="toolbar"><button type="button" id="assess">Assess and store</button></div>`;
  if (!data.readers.length) html += "<p>No confirmed reads yet.</p>";
  for (const r of data.readers) {
    const a = r.assessment;
    const bor = a.bestOverallResponse;
    html += `<section class="reader" data-reader="${nadir.escape(r.reader)}"><h3>Read of ${nadir.escape(r.reader)}${r.accepted ? " (accepted)" : ""}</h3>
      <p class="bor">Best overall response: <span id="bor-${nadir.escape(r.reader)}">${nadir.escape(bor.confirmed)}</span> (unconfirmed ${nadir.escape(bor.unconfirmed)})</p>
      <table class="responses"><tr><th>Visit</th><th>Sum (mm)</th><th>From baseline</th><th>From nadir</th><th>Target</th><th>Non-target</th><th>New</th><th>Overall</th><th>Sign-off</th><th>Rule trace</th></tr>`;
    for (const t of a.timepoints) {
      const signed = data.signOffs.find((s) => s.visit === t.visit && s.reader === r.reader);
      const pct = (c) => (c && c.percent !== null && c.percent !== undefined ? c.percent.toFixed(1) + " %" : "—");
      html += `<tr data-visit="${nadir.escape(t.visit)}"><td>${nadir.escape(t.visit)}</td><td>${t.sum ? nadir.escape(t.sum.units / 100) : "—"}</td><td>${pct(t.changeFromBaseline)}</td><td>${pct(t.changeFromNadir)}</td>
        <td>${nadir.escape(t.target ?? "—")}</td><td>${nadir.escape(t.nonTarget ?? "—")}</td><td>${t.newLesions ? "yes" : "no"}</td>
        <td class="overall ${t.overall === "PD" ? "pd" : ""}">${nadir.escape(t.overall)}</td>
        <td>${signed ? `signed by ${nadir.escape(signed.signedBy)}` : nadir.me.role === "reader" && nadir.me.name === r.reader ? `<button type="button" class="sign">Sign</button>` : nadir.me.role === "adjudicator" ? `<button type="button" class="adjudicate">Accept this read</button>` : "unsigned"}</td>
        <td><details><summary>trace</summary><div class="trace">${t.trace.map((x) => nadir.escape(`${x.rule}: ${x.compared} -> ${x.result} [${x.source}]`)).join("\n")}</div></details></td></tr>`;
    }
    html += `</table><canvas class="trend" width="520" height="200"></canvas></section>`;
  }
  if (data.amendments.length) html += `<h3>Amendments after sign-off</h3><table>${data.amendments.map((x) => `<tr><td>${nadir.escape(x.at)}</td><td>${nadir.escape(x.user)}</td><td>${nadir.escape(x.visit)}</td><td>${nadir.escape(x.lesion)}</td><td>${nadir.escape(x.reason)}</td></tr>`).join("")}</table>`;
  view.innerHTML = html;
  document.getElementById("assess").addEventListener("click", async () => {
    try { await nadir.api("POST", `/api/patients/${encodeURIComponent(subject)}/assess`); nadir.route(); } catch (e) { nadir.say(e.message, true); }
  });
  for (const section of view.querySelectorAll("section.reader")) {
    const r = data.readers.find((x) => x.reader === section.dataset.reader);
    drawTrend(section.querySelector("canvas.trend"), r.assessment.timepoints);
    for (const b of section.querySelectorAll("button.sign, button.adjudicate")) {
      b.addEventListener("click", async () => {
        const v = b.closest("tr").dataset.visit;
        try {
          if (b.classList.contains("sign")) await nadir.api("POST", visitPath(subject, v) + "/sign");
          else await nadir.api("POST", visitPath(subject, v) + "/adjudicate", { reader: r.reader });
          nadir.route();
        } catch (e) { nadir.say(e.message, true); }
      });
    }
  }
};

// The sum of target diameters per visit, baseline first, PD marked red.
function drawTrend(canvas, timepoints) {
  const g = canvas.getContext("2d"), points = timepoints.filter((t) => t.sum);
  g.fillStyle = "#fff"; g.fillRect(0, 0, canvas.width, canvas.height);
  if (!points.length) return;
  const max = Math.max(...points.map((t) => t.sum.units)) * 1.2 || 1;
  const x = (i) => 40 + (i * (canvas.width - 60)) / Math.max(1, points.length - 1), y = (v) => canvas.height - 25 - (v / max) * (canvas.height - 40);
  g.strokeStyle = "#1f5fa8"; g.lineWidth = 2; g.beginPath();
  points.forEach((t, i) => (i ? g.lineTo(x(i), y(t.sum.units)) : g.moveTo(x(i), y(t.sum.units))));
  g.stroke();
  g.font = "11px sans-serif";
  points.forEach((t, i) => {
    g.fillStyle = t.overall === "PD" ? "#c00000" : "#1f5fa8";
    g.beginPath(); g.arc(x(i), y(t.sum.units), 4, 0, 7); g.fill();
    g.fillStyle = "#111"; g.fillText(`${t.visit} ${t.sum.units / 100} mm ${t.overall}`, x(i) - 30, canvas.height - 8 - (i % 2) * 12);
  });
}
