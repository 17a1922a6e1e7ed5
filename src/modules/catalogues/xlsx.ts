import type ExcelJS from 'exceljs';

/** ExcelJS is loaded on first use (it is large and only the catalogue import/export needs it). */
const excel = async () => (await import('exceljs')).default;
import { CatalogueItemInput, type CatalogueDto } from './dto.js';
import type { CatalogueLevel } from './enums.js';

/**
 * The national spreadsheet layout of 政务公开事项标准目录: two header rows (公开事项 → 一级/二级事项,
 * 公开对象 → 全社会/特定群体, 公开方式 → 主动/依申请, 公开层级 → 市级/县级/乡级/村级) and one row per item,
 * ticks marked "√".
 */
const COLUMNS: Array<{ key: string; top: string; sub?: string; width: number }> = [
  { key: 'seq', top: '序号', width: 6 },
  { key: 'level1', top: '公开事项', sub: '一级事项', width: 14 },
  { key: 'level2', top: '公开事项', sub: '二级事项', width: 18 },
  { key: 'content', top: '公开内容（要素）', width: 30 },
  { key: 'basis', top: '公开依据', width: 36 },
  { key: 'timeLimit', top: '公开时限', width: 20 },
  { key: 'subject', top: '公开主体', width: 16 },
  { key: 'channels', top: '公开渠道和载体', width: 24 },
  { key: 'aud.all', top: '公开对象', sub: '全社会', width: 7 },
  { key: 'aud.specific', top: '公开对象', sub: '特定群体', width: 7 },
  { key: 'm.proactive', top: '公开方式', sub: '主动', width: 6 },
  { key: 'm.on_request', top: '公开方式', sub: '依申请', width: 6 },
  { key: 'l.city', top: '公开层级', sub: '市级', width: 6 },
  { key: 'l.county', top: '公开层级', sub: '县级', width: 6 },
  { key: 'l.township', top: '公开层级', sub: '乡级', width: 6 },
  { key: 'l.village', top: '公开层级', sub: '村级', width: 6 },
  { key: 'domain', top: '所属领域', width: 14 },
];
const TICK = '√';

export async function exportCatalogueXlsx(c: CatalogueDto): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('标准目录', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = COLUMNS.map((col) => ({ width: col.width }));
  const last = COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = `${c.unitName}政务公开事项标准目录（第 ${c.version} 版）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  COLUMNS.forEach((col, i) => {
    ws.getCell(2, i + 1).value = col.top;
    ws.getCell(3, i + 1).value = col.sub ?? col.top;
  });
  // Merge equal top headers across columns, and top+sub where there is no sub-header.
  let start = 0;
  for (let i = 1; i <= COLUMNS.length; i++) {
    if (i === COLUMNS.length || COLUMNS[i]!.top !== COLUMNS[start]!.top) {
      if (i - 1 > start) ws.mergeCells(2, start + 1, 2, i);
      else if (!COLUMNS[start]!.sub) ws.mergeCells(2, start + 1, 3, start + 1);
      start = i;
    }
  }
  for (const r of [2, 3]) ws.getRow(r).eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const item of c.items) {
    const values: Record<string, string | number> = {
      seq: item.seq, level1: item.level1, level2: item.level2, content: item.content, basis: item.basis, timeLimit: item.timeLimit, subject: item.subject,
      channels: item.channels.join('、'), [`aud.${item.audience}`]: TICK, domain: item.domainName ?? '',
      ...(item.method !== 'on_request' ? { 'm.proactive': TICK } : {}), ...(item.method !== 'proactive' ? { 'm.on_request': TICK } : {}),
      ...Object.fromEntries(item.levels.map((l) => [`l.${l}`, TICK])),
    };
    const row = ws.addRow(COLUMNS.map((col) => values[col.key] ?? ''));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

const ticked = (v: unknown) => typeof v === 'string' ? /^[√✓✔■☑●是yY1]/.test(v.trim()) : v === 1 || v === true;

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

const FIELD_COLUMN: Record<string, string> = { level1: '一级事项', level2: '二级事项', content: '公开内容（要素）', basis: '公开依据', timeLimit: '公开时限', subject: '公开主体', channels: '公开渠道和载体', audience: '公开对象', method: '公开方式', levels: '公开层级', domainId: '所属领域' };

/**
 * Reads a catalogue spreadsheet in the national layout (columns found by their header text, so a sheet
 * without 市级/村级 or 所属领域 columns also reads). Every problem is reported with its row and column.
 */
export async function parseCatalogueXlsx(data: Buffer, domains: Array<{ id: number; name: string }>): Promise<{ items: CatalogueItemInput[]; errors: ImportError[] }> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { items: [], errors: [{ row: 0, column: null, message: '文件不是有效的 Excel（.xlsx）文件' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { items: [], errors: [{ row: 0, column: null, message: '文件中没有工作表' }] };
  let headerRow = 0;
  for (let r = 1; r <= Math.min(8, ws.rowCount); r++) if (text(ws.getCell(r, 1).value) === '序号') { headerRow = r; break; }
  if (!headerRow) return { items: [], errors: [{ row: 0, column: null, message: '找不到表头：第一列应有“序号”' }] };
  const columns = new Map<string, number>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const top = text(ws.getCell(headerRow, c).value);
    const sub = text(ws.getCell(headerRow + 1, c).value);
    const spec = COLUMNS.find((col) => col.top === top && (col.sub ?? col.top) === (sub || top));
    if (spec) columns.set(spec.key, c);
  }
  const required = ['level1', 'level2', 'content', 'basis', 'timeLimit', 'subject', 'channels'];
  const missing = required.filter((k) => !columns.has(k)).map((k) => FIELD_COLUMN[k]);
  if (missing.length) return { items: [], errors: [{ row: headerRow, column: null, message: `缺少列：${missing.join('、')}` }] };

  const items: CatalogueItemInput[] = [];
  const errors: ImportError[] = [];
  const domainByName = new Map(domains.map((d) => [d.name, d.id]));
  for (let r = headerRow + 2; r <= ws.rowCount; r++) {
    const get = (key: string) => (columns.has(key) ? ws.getCell(r, columns.get(key)!).value : null);
    const cells = ['level1', 'level2', 'content', 'basis', 'timeLimit', 'subject', 'channels'].map((k) => text(get(k)));
    if (cells.every((c) => !c)) continue;
    const audiences = (['all', 'specific'] as const).filter((a) => ticked(text(get(`aud.${a}`))));
    const proactive = ticked(text(get('m.proactive')));
    const onRequest = ticked(text(get('m.on_request')));
    const levels = (['city', 'county', 'township', 'village'] as CatalogueLevel[]).filter((l) => ticked(text(get(`l.${l}`))));
    const domainName = text(get('domain'));
    const rowErrors: ImportError[] = [];
    if (audiences.length !== 1) rowErrors.push({ row: r, column: '公开对象', message: '“全社会”和“特定群体”须勾选且只勾选一项' });
    if (!proactive && !onRequest) rowErrors.push({ row: r, column: '公开方式', message: '“主动”和“依申请”至少勾选一项' });
    if (!levels.length) rowErrors.push({ row: r, column: '公开层级', message: '公开层级至少勾选一项' });
    if (domainName && !domainByName.has(domainName)) rowErrors.push({ row: r, column: '所属领域', message: `未知领域“${domainName}”` });
    const candidate = {
      domainId: domainName ? (domainByName.get(domainName) ?? null) : null,
      level1: text(get('level1')), level2: text(get('level2')), content: text(get('content')), basis: text(get('basis')), timeLimit: text(get('timeLimit')), subject: text(get('subject')),
      channels: text(get('channels')).split(/[、，,；;\n]+/).map((s) => s.trim()).filter(Boolean),
      audience: audiences[0] ?? 'all', method: proactive && onRequest ? 'both' : onRequest ? 'on_request' : 'proactive', levels: levels.length ? levels : ['county'],
    };
    const parsed = CatalogueItemInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        rowErrors.push({ row: r, column: FIELD_COLUMN[field] ?? null, message: issue.code === 'too_small' ? '不能为空' : issue.message });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) items.push(parsed.data);
  }
  if (!items.length && !errors.length) errors.push({ row: headerRow + 2, column: null, message: '表中没有事项' });
  return { items, errors };
}
