import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { as, Client, startServer, testDatabases, unitId, useDemoServer } from '../../../test/helpers.js';

for (const database of testDatabases()) {
  describe(`fees and appeals (${database.name})`, () => {
    const t = useDemoServer(database.url);

    const application = (idNumber = '11010519491231002X') => ({ unitId: t.edu, applicantType: 'natural_person', applicantName: '孙八', idType: 'resident_id', idNumber, phone: '13905981234', description: '某项政府信息的申请内容', preferredForm: 'paper', delivery: 'post' });

    it('charges the same applicant from the 11th request of a month, and per page beyond 30', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const ids: number[] = [];
      for (let i = 0; i < 11; i++) {
        const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: `2026-03-${String(2 + i).padStart(2, '0')}` });
        ids.push(body.id);
      }
      const free = await handler.post(`/api/v1/requests/${ids[0]}/fee-notice`, { date: '2026-03-05', basis: 'per_request' });
      assert.equal(free.status, 400);
      assert.equal(free.body.code, 'fee_free');
      const eleventh = await handler.post(`/api/v1/requests/${ids[10]}/fee-notice`, { date: '2026-03-16', basis: 'per_request' });
      assert.equal(eleventh.status, 200, eleventh.text);
      const notice = eleventh.body.events.find((e: { kind: string }) => e.kind === 'fee_notice');
      assert.equal(notice.data.amount, 100);
      assert.equal(notice.data.payBy, '2026-04-14', '20 working days after the notice (清明 4-4..6 off)');
      const volume = await handler.post(`/api/v1/requests/${ids[1]}/fee-notice`, { date: '2026-03-10', basis: 'per_volume', pages: 60 });
      assert.equal(volume.body.events.find((e: { kind: string }) => e.kind === 'fee_notice').data.amount, 300);
      const track = await new Client(t.server.baseUrl).get(`/api/v1/public/requests/${volume.body.trackingCode}`);
      assert.ok(track.body.events.some((e: { detail: string | null }) => e.detail === '应缴 300 元，请于 2026-04-08 前缴纳'));
      const paid = await handler.post(`/api/v1/requests/${ids[1]}/fee-paid`, { date: '2026-03-20', receiptNo: '闽财缴 0001234' });
      assert.equal(paid.status, 200);
      assert.equal(paid.body.due, '2026-03-31', 'by default the fee wait does not stop the clock');
      // Not paying in time closes the case as 其他处理 2.
      const closed = await handler.post(`/api/v1/requests/${ids[10]}/reply`, { outcome: 'other_no_fee', date: '2026-04-15' });
      assert.equal(closed.body.reply.outcome, 'other_no_fee');
    });

    it('can stop the clock while the fee is awaited (FEE_PAUSES_CLOCK)', async () => {
      const paused = await startServer({ url: database.url, env: { FEE_PAUSES_CLOCK: 'true' } });
      try {
        const handler = await as(paused, 'jyj.handler');
        const unit = await unitId(paused, '三明市教育局');
        const { body } = await handler.post('/api/v1/requests', { application: { ...application(), unitId: unit }, channel: 'in_person', submittedDate: '2026-03-02' });
        await handler.post(`/api/v1/requests/${body.id}/fee-notice`, { date: '2026-03-05', basis: 'per_volume', pages: 40 });
        const paid = await handler.post(`/api/v1/requests/${body.id}/fee-paid`, { date: '2026-03-12', receiptNo: '闽财缴 0005678' });
        assert.equal(paid.body.due, '2026-04-07', '2026-03-30 plus the 5 working days waited, over 清明');
        assert.ok(paid.body.explanation.some((l: string) => l.includes('等待缴纳信息处理费，占用 5 个工作日')));
      } finally {
        await paused.close();
      }
    });

    it('records reconsiderations and lawsuits against replies, with their results', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const { body } = await handler.post('/api/v1/requests', { application: application('110105194912310038'), channel: 'in_person', submittedDate: '2026-03-02' });
      assert.equal((await handler.post(`/api/v1/requests/${body.id}/appeals`, { kind: 'reconsideration', filedDate: '2026-04-01', body: '三明市人民政府' })).status, 400, 'no reply yet');
      await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'withhold_process', date: '2026-03-20', reasons: '属于内部讨论稿' });
      const added = await handler.post(`/api/v1/requests/${body.id}/appeals`, { kind: 'reconsideration', filedDate: '2026-04-01', body: '三明市人民政府' });
      assert.equal(added.body.items[0].result, 'pending');
      const decided = await handler.patch(`/api/v1/appeals/${added.body.items[0].id}`, { result: 'corrected', resultDate: '2026-05-20' });
      assert.equal(decided.body.items[0].resultLabel, '结果纠正');
      const outsider = await as(t.server, 'fgw.editor');
      assert.equal((await outsider.post(`/api/v1/requests/${body.id}/appeals`, { kind: 'lawsuit_direct', filedDate: '2026-04-01', body: '三元区人民法院' })).status, 403);
      assert.equal((await outsider.patch(`/api/v1/appeals/${added.body.items[0].id}`, { result: 'upheld', resultDate: '2026-05-20' })).status, 403);
    });
  });
}
