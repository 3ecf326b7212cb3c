// The graph view: a small force layout (repulsion, springs, gravity) drawn as SVG links.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

// Fruchterman-Reingold: repulsion k²/d between all nodes, attraction d²/k along edges, a little
// gravity, and a cooling step size; the centre node stays put. Deterministic (no randomness).
function layout(nodes, edges, width, height, marginX, steps = 400) {
  const n = nodes.length;
  const k = Math.min(150, 0.8 * Math.sqrt((width * height) / Math.max(n, 1)));
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    node.x = node.center ? 0 : k * 1.5 * Math.cos(angle);
    node.y = node.center ? 0 : k * 1.5 * Math.sin(angle);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.filter((e) => index.has(e.source) && index.has(e.target))
    .map((e) => ({ a: index.get(e.source), b: index.get(e.target), kind: e.kind }));
  for (let step = 0; step < steps; step++) {
    const temperature = k * (1 - step / steps) + 1;
    const force = nodes.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        const push = (k * k) / d / d;
        force[i][0] += dx * push; force[i][1] += dy * push;
        force[j][0] -= dx * push; force[j][1] -= dy * push;
      }
    }
    for (const { a, b } of links) {
      const dx = nodes[b].x - nodes[a].x, dy = nodes[b].y - nodes[a].y;
      const pull = Math.max(Math.hypot(dx, dy), 1) / k;
      force[a][0] += dx * pull; force[a][1] += dy * pull;
      force[b][0] -= dx * pull; force[b][1] -= dy * pull;
    }
    nodes.forEach((node, i) => {
      if (node.center) return;
      force[i][0] -= node.x * 0.05;
      force[i][1] -= node.y * 0.05;
      const size = Math.hypot(force[i][0], force[i][1]) || 1;
      const move = Math.min(size, temperature);
      node.x += (force[i][0] / size) * move;
      node.y += (force[i][1] / size) * move;
    });
  }
  fit(nodes, width, height, marginX);
  return links;
}

// Stretch the layout over the drawing (each axis alone), leaving room for labels.
function fit(nodes, width, height, marginX) {
  const xs = nodes.map((node) => node.x), ys = nodes.map((node) => node.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const marginY = 40;
  const scaleX = Math.min((width - 2 * marginX) / Math.max(maxX - minX, 1), 1.5);
  const scaleY = Math.min((height - 2 * marginY) / Math.max(maxY - minY, 1), 1.5);
  const offsetX = (width - scaleX * (maxX - minX)) / 2, offsetY = (height - scaleY * (maxY - minY)) / 2;
  nodes.forEach((node) => {
    node.x = offsetX + (node.x - minX) * scaleX;
    node.y = offsetY + (node.y - minY) * scaleY;
  });
}

function element(name, attributes = {}) {
  const el = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => el.setAttribute(key, value));
  return el;
}

function shortLabel(text, limit = 28) {
  return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
}

function colour(kind) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--kind-${kind}`).trim();
  return value || getComputedStyle(document.documentElement).getPropertyValue("--kind-entity").trim();
}

function draw(svg, data) {
  const width = Math.max(320, Math.round(svg.getBoundingClientRect().width) || 900);
  const narrow = width < 600;  // a phone: taller than wide, shorter labels
  const height = Math.round(narrow ? width * 1.15 : Math.min(640, Math.max(380, width * 0.62)));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const nodes = data.nodes.map((node) => ({ ...node }));
  const links = layout(nodes, data.edges, width, height, narrow ? 48 : Math.min(170, width * 0.22));
  const labelLimit = narrow ? 14 : 28;
  const lines = element("g");
  links.forEach(({ a, b, kind }) => {
    const line = element("line", { x1: nodes[a].x, y1: nodes[a].y, x2: nodes[b].x, y2: nodes[b].y,
      class: kind === "cites" ? "cites" : "role" });
    const title = element("title");
    title.textContent = `${nodes[a].label} — ${kind} → ${nodes[b].label}`;
    line.appendChild(title);
    lines.appendChild(line);
  });
  svg.appendChild(lines);
  nodes.forEach((node) => {
    const group = node.href ? element("a", { href: node.href }) : element("g");
    group.setAttribute("class", `node node-${node.kind}`);
    const radius = node.center ? 14 : node.kind === "paper" ? 10 : 8;
    group.appendChild(element("circle", { cx: node.x, cy: node.y, r: radius, fill: colour(node.kind) }));
    // labels point away from the middle (on a phone: under the node); the centre's sits above it
    const left = node.x < width / 2;
    const label = node.center || narrow
      ? element("text", { x: node.x, y: node.center ? node.y - radius - 8 : node.y + radius + 14,
                          "text-anchor": "middle" })
      : element("text", { x: left ? node.x - radius - 4 : node.x + radius + 4, y: node.y + 4,
                          "text-anchor": left ? "end" : "start" });
    label.textContent = shortLabel(node.label, node.center ? labelLimit + 16 : labelLimit);
    if (node.center) label.setAttribute("font-weight", "700");
    const title = element("title");
    title.textContent = `${node.label} (${node.kind})`;
    group.append(title, label);
    svg.appendChild(group);
    keepInside(label, width, height);
  });
}

// Move a label that pokes out of the drawing back inside it (a long title by an edge); it can
// be measured only once it is in the page.
function keepInside(label, width, height, pad = 2) {
  const box = label.getBBox();
  const dx = box.x < pad ? pad - box.x : Math.min(0, width - pad - (box.x + box.width));
  const dy = box.y < pad ? pad - box.y : Math.min(0, height - pad - (box.y + box.height));
  if (dx) label.setAttribute("x", Number(label.getAttribute("x")) + dx);
  if (dy) label.setAttribute("y", Number(label.getAttribute("y")) + dy);
}

document.addEventListener("DOMContentLoaded", () => {
  const svg = document.getElementById("graph");
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  draw(svg, data);
});
