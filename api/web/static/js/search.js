// search.js: the overview page and the search page (results, highlights,
// facets as filter chips, cursor paging).

import { h, markedFragment, announce, formatNumber } from './dom.js';
import * as api from './api.js';
import { href, go } from './nav.js';
import { docLink, typeBadge, stubBadge, dateText, levelBadge, loading } from './ui.js';
import { typeLabel, levelOf, levelRank } from './vocab.js';

/** Search parameters the page passes through from the route to the API. */
const filterParams = ['type', 'issuer', 'level', 'province', 'term', 'from', 'to'];

const facetLabels = {
  type: 'Loại văn bản', province: 'Tỉnh, thành', level: 'Cấp', year: 'Năm', issuer: 'Cơ quan', term: 'Khóa',
};

const statLabels = {
  documents: 'Văn bản có toàn văn', stubs: 'Chỉ biết qua dẫn chiếu', edges: 'Quan hệ dẫn chiếu',
  sightings: 'Lượt được nêu', numbers: 'Số hiệu khác nhau', ambiguous_numbers: 'Số hiệu trùng (nhiều văn bản)',
  unscoped: 'Chưa rõ tỉnh', term_or_year_unknown: 'Chưa rõ khóa / năm',
  by_level: 'Theo cấp', by_type: 'Theo loại', by_relation: 'Theo quan hệ', by_province: 'Theo tỉnh',
};

const examples = ['nghi quyet 25', '25-NQ/TW', 'NQ 25/TW', 'dân vận khéo', 'Chỉ thị 05'];

/** renderHome shows what the store holds and how to start. */
export async function renderHome(main, { signal }) {
  main.appendChild(h('h1', {}, 'Tra cứu văn bản và quan hệ dẫn chiếu'));
  main.appendChild(h('p', { class: 'lead' },
    'Tìm một văn bản theo số hiệu viết theo bất kỳ cách nào, hoặc theo nội dung (gõ có dấu hay không dấu đều được); ' +
    'xem văn bản nào triển khai, căn cứ vào nó, từ Trung ương xuống đến cấp xã, và tiến độ thực hiện ở từng tỉnh.'));
  main.appendChild(h('p', { class: 'examples' }, 'Thử: ',
    examples.map((q) => h('a', { class: 'chip', href: href('search', '', { q }) }, q))));
  const section = h('section', { class: 'stats', 'aria-labelledby': 'stats-h' }, h('h2', { id: 'stats-h' }, 'Dữ liệu hiện có'));
  main.appendChild(section);
  const wait = section.appendChild(loading('số liệu'));
  try {
    const s = await api.stats(signal);
    wait.remove();
    section.appendChild(statsView(s));
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    wait.replaceWith(h('p', { class: 'muted' }, `Chưa lấy được số liệu: ${err.message}`));
  }
}

function statsView(s) {
  const cards = h('dl', { class: 'stat-cards' });
  const tables = [];
  for (const [key, value] of Object.entries(s || {})) {
    if (typeof value === 'number') {
      cards.appendChild(h('div', { class: 'stat' }, h('dt', {}, statLabels[key] || key), h('dd', {}, formatNumber(value))));
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const rows = Object.entries(value).filter(([, v]) => typeof v === 'number');
      if (!rows.length) continue;
      if (key === 'by_level') rows.sort(([a], [b]) => levelRank(a) - levelRank(b));
      else rows.sort(([, a], [, b]) => b - a);
      // by_type and by_level rows open the documents of that type or level.
      const filter = { by_type: 'type', by_level: 'level' }[key];
      tables.push(h('table', { class: 'small' },
        h('caption', {}, statLabels[key] || key),
        h('tbody', {}, rows.map(([k, v]) => h('tr', {},
          h('th', { scope: 'row' }, filter ? h('a', { href: href('search', '', { [filter]: k }) }, statKey(key, k)) : statKey(key, k)),
          h('td', { class: 'num' }, formatNumber(v)))))));
    }
  }
  return h('div', {}, cards, tables.length ? h('div', { class: 'stat-tables' }, tables) : null);
}

function statKey(group, k) {
  if (group === 'by_level') return levelOf(k).label;
  if (group === 'by_type') return typeLabel(k);
  return k;
}

/** normalizeFacets turns the facet shapes a search engine may send into {name: [{term, count}]}. */
export function normalizeFacets(facets) {
  const out = {};
  for (const [name, f] of Object.entries(facets || {})) {
    let terms = [];
    if (Array.isArray(f)) terms = f;
    else if (f && Array.isArray(f.terms)) terms = f.terms;
    else if (f && typeof f === 'object') terms = Object.entries(f).map(([term, count]) => ({ term, count }));
    terms = terms
      .map((t) => ({ term: String(t.term ?? t.value ?? t.name ?? ''), count: Number(t.count ?? 0) }))
      .filter((t) => t.term !== '');
    if (terms.length) out[name] = terms;
  }
  return out;
}

/** highlightsOf turns a hit's highlights (list, or {field: [fragments]}) into a list. */
export function highlightsOf(hit) {
  const hl = hit.highlights ?? hit.fragments;
  if (!hl) return [];
  if (typeof hl === 'string') return [hl];
  if (Array.isArray(hl)) return hl.map(String);
  return Object.values(hl).flat().map(String);
}

/** renderSearch runs the route's search and shows results, facets and filters. */
export async function renderSearch(main, { params, signal }) {
  const q = (params.get('q') || '').trim();
  const filters = {};
  for (const k of filterParams) if (params.get(k)) filters[k] = params.get(k);
  const sort = sortOrders.some(([v]) => v === params.get('sort')) ? params.get('sort') : '';

  main.appendChild(h('h1', {}, q ? `Kết quả cho “${q}”` : 'Tìm kiếm'));
  if (!q && !Object.keys(filters).length) {
    main.appendChild(h('p', { class: 'lead' }, 'Nhập số hiệu hoặc từ khóa vào ô tìm kiếm ở trên.'));
    main.appendChild(h('p', { class: 'examples' }, 'Thử: ',
      examples.map((ex) => h('a', { class: 'chip', href: href('search', '', { q: ex }) }, ex))));
    document.getElementById('q').focus();
    return null;
  }

  const layout = h('div', { class: 'search-layout' });
  const aside = h('aside', { class: 'facets', 'aria-label': 'Bộ lọc' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-h' });
  layout.append(aside, results);
  main.appendChild(filterBar(q, filters, sort));
  main.appendChild(layout);

  const summary = h('h2', { id: 'results-h', class: 'results-summary' }, 'Đang tìm…');
  const list = h('ol', { class: 'hits', id: 'hits' });
  results.append(summary, list);

  const res = await api.search({ q, ...filters, sort, limit: 20 }, signal);
  const total = Number(res.total ?? (res.hits || []).length);
  summary.textContent = total ? `${formatNumber(total)} kết quả` : 'Không tìm thấy văn bản nào';
  announce(summary.textContent);
  if (res.number) results.insertBefore(numberNote(res.number), summary);
  if (!total) {
    results.appendChild(h('p', { class: 'muted' },
      'Gợi ý: thử bỏ bớt từ, viết số hiệu theo cách khác (“25-NQ/TW”, “nghị quyết 25”), hoặc bỏ bộ lọc.'));
  }
  appendHits(list, res.hits || []);
  pager(results, list, res.next_cursor, { q, ...filters, sort }, signal);
  aside.appendChild(facetsView(normalizeFacets(res.facets), q, sort ? { ...filters, sort } : filters));
  return null;
}

const matchLabels = { number: 'mang số hiệu này', cites: 'dẫn chiếu số hiệu này', text: 'nhắc trong nội dung' };

// numberNote says how the query was read as a document number.
function numberNote(n) {
  const what = n.canonical || `${n.type || ''} số ${n.seq || ''}`.trim();
  return h('p', { class: 'number-note' },
    'Đọc như số hiệu ', h('strong', {}, what), n.partial ? ' (chưa rõ cơ quan ban hành: mọi văn bản cùng loại và số)' : '', ': ',
    `${formatNumber(n.carrying ?? 0)} văn bản mang số này, ${formatNumber(n.citing ?? 0)} văn bản dẫn chiếu đến.`);
}

function appendHits(list, hits) {
  for (const hit of hits) {
    const hl = hit.highlights && typeof hit.highlights === 'object' && !Array.isArray(hit.highlights) ? hit.highlights : null;
    const titleFrag = hl && Array.isArray(hl.title) && hl.title.length ? hl.title[0] : '';
    const frags = hl ? Object.entries(hl).filter(([k]) => k !== 'title').flatMap(([, v]) => v).map(String) : highlightsOf(hit);
    list.appendChild(h('li', { class: 'hit' },
      h('div', { class: 'hit-head' },
        h('a', { class: 'hit-number', href: href('doc', hit.id || hit.number), 'data-number': hit.number || null }, hit.number || hit.title || hit.id),
        typeBadge(hit.type, hit.type_name),
        hit.level ? levelBadge(hit.level) : null,
        hit.stub ? stubBadge() : null,
        hit.match && matchLabels[hit.match] ? h('span', { class: 'badge match match-' + hit.match }, matchLabels[hit.match]) : null,
        hit.date ? dateText(hit.date) : null,
        hit.province ? h('span', { class: 'muted' }, hit.province) : null),
      hit.title && hit.number ? h('p', { class: 'hit-title' }, titleFrag ? markedFragment(titleFrag) : hit.title) : null,
      frags.length ? h('div', { class: 'hit-snippets' }, frags.slice(0, 3).map((f) => h('p', { class: 'snippet' }, markedFragment(f)))) : null));
  }
}

function pager(results, list, cursor, params, signal) {
  if (!cursor) return;
  const more = h('button', { type: 'button', class: 'more' }, 'Xem thêm kết quả');
  more.addEventListener('click', async () => {
    more.disabled = true;
    more.textContent = 'Đang tải…';
    try {
      const res = await api.search({ ...params, limit: 20, cursor }, signal);
      const first = list.children.length;
      appendHits(list, res.hits || []);
      more.remove();
      announce(`Đã tải thêm ${(res.hits || []).length} kết quả`);
      const next = list.children[first]?.querySelector('a');
      if (next) next.focus();
      pager(results, list, res.next_cursor, params, signal);
    } catch (err) {
      if (err.name === 'AbortError') return;
      more.disabled = false;
      more.textContent = 'Xem thêm kết quả';
      results.appendChild(h('p', { class: 'error', role: 'alert' }, `Không tải thêm được: ${err.message}`));
    }
  });
  results.appendChild(more);
}

const sortOrders = [['', 'phù hợp nhất'], ['date', 'mới nhất'], ['oldest', 'cũ nhất']];

function filterBar(q, filters, sort) {
  const from = h('input', { type: 'date', id: 'f-from', name: 'from', value: filters.from || '' });
  const to = h('input', { type: 'date', id: 'f-to', name: 'to', value: filters.to || '' });
  const order = h('select', { id: 'f-sort', name: 'sort' },
    sortOrders.map(([v, label]) => h('option', { value: v, selected: v === sort }, label)));
  const form = h('form', { class: 'filter-bar', 'aria-label': 'Lọc theo ngày ban hành và sắp xếp' },
    h('label', { for: 'f-from' }, 'Từ ngày'), from,
    h('label', { for: 'f-to' }, 'đến ngày'), to,
    h('label', { for: 'f-sort' }, 'Xếp theo'), order,
    h('button', { type: 'submit' }, 'Áp dụng'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('search', '', { q, ...filters, from: from.value, to: to.value, sort: order.value });
  });
  // Changing the order applies it at once.
  order.addEventListener('change', () => form.requestSubmit());
  const active = Object.entries(filters);
  if (active.length) {
    form.appendChild(h('span', { class: 'active-filters' }, 'Đang lọc: ',
      active.map(([k, v]) => {
        const rest = { q, ...filters, sort };
        delete rest[k];
        return h('a', { class: 'chip active', href: href('search', '', rest), 'aria-label': `Bỏ lọc ${facetLabels[k] || k}: ${v}` },
          `${facetLabels[k] || k}: ${filterValueLabel(k, v)} ×`);
      })));
  }
  return form;
}

function filterValueLabel(k, v) {
  if (k === 'level') return levelOf(v).label;
  return v;
}

function facetsView(facets, q, filters) {
  const box = h('div', {});
  const order = ['type', 'level', 'province', 'year', 'issuer', 'term'];
  const rank = (n) => (order.includes(n) ? order.indexOf(n) : order.length);
  const names = Object.keys(facets).sort((a, b) => rank(a) - rank(b));
  if (!names.length) return box;
  box.appendChild(h('h2', { class: 'facets-h' }, 'Lọc kết quả'));
  for (const name of names) {
    const group = h('div', { class: 'facet', role: 'group', 'aria-label': facetLabels[name] || name },
      h('h3', {}, facetLabels[name] || name));
    const ul = h('ul', { class: 'chips' });
    for (const t of facets[name].slice(0, 30)) {
      const link = facetLink(name, t.term, q, filters);
      const text = [name === 'level' ? levelOf(t.term).label : t.term, ' ', h('span', { class: 'count' }, formatNumber(t.count))];
      const selected = link && filters[link.param] === link.value;
      ul.appendChild(h('li', {}, link
        ? h('a', {
          class: 'chip' + (selected ? ' active' : ''),
          href: href('search', '', link.params),
          'aria-pressed': selected ? 'true' : 'false',
          title: name === 'type' ? typeLabel(t.term) : null,
        }, text)
        : h('span', { class: 'chip static' }, text)));
    }
    group.appendChild(ul);
    box.appendChild(group);
  }
  return box;
}

// facetLink returns the route parameters that filter by a facet term, or
// null when the API has no filter for that facet.
function facetLink(name, term, q, filters) {
  const base = { q, ...filters };
  if (name === 'year' && /^\d{4}$/.test(term)) {
    return { param: 'from', value: `${term}-01-01`, params: { ...base, from: `${term}-01-01`, to: `${term}-12-31` } };
  }
  if (!filterParams.includes(name)) return null;
  const selected = filters[name] === term;
  const params = { ...base, [name]: selected ? '' : term };
  return { param: name, value: term, params };
}
