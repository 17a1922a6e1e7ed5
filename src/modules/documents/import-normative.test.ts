import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoServer } from '../../../test/helpers.js';
import { importDocuments } from './import.js';

describe('import of 规章 and 行政规范性文件', () => {
  const t = useDemoServer(undefined);

  it('keeps normativeKind, skips an unchanged line and updates a changed one', async () => {
    const line = (kind: string | null) => JSON.stringify({ indexNo: 'NORM/2024-00001', unit: '三明市教育局', title: '三明市教育局关于规范民办学校收费管理的通知', docNo: '明教〔2024〕8号', writtenDate: '2024-03-01', bodyText: '为规范民办学校收费行为，制定本通知。', ...(kind ? { normativeKind: kind } : {}) });
    const run = (l: string) => importDocuments(t.server.ctx.db, [l], { actorName: '测试', source: 'test' });
    assert.equal((await run(line('normative'))).created, 1);
    const row = () => t.server.ctx.db.selectFrom('document').select(['normative_kind', 'version']).where('index_no', '=', 'NORM/2024-00001').executeTakeFirstOrThrow();
    assert.deepEqual(await row(), { normative_kind: 'normative', version: 1 });
    assert.equal((await run(line('normative'))).unchanged, 1);
    assert.equal((await run(line(null))).updated, 1, 'dropping the kind is a change');
    assert.deepEqual(await row(), { normative_kind: null, version: 2 });
    assert.equal((await run(line('rule-ish'))).failed.length, 1, 'unknown kinds are refused');
  });
});
