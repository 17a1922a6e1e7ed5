import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { runScript } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (script: string, args: string[] = []) => runScript(script, args, { DATA_DIR: dir, DEMO_CONTENT: 'false' });

const UNITS = ['三明市教育局', '三明市财政局', '三元区人民政府', '三明市林业局'];
const WORDS = ['政务公开', '财政预算', '义务教育', '林业资源', '安全生产', '乡村振兴', '招生', '补助'];

function line(i: number) {
  return JSON.stringify({
    indexNo: `IMPORT/${String(i).padStart(6, '0')}`,
    unit: UNITS[i % UNITS.length],
    title: `关于${WORDS[i % WORDS.length]}工作的通知（${i}）`,
    docNo: i % 5 === 0 ? `明政〔2025〕${i}号` : undefined,
    writtenDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
    topic: '综合政务',
    genre: '通知',
    art20Item: (i % 15) + 1,
    bodyText: `为进一步做好${WORDS[(i * 3) % WORDS.length]}工作，现将有关事项通知如下。\n\n请各单位认真贯彻落实。`,
  });
}

describe('npm run import', () => {
  it('imports 10,000 documents, reports bad lines, and changes nothing on a second run', () => {
    assert.equal(run('bin/seed-demo.ts').code, 0);
    const file = join(dir, 'docs.jsonl');
    const bad = ['{not json', JSON.stringify({ indexNo: 'BAD/1', unit: '不存在的单位', title: '某文件', writtenDate: '2025-01-01', bodyText: '正文' }), JSON.stringify({ indexNo: 'BAD/2', unit: '三明市教育局', title: '缺日期' })];
    writeFileSync(file, [...Array.from({ length: 10000 }, (_, i) => line(i)), ...bad].join('\n') + '\n');

    const first = run('bin/import.ts', [file]);
    assert.equal(first.code, 2, first.out);
    assert.match(first.out, /新增 10000，更新 0，未变 0，出错 3/);
    assert.match(first.out, /第 10001 行：不是有效的 JSON/);
    assert.match(first.out, /第 10002 行（BAD\/1）：找不到单位/);
    assert.match(first.out, /第 10003 行（BAD\/2）：writtenDate/);

    const db = new Database(join(dir, 'gongkai.sqlite'), { readonly: true });
    const count = () => (db.prepare("select count(*) n from document where status = 'published'").get() as { n: number }).n;
    const hash = () => (db.prepare('select hash from audit_head').get() as { hash: string }).hash;
    assert.equal(count(), 10000);
    const fts = db.prepare("select count(*) n from document_fts where document_fts match '\"财政 政预 预算\"'").get() as { n: number };
    const containing = Array.from({ length: 10000 }, (_, i) => line(i)).filter((l) => l.includes('财政预算')).length;
    assert.equal(fts.n, containing, 'every imported document is searchable');
    const auditBefore = hash();

    const second = run('bin/import.ts', [file]);
    assert.match(second.out, /新增 0，更新 0，未变 10000，出错 3/);
    assert.equal(count(), 10000);
    assert.equal(hash(), auditBefore, 'nothing changed, so nothing was audited');
    db.close();
  });

  it('npm run search:index rebuilds the index in bulk and finds the same documents', () => {
    const none = run('bin/search-index.ts');
    assert.equal(none.code, 0, none.out);
    assert.match(none.out, /补建检索索引完成：0 份文件/);
    const rebuilt = run('bin/search-index.ts', ['--rebuild']);
    assert.equal(rebuilt.code, 0, rebuilt.out);
    const db = new Database(join(dir, 'gongkai.sqlite'), { readonly: true });
    const published = (db.prepare("select count(*) n from document where status = 'published' and disclosure = 'proactive'").get() as { n: number }).n;
    assert.match(rebuilt.out, new RegExp(`重建检索索引完成：${published.toLocaleString()} 份文件`));
    const fts = db.prepare("select count(*) n from document_fts where document_fts match '\"财政 政预 预算\"'").get() as { n: number };
    assert.equal(fts.n, Array.from({ length: 10000 }, (_, i) => line(i)).filter((l) => l.includes('财政预算')).length);
    db.close();
  });
});
