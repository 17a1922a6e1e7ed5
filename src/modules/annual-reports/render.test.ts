import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TABLE3_COLUMNS, TABLE3_ROWS } from './format.js';
import { Table3View, Table4View } from './render.js';

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");

describe('annual report tables as HTML', () => {
  it('renders Table 3 with the 25 numeric rows and 7 columns, labels character for character', () => {
    const table = TABLE3_ROWS.map((r) => TABLE3_COLUMNS.map((_, c) => r.row * 10 + c));
    const html = String(Table3View({ table }));
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const rows = body.split('<tr>').slice(1);
    assert.equal(rows.length, 25);
    rows.forEach((row, i) => {
      const cells = [...row.matchAll(/<td[^>]*>(\d+)/g)].map((m) => Number(m[1]));
      assert.deepEqual(cells, table[i], `row ${i + 1}`);
      const heads = [...row.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => decode(m[1]!));
      assert.equal(heads.at(-1), TABLE3_ROWS[i]!.label, `label of row ${i + 1}`);
    });
    // The merged cells of the official layout.
    assert.match(html, /<th rowspan="22" scope="rowgroup">三、本年度办理结果<\/th>/);
    assert.match(html, /<th rowspan="8" scope="rowgroup">（三）不予公开<\/th>/);
    assert.match(html, /<th rowspan="3" scope="rowgroup">（四）无法提供<\/th>/);
    assert.match(html, /<th rowspan="5" scope="rowgroup">（五）不予处理<\/th>/);
    assert.match(html, /<th rowspan="3" scope="rowgroup">（六）其他处理<\/th>/);
    assert.match(html, /<th colspan="3" rowspan="3" scope="colgroup">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th>/);
    const header = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    assert.deepEqual([...header.matchAll(/scope="col">([^<]+)</g)].map((m) => m[1]), ['自然人', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    assert.ok(!html.includes('小计'), 'no 法人或其他组织小计 column');
  });

  it('renders Table 4 as one row of fifteen under the three groups', () => {
    const html = String(Table4View({ table: Array.from({ length: 15 }, (_, i) => i) }));
    assert.equal((html.match(/<td/g) ?? []).length, 15);
    assert.match(html, /<th colspan="5" scope="colgroup">行政复议<\/th><th colspan="10" scope="colgroup">行政诉讼<\/th>/);
    assert.match(html, /未经复议直接起诉[\s\S]*复议后起诉/);
  });
});
