import { z } from 'zod';
import { FORMAT_VERSIONS } from './format.js';
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
