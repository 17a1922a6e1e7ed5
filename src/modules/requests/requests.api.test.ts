import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { as, Client, testDatabases, unitId, useDemoServer } from '../../../test/helpers.js';

const ID = '11010519491231002X';
const PHONE = '13905981234';

/** Answers the human check as a person would: reads the sum, waits the minimum time. */
async function challenge(c: Client) {
  const { token } = (await c.get('/api/v1/public/requests/challenge')).body as { token: string };
  const [, a, b] = token.split('.');
  return { challengeToken: token, challengeAnswer: String(Number(a) + Number(b)) };
}

for (const database of testDatabases()) {
  describe(`disclosure requests (${database.name})`, () => {
    const t = useDemoServer(database.url);

    const application = (extra: Record<string, unknown> = {}) => ({
      unitId: t.edu, applicantType: 'natural_person', applicantName: '张三', idType: 'resident_id', idNumber: ID, phone: PHONE, email: 'zhang@example.cn',
      address: '三明市三元区某街道1号', description: '请公开2026年市区义务教育学校招生范围划分依据。', preferredForm: 'electronic', delivery: 'email', ...extra,
    });

    it('takes an online application with a human check and gives a tracking code that shows no personal data', async () => {
      const citizen = new Client(t.server.baseUrl);
      const check = await challenge(citizen);
      const tooFast = await citizen.post('/api/v1/public/requests', { ...application(), ...check });
      assert.equal(tooFast.status, 400);
      assert.match(tooFast.body.message, /过快/);
      await sleep(3100);
      const wrong = await citizen.post('/api/v1/public/requests', { ...application(), ...check, challengeAnswer: '99' });
      assert.equal(wrong.body.code, 'challenge_failed');
      const badId = await citizen.post('/api/v1/public/requests', { ...application({ idNumber: '110105194912310021' }), ...check });
      assert.equal(badId.status, 400);
      assert.match(badId.body.message, /居民身份证号码不正确/);
      const ok = await citizen.post('/api/v1/public/requests', { ...application(), ...check });
      assert.equal(ok.status, 201, ok.text);
      const code = ok.body.trackingCode;
      const track = await citizen.get(`/api/v1/public/requests/${code}`);
      assert.equal(track.body.status, 'awaiting_confirmation');
      assert.equal(track.body.due, null);
      for (const secret of [ID, PHONE, '张三', 'zhang@example.cn']) assert.equal(track.text.includes(secret), false, secret);
      const row = await t.server.ctx.db.selectFrom('disclosure_request').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
      assert.match(row.id_number_enc!, /^sm4:/);
      assert.equal(row.id_number_mask, '1101**********002X');
      const audit = await t.server.ctx.db.selectFrom('audit_log').select(['before_data', 'after_data']).execute();
      assert.equal(audit.some((a) => `${a.before_data}${a.after_data}`.includes(ID) || `${a.after_data}`.includes(PHONE)), false, 'no personal data in the audit log');
      // Five submissions per address per hour (SUBMIT_RATE_LIMIT): the sixth is refused with a message.
      assert.equal((await citizen.post('/api/v1/public/requests', { ...application(), ...check })).status, 201);
      const limited = await citizen.post('/api/v1/public/requests', { ...application(), ...check });
      assert.equal(limited.status, 429);
      assert.match(limited.body.message, /[\u4e00-\u9fa5]/);
    });

    it('runs the clock: confirm, supplement restart, consultation pause, one extension; the applicant sees each step', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const registered = await handler.post('/api/v1/requests', { application: application({ applicantName: '李四' }), channel: 'online', submittedDate: '2026-08-31' });
      assert.equal(registered.status, 201, registered.text);
      assert.equal(registered.body.status, 'awaiting_confirmation');
      assert.equal(registered.body.idNumber, ID, 'the handler sees the full number');
      const id = registered.body.id;
      const confirmed = await handler.post(`/api/v1/requests/${id}/confirm`, { date: '2026-09-01' });
      assert.equal(confirmed.body.receiptDate, '2026-09-01');
      assert.equal(confirmed.body.supplementNoticeDue, '2026-09-10');
      const supplement = await handler.post(`/api/v1/requests/${id}/supplement`, { date: '2026-09-03', deadline: '2026-09-18', items: '请写明所需信息的年份和学校名称。' });
      assert.equal(supplement.body.status, 'supplement');
      assert.equal(supplement.body.due, null);
      assert.equal((await handler.post(`/api/v1/requests/${id}/supplement`, { date: '2026-09-04', deadline: '2026-09-18', items: '再次补正' })).status, 409, 'a supplement request is made once');
      const track = await new Client(t.server.baseUrl).get(`/api/v1/public/requests/${registered.body.trackingCode}`);
      assert.ok(track.body.events.some((e: { detail: string | null }) => e.detail?.includes('请写明所需信息的年份')));
      const received = await handler.post(`/api/v1/requests/${id}/supplement-received`, { date: '2026-09-21' });
      assert.equal(received.body.due, '2026-10-26', 'restarted from the supplement');
      const consult = await handler.post(`/api/v1/requests/${id}/consult`, { date: '2026-09-22', party: '某学校（第三方）', kind: 'third_party' });
      assert.equal(consult.body.status, 'consulting');
      const ended = await handler.post(`/api/v1/requests/${id}/consult-end`, { date: '2026-09-30', result: '第三方同意公开' });
      assert.equal(ended.body.status, 'processing');
      // 09-23..09-30 holds 5 working days (09-25..27 Mid-autumn off), so 20 + 5 working days after 09-21.
      assert.equal(ended.body.due, '2026-11-02');
      assert.ok(ended.body.explanation.some((l: string) => l.includes('占用 5 个工作日')));
      assert.equal((await handler.post(`/api/v1/requests/${id}/extend`, { date: '2026-10-20', workdays: 20, reason: '涉及多所学校资料汇总' })).status, 403, 'only the disclosure office head extends');
      const gkb = await as(t.server, 'sm.gkb');
      const extended = await gkb.post(`/api/v1/requests/${id}/extend`, { date: '2026-10-20', workdays: 20, reason: '涉及多所学校资料汇总' });
      assert.equal(extended.body.due, '2026-11-30');
      assert.equal((await gkb.post(`/api/v1/requests/${id}/extend`, { date: '2026-10-21', workdays: 5, reason: '再次延期' })).status, 409);
      const history = (await new Client(t.server.baseUrl).get(`/api/v1/public/requests/${registered.body.trackingCode}`)).body.events.map((e: { label: string }) => e.label);
      assert.deepEqual(history, ['提交申请', '确认收到申请', '发出补正通知', '收到补正材料', '征求意见（期限暂停）', '征求意见结束', '延长答复期限'].map((l) => l === '提交申请' ? '登记申请' : l));
    });

    it('fixes the receipt date by channel when staff register a letter', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const missing = await handler.post('/api/v1/requests', { application: application(), channel: 'post_signed', submittedDate: '2026-03-02' });
      assert.equal(missing.status, 400);
      const signed = await handler.post('/api/v1/requests', { application: application(), channel: 'post_signed', submittedDate: '2026-03-02', signedDate: '2026-03-04' });
      assert.equal(signed.body.receiptDate, '2026-03-04');
      assert.equal(signed.body.status, 'processing');
      const inPerson = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-01-26' });
      assert.equal(inPerson.body.due, '2026-02-28');
    });

    it('keeps cases inside the unit: others get 403, leaders see masked data only', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-03-02' });
      for (const user of ['fgw.editor', 'syq.gkb', 'jyj.editor']) {
        const c = await as(t.server, user);
        assert.equal((await c.get(`/api/v1/requests/${body.id}`)).status, 403, user);
        assert.equal((await c.post(`/api/v1/requests/${body.id}/notes`, { text: '越权' })).status, 403, user);
      }
      const leader = await as(t.server, 'sm.leader');
      const seen = await leader.get(`/api/v1/requests/${body.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.idNumber, '1101**********002X');
      assert.equal(seen.body.phone, '139****1234');
      assert.equal(seen.body.personalDataVisible, false);
      assert.equal((await leader.post(`/api/v1/requests/${body.id}/notes`, { text: '领导批示' })).status, 403, 'leaders read only');
      const list = await handler.get('/api/v1/requests?pageSize=100');
      assert.ok(list.body.items.length >= 1);
      assert.equal(list.text.includes(ID), false);
      assert.equal(list.text.includes(PHONE), false);
      const csv = await handler.get('/api/v1/requests/export.csv');
      assert.match(csv.text, /^查询码,受理机关,申请人（遮蔽）/);
      assert.equal(csv.text.includes(ID) || csv.text.includes(PHONE) || csv.text.includes('张三'), false, 'exports carry no personal data');
    });

    it('recomputes open cases when next year\'s holidays are entered', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-12-10' });
      assert.equal(body.due, null);
      assert.match(body.calendarMissing, /2027 年/);
      const admin = await as(t.server, 'admin');
      await admin.request('PUT', '/api/v1/calendar/years/2027', { source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', days: [{ day: '2027-01-01', kind: 'off', name: '元旦' }] });
      const row = await t.server.ctx.db.selectFrom('disclosure_request').select('due_date').where('id', '=', body.id).executeTakeFirstOrThrow();
      assert.equal(row.due_date, '2027-01-08');
    });

    it('transfers a case within the government and splits a multi-item application', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const { body } = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-01-26' });
      const fgw = await unitId(t.server, '三明市发展和改革委员会');
      const moved = await handler.post(`/api/v1/requests/${body.id}/transfer`, { unitId: fgw, reason: '申请的信息由市发改委制作' });
      assert.equal(moved.status, 200, moved.text);
      assert.equal((await handler.get(`/api/v1/requests/${body.id}`)).status, 403, 'no longer the education bureau\'s case');
      const gkb = await as(t.server, 'sm.gkb');
      const seen = await gkb.get(`/api/v1/requests/${body.id}`);
      assert.equal(seen.body.unitName, '三明市发展和改革委员会');
      assert.equal(seen.body.due, '2026-02-28', 'the clock is unchanged');
      assert.equal((await (await as(t.server, 'syq.gkb')).post(`/api/v1/requests/${body.id}/transfer`, { unitId: t.edu, reason: '越权转办' })).status, 403);

      const multi = await handler.post('/api/v1/requests', { application: application({ description: '一、某校招生计划；二、某项目财政资金' }), channel: 'in_person', submittedDate: '2026-01-26' });
      const split = await handler.post(`/api/v1/requests/${multi.body.id}/split`, { parts: ['某校2026年招生计划', '某项目2026年财政资金安排'] });
      assert.equal(split.status, 200, split.text);
      assert.equal(split.body.trackingCodes.length, 2);
      const child = await t.server.ctx.db.selectFrom('disclosure_request').selectAll().where('tracking_code', '=', split.body.trackingCodes[1]).executeTakeFirstOrThrow();
      assert.equal(child.parent_id, multi.body.id);
      assert.equal(child.due_date, '2026-02-28');
      assert.equal(child.description, '某项目2026年财政资金安排');
      const parent = await handler.get(`/api/v1/requests/${multi.body.id}`);
      assert.equal(parent.body.description, '某校2026年招生计划');
      const track = await new Client(t.server.baseUrl).get(`/api/v1/public/requests/${multi.body.trackingCode}`);
      assert.ok(track.body.events.some((e: { detail: string | null }) => e.detail?.includes(split.body.trackingCodes[1])));
    });

    it('lists overdue and due-soon cases for reminders', async () => {
      const handler = await as(t.server, 'jyj.handler');
      const old = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: '2026-01-26' });
      const overdue = await handler.get('/api/v1/requests?overdue=true&pageSize=200');
      assert.ok(overdue.body.items.some((i: { id: number }) => i.id === old.body.id), 'due 2026-02-28, long past');
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const fresh = await handler.post('/api/v1/requests', { application: application(), channel: 'in_person', submittedDate: today });
      const due: string = fresh.body.due;
      const within = (await handler.get('/api/v1/requests?dueWithinDays=60&pageSize=200')).body.items.map((i: { id: number }) => i.id);
      const none = (await handler.get('/api/v1/requests?dueWithinDays=0&pageSize=200')).body.items.map((i: { id: number }) => i.id);
      assert.equal(within.includes(fresh.body.id), due !== null && due <= new Date(Date.parse(today) + 60 * 86_400_000).toISOString().slice(0, 10));
      assert.equal(none.includes(fresh.body.id), false, 'a case received today is not due today');
      assert.equal(within.includes(old.body.id), false, 'overdue cases are not "due soon"');
    });
  });
}
