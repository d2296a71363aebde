// dom.js: building DOM nodes from data, never by parsing HTML, so that no text from the
// server is ever parsed as HTML.

/**
 * h builds an element. attrs: "class", "text", "on<event>" handlers,
 * booleans (true sets the attribute, false/null/undefined leaves it out),
 * anything else as an attribute. Children: nodes, strings (as text), arrays;
 * null/undefined/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class' && el instanceof SVGElement) el.setAttribute('class', v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** svg builds an SVG element (see h). */
export function svg(tag, attrs, ...children) {
  return h('svg:' + tag, attrs, ...children);
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** clear empties an element and returns it. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const namedEntities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * decodeEntities turns the few HTML entities a highlighter may produce back
 * into characters. Unknown entities stay as written.
 */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return Object.prototype.hasOwnProperty.call(namedEntities, name) ? namedEntities[name] : all;
  });
}

/**
 * markedFragment renders a highlight fragment from the search API. Only the
 * literal tags <mark> and </mark> become elements; everything else,
 * including any other tag, is inserted as text.
 */
export function markedFragment(s) {
  const frag = document.createDocumentFragment();
  let mark = null;
  for (const part of String(s).split(/(<mark>|<\/mark>)/i)) {
    const lower = part.toLowerCase();
    if (lower === '<mark>') {
      if (!mark) mark = document.createElement('mark');
      continue;
    }
    if (lower === '</mark>') {
      if (mark) {
        frag.appendChild(mark);
        mark = null;
      }
      continue;
    }
    if (!part) continue;
    const text = document.createTextNode(decodeEntities(part));
    (mark || frag).appendChild(text);
  }
  if (mark) frag.appendChild(mark);
  return frag;
}

/** announce tells screen readers about a change (the aria-live region). */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  // A new text node after a tick makes screen readers read repeated messages.
  setTimeout(() => { el.textContent = message; }, 30);
}

/** formatNumber formats an integer the Vietnamese way (1.234). */
export function formatNumber(n) {
  return typeof n === 'number' ? n.toLocaleString('vi-VN') : String(n ?? '');
}

/** formatDate shows a YYYY-MM-DD date as DD/MM/YYYY, the Vietnamese order. */
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso);
}
