/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { unitRepository } from '../units/repository.js';
import { pathIds } from '../units/rules.js';
import type { UnitDto } from '../units/dto.js';
import { presentUnit } from '../units/service.js';
import { documentRepository } from '../documents/repository.js';
import { presentPublic } from '../documents/service.js';
import { listAttachments } from '../documents/attachments.js';
import { DocumentList, DocumentPage, DomainPage, RulesPage, SearchPage, StatutoryIndexPage, StatutoryItemPage, type SearchView } from './document-pages.js';
import { runSearch, SearchQuerySchema } from '../documents/search-routes.js';
import { GuideIndexPage, GuidePage } from './guide-page.js';
import { DeadlinePage, type DeadlineView } from './tools-page.js';
import { ApplyPage, ReceiptPage, TrackPage, type TrackingView } from './request-pages.js';
import { challengeProblem, createChallenge } from '../../platform/http/challenge.js';
import { ApplicationSchema } from '../requests/dto.js';
import { submitOnline, trackRequest } from '../requests/service.js';
import { deadline } from '../calendar/service.js';
import { beijingToday } from '../../platform/calendar/calendar.js';
import { DeadlineQuery } from '../calendar/routes.js';
import { AppError } from '../../platform/http/errors.js';
import { CataloguePage } from './catalogue-page.js';
import { LogEntryPage, LogListPage } from './disclosure-log-page.js';
import { ReportCheckPage, type ReportCheckView } from './report-check-page.js';
import { checkReport } from '../annual-reports/rules.js';
import { CheckBody } from '../annual-reports/dto.js';
import { parsePastedNumbers, parsePastedRows } from '../annual-reports/paste.js';
import { CHECK_LIMIT, sendReportFile } from '../annual-reports/routes.js';
import { ReportPage, ReportsColumnPage } from './report-pages.js';
import { listPublished, publishedReport } from '../annual-reports/service.js';
import { listLog, LOG_SORTS, logEntry } from '../requests/disclosure-log.js';
import { csvDisposition, toCsv } from '../../platform/http/csv.js';
import { catalogueRepository } from '../catalogues/repository.js';
import { getCatalogue } from '../catalogues/service.js';
import { renderPage, type PageContext } from './layout.js';
import { ColumnPage, DISCLOSURE_COLUMNS, DisclosureIndexPage, ErrorPage, HomePage, NotFoundPage, UnitDirectoryPage, UnitPage } from './pages.js';

export const ELDER_COOKIE = 'gk_elder';
const css = readFileSync(new URL('./portal.css', import.meta.url), 'utf8');

export function pageContext(req: FastifyRequest): PageContext {
  return { path: req.url.split('?')[0] ?? '/', elder: req.cookies[ELDER_COOKIE] === '1', csrfToken: req.csrfToken };
}

function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}

/** HTML error page for the public site (used by the app's error and not-found handlers). */
export function renderErrorPage(req: FastifyRequest, status: number, message: string) {
  const page = pageContext(req);
  return renderPage(status === 404 ? <NotFoundPage page={page} message={message} /> : <ErrorPage page={page} status={status} message={message} />);
}

const splitChildren = (children: UnitDto[]) => ({
  departments: children.filter((c) => c.kind === 'department'),
  governments: children.filter((c) => c.kind === 'government'),
});

/** Public, server-rendered pages; complete without JavaScript. */
export function registerPortalRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const units = unitRepository(ctx.db);
  const hide = { hide: true };
  const documents = documentRepository(ctx.db);
  const PAGE_SIZE = 20;
  /** Pages the render cache may keep (they show no per-visitor content). */
  const CACHED = { pageCache: true } as const;
  const pageParam = z.object({ page: z.coerce.number().int().min(1).max(10000).catch(1).default(1) });
  const publishedList = async (filter: { unitId?: number; art20?: number }, page: number) => {
    const { total, items } = await documents.listPublished({ ...filter, page, pageSize: PAGE_SIZE });
    return { total, items: items.map(presentPublic), page, pageSize: PAGE_SIZE };
  };


  app.get('/assets/portal.css', { schema: hide }, async (_req, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));

  app.get('/', { config: CACHED, schema: hide }, async (req, reply) => {
    const all = (await units.listAll()).map(presentUnit);
    const city = all.find((u) => u.parentId === null);
    const children = splitChildren(all.filter((u) => city && u.parentId === city.id));
    return sendHtml(reply, renderPage(<HomePage page={pageContext(req)} city={city} counties={children.governments} departments={children.departments} />));
  });

  app.get('/xxgk', { config: CACHED, schema: hide }, async (req, reply) => sendHtml(reply, renderPage(<DisclosureIndexPage page={pageContext(req)} />)));

  app.get('/xxgk/units', { config: CACHED, schema: hide }, async (req, reply) => {
    const all = (await units.listAll()).map(presentUnit);
    // Governments at city and county level head the groups; townships are one click further.
    const heads = all.filter((u) => u.kind === 'government' && (u.level === 'city' || u.level === 'county'));
    const tree = heads.map((unit) => ({ unit, ...splitChildren(all.filter((c) => c.parentId === unit.id)) }));
    return sendHtml(reply, renderPage(<UnitDirectoryPage page={pageContext(req)} tree={tree} />));
  });

  app.get('/xxgk/units/:id', { config: CACHED, schema: { ...hide, params: z.object({ id: z.string() }), querystring: pageParam } }, async (req, reply) => {
    const id = Number(req.params.id);
    const row = Number.isInteger(id) && id > 0 ? await units.findById(id) : undefined;
    if (!row) return sendHtml(reply, renderErrorPage(req, 404, '该单位不存在或已撤销。'), 404);
    const ancestorIds = pathIds(row.path).slice(0, -1);
    const all = (await units.listAll()).map(presentUnit);
    const ancestors = ancestorIds.map((a) => all.find((u) => u.id === a)).filter((u): u is UnitDto => !!u);
    const children = splitChildren(all.filter((u) => u.parentId === row.id));
    const latest = await publishedList({ unitId: row.id }, req.query.page);
    return sendHtml(reply, renderPage(
      <UnitPage page={pageContext(req)} unit={presentUnit(row)} ancestors={ancestors} {...children}>
        <section aria-labelledby="unit-docs">
          <h2 id="unit-docs">主动公开的政府信息</h2>
          <DocumentList {...latest} baseHref={`/xxgk/units/${row.id}`} />
        </section>
      </UnitPage>,
    ));
  });

  app.get('/xxgk/documents/:id', { config: CACHED, schema: { ...hide, params: z.object({ id: z.string() }) } }, async (req, reply) => {
    const id = Number(req.params.id);
    const doc = Number.isInteger(id) && id > 0 ? await documents.findById(id) : undefined;
    if (!doc || doc.status !== 'published' || doc.disclosure !== 'proactive') return sendHtml(reply, renderErrorPage(req, 404, '该信息不存在或已撤回。'), 404);
    const sameUnit = (await documents.listPublished({ unitId: doc.unit_id, page: 1, pageSize: 20 })).items.filter((d) => d.id !== doc.id);
    // Same subject first, then the unit's latest.
    const related = [...sameUnit.filter((d) => d.topic === doc.topic), ...sameUnit.filter((d) => d.topic !== doc.topic)].slice(0, 5).map(presentPublic);
    const attachments = await listAttachments(ctx.db, doc.id);
    const successor = doc.replaced_by_id ? await documents.findById(doc.replaced_by_id) : undefined;
    const replacement = successor && successor.status === 'published' && successor.disclosure === 'proactive' ? { id: successor.id, title: successor.title } : null;
    return sendHtml(reply, renderPage(<DocumentPage page={pageContext(req)} doc={{ ...presentPublic(doc), attachments }} related={related} replacement={replacement} />));
  });

  app.get('/search', { config: CACHED, schema: hide }, async (req, reply) => {
    const raw = req.query as Record<string, string>;
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
    const all = await units.listAll();
    const unitOptions = all.filter((u) => u.level === 'city' || (u.level === 'county' && u.kind === 'government')).map((u) => ({ id: u.id, name: u.name }));
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
    let view: SearchView = { q: '', sort: 'relevance', page: 1, pageSize: 20, total: 0, items: [], exact: [] };
    if (cleaned.q !== undefined) {
      const parsed = SearchQuerySchema.safeParse(cleaned);
      if (!parsed.success) {
        view = { ...view, q: String(cleaned.q ?? ''), error: '搜索条件有误，请检查后重试（搜索词不超过 100 个字）' };
      } else {
        const result = await runSearch(ctx, parsed.data);
        view = { ...parsed.data, ...result };
      }
    }
    const domains = (await catalogueRepository(ctx.db).domains()).map((d) => ({ id: d.id, name: d.name }));
    return sendHtml(reply, renderPage(<SearchPage page={pageContext(req)} view={view} units={unitOptions} years={years} domains={domains} />));
  });

  app.get('/xxgk/statutory', { config: CACHED, schema: hide }, async (req, reply) => {
    const counts = new Map((await documents.countByArt20()).map((r) => [r.art20_item!, r.n]));
    const domains = (await documents.countByDomain()).map((d) => ({ id: d.id, name: d.name, n: Number(d.n ?? 0) }));
    return sendHtml(reply, renderPage(<StatutoryIndexPage page={pageContext(req)} counts={counts} domains={domains} />));
  });

  app.get('/xxgk/domains/:id', { config: CACHED, schema: { ...hide, params: z.object({ id: z.coerce.number().int().positive().catch(0) }), querystring: pageParam } }, async (req, reply) => {
    const domain = (await catalogueRepository(ctx.db).domains()).find((d) => d.id === req.params.id);
    if (!domain) return sendHtml(reply, renderErrorPage(req, 404, '没有这个领域。'), 404);
    const { total, items } = await documents.listPublished({ domainId: domain.id, page: req.query.page, pageSize: PAGE_SIZE });
    const list = { total, items: items.map(presentPublic), page: req.query.page, pageSize: PAGE_SIZE };
    return sendHtml(reply, renderPage(<DomainPage page={pageContext(req)} domain={domain} list={list} />));
  });

  app.get('/xxgk/statutory/:no', { config: CACHED, schema: { ...hide, params: z.object({ no: z.string() }), querystring: pageParam } }, async (req, reply) => {
    const no = Number(req.params.no);
    if (!Number.isInteger(no) || no < 1 || no > 15) return sendHtml(reply, renderErrorPage(req, 404, '没有这个公开事项。'), 404);
    const list = await publishedList({ art20: no }, req.query.page);
    return sendHtml(reply, renderPage(<StatutoryItemPage page={pageContext(req)} no={no} list={list} />));
  });

  app.get('/xxgk/guide', { config: CACHED, schema: hide }, async (req, reply) => {
    const all = (await units.listAll()).map(presentUnit);
    // Governments and city/county departments keep guides; villages follow their township.
    const listed = all.filter((u) => u.level !== 'village');
    return sendHtml(reply, renderPage(<GuideIndexPage page={pageContext(req)} units={listed} />));
  });

  app.get('/xxgk/units/:id/guide', { config: CACHED, schema: { ...hide, params: z.object({ id: z.coerce.number().int().positive().catch(0) }) } }, async (req, reply) => {
    const row = req.params.id ? await units.findById(req.params.id) : undefined;
    if (!row) return sendHtml(reply, renderErrorPage(req, 404, '该单位不存在或已撤销。'), 404);
    const { total } = await documents.listPublished({ unitId: row.id, page: 1, pageSize: 1 });
    return sendHtml(reply, renderPage(<GuidePage page={pageContext(req)} unit={presentUnit(row)} documentCount={total} />));
  });

  app.get('/xxgk/units/:id/catalogue', { config: CACHED, schema: { ...hide, params: z.object({ id: z.coerce.number().int().positive().catch(0) }), querystring: z.object({ version: z.coerce.number().int().positive().optional().catch(undefined) }) } }, async (req, reply) => {
    const row = req.params.id ? await units.findById(req.params.id) : undefined;
    if (!row) return sendHtml(reply, renderErrorPage(req, 404, '该单位不存在或已撤销。'), 404);
    const catalogues = catalogueRepository(ctx.db);
    const versions = (await catalogues.versions(row.id)).filter((v) => v.status !== 'draft');
    const chosen = req.query.version ? versions.find((v) => v.version === req.query.version) : versions.find((v) => v.status === 'published');
    const catalogue = chosen ? await getCatalogue(ctx, null, chosen.id) : null;
    const links = catalogue ? await catalogues.linkedDocuments(catalogue.items.map((i) => i.itemKey)) : [];
    const documentsByKey = new Map<string, Array<{ id: number; title: string }>>();
    for (const l of links.filter((l) => l.status === 'published' && l.disclosure === 'proactive')) {
      documentsByKey.set(l.item_key, [...(documentsByKey.get(l.item_key) ?? []), { id: l.id, title: l.title }]);
    }
    const view = { catalogue, versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, publishedAt: v.published_at })), documents: documentsByKey };
    return sendHtml(reply, renderPage(<CataloguePage page={pageContext(req)} unit={presentUnit(row)} view={view} />));
  });

  // 依申请公开: the online form, its receipt and the tracking page.
  const requestUnits = async () => (await units.listAll())
    .filter((u) => (u.kind === 'government' && u.level !== 'village') || (u.kind === 'department' && (u.level === 'city' || u.level === 'county')))
    .map((u) => ({ id: u.id, name: u.name }));

  app.get('/request/apply', { schema: hide }, async (req, reply) => {
    const q = req.query as Record<string, string>;
    const values = { unitId: q.unitId ?? '', applicantType: 'natural_person', idType: 'resident_id', preferredForm: 'electronic', delivery: 'email' };
    return sendHtml(reply, renderPage(<ApplyPage page={pageContext(req)} units={await requestUnits()} values={values} errors={{}} challenge={createChallenge(ctx.config.sessionSecret)} />));
  });

  app.post('/request/apply', { schema: hide, config: { rateLimit: { max: ctx.config.submitRateLimit, timeWindow: '1 hour' } } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const values = Object.fromEntries(Object.entries(body).filter(([k]) => !['_csrf', 'challengeToken', 'challengeAnswer', 'website'].includes(k)).map(([k, v]) => [k, String(v)]));
    const again = async (errors: Record<string, string>, formError?: string) =>
      sendHtml(reply, renderPage(<ApplyPage page={pageContext(req)} units={await requestUnits()} values={values} errors={errors} challenge={createChallenge(ctx.config.sessionSecret)} {...(formError ? { formError } : {})} />), 400);
    if (body.website) return again({}, '提交未通过验证，请重新填写');
    const parsed = ApplicationSchema.safeParse(body);
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    const challenge = challengeProblem(ctx.config.sessionSecret, body.challengeToken, body.challengeAnswer);
    if (challenge) errors.challengeAnswer = challenge;
    if (!parsed.success || challenge) return again(errors);
    const code = await submitOnline(ctx, parsed.data, { ip: req.ip });
    return reply.redirect(`/request/receipt/${code}`, 303);
  });

  app.get('/request/receipt/:code', { schema: { ...hide, params: z.object({ code: z.string().max(20) }) } }, async (req, reply) => {
    try {
      const r = await trackRequest(ctx, req.params.code);
      return sendHtml(reply, renderPage(<ReceiptPage page={pageContext(req)} code={r.trackingCode} unitName={r.unitName} />));
    } catch {
      return sendHtml(reply, renderErrorPage(req, 404, '查询码不存在。'), 404);
    }
  });

  app.get('/request/track', { schema: hide }, async (req, reply) => {
    const code = String((req.query as Record<string, string>).code ?? '').trim().slice(0, 20);
    let view: TrackingView = { code };
    if (code) {
      try {
        view = { code, result: await trackRequest(ctx, code) };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        view = { code, error: err.message };
      }
    }
    return sendHtml(reply, renderPage(<TrackPage page={pageContext(req)} view={view} />));
  });

  // 依申请公开答复选登: the public disclosure log, its CSV and the files released with each reply.
  const LogQuery = z.object({
    unitId: z.coerce.number().int().positive().optional().catch(undefined), year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
    sort: z.enum(LOG_SORTS).optional().catch(undefined), page: z.coerce.number().int().min(1).max(10000).catch(1).default(1),
  });
  app.get('/xxgk/request/log', { config: CACHED, schema: { ...hide, querystring: LogQuery } }, async (req, reply) => {
    const list = await listLog(ctx.db, { ...req.query, pageSize: PAGE_SIZE });
    const year = Number(beijingToday().slice(0, 4));
    return sendHtml(reply, renderPage(<LogListPage page={pageContext(req)} view={{ ...list, page: req.query.page, pageSize: PAGE_SIZE, filters: req.query, units: await requestUnits(), years: Array.from({ length: 6 }, (_, i) => year - i) }} />));
  });
  app.get('/xxgk/request/log.csv', { schema: { ...hide, querystring: LogQuery } }, async (req, reply) => {
    const { items } = await listLog(ctx.db, { ...req.query, page: 1, pageSize: 10000 });
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', csvDisposition('依申请公开答复选登'));
    return toCsv(['标题', '答复机关', '办理结果', '答复日期', '摘要'], items.map((e) => [e.title, e.unitName, e.outcomeLabel, e.replyDate, e.summary]));
  });
  app.get('/xxgk/request/log/:id', { config: CACHED, schema: { ...hide, params: z.object({ id: z.coerce.number().int().positive().catch(0) }) } }, async (req, reply) => {
    try {
      return sendHtml(reply, renderPage(<LogEntryPage page={pageContext(req)} entry={await logEntry(ctx.db, req.params.id)} />));
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return sendHtml(reply, renderErrorPage(req, 404, '该答复不存在或已撤下。'), 404);
      throw err;
    }
  });
  app.get('/xxgk/request/log/:id/files/:fileId', { schema: { ...hide, params: z.object({ id: z.coerce.number().int().positive().catch(0), fileId: z.coerce.number().int().positive().catch(0) }) } }, async (req, reply) => {
    const entry = await logEntry(ctx.db, req.params.id).catch(() => null);
    const file = entry?.files.find((f) => f.id === req.params.fileId);
    if (!file || !ctx.files.exists(file.sha256)) return sendHtml(reply, renderErrorPage(req, 404, '文件不存在或已撤下。'), 404);
    return reply.header('content-type', file.mime).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(ctx.files.stream(file.sha256));
  });

  // 年报勾稽关系检查: paste the tables of any report; the same rules as the API and the editor.
  app.get('/tools/report-check', { schema: hide }, async (req, reply) =>
    sendHtml(reply, renderPage(<ReportCheckPage page={pageContext(req)} view={{ format: '2021', table3Text: '', table4Text: '', previousText: '' }} />)));
  app.post('/tools/report-check', { schema: hide, config: { rateLimit: CHECK_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const view: ReportCheckView = { format: body.format === '2019' ? '2019' : '2021', table3Text: String(body.table3 ?? '').slice(0, 20000), table4Text: String(body.table4 ?? '').slice(0, 2000), previousText: String(body.previous ?? '').slice(0, 500) };
    const previous = view.previousText.trim() ? parsePastedNumbers(view.previousText, 7) : null;
    const parsed = CheckBody.safeParse({ format: view.format, table3: parsePastedRows(view.table3Text, 7), table4: parsePastedNumbers(view.table4Text, 15) ?? [], previousR25: previous });
    if (!parsed.success || (view.previousText.trim() && !previous)) {
      const message = parsed.success ? '上年结转下年度一行应为 7 个数字' : parsed.error.issues.map((i) => i.message).join('；');
      return sendHtml(reply, renderPage(<ReportCheckPage page={pageContext(req)} view={{ ...view, error: `无法读取粘贴的内容：${message}` }} />), 400);
    }
    const violations = checkReport(parsed.data);
    return sendHtml(reply, renderPage(<ReportCheckPage page={pageContext(req)} view={{ ...view, result: { table3: parsed.data.table3, table4: parsed.data.table4, violations } }} />));
  });

  app.get('/tools/deadline', { schema: hide }, async (req, reply) => {
    const query = req.query as Record<string, string>;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    let view: DeadlineView = { from: query.from || today, workdays: Number(query.workdays) || 20 };
    if (query.from) {
      const parsed = DeadlineQuery.safeParse(query);
      if (!parsed.success) view = { ...view, error: '请输入有效的起算日和 1–200 之间的工作日数' };
      else {
        try {
          view = { ...view, result: await deadline(ctx, parsed.data.from, parsed.data.workdays) };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          view = { ...view, error: err.message };
        }
      }
    }
    return sendHtml(reply, renderPage(<DeadlinePage page={pageContext(req)} view={view} />));
  });

  app.get('/xxgk/rules', { config: CACHED, schema: { ...hide, querystring: pageParam } }, async (req, reply) => {
    const { total, items } = await documents.listPublished({ disclosureRule: true, page: req.query.page, pageSize: PAGE_SIZE });
    return sendHtml(reply, renderPage(<RulesPage page={pageContext(req)} list={{ total, items: items.map(presentPublic), page: req.query.page, pageSize: PAGE_SIZE }} />));
  });

  // 政府信息公开年报: published annual reports, their pages and downloads.
  app.get('/xxgk/reports', { config: CACHED, schema: { ...hide, querystring: z.object({ year: z.coerce.number().int().min(2008).max(2100).optional().catch(undefined) }) } }, async (req, reply) => {
    const all = await listPublished(ctx.db, {});
    const items = req.query.year ? all.filter((r) => r.year === req.query.year) : all;
    return sendHtml(reply, renderPage(<ReportsColumnPage page={pageContext(req)} view={{ items, year: req.query.year, years: [...new Set(all.map((r) => r.year))] }} />));
  });
  const reportParams = z.object({ id: z.coerce.number().int().positive().catch(0) });
  const published = (id: number) => publishedReport(ctx.db, id).catch((err) => { if (err instanceof AppError && err.status === 404) return null; throw err; });
  app.get('/xxgk/reports/:id', { config: CACHED, schema: { ...hide, params: reportParams } }, async (req, reply) => {
    const report = await published(req.params.id);
    if (!report) return sendHtml(reply, renderErrorPage(req, 404, '该年度报告不存在或尚未发布。'), 404);
    return sendHtml(reply, renderPage(<ReportPage page={pageContext(req)} report={report} />));
  });
  for (const [ext, type] of [['pdf', 'application/pdf'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']] as const) {
    app.get(`/xxgk/reports/:id/report.${ext}`, { schema: { ...hide, params: reportParams } }, async (req, reply) => {
      const report = await published(req.params.id);
      if (!report) return sendHtml(reply, renderErrorPage(req, 404, '该年度报告不存在或尚未发布。'), 404);
      return sendReportFile(reply, report, ext, type);
    });
  }

  for (const column of DISCLOSURE_COLUMNS.filter((c) => !['statutory', 'guide', 'rules', 'reports'].includes(c.slug))) {
    app.get(`/xxgk/${column.slug}`, { config: CACHED, schema: hide }, async (req, reply) => sendHtml(reply, renderPage(<ColumnPage page={pageContext(req)} column={column} />)));
  }

  app.get('/preferences/elder', {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { ...hide, querystring: z.object({ on: z.enum(['0', '1']).catch('1'), back: z.string().max(500).optional() }) },
  }, async (req, reply) => {
    reply.setCookie(ELDER_COOKIE, req.query.on, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true, secure: ctx.config.secureCookies });
    reply.header('cache-control', 'no-store');
    // Only same-site paths: never an open redirect.
    const back = req.query.back && /^\/(?![/\\])/.test(req.query.back) ? req.query.back : '/';
    return reply.redirect(back, 303);
  });
}
