import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/http/errors.js';
import { authErrors, ErrorDto, IdParams } from '../../platform/http/schemas.js';
import { pdfOrUnavailable } from '../../platform/pdf/pdf.js';
import { requireActor } from '../accounts/auth-hook.js';
import { reportDocx, reportHtml } from './document.js';
import { CheckBody, CheckResult, EnteredTables, FiguresDto, ReportDto, ReportListItem } from './dto.js';
import { importFigures, listFigures, setFigures } from './figures.js';
import { FORMAT_VERSIONS } from './format.js';
import { checkReport } from './rules.js';
import * as reports from './service.js';
import { dashboard } from './dashboard.js';

const tags = ['政府信息公开年度报告'];
/** Public checks per address per minute. */
export const CHECK_LIMIT = { max: 60, timeWindow: '1 minute' };

export function registerAnnualReportRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/annual-report-check', {
    config: { rateLimit: CHECK_LIMIT },
    schema: {
      tags, summary: '年度报告勾稽关系检查（公开）',
      description: '检查任一年度报告的表三、表四：R1 + R2 = R24 + R25，R24 等于各办理结果之和，总计等于六类申请人之和，本年上年结转等于上年结转下年度，表四各总计等于其四项之和。无需登录。',
      body: CheckBody, response: { 200: CheckResult, 400: ErrorDto, 429: ErrorDto },
    },
  }, async (req) => {
    const violations = checkReport(req.body);
    return { consistent: violations.length === 0, violations };
  });

  const info = (req: { ip: string }) => ({ ip: req.ip });
  const year = z.coerce.number().int().min(2008).max(2100);

  app.get('/api/v1/annual-reports', {
    schema: { tags, summary: '年度报告列表', querystring: z.object({ year: year.optional(), unitId: z.coerce.number().int().positive().optional(), status: z.enum(['draft', 'submitted', 'published']).optional() }), response: { 200: z.object({ items: z.array(ReportListItem) }), ...authErrors } },
  }, async (req) => ({ items: await reports.listReports(ctx, requireActor(req), req.query) }));

  app.post('/api/v1/annual-reports', {
    schema: {
      tags, summary: '生成年度报告', description: '按单位和年度生成草稿；表二至表四由系统根据公开文件、依申请公开和复议诉讼记录计算；“一、五、六”沿用上年文字作为起点。scope 为汇总的单位（本单位及下属单位）。',
      body: z.object({ unitId: z.number().int().positive(), year: z.number().int().min(2008).max(2100), format: z.enum(FORMAT_VERSIONS).default('2021'), scope: z.array(z.number().int().positive()).min(1).max(500).optional() }),
      response: { 201: ReportDto, ...authErrors },
    },
  }, async (req, reply) => reply.code(201).send(await reports.createReport(ctx, requireActor(req), req.body, info(req))));

  app.get('/api/v1/annual-reports/:id', { schema: { tags, summary: '年度报告（含表格和勾稽关系检查结果）', params: IdParams, response: { 200: ReportDto, ...authErrors } } },
    async (req) => reports.getReport(ctx, requireActor(req), req.params.id));

  app.patch('/api/v1/annual-reports/:id', {
    schema: {
      tags, summary: '修改年度报告', description: '保存文字、汇总范围或手工填写的表格；每次保存都运行勾稽关系检查，结果在 violations 中返回。',
      params: IdParams,
      body: z.object({
        section1: z.string().max(20000).optional(), section5: z.string().max(20000).optional(), section6: z.string().max(20000).optional(),
        scope: z.array(z.number().int().positive()).min(1).max(500).optional(), entered: EnteredTables.nullable().optional().describe('手工填写的表格（历史年度、2019 年格式），null 为改回系统计算'),
      }),
      response: { 200: ReportDto, ...authErrors },
    },
  }, async (req) => reports.updateReport(ctx, requireActor(req), req.params.id, req.body, info(req)));

  for (const [path, summary, fn] of [['submit', '提交审核', reports.submitReport], ['publish', '审核发布（编写人以外的审核人员）', reports.publishReport], ['withdraw', '撤回为草稿', reports.withdrawReport]] as const) {
    app.post(`/api/v1/annual-reports/:id/${path}`, { schema: { tags, summary, params: IdParams, response: { 200: ReportDto, ...authErrors } } },
      async (req) => fn(ctx, requireActor(req), req.params.id, info(req)));
  }

  app.get('/api/v1/annual-reports/:id/cells', {
    schema: { tags, summary: '表格数字的来源', description: 'key 为“表:行:列”，如 3:24:7 为表三（七）总计的总计列；返回构成该数字的申请或文件。', params: IdParams, querystring: z.object({ key: z.string().regex(/^[234]:\d{1,2}:\d{1,2}$/, 'key 格式为 表:行:列') }) },
  }, async (req) => reports.cellSources(ctx, requireActor(req), req.params.id, req.query.key));

  for (const [ext, type] of [['pdf', 'application/pdf'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']] as const) {
    app.get(`/api/v1/annual-reports/:id/report.${ext}`, { schema: { tags, summary: `导出年度报告（${ext.toUpperCase()}）`, params: IdParams } }, async (req, reply) => {
      const report = await reports.printableReport(ctx, requireActor(req), req.params.id);
      return sendReportFile(reply, report, ext, type);
    });
  }

  app.get('/api/v1/annual-reports/dashboard', {
    schema: { tags, summary: '依申请公开统计与年报进度（政务公开办）', description: '按年度：各单位收到和答复数、按期答复率、办理结果分布、复议诉讼，以及尚未发布年度报告的单位和法定期限。', querystring: z.object({ year }) },
  }, async (req) => dashboard(ctx, requireActor(req), req.query.year));

  app.get('/api/v1/annual-figures', {
    schema: { tags, summary: '表二填报数据（行政许可、处罚、强制、收费）', querystring: z.object({ year }), response: { 200: z.object({ items: z.array(FiguresDto) }), ...authErrors } },
  }, async (req) => ({ items: await listFigures(ctx, requireActor(req), req.query.year) }));
  const FigureBody = z.object({ licensing: z.number().int().min(0).max(10_000_000), penalty: z.number().int().min(0).max(10_000_000), enforcement: z.number().int().min(0).max(10_000_000), fees: z.number().min(0).max(100_000_000).describe('万元') });
  app.put('/api/v1/annual-figures/:id', {
    schema: { tags, summary: '填报一个单位的表二数据', params: IdParams, querystring: z.object({ year }), body: FigureBody, response: { 200: z.object({ items: z.array(FiguresDto) }), ...authErrors } },
  }, async (req) => ({ items: await setFigures(ctx, requireActor(req), req.params.id, req.query.year, req.body, info(req)) }));

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.post('/api/v1/annual-figures/import', {
    schema: {
      tags, summary: '导入表二填报数据（CSV）', description: '请求体为 CSV（text/csv），首行为表头：单位名称,行政许可,行政处罚,行政强制,行政事业性收费（万元）。全部正确才导入，否则逐行说明问题。',
      querystring: z.object({ year }), response: { 200: z.object({ imported: z.number(), items: z.array(FiguresDto) }), ...authErrors },
    },
  }, async (req) => {
    if (typeof req.body !== 'string') throw new AppError(415, 'unsupported_media_type', '请以 text/csv 上传');
    return importFigures(ctx, requireActor(req), req.query.year, req.body, info(req));
  });
}

/** A report file (PDF through Chromium, DOCX written directly), named after its title. */
export async function sendReportFile(reply: import('fastify').FastifyReply, report: reports.PrintableReport, ext: 'pdf' | 'docx', type: string) {
  const data = ext === 'docx' ? await reportDocx(report) : await pdfOrUnavailable(reportHtml(report));
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(report.title)}.${ext}`).send(data);
}
