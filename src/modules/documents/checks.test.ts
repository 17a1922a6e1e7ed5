import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPersonalData, findSensitiveWords, hasBlocking, htmlToText, internalLinks, isValidIdNumber, maskMiddle, passesLuhn } from './checks.js';

// A made-up but well-formed ID number (check digit computed per GB 11643).
const ID = '11010519491231002X';

describe('personal data checks', () => {
  it('recognises ID numbers by their check character and birth date', () => {
    assert.equal(isValidIdNumber(ID), true);
    assert.equal(isValidIdNumber('110105194912310021'), false, 'wrong check character');
    assert.equal(isValidIdNumber('110105194902300027'), false, 'no 30 February');
  });
  it('finds an ID number in the body, says where, and masks it in the excerpt', () => {
    const text = `申请人张某，身份证号${ID}，住址略。`;
    const [f] = findPersonalData('body', text);
    assert.equal(f!.kind, 'id_number');
    assert.equal(f!.severity, 'block');
    assert.equal(f!.offset, text.indexOf(ID));
    assert.equal(f!.excerpt.includes(ID), false);
    assert.match(f!.excerpt, /【1101\*{10}002X】/);
  });
  it('finds mobile numbers and Luhn-valid bank card numbers, not other digit runs', () => {
    const text = '联系电话13905981234，卡号6222 0202 0000 1234 562，文号编号1234567890123456。';
    const kinds = findPersonalData('body', text).map((f) => f.kind);
    assert.deepEqual(kinds, ['mobile', 'bank_card']);
    assert.equal(passesLuhn('6222020200001234562'), true);
    assert.equal(passesLuhn('1234567890123456'), false);
    assert.deepEqual(findPersonalData('body', '办公电话0598-8234567，邮编365000。'), []);
  });
  it('masks the middle of a number', () => {
    assert.equal(maskMiddle('350102199001011234'), '3501**********1234');
  });
});

describe('sensitive word checks', () => {
  const words = [
    { word: '截止目前', suggestion: '截至目前', severity: 'warn' as const },
    { word: '台湾政府', suggestion: '台湾当局', severity: 'block' as const },
  ];
  it('finds every occurrence with its suggestion and severity', () => {
    const f = findSensitiveWords('body', '截止目前已完成；截止目前仍在推进。', words);
    assert.equal(f.length, 2);
    assert.equal(f[0]!.suggestion, '截至目前');
    assert.equal(f[1]!.offset, 8);
    assert.equal(hasBlocking(f), false);
    assert.equal(hasBlocking(findSensitiveWords('title', '关于台湾政府的说明', words)), true);
  });
});

describe('HTML helpers', () => {
  it('extracts plain text and same-site links', () => {
    const html = '<p>第一段<a href="/xxgk/documents/12#top">见文件</a></p><p>第二段 &amp; <a href="https://www.gov.cn/">外链</a></p>';
    assert.equal(htmlToText(html), '第一段见文件\n第二段 & 外链');
    assert.deepEqual(internalLinks(html), ['/xxgk/documents/12']);
  });
});
