// vocab.js: the domain's words and colours, shared by every view.

/** Levels top to bottom, with labels and colours (colour-blind safe, Okabe–Ito). */
export const levels = [
  { id: 'central', label: 'Trung ương', color: '#b5452b' },
  { id: 'province', label: 'Tỉnh', color: '#0072b2' },
  { id: 'district', label: 'Huyện', color: '#009e73' },
  { id: 'commune', label: 'Xã', color: '#cc79a7' },
  { id: '', label: 'Chưa rõ cấp', color: '#7a7a7a' },
];

/** levelOf returns the level entry for a level id ('' when unknown). */
export function levelOf(id) {
  return levels.find((l) => l.id === (id || '')) || levels[levels.length - 1];
}

/** levelRank orders levels: central 0 … unknown last. */
export function levelRank(id) {
  const i = levels.findIndex((l) => l.id === (id || ''));
  return i < 0 ? levels.length - 1 : i;
}

/**
 * Relations with labels and how an edge of that relation is drawn: colour,
 * line style and width (the legend draws the same).
 */
export const relations = [
  { id: 'implements', label: 'triển khai thực hiện', color: '#1a7f37', style: 'solid', width: 3 },
  { id: 'guides', label: 'hướng dẫn thực hiện', color: '#0057a8', style: 'solid', width: 2.5 },
  { id: 'based_on', label: 'căn cứ', color: '#555555', style: 'dashed', width: 2 },
  { id: 'reviews', label: 'sơ kết / tổng kết', color: '#8a5a00', style: 'dotted', width: 2.5 },
  { id: 'amends', label: 'sửa đổi, bổ sung', color: '#7b3fa0', style: 'dashed', width: 2.5 },
  { id: 'replaces', label: 'thay thế', color: '#b00020', style: 'dashed', width: 2.5 },
  { id: 'repeals', label: 'bãi bỏ', color: '#b00020', style: 'dotted', width: 2.5 },
  { id: 'cites', label: 'dẫn chiếu', color: '#9a9a9a', style: 'solid', width: 1.5 },
];

/** relationOf returns the relation entry (cites when unknown). */
export function relationOf(id) {
  return relations.find((r) => r.id === id) || relations[relations.length - 1];
}

/** Document type abbreviations and their names. */
export const typeNames = {
  NQ: 'Nghị quyết', KL: 'Kết luận', CT: 'Chỉ thị', QĐ: 'Quyết định', QĐi: 'Quy định', QC: 'Quy chế',
  HD: 'Hướng dẫn', KH: 'Kế hoạch', CTr: 'Chương trình', TB: 'Thông báo', BC: 'Báo cáo', TTr: 'Tờ trình',
  ĐA: 'Đề án', CV: 'Công văn', BB: 'Biên bản', NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch',
  L: 'Luật', PL: 'Pháp lệnh',
};

/** typeLabel names a type: "Nghị quyết (NQ)", or the abbreviation alone. */
export function typeLabel(type, typeName) {
  const name = typeName || typeNames[type];
  if (!type) return name || '';
  return name ? `${name} (${type})` : type;
}

/** docLabel is how a document is named in lists: its number, else its title. */
export function docLabel(d) {
  if (!d) return '';
  return d.number || d.title || d.id || '(không số)';
}
