import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCjk, sniffFile } from './files.js';

describe('files', () => {
  it('recognises kinds by content and refuses mismatched names', () => {
    assert.equal(sniffFile(Buffer.from('%PDF-1.7 ...'), '通知.pdf'), 'pdf');
    assert.equal(sniffFile(Buffer.from('%PDF-1.7 ...'), '通知.docx'), null);
    assert.equal(sniffFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]), 'a.PNG'), 'png');
    assert.equal(sniffFile(Buffer.from('<script>'), 'a.pdf'), null);
  });
  it('folds the radical code points PDF fonts emit back to the ideographs people type', () => {
    assert.equal(normalizeCjk('中华人\u2EA0共和国'), '中华人民共和国');
    assert.equal(normalizeCjk('正\u2F42'), '正文');
    assert.equal(normalizeCjk('第（二）项'), '第(二)项');
  });
});
