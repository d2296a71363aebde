// doc.js: one document: metadata, its text with each reference linked to
// its target, references out, cited-by in with evidence, and for a stub what
// the citing documents said of it (sightings).

import { h, formatDate } from './dom.js';
import * as api from './api.js';
import { href } from './nav.js';
import { segments, narrowSpan, markRange, numberPattern } from './text.js';
import { docLink, levelBadge, relationBadge, stubBadge, typeBadge, dateText, docActions } from './ui.js';
import { typeLabel, docLabel, relationOf } from './vocab.js';

/**
 * normalizeDocument reads a document response: the document's fields (at the
 * top level or under "document"), its text, references out, cited-by in.
 */
export function normalizeDocument(res) {
  const d = res.document || res.doc || res;
  return {
    doc: d,
    text: res.text ?? d.text ?? '',
    refsTotal: res.references_total ?? null,
    citedByTotal: res.cited_by_total ?? null,
    refs: (res.references ?? res.references_out ?? res.refs ?? res.out ?? d.references ?? []).map(normalizeLink),
    citedBy: (res.cited_by ?? res.citedBy ?? res.references_in ?? res.in ?? d.cited_by ?? []).map(normalizeLink),
    sightings: res.sightings ?? d.sightings ?? [],
    named: res.named ?? d.named ?? [],
  };
}

/**
 * normalizeLink reads one reference or citation: the other document (nested
 * or flat), the relation, the span in the citing text and the evidence.
 */
export function normalizeLink(r) {
  const other = r.document || r.target || r.source || r.citing || r.cited || null;
  const ev = r.evidence && typeof r.evidence === 'object' ? r.evidence : {};
  const o = other && typeof other === 'object' ? other : {};
  const start = Number.isInteger(r.start) ? r.start : ev.start;
  const end = Number.isInteger(r.end) ? r.end : ev.end;
  return {
    id: o.id || r.id || r.target_id || r.source_id || (typeof other === 'string' ? other : '') || r.to || r.from || '',
    number: o.number || r.number || '',
    title: o.title || r.title || '',
    type: o.type || r.type || '',
    date: o.date || r.date || '',
    level: o.level || r.level || '',
    province: o.province || r.province || '',
    stub: Boolean(o.stub ?? r.stub),
    relation: r.relation || 'cites',
    asWritten: r.as_written || '',
    start,
    end,
    sentence: ev.sentence || r.sentence || (typeof r.evidence === 'string' ? r.evidence : ''),
    statement: Boolean(ev.statement || r.statement),
    evidenceDoc: ev.doc || '',
  };
}

/** renderDocument renders #/doc/ID. */
export async function renderDocument(main, { id, params, signal }) {
  // ?at=START-END marks a span of the text (where a citing document cites).
  const atMatch = /^(\d+)-(\d+)$/.exec(params?.get('at') || '');
  const at = atMatch ? { start: Number(atMatch[1]), end: Number(atMatch[2]) } : null;
  const res = await api.documentOf(id, signal);
  const { doc, text, refs, citedBy, sightings, named, refsTotal, citedByTotal } = normalizeDocument(res);
  const docID = doc.id || id;

  main.appendChild(h('header', { class: 'doc-header' },
    h('p', { class: 'kicker' }, typeLabel(doc.type, doc.type_name) || 'Văn bản', doc.level ? [' · ', levelBadge(doc.level)] : null,
      doc.stub ? [' · ', stubBadge()] : null),
    h('h1', { class: 'doc-number' }, doc.number || doc.title || '(văn bản không số)'),
    doc.number && doc.title ? h('p', { class: 'doc-title' }, doc.title) : null,
    docActions(docID)));

  if (doc.stub) {
    main.appendChild(h('p', { class: 'notice stub-notice' },
      'Văn bản này chưa có toàn văn trong kho: chỉ biết qua các văn bản dẫn chiếu đến nó. ' +
      'Những gì các văn bản đó nêu (ngày, cơ quan, trích yếu) được liệt kê dưới đây, kèm nguồn; chúng có thể khác nhau.'));
  }

  const layout = h('div', { class: 'doc-layout' });
  const primary = h('div', { class: 'doc-primary' });
  const secondary = h('div', { class: 'doc-secondary' });
  layout.append(primary, secondary);
  main.appendChild(layout);

  primary.appendChild(metadata(doc));
  // Citing documents by id, named by number and, since local numbers repeat
  // across provinces, by province.
  const names = new Map(citedBy.map((l) => [l.id, (l.number || l.title) + (l.number && l.province ? ` (${l.province})` : '')]));
  if (doc.stub || sightings.length) primary.appendChild(sightingsView(sightings, doc.stub, names));
  if (text) primary.appendChild(textView(text, refs, named, docID, at));
  else if (!doc.stub) primary.appendChild(h('p', { class: 'notice' }, 'Máy chủ không gửi toàn văn của văn bản này (trường “text” của API).'));

  secondary.appendChild(linksView('refs-h', 'Văn bản được dẫn chiếu', refs, 'out', refsTotal, docID));
  secondary.appendChild(linksView('cited-h', 'Được dẫn chiếu bởi', citedBy, 'in', citedByTotal, docID, doc.number));
  const target = document.getElementById('at');
  if (target) requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
  return null;
}

function metadata(doc) {
  const rows = [
    ['Số hiệu', doc.number],
    ['Loại', typeLabel(doc.type, doc.type_name)],
    ['Cơ quan ban hành', doc.body || doc.issuer],
    ['Nơi ban hành', doc.place],
    ['Ngày ban hành', doc.date ? dateText(doc.date) : null],
    ['Trích yếu', doc.title && doc.number ? null : doc.title],
    ['Người ký', doc.signer],
    ['Khóa', doc.term],
    ['Cấp', doc.level ? levelBadge(doc.level) : null],
    ['Đơn vị', doc.unit],
    ['Tỉnh, thành (tại ngày ban hành)', doc.province ? doc.province + (doc.province_code ? ` (mã ${doc.province_code})` : '') : null],
    ['Định danh', doc.key ? keyText(doc.key) : null],
    ['Nguồn', doc.source],
    ['Nạp lúc', doc.ingested_at ? new Date(doc.ingested_at).toLocaleString('vi-VN') : null],
    ['Mã băm (sha256)', doc.hash && !doc.stub ? h('code', { class: 'hash', title: doc.hash }, doc.hash.slice(0, 16) + '…') : null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  return h('section', { class: 'metadata', 'aria-labelledby': 'meta-h' },
    h('h2', { id: 'meta-h', class: 'visually-hidden' }, 'Thông tin văn bản'),
    h('dl', { class: 'meta' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));
}

function keyText(key) {
  const parts = [key.number];
  if (key.term) parts.push(`khóa ${key.term}`);
  if (key.year) parts.push(`năm ${key.year}`);
  if (key.scope) parts.push(key.scope);
  const conf = { stated: 'nêu rõ', inferred: 'suy ra', unscoped: 'chưa rõ phạm vi' }[key.confidence] || key.confidence;
  return h('span', {}, parts.filter(Boolean).join(' · '),
    conf ? h('span', { class: 'muted', title: key.why || '' }, ` (${conf}${key.why ? ': ' + key.why : ''})`) : null);
}

function sightingsView(sightings, isStub, names) {
  const section = h('section', { class: 'sightings', 'aria-labelledby': 'sight-h' },
    h('h2', { id: 'sight-h' }, 'Các văn bản khác nêu về văn bản này'));
  if (!sightings.length) {
    section.appendChild(h('p', { class: 'muted' }, isStub ? 'Chưa ghi nhận thông tin nào.' : 'Không có.'));
    return section;
  }
  const table = h('table', {},
    h('thead', {}, h('tr', {}, ['Nguồn (văn bản dẫn chiếu)', 'Ngày nêu', 'Cơ quan nêu', 'Trích yếu nêu', 'Khóa']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, sightings.map((s) => h('tr', {},
      h('td', {}, s.citing ? h('a', {
        href: href('doc', s.citing, Number.isInteger(s.start) && s.end > s.start ? { at: `${s.start}-${s.end}` } : null),
        title: 'Mở văn bản dẫn chiếu tại chỗ nó nêu',
      }, names.get(s.citing) || s.citing_number || s.citing) : '—'),
      h('td', {}, s.date ? dateText(s.date) : '—'),
      h('td', {}, s.body || '—'),
      h('td', {}, s.title || '—'),
      h('td', {}, s.term || '—')))));
  // For a stub the sightings are all there is; for a document with its own
  // text they are secondary, and folded when many.
  if (isStub || sightings.length <= 8) section.appendChild(table);
  else section.appendChild(h('details', {}, h('summary', {}, `${sightings.length} lượt được nêu`), table));
  return section;
}

/**
 * textView shows the document's text with each reference linked to its
 * target. Offsets are UTF-8 byte offsets; text.js converts them.
 */
function textView(text, refs, named, selfID, at) {
  const spans = [];
  const seen = new Set();
  for (const r of refs) {
    if (!Number.isInteger(r.start) || !Number.isInteger(r.end)) continue;
    if (r.evidenceDoc && r.evidenceDoc !== selfID) continue; // a span in another document
    if (r.statement) continue; // the span names two other documents
    // The evidence span may be the whole sentence: link the number in it.
    const { start, end } = narrowSpan(text, r.start, r.end, r.number);
    const key = `${start}:${end}`;
    if (seen.has(key)) continue; // several edges read at one mention
    seen.add(key);
    spans.push({ start, end, ref: r });
  }
  for (const n of named || []) {
    if (Number.isInteger(n.start) && Number.isInteger(n.end)) spans.push({ start: n.start, end: n.end, named: n });
  }
  const cut = segments(text, spans);
  const segs = markRange(cut.segments, at);
  const skipped = cut.skipped;
  const body = h('div', { class: 'doc-text', lang: 'vi' });
  let mark = null; // the <mark> of ?at=, while its pieces are appended
  // Blank lines before and after the text are not worth a screenful.
  if (segs.length && !segs[0].span) segs[0] = { ...segs[0], text: segs[0].text.replace(/^\s+/, '') };
  const last = segs.length - 1;
  if (last >= 0 && !segs[last].span) segs[last] = { ...segs[last], text: segs[last].text.replace(/\s+$/, '') };
  for (const s of segs) {
    if (s.at && !mark) {
      mark = h('mark', { id: 'at', class: 'at', tabindex: '-1', title: 'Chỗ được dẫn' });
      body.appendChild(mark);
    } else if (!s.at) {
      mark = null;
    }
    const into = mark || body;
    if (!s.span) into.appendChild(document.createTextNode(s.text));
    else if (s.span.named) into.appendChild(h('span', { class: 'named-ref', title: `${s.span.named.kind || 'Văn bản'} không số hiệu` }, s.text));
    else {
      const r = s.span.ref;
      const rel = relationOf(r.relation);
      into.appendChild(h('a', {
        class: 'ref rel-' + rel.id + (r.stub ? ' stub' : ''),
        href: href('doc', r.id || r.number),
        'data-start': s.span.start,
        'data-end': s.span.end,
        title: `${r.number || r.id} — ${rel.label}${r.stub ? ' (chưa có toàn văn)' : ''}`,
      }, s.text));
    }
  }
  const linked = new Set(segs.filter((s) => s.span && s.span.ref).map((s) => s.span)).size;
  return h('section', { class: 'text', 'aria-labelledby': 'text-h' },
    h('h2', { id: 'text-h' }, 'Toàn văn'),
    h('p', { class: 'muted small' }, `${linked} chỗ dẫn chiếu được liên kết đến văn bản đích.`,
      skipped.length ? ` ${skipped.length} chỗ không liên kết được (vị trí không khớp văn bản).` : ''),
    body);
}

function linksView(headingID, title, links, direction, total, docID, selfNumber) {
  // One entry per other document, its mentions grouped under it.
  const groups = new Map();
  for (const l of links) {
    const key = l.id || l.number;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(l);
  }
  const truncated = total && total > links.length;
  const section = h('section', { class: 'links', 'aria-labelledby': headingID },
    h('h2', { id: headingID }, `${title} (${groups.size}${truncated ? '+' : ''} văn bản)`));
  if (truncated) {
    // The API sends the first links only; the lineage table lists them all.
    section.appendChild(h('p', { class: 'notice small' }, `Hiển thị ${links.length} / ${total} quan hệ. `,
      h('a', { href: href('lineage', docID, { direction: direction === 'in' ? 'down' : 'up', depth: 1 }) }, 'Xem tất cả trong sơ đồ và bảng')));
  }
  if (!links.length) {
    section.appendChild(h('p', { class: 'muted' }, direction === 'out' ? 'Không dẫn chiếu văn bản số hiệu nào.' : 'Chưa có văn bản nào trong kho dẫn chiếu đến văn bản này.'));
    return section;
  }
  const list = h('ul', { class: 'link-list' });
  for (const [, ls] of groups) {
    const l = ls[0];
    const rels = [...new Set(ls.map((x) => x.relation))];
    list.appendChild(h('li', {},
      h('div', { class: 'link-head' },
        docLink({ id: l.id, number: l.number, title: l.title }, docLabel(l) || l.id),
        typeBadge(l.type),
        l.stub ? stubBadge() : null,
        rels.map((r) => relationBadge(r)),
        l.date ? h('span', { class: 'muted small' }, formatDate(l.date)) : null),
      l.title && l.number ? h('p', { class: 'small link-title' }, l.title) : null,
      uniqueBy(ls.filter((x) => x.sentence), (x) => x.sentence).slice(0, 3).map((x) => h('blockquote', { class: 'evidence', tabindex: '0', title: 'Câu chứa dẫn chiếu' },
        x.statement ? h('span', { class: 'badge statement', title: 'Văn bản nêu quan hệ giữa hai văn bản khác' }, 'quan hệ được nêu') : null,
        x.evidenceDoc && Number.isInteger(x.start) && x.end > x.start
          ? [h('a', { class: 'small', href: href('doc', x.evidenceDoc, { at: `${x.start}-${x.end}` }), title: 'Mở văn bản tại câu này' }, 'Xem trong văn bản'), ': ']
          : null,
        evidenceText(x.sentence, direction === 'in' ? selfNumber : x.number)))));
  }
  section.appendChild(list);
  return section;
}

function uniqueBy(list, key) {
  const seen = new Set();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * evidenceText shows a sentence with the cited number in bold, starting a
 * little before it when it stands far into the sentence.
 */
export function evidenceText(sentence, number) {
  const re = number ? numberPattern(number) : null;
  const m = re ? re.exec(sentence) : null;
  if (!m) return sentence;
  let from = 0;
  if (m.index > 120) {
    const space = sentence.indexOf(' ', m.index - 90);
    from = space > 0 && space < m.index ? space + 1 : m.index - 90;
  }
  return [from ? '…' : '', sentence.slice(from, m.index), h('strong', {}, m[0]), sentence.slice(m.index + m[0].length)];
}
