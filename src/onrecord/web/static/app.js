// onrecord: quotation details on hover, click and focus; the network graph. No innerHTML anywhere:
// every string from the store is set with textContent, so article text can never become markup.
"use strict";

function showQuote(el) {
  const panel = document.getElementById("quote-detail");
  if (!panel) return;
  const list = panel.querySelector("dl");
  for (const dd of list.querySelectorAll("dd[data-field]")) {
    const value = el.dataset[dd.dataset.field] || "";
    dd.textContent = value || "—";
  }
  list.hidden = false;
  panel.querySelector(".hint").hidden = true;
  document.querySelectorAll(".q.active").forEach((q) => q.classList.remove("active"));
  document.querySelectorAll(`.q[data-qid="${CSS.escape(el.dataset.qid)}"]`).forEach((q) => q.classList.add("active"));
}

function quoteFrom(target) {
  return target instanceof Element ? target.closest(".q[data-qid]") : null;
}

function initArticle() {
  const body = document.getElementById("article-text");
  if (!body) return;
  const show = (event) => {
    const q = quoteFrom(event.target);
    if (q) showQuote(q);
  };
  body.addEventListener("mouseover", show);
  body.addEventListener("focusin", show);
  body.addEventListener("click", show);
  body.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      const q = quoteFrom(event.target);
      if (q) { event.preventDefault(); showQuote(q); }
    }
  });
  if (location.hash) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.matches(".q")) { target.focus(); showQuote(target); }
  }
}

// --- network: a small force layout drawn in SVG -------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  return el;
}

function layout(nodes, edges, width, height) {
  const byId = new Map(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    Object.assign(n, { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) });
    return [n.id, n];
  }));
  const links = edges.map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target) })).filter((e) => e.s && e.t);
  for (let step = 0; step < 300; step++) {
    const heat = 1 - step / 300;
    for (const n of nodes) { n.dx = (width / 2 - n.x) * 0.01; n.dy = (height / 2 - n.y) * 0.01; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 4000 / d2;
        a.dx += dx * f / Math.sqrt(d2); a.dy += dy * f / Math.sqrt(d2);
        b.dx -= dx * f / Math.sqrt(d2); b.dy -= dy * f / Math.sqrt(d2);
      }
    }
    for (const l of links) {
      const dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d - 120) * 0.02;
      l.s.dx += dx / d * f; l.s.dy += dy / d * f; l.t.dx -= dx / d * f; l.t.dy -= dy / d * f;
    }
    for (const n of nodes) {
      n.x = Math.min(width - 40, Math.max(40, n.x + Math.max(-20, Math.min(20, n.dx)) * heat));
      n.y = Math.min(height - 20, Math.max(20, n.y + Math.max(-20, Math.min(20, n.dy)) * heat));
    }
  }
  return links;
}

function drawNetwork(box, graph) {
  const width = Math.max(box.clientWidth, 320), height = Math.max(420, Math.min(700, width * 0.7));
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, class: "graph" });
  const links = layout(graph.nodes, graph.edges, width, height);
  const lines = links.map((l) => {
    const line = svgEl("line", { class: `edge ${l.kind}`, "stroke-width": Math.min(1 + l.n, 6) });
    svg.appendChild(line);
    return { l, line };
  });
  const groups = graph.nodes.map((n) => {
    const g = svgEl("g", { class: "node", tabindex: 0, role: "link" });
    g.setAttribute("aria-label", `${n.name} (${n.type})`);
    const title = svgEl("title"); title.textContent = `${n.name} (${n.type})`;
    const label = svgEl("text", { dy: 4, "text-anchor": "middle" }); label.textContent = n.name;
    g.append(title, svgEl("circle", { r: 6 }), label);
    svg.appendChild(g);
    return { n, g };
  });
  const place = () => {
    for (const { l, line } of lines) {
      line.setAttribute("x1", l.s.x); line.setAttribute("y1", l.s.y);
      line.setAttribute("x2", l.t.x); line.setAttribute("y2", l.t.y);
    }
    for (const { n, g } of groups) g.setAttribute("transform", `translate(${n.x},${n.y})`);
  };
  const focus = (id) => {
    for (const { l, line } of lines) line.classList.toggle("lit", l.s.id === id || l.t.id === id);
  };
  for (const { n, g } of groups) {
    const open = () => { location.href = `/entities/${encodeURIComponent(n.id)}`; };
    g.addEventListener("focus", () => focus(n.id));
    g.addEventListener("mouseenter", () => focus(n.id));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    g.addEventListener("dblclick", open);
    g.addEventListener("pointerdown", (e) => drag(e, svg, n, place));
  }
  place();
  box.replaceChildren(svg);
}

function drag(event, svg, node, place) {
  event.preventDefault();
  const box = svg.getBoundingClientRect(), scale = svg.viewBox.baseVal.width / box.width;
  const move = (e) => { node.x = (e.clientX - box.left) * scale; node.y = (e.clientY - box.top) * scale; place(); };
  const stop = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", stop); };
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", stop);
}

function initNetwork() {
  const box = document.getElementById("network");
  if (!box) return;
  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))))
    .then((graph) => {
      if (graph.nodes.length) drawNetwork(box, graph);
      else box.textContent = "No links yet.";
    })
    .catch(() => { box.textContent = "The network could not be loaded."; });
}

document.addEventListener("DOMContentLoaded", () => { initArticle(); initNetwork(); });
