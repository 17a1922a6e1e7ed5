import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { as, Client, startServer, unitId, type TestServer } from '../../../test/helpers.js';
import { normalizeCjk } from '../../platform/files/files.js';
import { OUTCOMES, REMEDIES } from './outcomes.js';
import { closeUnsupplemented } from './replies.js';
import { ERASED_DESCRIPTION, eraseExpiredCases } from './retention.js';

const pdfText = async (data: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    return normalizeCjk((await parser.getText()).text).replace(/\s+/g, '');
  } finally {
    await parser.destroy();
  }
};
const docxText = async (data: Buffer) => {
  const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
};
const compact = (s: string) => normalizeCjk(s).replace(/\s+/g, '');

describe('replies', () => {
  let server: TestServer;
  let edu: number;
  before(async () => {
    server = await startServer();
    edu = await unitId(server, '三明市教育局');
  });
  after(() => server.close());

  const application = () => ({ unitId: edu, applicantType: 'natural_person', applicantName: '钱七', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13905981234', description: '2026年某校招生计划批复', preferredForm: 'electronic', delivery: 'email' });

  it('renders every reply type as PDF and DOCX with the applicant, decision, article and remedies', async () => {
    const handler = await as(server, 'jyj.handler');
    for (const outcome of OUTCOMES) {
      const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-03-02' });
      const replied = await handler.post(`/api/v1/requests/${body.id}/reply`, {
        outcome: outcome.code, date: '2026-03-20', reasons: ['不予公开', '部分公开'].includes(outcome.group) ? '涉及未公开的内部讨论内容' : null,
        competentBody: outcome.code === 'unavailable_not_held' ? '三明市发展和改革委员会' : null,
      });
      assert.equal(replied.status, 200, `${outcome.code}: ${replied.text}`);
      assert.equal(replied.body.reply.outcome, outcome.code);
      const docx = await handler.get(`/api/v1/requests/${body.id}/reply.docx`);
      const pdf = await handler.get(`/api/v1/requests/${body.id}/reply.pdf`);
      assert.equal(pdf.status, 200, outcome.code);
      for (const [kind, text] of [['docx', compact(await docxText(docx.bytes))], ['pdf', await pdfText(pdf.bytes)]] as const) {
        for (const needle of ['钱七', outcome.decision, outcome.article, REMEDIES, '2026年3月2日']) {
          assert.ok(text.includes(compact(needle)), `${outcome.code} ${kind} lacks: ${needle}`);
        }
      }
    }
  });

  it('requires reasons for refusals, then delivers and archives read-only; the applicant sees each step', async () => {
    const handler = await as(server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-03-02' });
    const noReason = await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'withhold_process', date: '2026-03-10' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.code, 'reasons_required');
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'partial', date: '2026-03-10', reasons: '部分内容涉及个人隐私' });
    assert.equal((await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'disclose', date: '2026-03-11' })).status, 409, 'one outcome per case');
    assert.equal((await handler.post(`/api/v1/requests/${body.id}/archive`, { date: '2026-03-12' })).status, 409, 'deliver first');
    await handler.post(`/api/v1/requests/${body.id}/deliver`, { date: '2026-03-11', method: 'post', detail: '挂号信 XA123456789CN' });
    const archived = await handler.post(`/api/v1/requests/${body.id}/archive`, { date: '2026-03-12' });
    assert.equal(archived.body.status, 'archived');
    assert.equal((await handler.post(`/api/v1/requests/${body.id}/notes`, { text: '归档后备注' })).status, 409);
    const track = await new Client(server.baseUrl).get(`/api/v1/public/requests/${body.trackingCode}`);
    const labels = track.body.events.map((e: { label: string; detail: string | null }) => `${e.label}${e.detail ? `：${e.detail}` : ''}`);
    assert.deepEqual(labels.slice(-3), ['作出答复：部分公开：（二）部分公开', '送达答复：邮寄送达', '归档']);
    const other = await as(server, 'fgw.editor');
    assert.equal((await other.get(`/api/v1/requests/${body.id}/reply.docx`)).status, 403);
  });

  it('closes a case as 其他处理 1 when the supplement deadline passes without a supplement', async () => {
    const handler = await as(server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-03-02' });
    await handler.post(`/api/v1/requests/${body.id}/supplement`, { date: '2026-03-04', deadline: '2026-03-18', items: '请写明所需信息的名称。' });
    assert.equal(await closeUnsupplemented(server.ctx.db, '2026-03-18'), 0, 'not before the deadline has passed');
    assert.equal(await closeUnsupplemented(server.ctx.db, '2026-03-19'), 1);
    assert.equal(await closeUnsupplemented(server.ctx.db, '2026-03-20'), 0, 'runs once');
    const after = await handler.get(`/api/v1/requests/${body.id}`);
    assert.equal(after.body.status, 'replied');
    assert.equal(after.body.reply.outcome, 'other_no_supplement');
  });

  it('attaches the released part to a partial disclosure and lists it in the reply; case files are for handlers only', async () => {
    const handler = await as(server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-03-02' });
    const res = await handler.upload(`/api/v1/requests/${body.id}/files?purpose=released`, '可公开部分.pdf', Buffer.from('%PDF-1.4 released part'), 'application/pdf');
    assert.equal(res.status, 200);
    const files = res.body.items as Array<{ url: string }>;
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'partial', date: '2026-03-10', reasons: '其余部分涉及个人隐私' });
    const docx = compact(await docxText((await handler.get(`/api/v1/requests/${body.id}/reply.docx`)).bytes));
    assert.ok(docx.includes(compact('附件：1. 可公开部分.pdf')));
    assert.equal((await handler.get(files[0]!.url)).status, 200);
    assert.equal((await (await as(server, 'sm.leader')).get(files[0]!.url)).status, 403, 'readers do not download case files');
    assert.equal((await (await as(server, 'fgw.editor')).get(files[0]!.url)).status, 403);
  });

  it('lets a government reword its reply templates; its departments reply with the new wording, others cannot edit it', async () => {
    const city = await unitId(server, '三明市人民政府');
    const county = await unitId(server, '三元区人民政府');
    const office = await as(server, 'sm.gkb');
    const remedies = '如对本答复不服，可以自知道之日起六十日内向三明市人民政府申请行政复议，或者自知道之日起六个月内向三明市三元区人民法院提起行政诉讼。';
    const set = await office.request('PUT', `/api/v1/reply-templates/${city}`, { key: 'remedies', text: remedies });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.items.find((i: { key: string }) => i.key === 'remedies').source, 'own');
    await office.request('PUT', `/api/v1/reply-templates/${city}`, { key: 'decision.disclose', text: '经审查，该信息可以公开，现予提供。' });

    const handler = await as(server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-03-02' });
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'disclose', date: '2026-03-10' });
    const docx = compact(await docxText((await handler.get(`/api/v1/requests/${body.id}/reply.docx`)).bytes));
    assert.ok(docx.includes(compact(remedies)), 'new remedies text');
    assert.ok(docx.includes(compact('经审查，该信息可以公开，现予提供。')));
    assert.ok(!docx.includes(compact(REMEDIES)));

    const inherited = await (await as(server, 'syq.gkb')).get(`/api/v1/reply-templates/${county}`);
    assert.equal(inherited.body.items.find((i: { key: string }) => i.key === 'remedies').source, 'inherited', 'a county inherits the city wording');
    assert.equal((await (await as(server, 'syq.gkb')).request('PUT', `/api/v1/reply-templates/${city}`, { key: 'remedies', text: '改动上级模板' })).status, 403);
    assert.equal((await handler.request('PUT', `/api/v1/reply-templates/${city}`, { key: 'remedies', text: '承办人改模板' })).status, 403);
    assert.equal((await office.request('PUT', `/api/v1/reply-templates/${edu}`, { key: 'remedies', text: '部门单独模板' })).status, 400, 'templates belong to governments');
    assert.equal((await office.request('PUT', `/api/v1/reply-templates/${city}`, { key: 'nonsense', text: '无此项目文字' })).body.code, 'unknown_template_key');
    const reset = await office.request('PUT', `/api/v1/reply-templates/${city}`, { key: 'remedies', text: null });
    assert.equal(reset.body.items.find((i: { key: string }) => i.key === 'remedies').text, REMEDIES);
    await office.request('PUT', `/api/v1/reply-templates/${city}`, { key: 'decision.disclose', text: null });
  });

  it('erases the applicant\'s personal data and working papers when the retention period ends, keeping the outcome', async () => {
    const handler = await as(server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', { application: { ...application(), address: '三明市三元区某路1号' }, channel: 'in_person', submittedDate: '2026-03-02' });
    const letter = await handler.upload(`/api/v1/requests/${body.id}/files?purpose=internal`, '申请书原件扫描（留存）.pdf', Buffer.from('%PDF-1.4 scanned letter of 钱七, retained'), 'application/pdf');
    const letterUrl = letter.body.items[0].url as string;
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'disclose', date: '2026-03-10' });
    await handler.post(`/api/v1/requests/${body.id}/deliver`, { date: '2026-03-11', method: 'in_person', detail: '申请人签收' });
    await handler.post(`/api/v1/requests/${body.id}/archive`, { date: '2026-03-16' });
    assert.equal(server.config.requestRetentionYears, 10);
    // (Other tests in this file archive cases too: look at this case, not at the counts.)
    await eraseExpiredCases(server.ctx, '2036-03-15');
    assert.equal((await handler.get(`/api/v1/requests/${body.id}`)).body.idNumber, '11010519491231002X', 'kept for ten full years');
    assert.ok(await eraseExpiredCases(server.ctx, '2036-03-16') >= 1);
    assert.equal(await eraseExpiredCases(server.ctx, '2036-03-17'), 0, 'once');
    const after = (await handler.get(`/api/v1/requests/${body.id}`)).body;
    assert.ok(after.erasedAt);
    assert.equal(after.applicantName, '钱*');
    assert.equal(after.idNumber, null);
    assert.equal(after.phone, null);
    assert.equal(after.address, null);
    assert.equal(after.description, ERASED_DESCRIPTION);
    assert.equal(after.reply.outcome, 'disclose', 'the outcome still counts in its year');
    assert.equal(after.applicantType, 'natural_person');
    assert.deepEqual(after.files, []);
    assert.equal((await handler.get(letterUrl)).status, 404);
    const raw = await server.ctx.db.selectFrom('disclosure_request').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    assert.equal(raw.id_number_enc, null);
    assert.equal(raw.address_enc, null);
    const audit = await server.ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', String(body.id)).where('action', '=', 'request.erased').execute();
    assert.equal(audit.length, 1);
  });
});
