import { beijingYear, beijingYearStart } from '../calendar/calendar.js';

/**
 * Chinese full-text search helpers shared by both databases: text is indexed as overlapping
 * two-character windows of each CJK run (bigrams) plus whole lower-cased Latin words and numbers, so
 * that a query of two or more Chinese characters finds exactly the texts that contain it.
 */
const CJK_CLASS = '\\u3400-\\u9fff\\uf900-\\ufaff';
const TOKEN = new RegExp(`[${CJK_CLASS}]+|[[\\p{L}\\p{N}]--[${CJK_CLASS}]]+`, 'gv');
const CJK_ONLY = new RegExp(`^[${CJK_CLASS}]+$`);

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Length (1 or 2 code units) of the letter or digit at i, 0 when there is none; ASCII answered without a regex. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (isCjk(c)) return 0;
  const cp = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * Calls `emit` with each index token of the text, in order: the bigrams of every run of Chinese characters
 * (a lone character as itself), and every run of other letters and digits, lower-cased. One pass over the
 * character codes (the import indexes a million documents through here).
 */
function eachToken(text: string, emit: (token: string) => void) {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isCjk(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isCjk(text.charCodeAt(j))) j++;
      if (j - i === 1) emit(text[i]!);
      else for (let k = i; k < j - 1; k++) emit(text.slice(k, k + 2));
      i = j;
      continue;
    }
    let len = wordCharAt(text, i);
    if (!len) {
      i += 1;
      continue;
    }
    let j = i;
    while (len) {
      j += len;
      len = j < n ? wordCharAt(text, j) : 0;
    }
    emit(text.slice(i, j).toLowerCase());
    i = j;
  }
}

export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  eachToken(text, (t) => out.push(t));
  return out;
}

/** The text to store in the index. */
export const indexText = (text: string) => bigramTokens(text).join(' ');

/** What a document puts in the search indexes (see documents/search.ts). */
export interface IndexTexts { title: string; body: string; charTitle: string; charBody: string }

/** The title with the keywords: what the title index holds, and the first line of plainText (relevance's title weight). */
const titleLine = (title: string, keywords: string | null) => `${title} ${keywords ?? ''}`;

/**
 * A document's index texts: the title with the keywords; the body and each attachment's text, each indexed
 * on its own with a sentinel word between them so that a phrase cannot span two texts.
 */
export function documentIndexTexts(title: string, keywords: string | null, texts: string[]): IndexTexts {
  const head = titleLine(title, keywords);
  return { title: indexText(head), body: texts.map(indexText).join(' zzbreak '), charTitle: charTokens(head), charBody: charTokens(...texts) };
}

/**
 * PostgreSQL: a document's plain text, in which phrases are checked and terms counted (decision 0014):
 * lower-cased, the title line, the body and each attachment's text on lines of their own.
 */
export const plainText = (title: string, keywords: string | null, texts: string[]) => [titleLine(title, keywords), ...texts].join('\n').toLowerCase();

/** The index texts of several documents, in order (bulk indexing runs this in a worker thread). */
export const indexTextsOf = (docs: Array<{ title: string; keywords: string | null; texts: string[] }>) => docs.map((d) => documentIndexTexts(d.title, d.keywords, d.texts));

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

/** The distinct Chinese characters of the texts, for the single-character index. */
export function charTokens(...texts: string[]): string {
  // A stamp per character code instead of a Set: this runs once per imported document.
  stamp += 1;
  if (stamp === 0xffffffff) {
    seenAt.fill(0);
    stamp = 1;
  }
  const out: string[] = [];
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isCjk(c) && seenAt[c] !== stamp) {
        seenAt[c] = stamp;
        out.push(text[i]!);
      }
    }
  }
  return out.join(' ');
}
const seenAt = new Uint32Array(0x10000);
let stamp = 0;
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'g');

const LATIN_ONLY = new RegExp(`^[[\\p{L}\\p{N}]--[${CJK_CLASS}]]+$`, 'v');

/**
 * How the index answers a query's terms, all of which must match:
 * - `phrases`: bigram phrases (a term of two or more Chinese characters is exactly its phrase);
 * - `prefixes`: a Latin word or number matches the words of the text that begin with it;
 * - `chars`: single Chinese characters, answered by the character index;
 * - `verify`: terms the index only narrows (文号 and other mixed text), checked as substrings afterwards.
 * Terms with nothing searchable in them (punctuation only) are dropped; `empty` when none is left.
 */
export interface SearchPlan { phrases: string[]; prefixes: string[]; chars: string[]; verify: string[]; empty: boolean }

export function searchPlan(terms: string[]): SearchPlan {
  const plan: SearchPlan = { phrases: [], prefixes: [], chars: [], verify: [], empty: false };
  for (const term of terms) {
    if (indexable(term)) plan.phrases.push(bigramTokens(term).join(' '));
    else if (CJK_ONLY.test(term)) plan.chars.push(term);
    else if (LATIN_ONLY.test(term)) plan.prefixes.push(term.toLowerCase());
    else {
      const phrases = necessaryPhrases(term);
      const chars = [...term.matchAll(CJK_CHAR)].map(([c]) => c);
      if (!phrases.length && !chars.length && !term.match(TOKEN)) continue;
      plan.phrases.push(...phrases);
      plan.chars.push(...chars);
      plan.verify.push(term);
    }
  }
  plan.phrases = [...new Set(plan.phrases)];
  plan.chars = [...new Set(plan.chars)];
  plan.empty = !plan.phrases.length && !plan.prefixes.length && !plan.chars.length && !plan.verify.length;
  return plan;
}

/**
 * 32-bit keys of the three-character windows in a list of index tokens (space-separated, as indexText
 * makes them): one key for each two consecutive bigrams that overlap (十五 五条 → 十五条), distinct. A
 * phrase of bigrams occurs in a text only if every key of the phrase is among the text's keys, so on
 * PostgreSQL these keys narrow a phrase's candidates before its positions are checked (decision 0012).
 * Keys are hashes: two windows may share a key, which only adds a candidate.
 */
export function trigramKeys(tokens: string): Int32Array {
  // Scans the character codes (no split, no Set): migration 0027 and every PostgreSQL index write run this.
  const n = tokens.length;
  if (keyBuffer.length < n) keyBuffer = new Int32Array(n);
  let count = 0;
  let prev = -1;
  let prevLength = 0;
  for (let i = 0; i < n;) {
    if (tokens.charCodeAt(i) === 32) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < n && tokens.charCodeAt(j) !== 32) j++;
    if (j - i === 2 && prevLength === 2) {
      const a = tokens.charCodeAt(prev);
      const b = tokens.charCodeAt(prev + 1);
      const c = tokens.charCodeAt(i + 1);
      if (b === tokens.charCodeAt(i) && isCjk(a) && isCjk(b) && isCjk(c)) keyBuffer[count++] = trigramKey(a, b, c);
    }
    prev = i;
    prevLength = j - i;
    i = j;
  }
  const keys = keyBuffer.subarray(0, count).sort();
  let distinct = 0;
  for (let k = 0; k < count; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[distinct++] = keys[k]!;
  return keys.slice(0, distinct);
}
let keyBuffer = new Int32Array(1024);

/** A 32-bit hash of three character codes (signed, as PostgreSQL's int4). */
function trigramKey(a: number, b: number, c: number) {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}

/** The text a plan phrase (space-separated index tokens) stands for: 十五 五条 → 十五条; a single token is itself. */
export function phraseText(phrase: string): string {
  const tokens = phrase.split(' ');
  return tokens.length === 1 ? tokens[0]! : tokens[0]! + tokens.slice(1).map((t) => t.slice(1)).join('');
}

/** FTS5 MATCH expression for the bigram index: every phrase and every prefix required; null when none. */
export function fts5Match(plan: Pick<SearchPlan, 'phrases' | 'prefixes'>): string | null {
  const parts = [...plan.phrases.map((p) => `"${p}"`), ...plan.prefixes.map((p) => `"${p}"*`)];
  return parts.length ? parts.join(' AND ') : null;
}

/**
 * The order key of a public document in the search index: publication minute, then id. Index rows are
 * stored under this key, so "newest first" is the index's own order and needs no sorting of the hits.
 */
export const SEARCH_KEY_IDS = 2 ** 24;
const minute = (iso: string) => Math.max(0, Math.floor(Date.parse(iso) / 60_000));
export function searchKey(publishedAt: string, id: number) {
  if (id >= SEARCH_KEY_IDS) throw new Error(`document id ${id} exceeds the search key's id space`);
  return minute(publishedAt) * SEARCH_KEY_IDS + id;
}
/** The smallest key of documents published at or after `iso`. */
export const searchKeyFloor = (iso: string) => minute(iso) * SEARCH_KEY_IDS;
/** The smallest key of documents published in a (Beijing calendar) year. */
export const searchKeyYearStart = (year: number) => searchKeyFloor(beijingYearStart(year));
/** The Beijing calendar year in which a key's document was published. */
export const searchKeyYear = (key: number) => beijingYear(Math.floor(key / SEARCH_KEY_IDS) * 60_000);

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
