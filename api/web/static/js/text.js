// text.js: cutting a document's text at the API's offsets, which are byte
// offsets into the UTF-8 text, while JavaScript strings index UTF-16 units.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** isBoundary reports whether byte offset i starts a character (or is the end). */
function isBoundary(bytes, i) {
  return i === 0 || i === bytes.length || (i > 0 && i < bytes.length && (bytes[i] & 0xc0) !== 0x80);
}

/**
 * segments cuts text into pieces at the given spans ({start, end} byte
 * offsets, any other fields kept). It returns [{text, span}] in order, span
 * null for the text between spans. Spans that are out of range, empty, cut a
 * character in half, or overlap an earlier span are left out and listed in
 * skipped, so that the caller can say so rather than draw a wrong link.
 */
export function segments(text, spans) {
  const bytes = encoder.encode(text);
  const sorted = [...spans].filter(Boolean).sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  const skipped = [];
  let pos = 0;
  for (const span of sorted) {
    const { start, end } = span;
    const valid = Number.isInteger(start) && Number.isInteger(end) && start >= pos && end > start &&
      end <= bytes.length && isBoundary(bytes, start) && isBoundary(bytes, end);
    if (!valid) {
      skipped.push(span);
      continue;
    }
    if (start > pos) out.push({ text: decoder.decode(bytes.subarray(pos, start)), span: null });
    out.push({ text: decoder.decode(bytes.subarray(start, end)), span });
    pos = end;
  }
  if (pos < bytes.length) out.push({ text: decoder.decode(bytes.subarray(pos)), span: null });
  return { segments: out, skipped };
}

/** byteSlice returns text[start:end] with byte offsets, or '' when out of range. */
export function byteSlice(text, start, end) {
  const bytes = encoder.encode(text);
  if (!(start >= 0 && end >= start && end <= bytes.length)) return '';
  return decoder.decode(bytes.subarray(start, end));
}

/** byteLength is the UTF-8 length of s. */
export function byteLength(s) {
  return encoder.encode(s).length;
}

/**
 * numberPattern matches a canonical number as it may be written: any
 * spacing, dashes or slashes between its parts, any case, "Ð" or "D" for
 * "Đ", and not inside a longer number ("25-NQ/TW" is not found in
 * "125-NQ/TW").
 */
export function numberPattern(number) {
  const parts = String(number).normalize('NFC').split(/[\s\-\u2013\u2014/]+/).filter(Boolean);
  if (!parts.length) return null;
  const esc = (p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ĐđÐD]/g, '[ĐđÐDd]');
  return new RegExp('(?<![\\p{L}\\p{N}])' + parts.map(esc).join('[\\s\\-\\u2013\\u2014/]*') + '(?![\\p{L}\\p{N}])', 'iu');
}

/**
 * narrowSpan returns the part of the byte span [start, end) of text where
 * number is written, or the span itself when the number is not found in it
 * (an evidence span may be the whole sentence).
 */
export function narrowSpan(text, start, end, number) {
  const re = number ? numberPattern(number) : null;
  if (!re) return { start, end };
  const inside = byteSlice(text, start, end);
  const m = re.exec(inside);
  if (!m) return { start, end };
  const s = start + byteLength(inside.slice(0, m.index));
  return { start: s, end: s + byteLength(m[0]) };
}

/**
 * markRange flags the pieces of segments (from segments()) that fall in the
 * byte range {start, end}, splitting pieces at its ends, so that a marked
 * range can hold links. Pieces get at: true or false. A range that cuts a
 * character or leaves the text is ignored.
 */
export function markRange(segs, range) {
  const total = segs.reduce((n, s) => n + byteLength(s.text), 0);
  const ok = range && Number.isInteger(range.start) && Number.isInteger(range.end) &&
    range.start >= 0 && range.end > range.start && range.end <= total;
  const out = [];
  let pos = 0;
  for (const s of segs) {
    const len = byteLength(s.text);
    const a = pos;
    const b = pos + len;
    pos = b;
    if (!ok || range.end <= a || range.start >= b) {
      out.push({ ...s, at: false });
      continue;
    }
    const cuts = [a, Math.max(a, range.start), Math.min(b, range.end), b];
    const pieces = [];
    for (let i = 0; i < 3; i++) {
      if (cuts[i + 1] <= cuts[i]) continue;
      const piece = byteSlice(s.text, cuts[i] - a, cuts[i + 1] - a);
      if (byteLength(piece) !== cuts[i + 1] - cuts[i]) return segs.map((x) => ({ ...x, at: false })); // cut a character
      pieces.push({ ...s, text: piece, at: i === 1 });
    }
    out.push(...pieces);
  }
  return out;
}
