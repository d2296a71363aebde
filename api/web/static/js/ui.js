// ui.js: pieces that several views share.

import { h, formatDate } from './dom.js';
import { APIError } from './api.js';
import { href } from './nav.js';
import { levelOf, relationOf, docLabel, typeLabel } from './vocab.js';

/** errorBox shows a failed request or a bug to the reader. */
export function errorBox(err) {
  const isAPI = err instanceof APIError;
  const status = isAPI && err.status ? ` (${err.status})` : '';
  const title = isAPI ? err.title : 'Lỗi trang';
  const detail = isAPI ? err.detail : err.message;
  if (isAPI && err.candidates.length) {
    return h('div', { class: 'notice' },
      h('h1', {}, 'Số hiệu này chỉ nhiều văn bản'),
      h('p', {}, detail || 'Chọn một văn bản:'),
      h('ul', { class: 'candidates' }, err.candidates.map((d) => h('li', {},
        docLink(d), ' ', d.stub ? stubBadge() : null, ' ', h('span', { class: 'muted small' }, distinguish(d))))));
  }
  return h('div', { class: 'error', role: 'alert' },
    h('h1', { text: (title || 'Lỗi') + status }),
    detail ? h('p', { text: detail }) : null,
    h('p', {}, h('a', { href: '#/' }, 'Về trang đầu')));
}

// distinguish says what tells documents with one number apart.
function distinguish(d) {
  const k = d.key || {};
  return [k.term ? `khóa ${k.term}` : '', k.year ? `năm ${k.year}` : '', k.scope || d.province || '', d.date ? formatDate(d.date) : '', d.title || '']
    .filter(Boolean).join(' · ');
}

/** docLink links to a document's page, named by its number (or title). */
export function docLink(d, text) {
  const id = d.id || d.number;
  const label = text || docLabel(d);
  if (!id) return h('span', { text: label });
  return h('a', { href: href('doc', id), class: 'doc-link' }, label);
}

/** levelBadge shows a level with its colour. */
export function levelBadge(level) {
  const l = levelOf(level);
  return h('span', { class: 'badge level level-' + (l.id || 'unknown') }, l.label);
}

/** relationBadge shows a relation. */
export function relationBadge(relation) {
  const r = relationOf(relation);
  return h('span', { class: 'badge relation rel-' + r.id, title: r.id }, r.label);
}

/** stubBadge marks a document known only from citations. */
export function stubBadge() {
  return h('span', { class: 'badge stub', title: 'Chỉ biết qua các văn bản dẫn chiếu; chưa có toàn văn' }, 'chưa có toàn văn');
}

/** typeBadge shows a document type. */
export function typeBadge(type, typeName) {
  if (!type && !typeName) return null;
  return h('span', { class: 'badge type', title: typeLabel(type, typeName) }, type || typeName);
}

/** dateText shows a date, or a dash. */
export function dateText(iso) {
  return iso ? h('time', { datetime: iso }, formatDate(iso)) : h('span', { class: 'muted' }, '—');
}

/** lagText shows a lag in days: "+41 ngày". */
export function lagText(days) {
  if (days === null || days === undefined) return h('span', { class: 'muted' }, '—');
  const sign = days > 0 ? '+' : '';
  return h('span', { class: 'lag' }, `${sign}${days.toLocaleString('vi-VN')} ngày`);
}

/** loading is the placeholder shown while a view fetches. */
export function loading(what) {
  return h('p', { class: 'loading', role: 'status' }, `Đang tải ${what}…`);
}

/** docActions links a document to its lineage and timeline. */
export function docActions(id, { timeline = true } = {}) {
  return h('nav', { class: 'doc-actions', 'aria-label': 'Xem thêm' },
    h('a', { class: 'button', href: href('doc', id), 'data-action': 'doc' }, 'Văn bản'),
    h('a', { class: 'button', href: href('lineage', id, { direction: 'down' }), 'data-action': 'lineage-down' }, 'Sơ đồ triển khai ↓'),
    h('a', { class: 'button', href: href('lineage', id, { direction: 'up' }), 'data-action': 'lineage-up' }, 'Căn cứ ↑'),
    timeline ? h('a', { class: 'button', href: href('timeline', id), 'data-action': 'timeline' }, 'Tiến trình thực hiện') : null);
}
