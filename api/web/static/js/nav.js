// nav.js: building and reading the explorer's hash routes.

/** href builds a route link: href('doc', id, {…}). */
export function href(view, id, params) {
  let s = '#/' + view;
  if (id !== undefined && id !== null && id !== '') s += '/' + encodeURIComponent(id);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  return qs ? s + '?' + qs : s;
}

/** go navigates to a route. */
export function go(view, id, params) {
  location.hash = href(view, id, params);
}

/** parseHash splits "#/doc/25-NQ%2FTW?x=1" into {view, id, params}. */
export function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const qi = raw.indexOf('?');
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
  const slash = path.indexOf('/');
  const view = slash < 0 ? path : path.slice(0, slash);
  let id = slash < 0 ? '' : path.slice(slash + 1);
  try {
    id = decodeURIComponent(id);
  } catch { /* a hand-typed "%" stays as written */ }
  return { view, id, params };
}
