// lineage.js: the lineage graph (Cytoscape.js): rows by level, central at
// the top down to communes; nodes coloured by level, stubs hollow; edges
// styled by relation; depth and direction controls; exports.

import { h, svg, formatNumber, announce } from './dom.js';
import * as api from './api.js';
import { href, go } from './nav.js';
import { levels, levelOf, levelRank, relations, relationOf, docLabel, typeLabel } from './vocab.js';
import { dateText, lagText, stubBadge, docLink, levelBadge } from './ui.js';

const maxDepth = 8;
// Larger graphs are drawn on request.
const autoDrawLimit = 2500;
// The node table lists at most this many rows; the CSV export has them all.
const tableLimit = 1000;
const fontStack = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** lineageParams reads direction and depth from the route, within bounds. */
export function lineageParams(params) {
  const direction = params.get('direction') === 'up' ? 'up' : 'down';
  let depth = parseInt(params.get('depth') || '3', 10);
  if (!Number.isFinite(depth) || depth < 1) depth = 3;
  return { direction, depth: Math.min(depth, maxDepth) };
}

function byProvinceDateNumber(a, b) {
  return String(a.province || '').localeCompare(String(b.province || ''), 'vi') ||
    String(a.date || '9999').localeCompare(String(b.date || '9999')) ||
    String(a.number || a.id).localeCompare(String(b.number || b.id), 'vi');
}

/**
 * layeredPositions places nodes in bands by level, central at the top, so
 * that the picture reads top-down whatever the graph's own depth is. Within
 * a band nodes follow the documents they are linked to in the bands above
 * (barycentre order, fewer crossings); a band too wide for the picture is
 * staggered over k lines, neighbours alternating lines, so that labels keep
 * dx apart. k is chosen so that the whole picture has about the given
 * aspect ratio (width / height).
 */
export function layeredPositions(nodes, edges = [], { aspect = 2, dx = 200, rowGap = 56, levelGap = 130, root = '', direction = 'down' } = {}) {
  const byRank = new Map();
  for (const n of nodes) {
    // The root has a band of its own: above what carries it out, below
    // what it rests on, even when they are of its level.
    const r = n.id === root ? (direction === 'up' ? 1000 : -1) : levelRank(n.level);
    if (!byRank.has(r)) byRank.set(r, []);
    byRank.get(r).push(n);
  }
  const neighbours = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (neighbours.has(e.source) && neighbours.has(e.target)) {
      neighbours.get(e.source).push(e.target);
      neighbours.get(e.target).push(e.source);
    }
  }
  // Order each band by the mean relative place of its neighbours above.
  const rel = new Map();
  const bands = [];
  for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
    const band = byRank.get(rank);
    const bary = new Map(band.map((n) => {
      const placed = neighbours.get(n.id).filter((id) => rel.has(id)).map((id) => rel.get(id));
      return [n.id, placed.length ? placed.reduce((x, y) => x + y, 0) / placed.length : Infinity];
    }));
    band.sort((a, b) => bary.get(a.id) - bary.get(b.id) || (a.depth ?? 0) - (b.depth ?? 0) || byProvinceDateNumber(a, b));
    band.forEach((n, j) => rel.set(n.id, (j + 0.5) / band.length));
    bands.push(band);
  }
  // Choose the band width that gives the picture the wanted aspect ratio.
  const lines = (n, width) => Math.max(1, Math.ceil((n * dx) / width));
  let best = null;
  const widest = Math.max(1, ...bands.map((b) => b.length)) * dx;
  for (let width = dx * 3; ; width *= 1.25) {
    const w = Math.min(width, widest);
    const ks = bands.map((b) => lines(b.length, w));
    const realW = Math.max(dx, ...bands.map((b, i) => (b.length * dx) / ks[i]));
    const realH = ks.reduce((h, k) => h + k * rowGap, 0) + (bands.length - 1) * (levelGap - rowGap);
    const score = Math.abs(Math.log(realW / Math.max(realH, 1) / aspect));
    if (!best || score < best.score) best = { score, ks };
    if (w >= widest) break;
  }
  const pos = new Map();
  let y = 0;
  bands.forEach((band, i) => {
    const k = best.ks[i];
    const step = dx / k;
    band.forEach((n, j) => pos.set(n.id, { x: (j - (band.length - 1) / 2) * step, y: y + (j % k) * rowGap }));
    y += k * rowGap + levelGap - rowGap;
  });
  return pos;
}

function cyStyle() {
  const style = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'border-color': '#ffffff',
        'border-width': 2,
        label: 'data(label)',
        color: '#1d2125',
        'font-family': fontStack,
        'font-size': 12,
        // Labels to the right: edges run up and down, so they cross fewer labels.
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        // Labels too small to read are left out until one zooms in.
        'min-zoomed-font-size': 7,
        width: 24,
        height: 24,
      },
    },
    {
      selector: 'node[?stub]',
      style: { 'background-opacity': 0.18, 'border-style': 'dashed', 'border-color': 'data(color)', 'border-width': 2.5 },
    },
    { selector: 'node[?root]', style: { width: 36, height: 36, 'border-width': 4, 'border-color': '#1d2125', 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node:selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: 'node.hover', style: { 'overlay-color': '#0b0c0c', 'overlay-opacity': 0.12, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.4,
        width: 1.5,
        'line-color': '#9a9a9a',
        'target-arrow-color': '#9a9a9a',
      },
    },
  ];
  for (const r of relations) {
    style.push({
      selector: `edge[relation = "${r.id}"]`,
      style: { 'line-color': r.color, 'target-arrow-color': r.color, 'line-style': r.style, width: r.width },
    });
  }
  return style;
}

function nodeLabel(n) {
  const name = n.number || (n.title ? (n.title.length > 40 ? n.title.slice(0, 38) + '…' : n.title) : n.id);
  return n.date ? `${name}\n${n.date.slice(0, 4)}` : name;
}

/** renderLineage renders #/lineage/ID. */
export async function renderLineage(main, { id, params, signal }) {
  const { direction, depth } = lineageParams(params);
  const g = await api.lineage(id, { direction, depth }, signal);
  const nodes = g.nodes || [];
  const edges = g.edges || [];
  const root = nodes.find((n) => n.id === g.root) || nodes.find((n) => n.depth === 0) || nodes[0] || { id };
  const rootID = root.id || id;
  const rootName = docLabel(root);

  main.appendChild(h('h1', {}, direction === 'down' ? `Sơ đồ triển khai ${rootName}` : `Văn bản mà ${rootName} căn cứ, dẫn chiếu`));
  main.appendChild(h('p', { class: 'lead small' },
    direction === 'down'
      ? 'Các văn bản dẫn chiếu (triển khai, căn cứ…) đến văn bản gốc, theo từng cấp: Trung ương ở trên, xuống đến cấp xã. Mũi tên chỉ từ văn bản dẫn chiếu đến văn bản được dẫn chiếu.'
      : 'Các văn bản mà văn bản gốc dẫn chiếu đến, theo từng cấp. Mũi tên chỉ từ văn bản dẫn chiếu đến văn bản được dẫn chiếu.'));

  main.appendChild(controls(rootID, direction, depth));

  const summary = `${formatNumber(nodes.length)} văn bản, ${formatNumber(edges.length)} quan hệ, độ sâu ${depth}`;
  // role=img is set once the graph is drawn (a button inside an img would be hidden).
  const container = h('div', {
    id: 'lineage-graph', class: 'graph', tabindex: '0',
    'aria-label': `Đồ thị: ${summary}. Bảng danh sách văn bản ở dưới đồ thị. Phím + và − để phóng to, thu nhỏ; mũi tên để di chuyển; 0 để vừa khung.`,
  });
  const info = h('div', { class: 'node-info', 'aria-live': 'polite' }, h('p', { class: 'muted small' }, 'Di chuột lên một nút để xem thông tin; bấm để mở văn bản.'));
  const side = h('aside', { class: 'graph-side', 'aria-label': 'Chú giải và xuất dữ liệu' },
    h('p', { class: 'graph-summary' }, summary, g.truncated ? h('strong', {}, ' (đã cắt bớt)') : null),
    exportsView(rootID, direction, depth, root), info, legend());
  main.appendChild(h('div', { class: 'graph-layout' }, container, side));
  if (nodes.length <= 1) {
    main.appendChild(h('p', { class: 'notice' }, direction === 'down'
      ? 'Chưa có văn bản nào trong kho dẫn chiếu đến văn bản này.'
      : 'Văn bản này chưa dẫn chiếu văn bản số hiệu nào.'));
  }
  main.appendChild(nodeTable(nodes, edges));
  announce(summary);

  if (typeof window.cytoscape !== 'function') {
    container.appendChild(h('p', { class: 'error' }, 'Không tải được thư viện vẽ đồ thị (Cytoscape.js).'));
    return null;
  }
  let cy = null;
  const draw = () => {
    cy = drawGraph(container, info, nodes, edges, rootID, direction);
  };
  if (nodes.length > autoDrawLimit) {
    // Drawing thousands of nodes takes the browser a while: ask first.
    const button = h('button', { type: 'button', class: 'draw' }, `Vẽ đồ thị ${formatNumber(nodes.length)} văn bản (có thể chậm)`);
    button.addEventListener('click', () => {
      button.parentElement.remove();
      draw();
      container.focus();
    });
    container.appendChild(h('div', { class: 'draw-prompt' },
      h('p', {}, `Đồ thị có ${formatNumber(nodes.length)} văn bản. Giảm độ sâu, tải về để mở bằng Gephi hoặc Cytoscape, hoặc vẽ ở đây.`), button));
  } else {
    draw();
  }
  return () => {
    if (!cy) return;
    cy.destroy();
    if (window.cy === cy) delete window.cy;
  };
}

/** drawGraph draws the lineage graph with Cytoscape.js in container. */
function drawGraph(container, info, nodes, edges, rootID, direction) {
  container.setAttribute('role', 'img');
  const pos = layeredPositions(nodes, edges, {
    aspect: Math.max(0.5, container.clientWidth / Math.max(container.clientHeight, 1)), root: rootID, direction,
  });
  const elements = [
    ...nodes.map((n) => ({
      group: 'nodes',
      data: { ...n, label: nodeLabel(n), color: levelOf(n.level).color, root: n.id === rootID },
      position: pos.get(n.id),
    })),
    ...edges.map((e, i) => ({
      group: 'edges',
      data: { id: `e${i}`, source: e.source, target: e.target, relation: relationOf(e.relation).id, evidence: e.evidence || '' },
    })).filter((e) => pos.has(e.data.source) && pos.has(e.data.target)),
  ];
  const cy = window.cytoscape({
    container,
    elements,
    style: cyStyle(),
    layout: { name: 'preset', fit: true, padding: 40 },
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  if (elements.length > 600) cy.edges().style('curve-style', 'straight');
  cy.on('tap', 'node', (ev) => go('doc', ev.target.id()));
  cy.on('mouseover', 'node', (ev) => {
    ev.target.addClass('hover');
    container.style.cursor = 'pointer';
    showInfo(info, ev.target.data());
  });
  cy.on('mouseout', 'node', (ev) => {
    ev.target.removeClass('hover');
    container.style.cursor = '';
  });
  cy.on('mouseover', 'edge', (ev) => showEdge(info, ev.target.data(), cy));
  container.addEventListener('keydown', (ev) => keyboardPanZoom(ev, cy));
  // For the browser test and for researchers at the console: cy.nodes() …
  window.cy = cy;
  return cy;
}

function controls(id, direction, depth) {
  const form = h('form', { class: 'graph-controls', 'aria-label': 'Hướng và độ sâu' });
  const dirs = h('fieldset', { class: 'inline' }, h('legend', {}, 'Hướng'),
    [['down', 'Xuống: văn bản triển khai'], ['up', 'Lên: văn bản căn cứ']].map(([v, label]) =>
      h('label', {}, h('input', { type: 'radio', name: 'direction', value: v, checked: v === direction }), ' ', label)));
  const depthSel = h('select', { id: 'depth', name: 'depth' },
    Array.from({ length: maxDepth }, (_, i) => i + 1).map((d) => h('option', { value: d, selected: d === depth }, String(d))));
  form.append(dirs, h('label', { for: 'depth' }, 'Độ sâu'), depthSel, h('button', { type: 'submit' }, 'Vẽ lại'),
    h('a', { class: 'button', href: href('doc', id), 'data-action': 'doc' }, 'Mở văn bản gốc'),
    h('a', { class: 'button', href: href('timeline', id), 'data-action': 'timeline' }, 'Tiến trình thực hiện'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    go('lineage', id, { direction: data.get('direction'), depth: data.get('depth') });
  });
  return form;
}

function legend() {
  const lv = levels.map((l) => h('li', {},
    svg('svg', { width: 18, height: 18, 'aria-hidden': 'true', class: 'swatch' }, svg('circle', { cx: 9, cy: 9, r: 7, fill: l.color })), ' ', l.label));
  lv.push(h('li', {},
    svg('svg', { width: 18, height: 18, 'aria-hidden': 'true', class: 'swatch' },
      svg('circle', { cx: 9, cy: 9, r: 7, fill: '#7a7a7a', 'fill-opacity': 0.18, stroke: '#7a7a7a', 'stroke-width': 2, 'stroke-dasharray': '3 2' })),
    ' Chưa có toàn văn (chỉ biết qua dẫn chiếu)'));
  lv.push(h('li', {},
    svg('svg', { width: 18, height: 18, 'aria-hidden': 'true', class: 'swatch' }, svg('circle', { cx: 9, cy: 9, r: 7, fill: '#fff', stroke: '#1d2125', 'stroke-width': 3 })),
    ' Văn bản gốc'));
  const dash = { solid: null, dashed: '6 4', dotted: '2 3' };
  const rel = relations.map((r) => h('li', {},
    svg('svg', { width: 34, height: 12, 'aria-hidden': 'true', class: 'swatch' },
      svg('line', { x1: 1, y1: 6, x2: 33, y2: 6, stroke: r.color, 'stroke-width': r.width, 'stroke-dasharray': dash[r.style] })),
    ' ', r.label));
  return h('div', { class: 'legend' },
    h('h2', {}, 'Chú giải'),
    h('h3', {}, 'Cấp ban hành'), h('ul', { class: 'legend-list' }, lv),
    h('h3', {}, 'Quan hệ'), h('ul', { class: 'legend-list' }, rel));
}

function exportsView(id, direction, depth, root) {
  const base = String(root.number || id).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'lineage';
  return h('div', { class: 'exports' },
    h('h2', {}, 'Xuất đồ thị'),
    h('ul', { class: 'export-list' }, api.exportFormats.map((f) => h('li', {},
      h('a', {
        class: 'button small', href: api.lineageURL(id, { direction, depth, format: f.format }),
        download: `${base}-${direction}-${depth}${f.format === 'csv-nodes' ? '-nodes' : ''}.${f.ext}`, 'data-format': f.format,
      }, f.label)))));
}

function showInfo(info, d) {
  info.replaceChildren(
    h('p', { class: 'node-title' }, h('strong', {}, docLabel(d)), ' ', d.stub ? stubBadge() : null),
    h('p', { class: 'small' }, typeLabel(d.type), ' · ', levelBadge(d.level), d.province ? ` · ${d.province}` : ''),
    d.title && d.number ? h('p', { class: 'small' }, d.title) : null,
    h('p', { class: 'small' }, 'Ngày: ', dateText(d.date), d.lag_days !== undefined && d.lag_days !== null ? [' · độ trễ ', lagText(d.lag_days)] : null));
}

function showEdge(info, d, cy) {
  const s = cy.getElementById(d.source).data();
  const t = cy.getElementById(d.target).data();
  info.replaceChildren(
    h('p', { class: 'small' }, h('strong', {}, docLabel(s)), ` ${relationOf(d.relation).label} `, h('strong', {}, docLabel(t))),
    d.evidence ? h('blockquote', { class: 'evidence small' }, d.evidence) : null);
}

function keyboardPanZoom(ev, cy) {
  const step = 60;
  const center = { x: cy.width() / 2, y: cy.height() / 2 };
  const actions = {
    '+': () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: center }),
    '=': () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: center }),
    '-': () => cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: center }),
    0: () => cy.fit(undefined, 40),
    ArrowLeft: () => cy.panBy({ x: step, y: 0 }),
    ArrowRight: () => cy.panBy({ x: -step, y: 0 }),
    ArrowUp: () => cy.panBy({ x: 0, y: step }),
    ArrowDown: () => cy.panBy({ x: 0, y: -step }),
  };
  const act = actions[ev.key];
  if (act) {
    ev.preventDefault();
    act();
  }
}

function nodeTable(nodes, edges) {
  const outgoing = new Map();
  for (const e of edges) {
    if (!outgoing.has(e.source)) outgoing.set(e.source, []);
    outgoing.get(e.source).push(e);
  }
  const byID = new Map(nodes.map((n) => [n.id, n]));
  const sorted = [...nodes].sort((a, b) => levelRank(a.level) - levelRank(b.level) || (a.depth ?? 0) - (b.depth ?? 0) ||
    String(a.date || '9999').localeCompare(String(b.date || '9999')));
  const shown = sorted.slice(0, tableLimit);
  return h('details', { class: 'node-table', open: nodes.length <= 40 },
    h('summary', {}, `Danh sách ${formatNumber(nodes.length)} văn bản trong đồ thị (bảng)`),
    shown.length < sorted.length ? h('p', { class: 'small muted' }, `Bảng liệt kê ${formatNumber(shown.length)} văn bản đầu; bản xuất CSV có đủ ${formatNumber(sorted.length)}.`) : null,
    h('table', {},
      h('thead', {}, h('tr', {}, ['Văn bản', 'Cấp', 'Tỉnh, thành', 'Ngày', 'Độ trễ', 'Khoảng cách', 'Dẫn chiếu đến'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, shown.map((n) => h('tr', {},
        h('th', { scope: 'row' }, docLink(n), n.stub ? [' ', stubBadge()] : null),
        h('td', {}, levelBadge(n.level)),
        h('td', {}, n.province || '—'),
        h('td', {}, dateText(n.date)),
        h('td', { class: 'num' }, lagText(n.lag_days)),
        h('td', { class: 'num' }, String(n.depth ?? '')),
        h('td', { class: 'small' }, (outgoing.get(n.id) || []).map((e, i) => [i ? '; ' : '', relationOf(e.relation).label, ' ',
          docLabel(byID.get(e.target) || { id: e.target })])))))));
}
