import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { normalizeCjk } from '../../platform/files/files.js';
import { as, Client, testDatabases, unitId, useDemoServer } from '../../../test/helpers.js';
import { TABLE3_ROWS } from './format.js';

const request = (unit: number, name: string, type = 'natural_person') => ({
  application: { unitId: unit, applicantType: type, applicantName: name, idType: 'resident_id', idNumber: '11010519491231002X', phone: '13905981234', description: `${name}申请公开某项政府信息`, preferredForm: 'electronic', delivery: 'email', ...(type === 'natural_person' ? {} : { contactPerson: '联系人' }) },
  channel: 'in_person',
});

for (const database of testDatabases()) {
  describe(`annual reports (${database.name})`, () => {
    const t = useDemoServer(database.url);

    it('computes Table 3 across two years, counts a December request in both, and publishes after review', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const reg = async (date: string, name: string, type?: string) => (await handler.post('/api/v1/requests', { ...request(t.edu, name, type), submittedDate: date })).body.id as number;
      const a = await reg('2025-03-02', '张甲');
      await handler.post(`/api/v1/requests/${a}/reply`, { outcome: 'disclose', date: '2025-03-20' });
      const december = await reg('2025-12-22', '乙公司', 'business');
      const c = await reg('2026-02-02', '丙律师事务所', 'legal_service');
      await handler.post(`/api/v1/requests/${december}/reply`, { outcome: 'partial', date: '2026-01-12', reasons: '部分内容涉及商业秘密' });
      await handler.post(`/api/v1/requests/${c}/reply`, { outcome: 'reject_repeat', date: '2026-02-10' });
      await handler.post(`/api/v1/requests/${c}/appeals`, { kind: 'reconsideration', filedDate: '2026-03-01', body: '三明市人民政府' });
      await reg('2026-11-20', '王丁');

      const editor = await as(t.server, 'jyj.editor');
      const r2025 = await editor.post('/api/v1/annual-reports', { unitId: t.edu, year: 2025 });
      assert.equal(r2025.status, 201, r2025.text);
      assert.deepEqual(r2025.body.tables.table3[0], [1, 1, 0, 0, 0, 0, 2]);
      assert.deepEqual(r2025.body.tables.table3[24], [0, 1, 0, 0, 0, 0, 1], 'the December request is carried forward');
      assert.deepEqual(r2025.body.violations, []);
      assert.equal(r2025.body.deadline, '2026-01-31', 'a department publishes by 31 January');

      const r2026 = (await editor.post('/api/v1/annual-reports', { unitId: t.edu, year: 2026 })).body;
      assert.deepEqual(r2026.tables.table3[1], [0, 1, 0, 0, 0, 0, 1], 'and carried over into 2026');
      assert.deepEqual(r2026.tables.table3[3], [0, 1, 0, 0, 0, 0, 1], 'with its outcome in 2026');
      assert.deepEqual(r2026.tables.table3[16], [0, 0, 0, 0, 1, 0, 1]);
      assert.deepEqual(r2026.tables.previousR25, [0, 1, 0, 0, 0, 0, 1]);
      assert.deepEqual(r2026.tables.table4.slice(0, 5), [0, 0, 0, 1, 1], 'a pending reconsideration');
      assert.deepEqual(r2026.violations, []);

      // Every computed cell opens to its cases.
      const cell = await editor.get(`/api/v1/annual-reports/${r2026.id}/cells?key=3:2:2`);
      assert.equal(cell.status, 403, 'an editor does not see request cases');
      const office = await as(t.server, 'sm.gkb');
      const sources = await office.get(`/api/v1/annual-reports/${r2026.id}/cells?key=3:2:2`);
      assert.deepEqual(sources.body.requests.map((r: { id: number }) => r.id), [december]);
      assert.equal((await office.get(`/api/v1/annual-reports/${r2026.id}/cells?key=x`)).status, 400);

      // Narrative, submit (blocked without the overview), publish by a reviewer.
      assert.equal((await editor.post(`/api/v1/annual-reports/${r2026.id}/submit`)).body.code, 'section_missing');
      await editor.patch(`/api/v1/annual-reports/${r2026.id}`, { section1: '2026年，市教育局认真贯彻《中华人民共和国政府信息公开条例》。\n全年主动公开政府信息若干条。', section5: '存在的问题：公开内容不够全面。', section6: '本年度未收取信息处理费。' });
      assert.equal((await editor.post(`/api/v1/annual-reports/${r2026.id}/submit`)).body.status, 'submitted');
      assert.equal((await editor.post(`/api/v1/annual-reports/${r2026.id}/publish`)).status, 403, 'the author cannot publish');
      const reviewer = await as(t.server, 'jyj.reviewer');
      const published = await reviewer.post(`/api/v1/annual-reports/${r2026.id}/publish`);
      assert.equal(published.body.status, 'published');
      assert.equal(published.body.source, 'snapshot');

      // Frozen: a later reply does not change the published tables.
      await handler.post(`/api/v1/requests/${(await handler.get('/api/v1/requests?status=processing')).body.items[0].id}/reply`, { outcome: 'disclose', date: '2026-12-01' });
      assert.deepEqual((await reviewer.get(`/api/v1/annual-reports/${r2026.id}`)).body.tables.table3[24], r2026.tables.table3[24]);

      const pub = new Client(t.server.baseUrl);
      const column = await pub.get('/xxgk/reports');
      assert.match(column.text, /三明市教育局2026年政府信息公开工作年度报告/);
      assert.ok(!column.text.includes('2025年政府信息公开工作年度报告'), 'drafts are not public');
      const page = await pub.get(`/xxgk/reports/${r2026.id}`);
      assert.match(page.text, /全年主动公开政府信息若干条/);
      for (const row of TABLE3_ROWS) assert.ok(page.text.includes(row.label.replace(/"/g, '&quot;')), row.label);
      const docx = await pub.get(`/xxgk/reports/${r2026.id}/report.docx`);
      assert.equal(docx.status, 200);
      const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
      assert.match(xml, /<w:vMerge w:val="restart"\/>/);
      assert.match(xml, /三、本年度办理结果/);
      const pdf = await pub.get(`/xxgk/reports/${r2026.id}/report.pdf`);
      assert.equal(pdf.status, 200);
      const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
      const pdfText = normalizeCjk((await parser.getText()).text).replace(/\s+/g, '');
      await parser.destroy();
      for (const needle of ['三明市教育局2026年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '本年新收政府信息公开申请数量', '四、政府信息公开行政复议、行政诉讼情况']) assert.ok(pdfText.includes(needle), needle);
      assert.equal((await pub.get(`/xxgk/reports/${r2025.body.id}`)).status, 404);
    });

    it('checks entered tables on save and refuses to publish an inconsistent report', async () => {
      const office = await as(t.server, 'sm.gkb');
      const fgw = await unitId(t.server, '三明市发展和改革委员会');
      const report = (await office.post('/api/v1/annual-reports', { unitId: fgw, year: 2020, format: '2019' })).body;
      assert.equal(report.source, 'entered');
      assert.equal(report.tables.table3.length, 23, 'the 2019 layout');
      const t3 = report.tables.table3.map((r: number[]) => [...r]);
      t3[0] = [5, 0, 0, 0, 0, 0, 5];
      t3[2] = [4, 0, 0, 0, 0, 0, 4];
      t3[21] = [4, 0, 0, 0, 0, 0, 4];
      t3[22] = [0, 0, 0, 0, 0, 0, 0]; // one request missing: 5 ≠ 4 + 0
      const saved = await office.patch(`/api/v1/annual-reports/${report.id}`, { section1: '总体情况。', entered: { ...report.tables, table3: t3 } });
      assert.deepEqual(saved.body.violations.map((v: { rule: string; row: number; column: number }) => [v.rule, v.row, v.column]), [['balance', 22, 1], ['balance', 22, 7]]);
      const submit = await office.post(`/api/v1/annual-reports/${report.id}/submit`);
      assert.equal(submit.status, 409);
      assert.match(submit.body.message, /“自然人”列/);
      assert.equal((await office.post('/api/v1/annual-reports', { unitId: fgw, year: 2020 })).status, 409, 'one report per unit and year');
      // The 2019 layout's Table 2 (22 numbers, with 本年增/减 and 政府集中采购) and the fixed Table 3.
      assert.equal(report.tables.table2.length, 22);
      t3[22] = [1, 0, 0, 0, 0, 0, 1];
      const table2 = report.tables.table2.map((_: number, i: number) => (i === 7 ? -2 : i));
      const fixed = await office.patch(`/api/v1/annual-reports/${report.id}`, { entered: { ...report.tables, table2, table3: t3 } });
      assert.deepEqual(fixed.body.violations, []);
      assert.equal((await office.patch(`/api/v1/annual-reports/${report.id}`, { entered: { ...report.tables, table2: fixed.body.tables.table2.slice(0, 10), table3: t3 } })).status, 400);
      const xml = await (await JSZip.loadAsync((await office.get(`/api/v1/annual-reports/${report.id}/report.docx`)).bytes)).file('word/document.xml')!.async('string');
      for (const needle of ['政府集中采购', '本年增/减', '其他对外管理服务事项', '-2', '（六）其他处理']) assert.ok(xml.includes(needle), needle);
      assert.equal((await (await as(t.server, 'fgw.editor')).patch(`/api/v1/annual-reports/${report.id}`, { section1: '改' })).status, 200);
      assert.equal((await (await as(t.server, 'jyj.editor')).get(`/api/v1/annual-reports/${report.id}`)).status, 403, 'other units cannot see it');
    });

    it('sums figures entered per unit into a roll-up report, and imports them from CSV all or nothing', async () => {
      const office = await as(t.server, 'sm.gkb');
      const city = await unitId(t.server, '三明市人民政府');
      const fgw = await unitId(t.server, '三明市发展和改革委员会');
      const bad = await office.request('POST', '/api/v1/annual-figures/import?year=2026', '单位名称,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n三明市教育局,12,3,0,1.5\n不存在的局,1,1,1,1\n三明市发展和改革委员会,x,0,0,0', { headers: { 'content-type': 'text/csv' } });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /第 3 行“单位名称”没有您可以填报的单位“不存在的局”/);
      assert.match(bad.body.message, /第 4 行“行政许可”应为非负整数/);
      const ok = await office.request('POST', '/api/v1/annual-figures/import?year=2026', '单位名称,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n三明市教育局,12,3,0,1.5\n三明市发展和改革委员会,40,0,2,10.25', { headers: { 'content-type': 'text/csv' } });
      assert.equal(ok.body.imported, 2);
      const rollup = await office.post('/api/v1/annual-reports', { unitId: city, year: 2026, scope: [city, t.edu, fgw] });
      assert.equal(rollup.status, 201, rollup.text);
      assert.equal(rollup.body.deadline, '2027-03-31', 'a government publishes by 31 March');
      assert.deepEqual([rollup.body.tables.table2.licensing, rollup.body.tables.table2.penalty, rollup.body.tables.table2.enforcement, rollup.body.tables.table2.fees], [52, 3, 2, 11.75]);
      assert.deepEqual(rollup.body.breakdown.map((b: { unitName: string }) => b.unitName), ['三明市人民政府', '三明市教育局', '三明市发展和改革委员会']);
      assert.ok(rollup.body.breakdown.find((b: { unitId: number }) => b.unitId === t.edu).received >= 2);
      const county = await unitId(t.server, '三元区人民政府');
      assert.equal((await office.patch(`/api/v1/annual-reports/${rollup.body.id}`, { scope: [city, county] })).status, 200, 'a county is below the city');
      const sy = await as(t.server, 'syq.gkb');
      const countyReport = (await sy.post('/api/v1/annual-reports', { unitId: county, year: 2026 })).body;
      assert.equal((await sy.patch(`/api/v1/annual-reports/${countyReport.id}`, { scope: [county, fgw] })).body.code, 'invalid_scope');
    });
  });
}
