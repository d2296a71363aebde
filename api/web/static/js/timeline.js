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

/** normalizeCoverage reads the coverage response into rows. */
export function normalizeCoverage(c) {
  const rows = Array.isArray(c) ? c : (c?.provinces || c?.rows || c?.coverage || c?.items || []);
  return rows.map((r) => {
    const docs = r.documents || r.docs || r.nodes || r.acted || [];
    const old = r.old_units || r.merged_from || r.former_units || r.units_before || r.before || r.old || [];
    return {
      province: r.province || r.name || r.new_province || r.unit || '',
      code: r.code || r.province_code || '',
      oldUnits: (Array.isArray(old) ? old : [old]).map((u) => (typeof u === 'string' ? u : u.name || u.province || u.unit || u.code || '')).filter(Boolean),
      docs: Array.isArray(docs) ? docs : [],
      firstDate: r.first_date || r.earliest || '',
      lag: r.lag_days ?? r.first_lag_days ?? r.min_lag_days ?? null,
      status: r.status || '',
      note: r.note || '',
    };
  });
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
    section.appendChild(figure);
    figure.appendChild(timelineSVG(dated, root, figure.clientWidth || 1200));
    figure.appendChild(h('figcaption', { class: 'small muted' },
      `${formatNumber(dated.length)} văn bản có ngày, theo cấp và tỉnh; ${formatNumber(undated.length)} văn bản chưa rõ ngày (trong bảng dưới).`));
    section.appendChild(actedTable(acted));
  }
  announce(`${acted.length} văn bản thực hiện`);

  main.appendChild(coverageView(cov));
  return null;
}

function laneKey(n) {
  return `${levelRank(n.level)}|${n.province || ''}`;
}

function timelineSVG(points, root, width) {
  const labelW = 210;
  const padR = 40;
  const axisH = 44;
  const laneH = 64;
  const lanes = [...new Set(points.map(laneKey))].sort((a, b) => {
    const [ra, pa] = a.split('|');
    const [rb, pb] = b.split('|');
    return Number(ra) - Number(rb) || pa.localeCompare(pb, 'vi');
  });
  const height = axisH + Math.max(lanes.length, 1) * laneH + 12;
  const minLag = Math.min(0, ...points.map((p) => p.lag));
  const maxLag = Math.max(30, ...points.map((p) => p.lag));
  const plotW = Math.max(300, width - labelW - padR);
  const x = (lag) => labelW + ((lag - minLag) / (maxLag - minLag || 1)) * plotW;

  const root_ = svg('svg', {
    class: 'timeline-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': 'Biểu đồ tiến trình: trục ngang là số ngày kể từ văn bản gốc, mỗi hàng là một cấp và tỉnh',
  });

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
    if (i % 2 === 0) g.appendChild(svg('rect', { x: 0, y: y0, width, height: laneH, class: 'lane-bg' }));
    g.appendChild(svg('circle', { cx: 10, cy, r: 5, fill: level.color, 'aria-hidden': 'true' }));
    g.appendChild(svg('text', { x: 20, y: cy - 4, class: 'lane-label' }, level.label));
    g.appendChild(svg('text', { x: 20, y: cy + 12, class: 'lane-sub' }, province || (Number(rank) === 0 ? '' : 'chưa rõ tỉnh')));
    g.appendChild(svg('line', { x1: labelW, x2: width - padR / 2, y1: cy, y2: cy, class: 'lane-line' }));
    const slotEnds = [-Infinity, -Infinity, -Infinity];
    const slotY = [cy - 12, cy + 22, cy - 24];
    for (const p of points.filter((q) => laneKey(q) === lane).sort((a, b) => a.lag - b.lag)) {
      const px = x(p.lag);
      const label = docLabel(p);
      const w = label.length * 6.6;
      let slot = slotEnds.findIndex((end) => end < px - w / 2 - 4);
      if (slot < 0) slot = slotEnds.indexOf(Math.min(...slotEnds));
      slotEnds[slot] = px + w / 2;
      const title = `${label} — ${p.date ? formatDate(p.date) : 'chưa rõ ngày'} — ${p.lag >= 0 ? '+' : ''}${p.lag} ngày${p.stub ? ' — chưa có toàn văn' : ''}`;
      g.appendChild(svg('a', { href: href('doc', p.id), class: 'point', 'aria-label': title },
        svg('title', {}, title),
        svg('circle', {
          cx: px, cy, r: 7, fill: p.stub ? '#ffffff' : level.color, stroke: level.color, 'stroke-width': 2.5,
          'stroke-dasharray': p.stub ? '3 2' : null,
        }),
        svg('text', { x: px, y: slotY[slot], 'text-anchor': 'middle', class: 'point-label' }, label)));
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
      h('thead', {}, h('tr', {}, ['Văn bản', 'Cấp', 'Tỉnh, thành', 'Ngày', 'Độ trễ', 'Qua mấy bước'].map((t) => h('th', { scope: 'col' }, t)))),
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
    h('h2', { id: 'cov-h' }, 'Độ phủ theo tỉnh, thành'),
    h('p', { class: 'small muted' },
      'Theo đơn vị hành chính từ 01/7/2025 (34 tỉnh, thành). Văn bản ban hành trước đó giữ đơn vị đã ban hành nó; cột “Đơn vị trước sáp nhập” cho biết đơn vị cũ đã nhập vào tỉnh mới nào.'));
  if (cov && cov.error) {
    section.appendChild(h('p', { class: 'notice' }, `Chưa lấy được độ phủ: ${cov.error.message}`));
    return section;
  }
  const rows = normalizeCoverage(cov);
  if (!rows.length) {
    section.appendChild(h('p', { class: 'muted' }, 'Không có dữ liệu độ phủ.'));
    return section;
  }
  const recorded = rows.filter((r) => r.docs.length).length;
  section.appendChild(h('p', {}, `${formatNumber(recorded)} / ${formatNumber(rows.length)} tỉnh, thành có văn bản thực hiện được ghi nhận.`));
  section.appendChild(h('table', { class: 'coverage-table' },
    h('thead', {}, h('tr', {}, ['Tỉnh, thành (từ 01/7/2025)', 'Đơn vị trước sáp nhập', 'Văn bản thực hiện', 'Sớm nhất', 'Độ trễ'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => {
      const docs = [...r.docs].sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
      const first = r.firstDate || docs.find((d) => d.date)?.date || '';
      const lag = r.lag ?? docs.map((d) => d.lag_days).find((v) => v !== undefined && v !== null) ?? null;
      return h('tr', { class: docs.length ? 'recorded' : 'none' },
        h('th', { scope: 'row' }, r.province || r.code || '—'),
        h('td', { class: 'small' }, r.oldUnits.length ? r.oldUnits.join(', ') : h('span', { class: 'muted' }, 'không đổi')),
        h('td', {}, docs.length
          ? docs.map((d, i) => [i ? ', ' : '', docLink(d), d.unit || d.old_unit ? h('span', { class: 'small muted' }, ` (${d.unit || d.old_unit})`) : null])
          : h('span', { class: 'none-recorded', lang: 'vi' }, 'Chưa ghi nhận', h('span', { class: 'muted small', lang: 'en' }, ' · none recorded'))),
        h('td', {}, first ? dateText(first) : '—'),
        h('td', { class: 'num' }, lagText(lag)));
    }))));
  return section;
}
