// app.js: the explorer's hash router. Routes:
//   #/                      overview (counts)
//   #/search?q=…&type=…     search with facets
//   #/doc/ID                one document
//   #/lineage/ID?direction=down&depth=3
//   #/timeline/ID           implementation timeline and coverage
// IDs are encoded with encodeURIComponent (numbers contain "/").

import { clear } from './dom.js';
import { APIError } from './api.js';
import { parseHash, go } from './nav.js';
import { errorBox } from './ui.js';
import { renderHome, renderSearch } from './search.js';
import { renderDocument } from './doc.js';
import { renderLineage } from './lineage.js';
import { renderTimeline } from './timeline.js';

const routes = {
  '': renderHome,
  search: renderSearch,
  doc: renderDocument,
  lineage: renderLineage,
  timeline: renderTimeline,
};

let current = null; // {controller, cleanup}
let firstRender = true;
let renders = 0; // counts finished renders, for tests waiting on a navigation

async function route() {
  // In-page anchors such as the skip link (#main) are not routes.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const { view, id, params } = parseHash(location.hash || '#/');
  if (current) {
    current.controller.abort();
    if (current.cleanup) current.cleanup();
  }
  const controller = new AbortController();
  current = { controller, cleanup: null };
  const main = document.getElementById('main');
  const render = routes[view];
  markNav(view);
  syncSearchBox(view, params);
  clear(main);
  main.setAttribute('aria-busy', 'true');
  main.dataset.view = view || 'home';
  try {
    if (!render) throw new APIError(404, 'Không có trang này', `Địa chỉ “#/${view}” không tồn tại.`);
    const cleanup = await render(main, { id, params, signal: controller.signal });
    if (controller.signal.aborted) {
      if (cleanup) cleanup();
      return;
    }
    current.cleanup = cleanup || null;
  } catch (err) {
    if (err.name === 'AbortError' || controller.signal.aborted) return;
    clear(main);
    main.appendChild(errorBox(err));
  } finally {
    if (!controller.signal.aborted) {
      main.setAttribute('aria-busy', 'false');
      main.dataset.renders = String(++renders);
      const heading = main.querySelector('h1');
      if (!firstRender && heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: false });
      }
      document.title = (heading ? heading.textContent + ' — ' : '') + 'vncite';
      firstRender = false;
    }
  }
}

function markNav(view) {
  for (const a of document.querySelectorAll('.topnav a')) {
    const target = parseHash(a.getAttribute('href')).view;
    if (target === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function syncSearchBox(view, params) {
  const input = document.getElementById('q');
  if (view === 'search' && document.activeElement !== input) input.value = params.get('q') || '';
}

function start() {
  const form = document.getElementById('search-form');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = document.getElementById('q').value.trim();
    go('search', '', { q });
  });
  // "/" jumps to the search box from anywhere but a field.
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable) return;
    ev.preventDefault();
    document.getElementById('q').focus();
  });
  window.addEventListener('hashchange', route);
  route();
}

start();
