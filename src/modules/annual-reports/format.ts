/**
 * The national annual-report format (国办公开办函〔2021〕30号): sections, and the rows, columns and labels
 * of Tables 2, 3 and 4 exactly as printed. No dependencies: the admin app and the portal import it too.
 */

export const FORMAT_VERSIONS = ['2021', '2019'] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];
export const FORMAT_LABELS: Record<FormatVersion, string> = { '2021': '2021 年格式（国办公开办函〔2021〕30号）', '2019': '2019 年试行格式（国办公开办函〔2019〕60号）' };

export const SECTIONS = [
  { no: '一', title: '总体情况', kind: 'text' },
  { no: '二', title: '主动公开政府信息情况', kind: 'table2' },
  { no: '三', title: '收到和处理政府信息公开申请情况', kind: 'table3' },
  { no: '四', title: '政府信息公开行政复议、行政诉讼情况', kind: 'table4' },
  { no: '五', title: '存在的主要问题及改进情况', kind: 'text' },
  { no: '六', title: '其他需要报告的事项', kind: 'text' },
] as const;

/** Table 3 columns, in order: the six applicant categories, then 总计. */
export const TABLE3_COLUMNS = [
  { key: 'natural_person', label: '自然人' },
  { key: 'business', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'public_interest', label: '社会公益组织' },
  { key: 'legal_service', label: '法律服务机构' },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计' },
] as const;
export const TABLE3_TOTAL_COLUMN = 6;

export const TABLE3_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export interface Table3Row {
  /** 1-based row number R1…R25. */
  row: number;
  label: string;
  /** The 二级 group label the row sits under (（三）不予公开 …), if any. */
  group?: string;
}

/** The 25 numeric rows of Table 3, R1…R25, with their labels character for character. */
export const TABLE3_ROWS: Table3Row[] = [
  { row: 1, label: '一、本年新收政府信息公开申请数量' },
  { row: 2, label: '二、上年结转政府信息公开申请数量' },
  { row: 3, label: '（一）予以公开' },
  { row: 4, label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { row: 5, label: '1.属于国家秘密', group: '（三）不予公开' },
  { row: 6, label: '2.其他法律行政法规禁止公开', group: '（三）不予公开' },
  { row: 7, label: '3.危及"三安全一稳定"', group: '（三）不予公开' },
  { row: 8, label: '4.保护第三方合法权益', group: '（三）不予公开' },
  { row: 9, label: '5.属于三类内部事务信息', group: '（三）不予公开' },
  { row: 10, label: '6.属于四类过程性信息', group: '（三）不予公开' },
  { row: 11, label: '7.属于行政执法案卷', group: '（三）不予公开' },
  { row: 12, label: '8.属于行政查询事项', group: '（三）不予公开' },
  { row: 13, label: '1.本机关不掌握相关政府信息', group: '（四）无法提供' },
  { row: 14, label: '2.没有现成信息需要另行制作', group: '（四）无法提供' },
  { row: 15, label: '3.补正后申请内容仍不明确', group: '（四）无法提供' },
  { row: 16, label: '1.信访举报投诉类申请', group: '（五）不予处理' },
  { row: 17, label: '2.重复申请', group: '（五）不予处理' },
  { row: 18, label: '3.要求提供公开出版物', group: '（五）不予处理' },
  { row: 19, label: '4.无正当理由大量反复申请', group: '（五）不予处理' },
  { row: 20, label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理' },
  { row: 21, label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理' },
  { row: 22, label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理' },
  { row: 23, label: '3.其他', group: '（六）其他处理' },
  { row: 24, label: '（七）总计' },
  { row: 25, label: '四、结转下年度继续办理' },
];
export const TABLE3_RESULT_GROUP = '三、本年度办理结果';
/** Rows of the outcome block (R3–R24) and of the outcomes proper (R3–R23). */
export const OUTCOME_ROWS = TABLE3_ROWS.filter((r) => r.row >= 3 && r.row <= 23).map((r) => r.row);

/** Table 4: 行政复议 (5), 行政诉讼 未经复议直接起诉 (5), 复议后起诉 (5); each block ends with its 总计. */
export const TABLE4_BLOCKS = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'lawsuit_direct', label: '未经复议直接起诉' },
  { key: 'lawsuit_after_reconsideration', label: '复议后起诉' },
] as const;
export const TABLE4_RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;
/** The 15 columns of Table 4 in order, e.g. "行政复议 结果维持". */
export const TABLE4_COLUMNS = TABLE4_BLOCKS.flatMap((b) => TABLE4_RESULTS.map((r) => ({ block: b.key, result: r.key, label: `${b.label}${r.label}` })));

/** Table 2: four blocks (第二十条第（一）（五）（六）（八）项). */
export const TABLE2_BLOCKS = [
  { item: '第二十条第（一）项', columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], rows: [{ key: 'rule', label: '规章' }, { key: 'normative', label: '行政规范性文件' }] },
  { item: '第二十条第（五）项', columns: ['信息内容', '本年处理决定数量'], rows: [{ key: 'licensing', label: '行政许可' }] },
  { item: '第二十条第（六）项', columns: ['信息内容', '本年处理决定数量'], rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'enforcement', label: '行政强制' }] },
  { item: '第二十条第（八）项', columns: ['信息内容', '本年收费金额（单位：万元）'], rows: [{ key: 'fees', label: '行政事业性收费' }] },
] as const;

/**
 * Table 2 of the 2019 trial format (国办公开办函〔2019〕60号, shared/domain.md §2.5), for reports typed in:
 * 22 numbers in the order of its blocks and rows (本年增/减 may be negative).
 */
export const TABLE2_2019_BLOCKS = [
  { item: '第二十条第（一）项', columns: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: ['规章', '规范性文件'] },
  { item: '第二十条第（五）项', columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], rows: ['行政许可', '其他对外管理服务事项'] },
  { item: '第二十条第（六）项', columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], rows: ['行政处罚', '行政强制'] },
  { item: '第二十条第（八）项', columns: ['信息内容', '上一年项目数量', '本年增/减'], rows: ['行政事业性收费'] },
  { item: '第二十条第（九）项', columns: ['信息内容', '采购项目数量', '采购总金额'], rows: ['政府集中采购'] },
] as const;
export const TABLE2_2019_SIZE = TABLE2_2019_BLOCKS.reduce((n, b) => n + b.rows.length * (b.columns.length - 1), 0);

/** Table 2's figures: the normative-document counts, and the four figures entered per unit. */
export interface Table2 {
  rule: { issued: number; repealed: number; valid: number };
  normative: { issued: number; repealed: number; valid: number };
  licensing: number;
  penalty: number;
  enforcement: number;
  /** 万元, two decimals. */
  fees: number;
}

export const emptyTable3 = (): number[][] => TABLE3_ROWS.map(() => TABLE3_COLUMNS.map(() => 0));
export const emptyTable4 = (): number[] => TABLE4_COLUMNS.map(() => 0);

/** Table 2 (2021) as the ten numbers it prints, in order, and back (for pasting a typed-in report). */
export const table2Numbers = (t: Table2) => [t.rule.issued, t.rule.repealed, t.rule.valid, t.normative.issued, t.normative.repealed, t.normative.valid, t.licensing, t.penalty, t.enforcement, t.fees];
export const TABLE2_SIZE = 10;
export function table2FromNumbers(v: number[]): Table2 {
  return { rule: { issued: v[0]!, repealed: v[1]!, valid: v[2]! }, normative: { issued: v[3]!, repealed: v[4]!, valid: v[5]! }, licensing: v[6]!, penalty: v[7]!, enforcement: v[8]!, fees: v[9]! };
}
