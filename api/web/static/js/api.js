// api.js: the JSON API under /api/v1 (see /api/v1/openapi.json).

/** The lineage export formats the API writes (format=…), with labels. */
export const exportFormats = [
  { format: 'json', label: 'JSON (networkx)', ext: 'json' },
  { format: 'graphml', label: 'GraphML', ext: 'graphml' },
  { format: 'gexf', label: 'GEXF (Gephi)', ext: 'gexf' },
  { format: 'dot', label: 'DOT (Graphviz)', ext: 'dot' },
  { format: 'cytoscape', label: 'Cytoscape JSON', ext: 'cyjs' },
  { format: 'csv', label: 'CSV (quan hệ)', ext: 'csv' },
  { format: 'csv-nodes', label: 'CSV (văn bản)', ext: 'csv' },
];

/** APIError is a failed request, from an RFC 9457 problem document when there is one. */
export class APIError extends Error {
  constructor(status, title, detail, candidates) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    // For an ambiguous number (300): the documents it may name.
    this.candidates = candidates || [];
  }
}

/** url builds an API URL relative to the page, leaving out empty parameters. */
export function url(path, params) {
  const u = new URL('api/v1/' + path, document.baseURI);
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    u.searchParams.set(k, String(v));
  }
  return u.pathname + u.search;
}

const enc = encodeURIComponent;

async function getJSON(path, params, signal) {
  let res;
  try {
    res = await fetch(url(path, params), { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new APIError(0, 'Không kết nối được máy chủ', err.message);
  }
  const type = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    let title = res.statusText;
    let detail = '';
    let candidates = [];
    if (type.includes('json')) {
      try {
        const p = await res.json();
        title = p.title || title;
        detail = p.detail || '';
        candidates = Array.isArray(p.candidates) ? p.candidates : [];
      } catch { /* not JSON after all: keep the status text */ }
    }
    throw new APIError(res.status, title, detail, candidates);
  }
  if (!type.includes('json')) throw new APIError(res.status, 'Phản hồi không phải JSON', type);
  return res.json();
}

/** search runs a search: {q, type, province, from, to, limit, cursor}. */
export function search(params, signal) {
  return getJSON('search', params, signal);
}

/** documentOf fetches one document by id or number. */
export function documentOf(id, signal) {
  return getJSON('documents/' + enc(id), null, signal);
}

/** lineage fetches a lineage graph as node-link JSON. */
export function lineage(id, { direction = 'down', depth = 3 } = {}, signal) {
  return getJSON('lineage/' + enc(id), { direction, depth, format: 'json' }, signal);
}

/**
 * lineageURL is the link for an export of a lineage graph; download=1 asks
 * for the file as written for the tool (for json: networkx node-link JSON).
 */
export function lineageURL(id, { direction = 'down', depth = 3, format = 'json' } = {}) {
  return url('lineage/' + enc(id), { direction, depth, format, download: 1 });
}

/** coverage fetches the by-province coverage of a central document. */
export function coverage(id, signal) {
  return getJSON('coverage/' + enc(id), null, signal);
}

/** stats fetches the store's counts. */
export function stats(signal) {
  return getJSON('stats', null, signal);
}
