import { z } from 'zod';
import { FORMAT_VERSIONS, TABLE2_2019_SIZE } from './format.js';
import { table3Layout } from './rules.js';

const row7 = z.array(z.number().finite(), { error: '每行应为 7 个数字' }).length(7, '每行应为 7 个数字（六类申请人和总计）');

/** Input of the public checker: Table 3 as rows × 7, Table 4 as 15 numbers, optionally last year's R25. */
export const CheckBody = z.object({
  format: z.enum(FORMAT_VERSIONS).default('2021').describe('2021（现行格式，表三 25 行）或 2019（试行格式，表三 23 行）'),
  table3: z.array(row7).describe('表三：按第一行至最后一行的顺序，每行 7 个数字，列序为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计'),
  table4: z.array(z.number().finite()).length(15, '表四应为 15 个数字（行政复议 5 个、未经复议直接起诉 5 个、复议后起诉 5 个）'),
  previousR25: row7.nullish().describe('上年报告“结转下年度继续办理”一行（7 个数字，可选）'),
}).superRefine((v, ctx) => {
  const rows = table3Layout(v.format).rows;
  if (v.table3.length !== rows) ctx.addIssue({ code: 'custom', path: ['table3'], message: `${v.format} 年格式的表三应有 ${rows} 行数字，收到 ${v.table3.length} 行` });
});

export const ViolationDto = z.object({
  rule: z.string().describe('规则代码：balance、outcome_total、applicant_total、carry_over、table4_total、whole_number'),
  table: z.number().describe('表三或表四'),
  row: z.number().describe('行号（表三 R1–R25；表四为 1）'),
  column: z.number().describe('列号（从 1 起）'),
  message: z.string(),
});

export const CheckResult = z.object({ consistent: z.boolean(), violations: z.array(ViolationDto) });

const Table2Dto = z.object({
  rule: z.object({ issued: z.number(), repealed: z.number(), valid: z.number() }), normative: z.object({ issued: z.number(), repealed: z.number(), valid: z.number() }),
  licensing: z.number(), penalty: z.number(), enforcement: z.number(), fees: z.number(),
});
const count = z.number().int().min(0).max(100_000_000);

/** Tables typed in by staff (older years or the 2019 layout). */
export const EnteredTables = z.object({
  table2: z.union([
    z.object({
      rule: z.object({ issued: count, repealed: count, valid: count }), normative: z.object({ issued: count, repealed: count, valid: count }),
      licensing: count, penalty: count, enforcement: count, fees: z.number().min(0).max(100_000_000),
    }),
    z.array(z.number().finite().min(-100_000_000).max(100_000_000)).length(TABLE2_2019_SIZE).describe('2019 年格式表二的 22 个数字'),
  ]),
  table3: z.array(z.array(count).length(7)).min(23).max(25),
  table4: z.array(count).length(15),
});

export const ReportListItem = z.object({
  id: z.number(), year: z.number(), unitId: z.number(), unitName: z.string(), title: z.string(), status: z.enum(['draft', 'submitted', 'published']), statusLabel: z.string(),
  format: z.enum(FORMAT_VERSIONS), publishedAt: z.string().nullable(), updatedAt: z.string(), deadline: z.string().describe('法定公开期限'),
});

export const ReportDto = z.object({
  id: z.number(), unitId: z.number(), unitName: z.string(), unitKind: z.enum(['government', 'department']), year: z.number(), format: z.enum(FORMAT_VERSIONS), title: z.string(),
  scope: z.array(z.object({ id: z.number(), name: z.string() })).describe('汇总的单位'),
  section1: z.string(), section5: z.string(), section6: z.string(),
  status: z.enum(['draft', 'submitted', 'published']), statusLabel: z.string(), source: z.enum(['computed', 'entered', 'snapshot']).describe('computed 为实时计算，entered 为手工填写，snapshot 为发布时固定的数据'),
  tables: z.object({ table2: z.union([Table2Dto, z.array(z.number())]), table3: z.array(z.array(z.number())), table4: z.array(z.number()), previousR25: z.array(z.number()).nullable() }),
  violations: z.array(ViolationDto), deadline: z.string(), publishedAt: z.string().nullable(), submittedBy: z.string().nullable(), publishedBy: z.string().nullable(),
  previousSections: z.object({ section1: z.string(), section5: z.string(), section6: z.string() }).nullable().describe('上年报告的文字'),
  breakdown: z.array(z.object({ unitId: z.number(), unitName: z.string(), received: z.number(), carried: z.number(), handled: z.number(), carriedForward: z.number() })).describe('汇总报告的分单位情况'),
});
export type ReportDto = z.infer<typeof ReportDto>;

export const FiguresDto = z.object({ unitId: z.number(), unitName: z.string(), licensing: z.number(), penalty: z.number(), enforcement: z.number(), fees: z.number(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() });
