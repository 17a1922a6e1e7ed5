import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusLines } from '../bench/corpus.js';
import { runScript } from './process.js';

const UNITS = ['三明市教育局', '三明市财政局', '永安市人民政府'];
const parsed = (count: number, textsDir?: string) => [...corpusLines({ count, units: UNITS, textsDir })].map((l) => ({ ...l, doc: JSON.parse(l.line) }));

describe('benchmark corpus (bench/corpus.ts)', () => {
  it('spreads generated documents over units, years and genres, the same for the same seed, with a few words far more common than most', () => {
    const docs = parsed(2_000);
    assert.deepEqual(new Set(docs.map((d) => d.doc.unit)), new Set(UNITS));
    const years = new Set(docs.map((d) => Number(d.doc.publishedAt.slice(0, 4))));
    assert.ok(years.size >= 19 && Math.min(...years) === 2008 && Math.max(...years) === 2026, `years ${[...years]}`);
    assert.ok(new Set(docs.map((d) => d.doc.genre)).size >= 9);
    const withNo = docs.filter((d) => d.docNo).length / docs.length;
    assert.ok(withNo > 0.5 && withNo < 0.7, `share with a 文号 ${withNo}`);
    for (const d of docs.slice(0, 50)) assert.ok(d.body.length >= 300, 'bodies are at least 300 characters');
    assert.deepEqual(parsed(20).map((d) => d.line), docs.slice(0, 20).map((d) => d.line), 'a run can be repeated exactly');
    // Zipf: the commonest vocabulary word occurs many times as often as a word of middle rank.
    const text = docs.map((d) => d.body).join('');
    const count = (w: string) => text.split(w).length - 1;
    assert.ok(count('政府') > 10 * count('住房'), `政府 ${count('政府')}, 住房 ${count('住房')}`);
  });

  it('samples its sentences from a folder of texts when one is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-texts-'));
    try {
      mkdirSync(join(dir, 'sub'));
      const sentences = Array.from({ length: 120 }, (_, i) => `第${i + 1}条样本条文规定了办理期限和答复方式。`);
      writeFileSync(join(dir, 'sub', 'law.txt'), sentences.join('\n'));
      writeFileSync(join(dir, 'ignored.json'), '{"不读": "这个文件"}');
      const docs = parsed(30, dir);
      for (const d of docs) {
        for (const p of d.body.split('\n\n')) assert.match(p, /^(第\d+条样本条文规定了办理期限和答复方式。)+$/, 'every paragraph is made of the folder\'s sentences');
      }
      writeFileSync(join(dir, 'sub', 'law.txt'), '太少。');
      assert.throws(() => parsed(1, dir), /可用的中文句子太少/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run bench', () => {
  it('runs a small quick benchmark end to end on SQLite: prints the table with the nginx ratio and writes the results', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    try {
      const { code, stdout, stderr } = runScript('bench/run.ts', ['--quick', '--docs', '400', '--seconds', '1', '--connections', '4', '--out', out], { BENCH_DATABASE_URL: '' });
      assert.equal(code, 0, stderr.slice(-2000));
      assert.match(stdout, /\| \*\*文件页 \/ nginx\*\* \| \*\*\d+%\*\* \| ≥ 50% \|/);
      assert.match(stdout, /\| 检索 4 字（按相关度） p50\/p95\/p99（毫秒） \| [\d.]+\/[\d.]+\/[\d.]+ \| p95 < 100 \|/);
      assert.match(stderr, /完成：用时 [\d.]+ 分钟/);
      const files = readdirSync(out);
      assert.equal(files.length, 1);
      assert.match(files[0]!, /^\d{4}-\d{2}-\d{2}-quick\.json$/);
      const run = JSON.parse(readFileSync(join(out, files[0]!), 'utf8'));
      assert.equal(run.docs, 400);
      const [sqlite] = run.results;
      assert.equal(sqlite.database, 'SQLite');
      assert.equal(sqlite.docs, 400);
      assert.ok(sqlite.nginx.rps > 0 && sqlite.pages['文件页'].rps > 0);
      assert.equal(Object.keys(sqlite.search).length, 10, 'five query classes, each by relevance and by date');
      assert.equal(sqlite.submissions.acknowledged, sqlite.submissions.stored, 'no application lost');
      assert.ok(sqlite.submissions.stored > 0);
      assert.ok(sqlite.rssMb.max > 0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
