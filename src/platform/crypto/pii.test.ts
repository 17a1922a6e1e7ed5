import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskIdNumber, maskName, maskPhone, newPiiKey, PiiCipher } from './pii.js';

describe('personal data protection', () => {
  it('encrypts with SM4 (random IV) and decrypts', () => {
    const c = new PiiCipher(newPiiKey());
    const a = c.encrypt('350102199001011234')!;
    const b = c.encrypt('350102199001011234')!;
    assert.match(a, /^sm4:[0-9a-f]{32}:/);
    assert.notEqual(a, b, 'same value, different ciphertexts');
    assert.equal(a.includes('350102'), false);
    assert.equal(c.decrypt(a), '350102199001011234');
    assert.equal(c.encrypt(''), null);
    assert.throws(() => new PiiCipher(newPiiKey()).decrypt(a));
  });
  it('matches the GB/T 32907 SM4 test vector', async () => {
    const { createCipheriv } = await import('node:crypto');
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    assert.equal(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex'), '681edf34d206965e86b3e94f536e4246');
  });
  it('masks ID numbers, phones and names for display', () => {
    assert.equal(maskIdNumber('350102199001011234'), '3501**********1234');
    assert.equal(maskPhone('13905981234'), '139****1234');
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('三明市某某科技有限公司'), '三明市******');
  });
});
