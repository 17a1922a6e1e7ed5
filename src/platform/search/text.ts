/**
 * Chinese full-text search helpers shared by both databases: text is indexed as overlapping
 * two-character windows of each CJK run (bigrams) plus whole lower-cased Latin words and numbers, so
 * that a query of two or more Chinese characters finds exactly the texts that contain it.
 */
const CJK_CLASS = '\\u3400-\\u9fff\\uf900-\\ufaff';
const TOKEN = new RegExp(`[${CJK_CLASS}]+|[[\\p{L}\\p{N}]--[${CJK_CLASS}]]+`, 'gv');
const CJK_ONLY = new RegExp(`^[${CJK_CLASS}]+$`);

export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(TOKEN)) {
    if (CJK_ONLY.test(run)) {
      if (run.length === 1) out.push(run);
      else for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
    } else {
      out.push(run.toLowerCase());
    }
  }
  return out;
}

/** The text to store in the index. */
export const indexText = (text: string) => bigramTokens(text).join(' ');

/** Search terms: whitespace-separated, each at most 40 characters, at most 8 terms. */
export const queryTerms = (q: string) => q.trim().split(/\s+/).filter(Boolean).slice(0, 8).map((t) => t.slice(0, 40));

/** A term the bigram index answers exactly: two or more Chinese characters and nothing else. */
export const indexable = (term: string) => CJK_ONLY.test(term) && term.length >= 2;

/**
 * For a term the index cannot answer exactly (e.g. the 文号 明政〔2015〕23号), token phrases every text
 * containing the term must also contain: the bigrams of each run of two or more Chinese characters, and
 * Latin words or numbers that do not touch the term's ends (at an end, the text's word may be longer).
 * Used to narrow the substring scan to the index's candidates; empty when nothing is certain.
 */
export function necessaryPhrases(term: string): string[] {
  const out: string[] = [];
  for (const m of term.matchAll(TOKEN)) {
    const run = m[0];
    if (CJK_ONLY.test(run)) {
      if (run.length >= 2) out.push(bigramTokens(run).join(' '));
    } else if (m.index > 0 && m.index + run.length < term.length) {
      out.push(run.toLowerCase());
    }
  }
  return out;
}

/** FTS5 MATCH expression: each term a phrase of its bigrams, all terms required. */
export const fts5Match = (terms: string[]) => terms.map((t) => `"${bigramTokens(t).join(' ')}"`).join(' AND ');

/** The bigram phrase for PostgreSQL's phraseto_tsquery('simple', …). */
export const tsPhrase = (term: string) => bigramTokens(term).join(' ');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Escaped HTML of `text` with every occurrence of the terms wrapped in <mark>. */
export function highlight(text: string, terms: string[]): string {
  const ts = terms.filter(Boolean).sort((a, b) => b.length - a.length);
  if (!ts.length) return escapeHtml(text);
  const lower = text.toLowerCase();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const hit = ts.find((t) => lower.startsWith(t.toLowerCase(), i));
    if (hit) {
      out += `<mark>${escapeHtml(text.slice(i, i + hit.length))}</mark>`;
      i += hit.length;
    } else {
      out += escapeHtml(text[i]!);
      i += 1;
    }
  }
  return out;
}

/** A window of the text around the first hit (or its start), highlighted. */
export function snippet(text: string, terms: string[], width = 80): string {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const start = first === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, first - Math.floor(width / 3));
  const piece = text.slice(start, start + width).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${highlight(piece, terms)}${start + width < text.length ? '…' : ''}`;
}
