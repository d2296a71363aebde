// Package corpusgen generates a synthetic national corpus of Vietnamese
// Party and state documents with its truth, and measures an extractor and
// a citation graph against that truth. It is pure (standard library only):
// it returns values and calls back; `vncite gen` writes them to disk.
//
// # The corpus
//
// Central documents per term (khóa IX–XIV: Nghị quyết, Kết luận, Chỉ thị,
// Quyết định, Quy định (QĐ before 2018, QĐi after), Hướng dẫn of the
// Central Committee and its boards; Chỉ thị of the Prime Minister, Nghị
// định and Nghị quyết of the Government, laws and resolutions of the
// National Assembly and its Standing Committee, Thông tư and joint Thông tư
// liên tịch) are each implemented, in a share of the provinces (63 before
// 2025-07-01, 34 after), by plans of the Tỉnh ủy (KH/TU, CTr/TU, CT/TU,
// HD/BTGTU) or of the UBND tỉnh (N/KH-UBND), resolutions of the HĐND
// (N/YYYY/NQ-HĐND, sometimes lettered: 12a/2019/NQ-HĐND), then by districts
// (KH/HU, CV/HU, CTr/HU; QU for urban districts; TU for towns and
// provincial cities, whose committees sign like a province's) and communes
// (KH/ĐU, N/KH-UBND), each dated after its source with a log-normal lag.
// After the 2025 reform there are no districts: communes implement the 34
// provinces directly.
//
// Texts follow the form of real documents: a letterhead, "Số: 135-KH/TU",
// "Lâm Đồng, ngày 24 tháng 8 năm 2015", a heading and title, sections with
// numbered paragraphs, "Nơi nhận" and the signature. A share of the local
// documents is given as a news page reporting them, and some documents are
// news articles with no number of their own. Citations carry cues
// ("triển khai thực hiện", "căn cứ", "theo tinh thần", "sửa đổi, bổ sung",
// "thay thế", "sơ kết 5 năm thực hiện", "tiếp tục thực hiện"), dates in
// three spellings, bodies ("của Ban Thường vụ Tỉnh ủy Lâm Đồng", "của Bộ
// Chính trị (khóa XII)"), titles; lists ("Quyết định số 217-QĐ/TW và
// 218-QĐ/TW"), short forms after a full mention ("Nghị quyết 25",
// "Kết luận nêu trên"), bare numbers completed by their words ("Chỉ thị
// số 35 ... của Bộ Chính trị"), and statements about two other documents
// ("Kế hoạch số 135-KH/TU ... về triển khai thực hiện Kết luận số
// 114-KL/TW", chained down the levels). Numbers are spelled in every way of
// ../shared/docs/document-numbers.md at a configurable rate (see the Form*
// constants), whole documents are written in NFD, with CRLF line ends or
// without diacritics ("Nghi quyet so 25-NQ/TW") at others, and noise that
// is no reference (ISO 9001:2015, KT - XH, phone numbers, Quý II/2024,
// plenum names ("Nghị quyết Trung ương 7 khóa XI"), annexes,
// page numbers, addresses, "khoản 2 Điều 5", blank draft numbers, web
// furniture) at a third.
//
// Generation is seeded (math/rand/v2 PCG): the same Config gives the same
// bytes, whatever the number of workers. Documents are emitted cascade by
// cascade: a central document, then the documents implementing it.
//
// # The truth: truth.jsonl
//
// One JSON object per line, one line per document in emission order
// (DocTruth), including central documents whose text is withheld (no
// "file"). Fields:
//
//	id            the generator's identity of the document, unique
//	file          path of the text relative to the corpus directory ("0003/0003141.txt"); absent when withheld
//	form          "document", "draft" (its number left blank: "Số:      /KH-UBND"), "news" (a web page
//	              reporting it) or "article" (no number of its own)
//	number        canonical number ("135-KH/TU", "16/CT-TTg", "30/2020/NĐ-CP", "10/2022/QH15"); absent for articles
//	type, type_name, issuer   "KH", "Kế hoạch", "TU"
//	body          the issuing body in full ("Ban Thường vụ Tỉnh ủy Lâm Đồng")
//	date          YYYY-MM-DD; year its year; term the central term (Party documents)
//	level         central, province, district, commune
//	province, province_2025, district, district_kind, commune, commune_kind   the unit at the date
//	scope         the unit path "Province[/District[/Commune]]": with number and term (Party) or year (state), a document's identity
//	source, lag_days   the document it implements, and the days after it
//	nfd           the file is in NFD; spans then also carry nfc_start/nfc_end (offsets in the NFC text an extractor sees)
//	crlf          the file's lines end in CRLF (offsets count the CR)
//	unaccented    the file has no diacritics (offsets and as_written are those of the unaccented text)
//	number_span   where its own number is written
//	citations     every mention of a numbered document:
//	    number, target (the cited document's id), relation (of the cue before it),
//	    mention (full, list, short, above, bare), form (spelling: canonical, spaces, en_dash, no_dash,
//	    ascii_d, eth, cyrillic, line_break, upper, ocr_tu, so_colon, no_so, split, nbsp, glued, cap_so,
//	    abbr_word, generic, joint_slash, table, footnote, short, bare, law_num),
//	    start, end (bytes of the file; file[start:end] == as_written), as_written,
//	    date, body, term, title (as stated beside it), scope_from (where a reader finds a local target's unit), in_statement
//	statements    edges the text states between two other documents:
//	    subject, subject_id, relation, object, object_id, start, end (from the subject's number to the object's)
//	named         references by name without a number ("Luật Tiếp công dân"), with spans
//	noise         text that looks like a reference and is none: kind, text, spans
//
// The true edges of the corpus (TruthEdges) are every document with text
// to every document it mentions, and every stated edge, one per pair.
//
// # Measuring
//
// Evaluator (and Evaluate, EvaluateCorpus) scores an extractor's
// vncite.Extraction per file: a reported reference is right when the truth
// has a mention of the same canonical number whose span overlaps it;
// references on the document's own number are ignored. The report splits
// recall by spelling and kind of mention, false alarms by what stood there
// (a noise kind, a true mention read as another number, a named document),
// scores statements and the document's own number, and the date, body,
// term, title and relation of matched references. Given a graph's edges
// (EdgesFromDump reads `vncite dump`), it scores edge recall and precision
// by document identity: an edge end resolves by its source file, or by its
// number, term or year, and scope; an end that leaves several documents
// possible counts as wrong.
//
// Cascade builds one central resolution implemented by a given number of
// provinces and districts, for the graph's lineage, path, coverage and lag
// tests.
package corpusgen
