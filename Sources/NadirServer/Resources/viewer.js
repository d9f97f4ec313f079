// The image viewer: slices cut by the server (Int16 HU), windowed here; axial/coronal/sagittal, scroll, zoom,
// pan, window/level with CT presets, crosshair with LPS position and HU, lesion contours and axes.
"use strict";
nadir.presets = { "soft tissue": [40, 400], lung: [-600, 1500], liver: [60, 160], bone: [400, 1800], brain: [40, 80], mediastinum: [50, 350] };

class Viewer {
  constructor(container, subject, visit, title) {
    this.subject = subject; this.visit = visit; this.plane = "axial"; this.zoom = 1; this.pan = [0, 0];
    this.window = 400; this.level = 40; this.overlays = []; this.preview = null; this.mode = "navigate";
    this.onClickPoint = null; this.onSliceChange = null;
    const root = document.createElement("div");
    root.className = "viewer";
    const base = `/api/patients/${encodeURIComponent(subject)}/visits/${encodeURIComponent(visit)}`;
    this.base = base;
    root.innerHTML = `<div><strong>${nadir.escape(title || visit)}</strong></div><div class="toolbar">
      ${["axial", "coronal", "sagittal"].map((p) => `<button type="button" data-plane="${p}">${p}</button>`).join("")}
      <select class="preset">${Object.keys(nadir.presets).map((k) => `<option>${k}</option>`).join("")}</select>
      <button type="button" data-zoom="1.25">+</button><button type="button" data-zoom="0.8">−</button>
      <select class="mode"><option value="navigate">scroll/crosshair</option><option value="pan">pan</option><option value="wl">window/level</option></select>
      </div><canvas width="512" height="512"></canvas><div class="status"></div>`;
    container.appendChild(root);
    this.root = root; this.canvas = root.querySelector("canvas"); this.status = root.querySelector(".status");
    this.context = this.canvas.getContext("2d");
    for (const b of root.querySelectorAll("[data-plane]")) b.addEventListener("click", () => this.setPlane(b.dataset.plane));
    for (const b of root.querySelectorAll("[data-zoom]")) b.addEventListener("click", () => { this.zoom *= Number(b.dataset.zoom); this.draw(); });
    root.querySelector(".preset").addEventListener("change", (e) => { [this.level, this.window] = nadir.presets[e.target.value]; this.render(); });
    root.querySelector(".mode").addEventListener("change", (e) => { this.mode = e.target.value; });
    this.canvas.addEventListener("wheel", (e) => { e.preventDefault(); this.scroll(e.deltaY > 0 ? 1 : -1); }, { passive: false });
    this.canvas.addEventListener("mousemove", (e) => this.hover(e));
    this.canvas.addEventListener("mousedown", (e) => { this.drag = [e.clientX, e.clientY]; this.dragged = false; });
    window.addEventListener("mouseup", () => { this.drag = null; });
    this.canvas.addEventListener("click", (e) => this.click(e));
    nadir.viewers.push(this);
  }

  async load() {
    this.info = await nadir.api("GET", this.base + "/scan");
    this.index = { axial: Math.floor(this.info.size[2] / 2), coronal: Math.floor(this.info.size[1] / 2), sagittal: Math.floor(this.info.size[0] / 2) };
    await this.loadOverlays();
    await this.fetchSlice();
  }

  async loadOverlays() {
    this.overlays = (await nadir.api("GET", this.base + "/overlays")).map((o) => ({ ...o.overlay, lesion: o.lesion, status: o.status, bytes: Uint8Array.from(atob(o.overlay.mask), (c) => c.charCodeAt(0)) }));
    this.draw();
  }

  setPreview(overlay) {
    this.preview = overlay ? { ...overlay, lesion: "preview", status: "preview", bytes: Uint8Array.from(atob(overlay.mask), (c) => c.charCodeAt(0)) } : null;
    this.draw();
  }

  count(plane) { const s = this.info.size; return plane === "axial" ? s[2] : plane === "coronal" ? s[1] : s[0]; }

  async setPlane(plane) { this.plane = plane; this.zoom = 1; this.pan = [0, 0]; await this.fetchSlice(); }

  async scroll(step) { await this.setIndex(this.index[this.plane] + step); }

  async setIndex(i) {
    const clamped = Math.max(0, Math.min(this.count(this.plane) - 1, i));
    if (clamped === this.index[this.plane] && this.slice) return;
    this.index[this.plane] = clamped;
    await this.fetchSlice();
    if (this.onSliceChange) this.onSliceChange(this);
  }

  async fetchSlice() {
    const response = await fetch(`${this.base}/slice?plane=${this.plane}&index=${this.index[this.plane]}`, { credentials: "same-origin" });
    if (!response.ok) { nadir.say("slice: " + response.statusText, true); return; }
    const w = Number(response.headers.get("X-Slice-Width")), h = Number(response.headers.get("X-Slice-Height"));
    this.slice = { w, h, flipped: response.headers.get("X-Slice-Flipped") === "1", hu: new Int16Array(await response.arrayBuffer()) };
    this.render();
  }

  render() {
    if (!this.slice) return;
    const { w, h, hu } = this.slice;
    const image = new ImageData(w, h);
    const lo = this.level - this.window / 2, scale = 255 / this.window;
    for (let i = 0; i < hu.length; i++) {
      const g = Math.max(0, Math.min(255, (hu[i] - lo) * scale));
      image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = g;
      image.data[4 * i + 3] = 255;
    }
    this.bitmap = document.createElement("canvas");
    this.bitmap.width = w; this.bitmap.height = h;
    this.bitmap.getContext("2d").putImageData(image, 0, 0);
    this.draw();
  }

  // Physical size of a display pixel (mm) along columns and rows.
  pixel() { const s = this.info.spacing; return this.plane === "axial" ? [s[0], s[1]] : this.plane === "coronal" ? [s[0], s[2]] : [s[1], s[2]]; }

  transform() {
    const [px, py] = this.pixel();
    const s0 = Math.min(this.canvas.width / (this.slice.w * px), this.canvas.height / (this.slice.h * py)) * this.zoom;
    const ox = (this.canvas.width - this.slice.w * px * s0) / 2 + this.pan[0], oy = (this.canvas.height - this.slice.h * py * s0) / 2 + this.pan[1];
    return { sx: px * s0, sy: py * s0, ox, oy };
  }

  // Display (col, row) <-> voxel index (i, j, k).
  toVoxel(col, row) {
    const nz = this.info.size[2], k = this.slice.flipped ? nz - 1 - row : row, n = this.index[this.plane];
    return this.plane === "axial" ? [col, row, n] : this.plane === "coronal" ? [col, n, k] : [n, col, k];
  }

  toDisplay(v) {
    const nz = this.info.size[2], row = (k) => (this.slice.flipped ? nz - 1 - k : k);
    return this.plane === "axial" ? [v[0], v[1], v[2]] : this.plane === "coronal" ? [v[0], row(v[2]), v[1]] : [v[1], row(v[2]), v[0]];
  }

  voxelToLPS(v) {
    const { origin: o, spacing: s, direction: d } = this.info;
    const a = [v[0] * s[0], v[1] * s[1], v[2] * s[2]];
    return [0, 1, 2].map((r) => o[r] + d[r] * a[0] + d[3 + r] * a[1] + d[6 + r] * a[2]);
  }

  lpsToVoxel(p) {
    const { origin: o, spacing: s, direction: d } = this.info;
    const q = [p[0] - o[0], p[1] - o[1], p[2] - o[2]];
    return [0, 1, 2].map((c) => (d[3 * c] * q[0] + d[3 * c + 1] * q[1] + d[3 * c + 2] * q[2]) / s[c]);
  }

  // Shows the slice through an LPS point and returns the point's position in client (page) pixels.
  async goTo(p) {
    const v = this.lpsToVoxel(p).map(Math.round);
    const axis = this.plane === "axial" ? 2 : this.plane === "coronal" ? 1 : 0;
    await this.setIndex(v[axis]);
    return this.lpsToClient(p);
  }

  lpsToClient(p) {
    const [c, r] = this.toDisplay(this.lpsToVoxel(p));
    const t = this.transform(), rect = this.canvas.getBoundingClientRect();
    return [rect.left + t.ox + (c + 0.5) * t.sx, rect.top + t.oy + (r + 0.5) * t.sy];
  }

  eventVoxel(e) {
    const rect = this.canvas.getBoundingClientRect(), t = this.transform();
    const col = Math.floor((e.clientX - rect.left - t.ox) / t.sx), row = Math.floor((e.clientY - rect.top - t.oy) / t.sy);
    if (col < 0 || row < 0 || col >= this.slice.w || row >= this.slice.h) return null;
    return { col, row, voxel: this.toVoxel(col, row) };
  }

  hover(e) {
    if (!this.slice) return;
    if (this.drag) {
      const dx = e.clientX - this.drag[0], dy = e.clientY - this.drag[1];
      this.drag = [e.clientX, e.clientY];
      if (Math.abs(dx) + Math.abs(dy) > 0) this.dragged = true;
      if (this.mode === "pan") { this.pan[0] += dx; this.pan[1] += dy; this.draw(); }
      if (this.mode === "wl") { this.window = Math.max(1, this.window + dx * 4); this.level += dy * 2; this.render(); }
      return;
    }
    const hit = this.eventVoxel(e);
    if (!hit) return;
    const p = this.voxelToLPS(hit.voxel), hu = this.slice.hu[hit.row * this.slice.w + hit.col];
    this.cursor = hit;
    this.status.textContent = `${this.plane} ${this.index[this.plane] + 1}/${this.count(this.plane)}  L ${p[0].toFixed(1)} P ${p[1].toFixed(1)} S ${p[2].toFixed(1)} mm  ${hu} HU  W ${Math.round(this.window)} L ${Math.round(this.level)}`;
    this.draw();
  }

  click(e) {
    if (this.dragged || !this.slice) return;
    const hit = this.eventVoxel(e);
    if (hit && this.onClickPoint) this.onClickPoint(this.voxelToLPS(hit.voxel), this);
  }

  draw() {
    const g = this.context;
    g.fillStyle = "#000"; g.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.bitmap) return;
    const t = this.transform();
    g.imageSmoothingEnabled = false;
    g.drawImage(this.bitmap, t.ox, t.oy, this.slice.w * t.sx, this.slice.h * t.sy);
    for (const o of this.overlays.concat(this.preview ? [this.preview] : [])) this.drawOverlay(o, t);
    if (this.cursor) {
      g.strokeStyle = "rgba(255,255,0,0.5)"; g.lineWidth = 1; g.beginPath();
      const x = t.ox + (this.cursor.col + 0.5) * t.sx, y = t.oy + (this.cursor.row + 0.5) * t.sy;
      g.moveTo(x, 0); g.lineTo(x, this.canvas.height); g.moveTo(0, y); g.lineTo(this.canvas.width, y); g.stroke();
    }
  }

  // Traces the mask's boundary on the current slice: the edges between inside and outside pixels.
  drawOverlay(o, t) {
    const g = this.context;
    const colour = o.status === "preview" ? "#00e5ff" : o.status === "proposed" ? "#ffb000" : "#33ff66";
    const inside = (v) => {
      const a = v[0] - o.bboxMin[0], b = v[1] - o.bboxMin[1], c = v[2] - o.bboxMin[2];
      if (a < 0 || b < 0 || c < 0 || a >= o.bboxSize[0] || b >= o.bboxSize[1] || c >= o.bboxSize[2]) return false;
      return o.bytes[(c * o.bboxSize[1] + b) * o.bboxSize[0] + a] !== 0;
    };
    const corners = [o.bboxMin, o.bboxMin.map((m, i) => m + o.bboxSize[i] - 1)].map((v) => this.toDisplay(v));
    const [c0, c1] = [Math.min(corners[0][0], corners[1][0]), Math.max(corners[0][0], corners[1][0])];
    const [r0, r1] = [Math.min(corners[0][1], corners[1][1]), Math.max(corners[0][1], corners[1][1])];
    const depth = this.index[this.plane];
    if (depth < Math.min(corners[0][2], corners[1][2]) || depth > Math.max(corners[0][2], corners[1][2])) return;
    g.strokeStyle = colour; g.lineWidth = 2; g.beginPath();
    let any = false;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) {
      if (!inside(this.toVoxel(c, r))) continue;
      any = true;
      const x = t.ox + c * t.sx, y = t.oy + r * t.sy;
      if (c === 0 || !inside(this.toVoxel(c - 1, r))) { g.moveTo(x, y); g.lineTo(x, y + t.sy); }
      if (!inside(this.toVoxel(c + 1, r))) { g.moveTo(x + t.sx, y); g.lineTo(x + t.sx, y + t.sy); }
      if (r === 0 || !inside(this.toVoxel(c, r - 1))) { g.moveTo(x, y); g.lineTo(x + t.sx, y); }
      if (!inside(this.toVoxel(c, r + 1))) { g.moveTo(x, y + t.sy); g.lineTo(x + t.sx, y + t.sy); }
    }
    g.stroke();
    if (!any) return;
    this.shownContours = (this.shownContours || 0) + 1;
    for (const [axis, dash] of [[o.longAxis, []], [o.shortAxis, [4, 3]]]) {
      const a = this.toDisplay(this.lpsToVoxel(axis[0])), b = this.toDisplay(this.lpsToVoxel(axis[1]));
      if (Math.abs(a[2] - depth) > 1.5 && Math.abs(b[2] - depth) > 1.5) continue;
      g.setLineDash(dash); g.strokeStyle = "#ff4fd8"; g.beginPath();
      g.moveTo(t.ox + (a[0] + 0.5) * t.sx, t.oy + (a[1] + 0.5) * t.sy); g.lineTo(t.ox + (b[0] + 0.5) * t.sx, t.oy + (b[1] + 0.5) * t.sy);
      g.stroke(); g.setLineDash([]);
    }
    const label = t.oy + r0 * t.sy - 4;
    g.fillStyle = colour; g.font = "12px sans-serif"; g.fillText(o.lesion, t.ox + c0 * t.sx, label);
  }
}
nadir.Viewer = Viewer;
