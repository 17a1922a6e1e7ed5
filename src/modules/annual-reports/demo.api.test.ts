import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startServer, unitId, type TestServer } from '../../../test/helpers.js';

describe('annual reports on the demo data (two years of requests)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ env: { DEMO_CONTENT: 'true' } });
  });
  after(() => server?.close());

  it('generates consistent reports for 2025 and 2026, the second carrying over what the first carried forward', async () => {
    const office = await as(server, 'sm.gkb');
    for (const name of ['三明市教育局', '三明市人民政府办公室']) {
      const unit = await unitId(server, name);
      const listed = (await office.get(`/api/v1/annual-reports?unitId=${unit}`)).body.items as Array<{ id: number; year: number }>;
      const y2025 = listed.find((r) => r.year === 2025) ?? (await office.post('/api/v1/annual-reports', { unitId: unit, year: 2025 })).body;
      const y2026 = (await office.post('/api/v1/annual-reports', { unitId: unit, year: 2026 })).body;
      const first = (await office.get(`/api/v1/annual-reports/${y2025.id}`)).body;
      assert.deepEqual(first.violations, [], `${name} 2025`);
      assert.deepEqual(y2026.violations, [], `${name} 2026`);
      assert.ok(first.tables.table3[0][6] > 0 && y2026.tables.table3[0][6] > 0, 'requests in both years');
      assert.deepEqual(y2026.tables.table3[1], first.tables.table3[24]);
    }
    const edu2026 = (await office.get(`/api/v1/annual-reports?year=2026&unitId=${await unitId(server, '三明市教育局')}`)).body.items[0];
    const report = (await office.get(`/api/v1/annual-reports/${edu2026.id}`)).body;
    assert.deepEqual(report.tables.table3[1], [1, 0, 0, 0, 0, 0, 1], 'the December 2025 request');
    assert.equal(report.tables.table2.normative.issued, 1, 'the demo normative document');
    assert.deepEqual(report.tables.table4.slice(5, 10), [0, 0, 0, 1, 1], 'a pending lawsuit');
    const dash = (await office.get('/api/v1/annual-reports/dashboard?year=2026')).body;
    assert.ok(dash.totals.received >= 7);
    assert.ok(dash.reports.pending.some((p: { unitName: string }) => p.unitName === '三明市教育局'), 'the 2026 report is not published yet');
    assert.equal(dash.monthly.length, 12);
  });
});
