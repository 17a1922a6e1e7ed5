import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS, TABLE4_RESULTS, type FormatVersion } from './format.js';

/**
 * Consistency rules of the annual report (shared/domain.md §2.3–2.4), as plain functions. Every violation
 * names the rule, the table, the row and column (1-based, as printed) and says in Chinese what is wrong.
 */
export type RuleId = 'whole_number' | 'balance' | 'outcome_total' | 'applicant_total' | 'carry_over' | 'table4_total';

export interface Violation {
  rule: RuleId;
  table: 3 | 4;
  /** Row number as printed (R1…R25 in Table 3; 1 for Table 4's single row). */
  row: number;
  /** Column number, 1-based (Table 3: 1–7, 7 = 总计; Table 4: 1–15). */
  column: number;
  message: string;
}

export const RULE_LABELS: Record<RuleId, string> = {
  whole_number: '每个数字应为非负整数',
  balance: '第一项加第二项之和，等于第三项加第四项之和（R1 + R2 = R24 + R25）',
  outcome_total: '（七）总计等于各项办理结果之和（R24 = R3 + … + R23）',
  applicant_total: '总计等于六类申请人之和',
  carry_over: '本年“上年结转”等于上年报告的“结转下年度继续办理”',
  table4_total: '表四每组的总计等于其结果维持、结果纠正、其他结果、尚未审结之和',
};

/** Where the rows are in each format: 2019's trial format had a single 其他处理 row (23 rows in all). */
export function table3Layout(format: FormatVersion) {
  const rows = format === '2019' ? 23 : 25;
  return { rows, newRow: 1, carriedRow: 2, outcomeFrom: 3, outcomeTo: rows - 2, totalRow: rows - 1, carryRow: rows };
}

const columnLabel = (c: number) => TABLE3_COLUMNS[c]!.label;
const rowLabel = (format: FormatVersion, r: number) => (format === '2021' ? TABLE3_ROWS[r - 1]!.label : `第 ${r} 行`);

export interface ReportNumbers {
  format: FormatVersion;
  /** rows × 7, in the order of the format. */
  table3: number[][];
  /** 15 numbers. */
  table4: number[];
  /** Last year's R25 (7 numbers), when known. */
  previousR25?: number[] | null | undefined;
}

export function checkReport(n: ReportNumbers): Violation[] {
  const out: Violation[] = [];
  const L = table3Layout(n.format);
  const t3 = n.table3;
  n.table3.forEach((cells, ri) => cells.forEach((v, ci) => {
    if (!Number.isInteger(v) || v < 0) out.push({ rule: 'whole_number', table: 3, row: ri + 1, column: ci + 1, message: `表三“${rowLabel(n.format, ri + 1)}”“${columnLabel(ci)}”为 ${v}，${RULE_LABELS.whole_number}` });
  }));
  n.table4.forEach((v, ci) => {
    if (!Number.isInteger(v) || v < 0) out.push({ rule: 'whole_number', table: 4, row: 1, column: ci + 1, message: `表四“${TABLE4_COLUMNS[ci]!.label}”为 ${v}，${RULE_LABELS.whole_number}` });
  });
  const cell = (r: number, c: number) => t3[r - 1]![c]!;
  for (let c = 0; c < TABLE3_COLUMNS.length; c++) {
    const left = cell(L.newRow, c) + cell(L.carriedRow, c);
    const right = cell(L.totalRow, c) + cell(L.carryRow, c);
    if (left !== right) {
      out.push({ rule: 'balance', table: 3, row: L.totalRow, column: c + 1, message: `“${columnLabel(c)}”列：本年新收 ${cell(L.newRow, c)} + 上年结转 ${cell(L.carriedRow, c)} = ${left}，但办理结果总计 ${cell(L.totalRow, c)} + 结转下年度 ${cell(L.carryRow, c)} = ${right}。不符合：${RULE_LABELS.balance}` });
    }
    let outcomes = 0;
    for (let r = L.outcomeFrom; r <= L.outcomeTo; r++) outcomes += cell(r, c);
    if (outcomes !== cell(L.totalRow, c)) {
      out.push({ rule: 'outcome_total', table: 3, row: L.totalRow, column: c + 1, message: `“${columnLabel(c)}”列：各项办理结果之和为 ${outcomes}，但（七）总计填写为 ${cell(L.totalRow, c)}。不符合：${RULE_LABELS.outcome_total}` });
    }
    if (n.previousR25 && n.previousR25[c] !== cell(L.carriedRow, c)) {
      out.push({ rule: 'carry_over', table: 3, row: L.carriedRow, column: c + 1, message: `“${columnLabel(c)}”列：上年结转为 ${cell(L.carriedRow, c)}，但上年报告结转下年度为 ${n.previousR25[c]}。不符合：${RULE_LABELS.carry_over}` });
    }
  }
  for (let r = 1; r <= L.rows; r++) {
    const six = t3[r - 1]!.slice(0, 6).reduce((a, b) => a + b, 0);
    const total = cell(r, 6);
    if (six !== total) out.push({ rule: 'applicant_total', table: 3, row: r, column: 7, message: `“${rowLabel(n.format, r)}”行：六类申请人之和为 ${six}，但总计为 ${total}。不符合：${RULE_LABELS.applicant_total}` });
  }
  TABLE4_BLOCKS.forEach((b, bi) => {
    const base = bi * TABLE4_RESULTS.length;
    const four = n.table4.slice(base, base + 4).reduce((a, x) => a + x, 0);
    const total = n.table4[base + 4]!;
    if (four !== total) out.push({ rule: 'table4_total', table: 4, row: 1, column: base + 5, message: `表四“${b.label}”：四项结果之和为 ${four}，但总计为 ${total}。不符合：${RULE_LABELS.table4_total}` });
  });
  return out;
}

/** Table 3's 总计 column and R24 filled from the other cells (for staff who type the six columns only). */
export function withTotals(format: FormatVersion, table3: number[][]): number[][] {
  const L = table3Layout(format);
  const t = table3.map((row) => [...row.slice(0, 6), row.slice(0, 6).reduce((a, b) => a + b, 0)]);
  for (let c = 0; c < 7; c++) {
    let sum = 0;
    for (let r = L.outcomeFrom; r <= L.outcomeTo; r++) sum += t[r - 1]![c]!;
    t[L.totalRow - 1]![c] = sum;
  }
  return t;
}
