import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File kinds accepted as attachments, recognised by their content (not by the name a client sends). */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'png' | 'jpeg' | 'gif';

export const KIND_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/**
 * The kind of a file from its bytes, checked against its name's extension: a renamed executable or a
 * script called `x.pdf` is refused. Office Open XML files are zip archives told apart by their parts.
 */
export function sniffFile(data: Buffer, fileName: string): FileKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let kind: FileKind | null = null;
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) kind = 'pdf';
  else if (startsWith(data, [0x89, 0x50, 0x4e, 0x47])) kind = 'png';
  else if (startsWith(data, [0xff, 0xd8, 0xff])) kind = 'jpeg';
  else if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) kind = 'gif';
  else if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const head = data.subarray(0, Math.min(data.length, 64 * 1024)).toString('latin1');
    if (head.includes('word/')) kind = 'docx';
    else if (head.includes('xl/')) kind = 'xlsx';
  } else if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    kind = ext === 'xls' ? 'xls' : ext === 'doc' ? 'doc' : null;
  }
  if (!kind) return null;
  const allowed: Record<FileKind, string[]> = { pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'], doc: ['doc'], xls: ['xls'], png: ['png'], jpeg: ['jpg', 'jpeg'], gif: ['gif'] };
  return allowed[kind].includes(ext) ? kind : null;
}

/**
 * CJK radicals that PDF fonts map glyphs to (U+2E80 block, which NFKC leaves alone) → the ideographs
 * people type. NFKC itself folds the Kangxi radicals (U+2F00 block).
 */
const RADICALS: Record<string, string> = {
  '\u2E8C': '小', '\u2E8D': '小', '\u2E95': '彐', '\u2E9C': '日', '\u2EA0': '民', '\u2EA4': '爫', '\u2EA8': '犭', '\u2EAB': '罒', '\u2EAE': '竹', '\u2EB3': '罒',
  '\u2EB7': '羊', '\u2EBB': '聿', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC8': '讠', '\u2ECB': '车', '\u2ECF': '阝', '\u2ED0': '钅', '\u2ED3': '长',
  '\u2ED4': '门', '\u2ED6': '阝', '\u2ED8': '青', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EDF': '饣', '\u2EE0': '饣', '\u2EE2': '马',
  '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐',
  '\u2EED': '歯', '\u2EEE': '齿', '\u2EEF': '竜', '\u2EF0': '龙', '\u2EF2': '亀', '\u2EF3': '龟',
};

/** Text as people would type it: compatibility forms folded, radicals replaced by their ideographs. */
export function normalizeCjk(text: string): string {
  return text.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS[c] ?? c);
}

/**
 * Searchable text of a PDF or Word file; other kinds have none. NFKC folds the CJK radical code points
 * some PDF fonts emit (⽂ → 文) so that search finds them.
 */
export async function extractText(data: Buffer, kind: FileKind): Promise<string> {
  try {
    if (kind === 'pdf') {
      // Loaded on first use: the PDF and Word readers add ~150 MB to every server process otherwise.
      const { PDFParse } = await import('pdf-parse');
      const parser = new PDFParse({ data: new Uint8Array(data) });
      try {
        const { text } = await parser.getText();
        return normalizeCjk(text.replace(/^-- \d+ of \d+ --$/gm, '')).replace(/\n{3,}/g, '\n\n').trim();
      } finally {
        await parser.destroy();
      }
    }
    if (kind === 'docx') {
      const mammoth = (await import('mammoth')).default;
      return normalizeCjk((await mammoth.extractRawText({ buffer: data })).value).trim();
    }
  } catch {
    // An unreadable file is still stored; it just adds nothing to search.
  }
  return '';
}

/** Content-addressed file store under DATA_DIR/files (identical uploads share one file). */
export class FileStore {
  constructor(private readonly root: string) {}

  private path(sha256: string) {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  save(data: Buffer): string {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const path = this.path(sha256);
    if (!existsSync(path)) {
      mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
      writeFileSync(path, data);
    }
    return sha256;
  }

  exists = (sha256: string) => existsSync(this.path(sha256));
  /** Deletes a stored file; the caller has made sure nothing refers to it any more. */
  remove = (sha256: string) => rmSync(this.path(sha256), { force: true });
  stream = (sha256: string) => createReadStream(this.path(sha256));
}
