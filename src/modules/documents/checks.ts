/**
 * Checks before publishing (发布前检查): personal data, wrong or sensitive expressions (错敏词), broken internal
 * links and missing metadata. Plain functions over plain text; each finding says where it is.
 */
export type FindingKind = 'id_number' | 'mobile' | 'bank_card' | 'personal_name' | 'sensitive_word' | 'broken_link' | 'missing_field';
export type Severity = 'block' | 'warn';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Which field: title, body, docNo, … */
  field: string;
  /** Character offset in the field's plain text (-1 for a missing field). */
  offset: number;
  length: number;
  /** Text around the finding, with personal data masked. */
  excerpt: string;
  message: string;
  suggestion?: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 18-digit resident ID number (GB 11643): valid birth date and check character. */
export function isValidIdNumber(s: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(s)) return false;
  const y = Number(s.slice(6, 10)), m = Number(s.slice(10, 12)), d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

/** Luhn check used by bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** Keeps the first 4 and last 4 characters: 3501**********1234. */
export const maskMiddle = (s: string) => (s.length <= 8 ? '*'.repeat(s.length) : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`);

function excerpt(text: string, offset: number, length: number, replacement?: string): string {
  const before = text.slice(Math.max(0, offset - 12), offset);
  const after = text.slice(offset + length, offset + length + 12);
  return `${offset > 12 ? '…' : ''}${before}【${replacement ?? text.slice(offset, offset + length)}】${after}${offset + length + 12 < text.length ? '…' : ''}`;
}

/** Personal data in a field's text: ID numbers, mobile numbers, bank card numbers. All block publishing. */
export function findPersonalData(field: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && x < b);
  for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
    if (!isValidIdNumber(m[0])) continue;
    taken.push([m.index, m.index + m[0].length]);
    findings.push({ kind: 'id_number', severity: 'block', field, offset: m.index, length: m[0].length, excerpt: excerpt(text, m.index, m[0].length, maskMiddle(m[0])), message: '含有居民身份证号码，公开前须删除或隐去' });
  }
  for (const m of text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) {
    if (overlaps(m.index, m.index + 11)) continue;
    taken.push([m.index, m.index + 11]);
    findings.push({ kind: 'mobile', severity: 'block', field, offset: m.index, length: 11, excerpt: excerpt(text, m.index, 11, maskMiddle(m[0])), message: '含有手机号码，公开前须删除或隐去（单位公开的办公电话除外，请核实）' });
  }
  for (const m of text.matchAll(/(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19 || overlaps(m.index, m.index + m[0].length) || !passesLuhn(digits)) continue;
    findings.push({ kind: 'bank_card', severity: 'block', field, offset: m.index, length: m[0].length, excerpt: excerpt(text, m.index, m[0].length, maskMiddle(digits)), message: '含有疑似银行卡号，公开前须删除或隐去' });
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

export interface SensitiveWord {
  word: string;
  suggestion: string | null;
  severity: Severity;
}

/** Wrong or sensitive expressions (错敏词) from the editable list, each with its suggested correction. */
export function findSensitiveWords(field: string, text: string, words: SensitiveWord[]): Finding[] {
  const findings: Finding[] = [];
  for (const w of words) {
    if (!w.word) continue;
    let at = text.indexOf(w.word);
    while (at >= 0) {
      findings.push({
        kind: 'sensitive_word', severity: w.severity, field, offset: at, length: w.word.length, excerpt: excerpt(text, at, w.word.length),
        message: w.suggestion ? `“${w.word}”表述有误，建议改为“${w.suggestion}”` : `“${w.word}”为敏感或不当表述，请修改`,
        ...(w.suggestion ? { suggestion: w.suggestion } : {}),
      });
      at = text.indexOf(w.word, at + w.word.length);
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

/** Internal links (same site) in an HTML body, to be checked against what exists. */
export function internalLinks(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*"([^"]*)"/gi)) {
    const href = m[1]!.replace(/&amp;/g, '&');
    if (href.startsWith('/') && !href.startsWith('//')) out.add(href.split('#')[0]!);
  }
  return [...out];
}

/** HTML → the plain text people read (the positions of findings refer to this text). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const hasBlocking = (findings: Finding[]) => findings.some((f) => f.severity === 'block');
