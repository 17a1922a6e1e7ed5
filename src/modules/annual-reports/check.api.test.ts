import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client, useDemoServer } from '../../../test/helpers.js';
import { TABLE3_ROWS } from './format.js';

/** A consistent report of a real shape: 12 new, 2 carried, 11 handled, 3 carried forward. */
function report() {
  const t = TABLE3_ROWS.map(() => [0, 0, 0, 0, 0, 0, 0]);
  t[0] = [10, 2, 0, 0, 0, 0, 12];
  t[1] = [2, 0, 0, 0, 0, 0, 2];
  t[2] = [5, 1, 0, 0, 0, 0, 6];
  t[3] = [2, 0, 0, 0, 0, 0, 2];
  t[12] = [1, 0, 0, 0, 0, 0, 1];
  t[20] = [1, 1, 0, 0, 0, 0, 2];
  t[23] = [9, 2, 0, 0, 0, 0, 11];
  t[24] = [3, 0, 0, 0, 0, 0, 3];
  return t;
}
const table4 = [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

describe('annual report checker', () => {
  const t = useDemoServer(undefined);

  it('says a consistent report is consistent, and names the column and rule when R24 ≠ R1 + R2 − R25', async () => {
    const api = new Client(t.server.baseUrl);
    const ok = await api.post('/api/v1/annual-report-check', { format: '2021', table3: report(), table4, previousR25: [2, 0, 0, 0, 0, 0, 2] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, { consistent: true, violations: [] });

    const broken = report();
    broken[23] = [8, 2, 0, 0, 0, 0, 10]; // R24 one short for 自然人 (and the outcome rows no longer add up to it)
    const res = await api.post('/api/v1/annual-report-check', { table3: broken, table4 });
    assert.equal(res.body.consistent, false);
    const balance = res.body.violations.filter((v: { rule: string }) => v.rule === 'balance');
    assert.deepEqual(balance.map((v: { column: number; row: number }) => [v.row, v.column]), [[24, 1], [24, 7]]);
    assert.match(balance[0].message, /“自然人”列/);
    assert.match(balance[0].message, /R1 \+ R2 = R24 \+ R25/);
  });

  it('answers malformed input with a 400 that says what is wrong', async () => {
    const api = new Client(t.server.baseUrl);
    const short = await api.post('/api/v1/annual-report-check', { table3: report().slice(0, 24), table4 });
    assert.equal(short.status, 400);
    assert.match(short.body.message, /表三应有 25 行数字，收到 24 行/);
    const narrow = await api.post('/api/v1/annual-report-check', { table3: report().map((r) => r.slice(0, 6)), table4 });
    assert.equal(narrow.status, 400);
    assert.match(narrow.body.message, /每行应为 7 个数字/);
    const words = await api.post('/api/v1/annual-report-check', { table3: report(), table4: 'fifteen' });
    assert.equal(words.status, 400);
    assert.equal(words.body.code, 'validation_failed');
    assert.equal((await api.request('POST', '/api/v1/annual-report-check', undefined, { headers: { 'content-type': 'application/json' } })).status, 400);
  });

  it('checks tables pasted on the public page, with labels, and marks the failing cells', async () => {
    const citizen = new Client(t.server.baseUrl);
    const page = await citizen.get('/tools/report-check');
    const csrf = page.text.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const broken = report();
    broken[24] = [4, 0, 0, 0, 0, 0, 4];
    const pasted = TABLE3_ROWS.map((r, i) => `${r.label}\t${broken[i]!.join('\t')}`).join('\n');
    const res = await citizen.request('POST', '/tools/report-check', { _csrf: csrf, format: '2021', table3: pasted, table4: table4.join(' '), previous: '' }, { form: true });
    assert.equal(res.status, 200);
    assert.match(res.text, /发现 2 处不符/);
    assert.match(res.text, /“自然人”列：本年新收 10 \+ 上年结转 2 = 12，但办理结果总计 9 \+ 结转下年度 4 = 13/);
    assert.equal((res.text.match(/class="num bad"/g) ?? []).length, 2);
    const garbled = await citizen.request('POST', '/tools/report-check', { _csrf: csrf, format: '2021', table3: '一 二 三', table4: '1 2', previous: '' }, { form: true });
    assert.equal(garbled.status, 400);
    assert.match(garbled.text, /无法读取粘贴的内容/);
  });
});
