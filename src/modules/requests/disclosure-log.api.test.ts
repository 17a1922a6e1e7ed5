import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { as, Client, useDemoServer } from '../../../test/helpers.js';

describe('disclosure log (依申请公开答复选登)', () => {
  const t = useDemoServer(undefined);

  const upload = async (handler: Client, id: number, purpose: 'released' | 'internal', name: string, text: string) => {
    const res = await handler.upload(`/api/v1/requests/${id}/files?purpose=${purpose}`, name, Buffer.from(`%PDF-1.4 ${text}`), 'application/pdf');
    assert.equal(res.status, 200);
    return (res.body.items as Array<{ id: number; fileName: string }>).find((f) => f.fileName === name)!.id;
  };

  it('publishes a disclosed reply without personal data, lists and serves it publicly, and withdraws it', async () => {
    const handler = await as(t.server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', {
      application: { unitId: t.edu, applicantType: 'natural_person', applicantName: '周九', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13905981234', description: '周九要求公开2025年学区划分方案', preferredForm: 'electronic', delivery: 'email' },
      channel: 'in_person', submittedDate: '2026-03-02',
    });
    const released = await upload(handler, body.id, 'released', '2025年学区划分方案（可公开部分）.pdf', 'released part');
    const internal = await upload(handler, body.id, 'internal', '申请书扫描件.pdf', 'the letter');
    assert.equal((await handler.post(`/api/v1/requests/${body.id}/publication`, { title: '关于2025年学区划分方案的答复', summary: '申请人申请公开学区划分方案，本机关部分公开。' })).status, 409, 'not replied yet');
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'partial', date: '2026-03-10', reasons: '其中涉及个人住址的内容不予公开' });

    const withName = await handler.post(`/api/v1/requests/${body.id}/publication`, { title: '关于周九申请的答复', summary: '申请人申请公开学区划分方案，本机关部分公开。' });
    assert.equal(withName.status, 400);
    assert.equal(withName.body.code, 'personal_data');
    assert.doesNotMatch(withName.body.message, /周九/, 'the error names the problem without repeating it');
    const withId = await handler.post(`/api/v1/requests/${body.id}/publication`, { title: '关于学区划分方案的答复', summary: '申请人（身份证 11010519491231002X）申请公开学区划分方案。' });
    assert.equal(withId.status, 400);
    assert.match(withId.body.message, /居民身份证号码/);
    assert.equal((await handler.post(`/api/v1/requests/${body.id}/publication`, { title: '关于学区划分方案的答复', summary: '申请人申请公开学区划分方案，本机关部分公开。', fileIds: [internal] })).body.code, 'file_not_released');
    assert.equal((await (await as(t.server, 'fgw.editor')).post(`/api/v1/requests/${body.id}/publication`, { title: '关于学区划分方案的答复', summary: '申请人申请公开学区划分方案，本机关部分公开。' })).status, 403);

    const ok = await handler.post(`/api/v1/requests/${body.id}/publication`, { title: '关于2025年学区划分方案的答复', summary: '申请人申请公开2025年学区划分方案。本机关公开了方案正文，其中涉及个人住址的内容不予公开。', fileIds: [released] });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.publication.withdrawn, false);

    const anon = new Client(t.server.baseUrl);
    const list = await anon.get(`/xxgk/request/log?unitId=${t.edu}&year=2026`);
    assert.equal(list.status, 200);
    assert.match(list.text, /关于2025年学区划分方案的答复/);
    assert.match(list.text, /部分公开/);
    const page = await anon.get(ok.body.publication.url);
    assert.match(page.text, /其中涉及个人住址的内容不予公开/);
    for (const text of [list.text, page.text]) {
      for (const secret of ['周九', '11010519491231002X', '13905981234', '申请书扫描件', body.trackingCode]) assert.ok(!text.includes(secret), `public page shows ${secret}`);
    }
    const link = page.text.match(/href="(\/xxgk\/request\/log\/\d+\/files\/\d+)"/)![1]!;
    const file = await anon.get(link);
    assert.equal(file.status, 200);
    assert.equal(file.bytes.toString(), '%PDF-1.4 released part');
    assert.equal((await anon.get(link.replace(/files\/\d+$/, `files/${internal}`))).status, 404, 'internal files are never public');
    const csv = await anon.get(`/xxgk/request/log.csv?unitId=${t.edu}`);
    assert.match(csv.text, /关于2025年学区划分方案的答复,三明市教育局,部分公开,2026-03-10/);
    assert.equal((await anon.get('/xxgk/request/log?year=2019')).text.includes('关于2025年学区划分方案的答复'), false, 'the year filter applies');

    const withdrawn = await handler.delete(`/api/v1/requests/${body.id}/publication`);
    assert.equal(withdrawn.body.publication.withdrawn, true);
    assert.equal((await anon.get(ok.body.publication.url)).status, 404);
    assert.equal((await anon.get(link)).status, 404);
    assert.ok(!(await anon.get('/xxgk/request/log')).text.includes('关于2025年学区划分方案的答复'));
  });

  it('refuses to publish a reply that disclosed nothing', async () => {
    const handler = await as(t.server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', {
      application: { unitId: t.edu, applicantType: 'natural_person', applicantName: '吴十', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13905981234', description: '某内部会议纪要', preferredForm: 'electronic', delivery: 'email' },
      channel: 'in_person', submittedDate: '2026-03-02',
    });
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'withhold_internal', date: '2026-03-10', reasons: '属于内部事务信息' });
    const res = await handler.post(`/api/v1/requests/${body.id}/publication`, { title: '关于内部会议纪要的答复', summary: '本机关决定不予公开该内部事务信息。' });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'not_disclosed');
  });
});
