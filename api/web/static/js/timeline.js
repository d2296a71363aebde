// timeline.js: the implementation timeline of a central document (who acted
// when, by level and province, lag in days) and the coverage table by
// province across the 2025 merger.

import { h, svg, formatDate, formatNumber, announce } from './dom.js';
import * as api from './api.js';
import { href } from './nav.js';
import { levelOf, levelRank, docLabel } from './vocab.js';
import { dateText, lagText, stubBadge, docLink, levelBadge, docActions } from './ui.js';

const timelineDepth = 8;
const dayMs = 86400000;

/** daysBetween counts days from one YYYY-MM-DD date to another. */
export function daysBetween(from, to) {
  const a = Date.parse(from + 'T00:00:00Z');
  const b = Date.parse(to + 'T00:00:00Z');
  return Number.isFinite(a) && Number.isFinite(b) ? Math.round((b - a) / dayMs) : null;
}

function addDays(iso, days) {
  const t = Date.parse(iso + 'T00:00:00Z');
  return Number.isFinite(t) ? new Date(t + days * dayMs).toISOString().slice(0, 10) : '';
}

/** niceStep picks a tick step in days giving about `want` ticks over span days. */
export function niceStep(span, want = 8) {
  const steps = [1, 7, 14, 30, 60, 90, 180, 365, 730, 1825, 3650];
  return steps.find((s) => span / s <= want) || steps[steps.length - 1];
}

/**
 * normalizeCoverage reads the coverage response: {root, provinces: [{code,
 * name, new_code, new_name, status, documents}], merged, unplaced, found,
 * total}. A province's row is the unit at the root's date; new_name is the
 * province it is part of from 2025-07-01.
 */
export function normalizeCoverage(c) {
  const row = (r) => ({
    code: r.code || '',
    name: r.name || r.province || '',
    newCode: r.new_code || '',
    newName: r.new_name || '',
    status: r.status || ((r.documents || []).length ? 'found' : 'none recorded'),
    docs: Array.isArray(r.documents) ? r.documents : [],
  });
  return {
    rows: (c?.provinces || []).map(row),
    merged: (c?.merged || []).map(row),
    unplaced: Array.isArray(c?.unplaced) ? c.unplaced : [],
    found: c?.found,
    total: c?.total,
  };
}

/** renderTimeline renders #/timeline/ID. */
export async function renderTimeline(main, { id, signal }) {
  const [g, cov] = await Promise.all([
    api.lineage(id, { direction: 'down', depth: timelineDepth }, signal),
    api.coverage(id, signal).catch((err) => {
      if (err.name === 'AbortError') throw err;
      return { error: err };
    }),
  ]);
  const nodes = g.nodes || [];
  const root = nodes.find((n) => n.id === g.root) || nodes.find((n) => n.depth === 0) || { id };
  const rootID = root.id || id;
  const name = docLabel(root);

  main.appendChild(h('h1', {}, `Tiến trình thực hiện ${name}`));
  main.appendChild(h('p', { class: 'lead small' },
    root.date
      ? ['Văn bản gốc ban hành ngày ', dateText(root.date), '. Mỗi điểm là một văn bản trong kho dẫn chiếu (trực tiếp hoặc qua văn bản trung gian) đến văn bản gốc; độ trễ tính bằng ngày kể từ ngày ban hành văn bản gốc.']
      : 'Chưa biết ngày ban hành văn bản gốc, nên độ trễ chỉ có khi API tính được; các văn bản được xếp theo ngày của chúng.'));
  main.appendChild(docActions(rootID, { timeline: false }));

  const acted = nodes.filter((n) => n.id !== rootID).map((n) => ({
    ...n,
    lag: n.lag_days ?? (root.date && n.date ? daysBetween(root.date, n.date) : null),
  }));
  const dated = acted.filter((n) => n.lag !== null && n.lag !== undefined);
  const undated = acted.filter((n) => n.lag === null || n.lag === undefined);

  const section = h('section', { class: 'timeline', 'aria-labelledby': 'tl-h' }, h('h2', { id: 'tl-h' }, 'Ai thực hiện, khi nào'));
  main.appendChild(section);
  if (!acted.length) {
    section.appendChild(h('p', { class: 'notice' }, 'Chưa ghi nhận văn bản nào trong kho triển khai văn bản này.'));
  } else {
    const figure = h('figure', { class: 'timeline-figure' });
    const order = h('select', { id: 'tl-order' },
      h('option', { value: 'level' }, 'cấp, rồi tỉnh'), h('option', { value: 'province' }, 'tỉnh, rồi cấp'));
    section.appendChild(h('p', { class: 'timeline-controls small' }, h('label', { for: 'tl-order' }, 'Xếp hàng theo '), order));
    section.appendChild(figure);
    const caption = h('figcaption', { class: 'small muted' },
      `${formatNumber(dated.length)} văn bản có ngày, theo cấp và tỉnh; ${formatNumber(undated.length)} văn bản chưa rõ ngày (trong bảng dưới).`);
    const draw = () => figure.replaceChildren(timelineSVG(dated, root, figure.clientWidth || 1200, order.value), caption);
    order.addEventListener('change', draw);
    draw();
    section.appendChild(actedTable(acted));
  }
  announce(`${acted.length} văn bản thực hiện`);

  main.appendChild(coverageView(cov));
  return null;
}

function laneKey(n) {
  return `${levelRank(n.level)}|${n.province || ''}`;
}

/**
 * laneOrder sorts lane keys ("rank|province") by level then province, or by
 * province then level; an unknown province comes last.
 */
export function laneOrder(lanes, by = 'level') {
  const byProvince = (pa, pb) => (pa === '') - (pb === '') || pa.localeCompare(pb, 'vi');
  return [...lanes].sort((a, b) => {
    const [ra, pa] = a.split('|');
    const [rb, pb] = b.split('|');
    return by === 'province'
      ? byProvince(pa, pb) || Number(ra) - Number(rb)
      : Number(ra) - Number(rb) || byProvince(pa, pb);
  });
}

function timelineSVG(points, root, width, by) {
  const labelW = 210;
  const padR = 40;
  const axisH = 44;
  const lanes = laneOrder(new Set(points.map(laneKey)), by);
  // Many lanes (a nationwide cascade): thin lanes, names in the tooltips
  // and the table rather than beside each point.
  const compact = lanes.length > 24;
  const laneH = compact ? 26 : 64;
  const height = axisH + Math.max(lanes.length, 1) * laneH + 12;
  const minLag = Math.min(0, ...points.map((p) => p.lag));
  const maxLag = Math.max(30, ...points.map((p) => p.lag));
  const plotW = Math.max(300, width - labelW - padR);
  const x = (lag) => labelW + ((lag - minLag) / (maxLag - minLag || 1)) * plotW;

  const root_ = svg('svg', {
    class: 'timeline-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': 'Biểu đồ tiến trình: trục ngang là số ngày kể từ văn bản gốc, mỗi hàng là một cấp và tỉnh',
  });

  // Lane backgrounds first, so that the grid and the origin line show on them.
  const backgrounds = svg('g', { 'aria-hidden': 'true' });
  lanes.forEach((_, i) => {
    if (i % 2 === 0) backgrounds.appendChild(svg('rect', { x: 0, y: axisH + i * laneH, width, height: laneH, class: 'lane-bg' }));
  });
  root_.appendChild(backgrounds);

  // Axis with ticks in days and the dates they stand for.
  const step = niceStep(maxLag - minLag);
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let d = Math.ceil(minLag / step) * step; d <= maxLag; d += step) {
    const tx = x(d);
    axis.appendChild(svg('line', { x1: tx, x2: tx, y1: axisH - 6, y2: height - 8, class: 'grid' }));
    axis.appendChild(svg('text', { x: tx, y: 14, 'text-anchor': 'middle', class: 'tick' }, d === 0 ? '0' : `+${formatNumber(d)} ngày`));
    if (root.date) axis.appendChild(svg('text', { x: tx, y: 30, 'text-anchor': 'middle', class: 'tick date' }, formatDate(addDays(root.date, d))));
  }
  axis.appendChild(svg('line', { x1: x(0), x2: x(0), y1: axisH - 6, y2: height - 8, class: 'origin' }));
  root_.appendChild(axis);

  lanes.forEach((lane, i) => {
    const y0 = axisH + i * laneH;
    const cy = y0 + laneH / 2;
    const [rank, province] = lane.split('|');
    const level = levelOf(points.find((p) => laneKey(p) === lane)?.level);
    const g = svg('g', { class: 'lane' });
    const where = province || (Number(rank) === 0 ? '' : 'chưa rõ tỉnh');
    g.appendChild(svg('circle', { cx: 10, cy, r: 5, fill: level.color, 'aria-hidden': 'true' }));
    if (compact) {
      g.appendChild(svg('text', { x: 20, y: cy + 4, class: 'lane-sub' }, svg('tspan', { class: 'lane-label' }, level.label), where ? ` · ${where}` : ''));
    } else {
      g.appendChild(svg('text', { x: 20, y: cy - 4, class: 'lane-label' }, level.label));
      g.appendChild(svg('text', { x: 20, y: cy + 12, class: 'lane-sub' }, where));
    }
    g.appendChild(svg('line', { x1: labelW, x2: width - padR / 2, y1: cy, y2: cy, class: 'lane-line' }));
    const slotEnds = [-Infinity, -Infinity, -Infinity];
    const slotY = [cy - 12, cy + 22, cy - 24];
    for (const p of points.filter((q) => laneKey(q) === lane).sort((a, b) => a.lag - b.lag)) {
      const px = x(p.lag);
      const full = docLabel(p);
      const label = full.length > 34 ? full.slice(0, 32) + '…' : full;
      const w = label.length * 6.6;
      let slot = slotEnds.findIndex((end) => end < px - w / 2 - 4);
      if (slot < 0) slot = slotEnds.indexOf(Math.min(...slotEnds));
      slotEnds[slot] = px + w / 2;
      const title = `${full} — ${p.date ? formatDate(p.date) : 'chưa rõ ngày'} — ${p.lag >= 0 ? '+' : ''}${p.lag} ngày${p.stub ? ' — chưa có toàn văn' : ''}`;
      g.appendChild(svg('a', { href: href('doc', p.id), class: 'point', 'aria-label': title },
        svg('title', {}, title),
        svg('circle', {
          cx: px, cy, r: compact ? 5 : 7, fill: p.stub ? '#ffffff' : level.color, stroke: level.color, 'stroke-width': compact ? 2 : 2.5,
          'stroke-dasharray': p.stub ? '3 2' : null,
        }),
        compact ? null : svg('text', { x: px, y: slotY[slot], 'text-anchor': 'middle', class: 'point-label' }, label)));
    }
    root_.appendChild(g);
  });
  return root_;
}

function actedTable(acted) {
  const sorted = [...acted].sort((a, b) => (a.lag ?? Infinity) - (b.lag ?? Infinity) || levelRank(a.level) - levelRank(b.level));
  return h('details', { class: 'acted', open: acted.length <= 30 },
    h('summary', {}, `Bảng: ${formatNumber(acted.length)} văn bản theo thứ tự thời gian`),
    h('table', {},
      h('thead', {}, h('tr', {}, ['Văn bản', 'Cấp', 'Tỉnh, thành', 'Ngày', 'Độ trễ', 'Số bước'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, sorted.map((n) => h('tr', {},
        h('th', { scope: 'row' }, docLink(n), n.stub ? [' ', stubBadge()] : null, n.title && n.number ? h('div', { class: 'small muted' }, n.title) : null),
        h('td', {}, levelBadge(n.level)),
        h('td', {}, n.province || '—'),
        h('td', {}, dateText(n.date)),
        h('td', { class: 'num' }, lagText(n.lag)),
        h('td', { class: 'num' }, String(n.depth ?? '')))))));
}

function coverageView(cov) {
  const section = h('section', { class: 'coverage', 'aria-labelledby': 'cov-h' },
    h('h2', { id: 'cov-h' }, 'Độ phủ theo tỉnh, thành'));
  if (cov && cov.error) {
    section.appendChild(h('p', { class: 'notice' }, `Chưa lấy được độ phủ: ${cov.error.message}`));
    return section;
  }
  const c = normalizeCoverage(cov);
  if (!c.rows.length) {
    section.appendChild(h('p', { class: 'muted' }, 'Không có dữ liệu độ phủ.'));
    return section;
  }
  const found = c.found ?? c.rows.filter((r) => r.docs.length).length;
  const total = c.total ?? c.rows.length;
  const afterMerger = c.rows.every((r) => !r.newName || r.newName === r.name);
  section.appendChild(h('p', { class: 'small muted' }, afterMerger
    ? 'Theo 34 tỉnh, thành từ 01/7/2025; văn bản của đơn vị cũ được tính cho tỉnh mới mà đơn vị đó nhập vào (ghi trong ngoặc).'
    : 'Theo các tỉnh, thành tại ngày ban hành văn bản gốc; cột “Từ 01/7/2025” cho biết tỉnh mới mà mỗi tỉnh cũ nhập vào. “Chưa ghi nhận” là kho chưa có văn bản nào, không có nghĩa là địa phương chưa thực hiện.'));
  const onlyFound = h('input', { type: 'checkbox', id: 'cov-only' });
  section.appendChild(h('p', { class: 'coverage-summary' },
    h('strong', {}, `${formatNumber(found)} / ${formatNumber(total)}`), ' tỉnh, thành có văn bản thực hiện được ghi nhận. ',
    h('label', { for: 'cov-only', class: 'small' }, onlyFound, ' Chỉ hiện tỉnh có văn bản')));
  const table = coverageTable(c.rows, afterMerger);
  onlyFound.addEventListener('change', () => table.classList.toggle('only-found', onlyFound.checked));
  section.appendChild(table);
  if (c.merged.length) {
    section.appendChild(h('h3', {}, 'Văn bản ban hành từ 01/7/2025, theo tỉnh mới'));
    section.appendChild(coverageTable(c.merged, true));
  }
  if (c.unplaced.length) {
    section.appendChild(h('h3', {}, 'Văn bản địa phương chưa rõ tỉnh'));
    section.appendChild(h('p', {}, c.unplaced.map((d, i) => [i ? ', ' : '', docLink(d)])));
  }
  return section;
}

function coverageTable(rows, afterMerger) {
  // Which old provinces join each new one, to say "giữ tên; nhập thêm …".
  const joining = new Map();
  for (const r of rows) {
    if (r.newName && r.newName !== r.name) {
      if (!joining.has(r.newName)) joining.set(r.newName, []);
      joining.get(r.newName).push(r.name);
    }
  }
  const after = (r) => {
    if (r.newName && r.newName !== r.name) return ['→ ', r.newName];
    const others = joining.get(r.name);
    return h('span', { class: 'muted' }, others ? `giữ tên; nhập thêm ${others.join(', ')}` : 'giữ nguyên');
  };
  const heads = afterMerger
    ? ['Tỉnh, thành', 'Văn bản thực hiện', 'Sớm nhất', 'Độ trễ']
    : ['Tỉnh, thành (khi ban hành)', 'Từ 01/7/2025 thuộc', 'Văn bản thực hiện', 'Sớm nhất', 'Độ trễ'];
  return h('table', { class: 'coverage-table' },
    h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => {
      const docs = [...r.docs].sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
      const first = docs.find((d) => d.date);
      const none = !docs.length;
      return h('tr', { class: none ? 'none' : 'recorded' },
        h('th', { scope: 'row' }, r.name || r.code || '—'),
        afterMerger ? null : h('td', {}, after(r)),
        h('td', {}, none
          ? h('span', { class: 'none-recorded' }, 'Chưa ghi nhận', h('span', { class: 'small', lang: 'en' }, ' (none recorded)'))
          : docs.map((d, i) => [i ? ', ' : '', docLink(d),
            d.province && d.province !== r.name ? h('span', { class: 'small muted' }, ` (${d.province})`) : null])),
        h('td', {}, first ? dateText(first.date) : '—'),
        h('td', { class: 'num' }, first ? lagText(first.lag_days) : '—'));
    })));
}
