import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';

describe('passwordProblems', () => {
  it('accepts 10+ characters with three character classes', () => {
    assert.deepEqual(passwordProblems('Sanming2026x'), []);
    assert.deepEqual(passwordProblems('sanming#2026'), []);
  });
  it('rejects short passwords', () => {
    assert.ok(passwordProblems('Ab1!xyz').some((p) => p.includes('至少 10 位')));
  });
  it('rejects passwords with fewer than three classes', () => {
    assert.ok(passwordProblems('abcdefghij12').some((p) => p.includes('三类')));
    assert.ok(passwordProblems('ABCDEFGHIJKL').some((p) => p.includes('三类')));
  });
  it('rejects passwords containing the user name or a common weak word', () => {
    assert.ok(passwordProblems('Jyj.editor2026', 'jyj.editor').some((p) => p.includes('用户名')));
    assert.ok(passwordProblems('Password2026!').some((p) => p.includes('弱口令')));
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only, and stores argon2id', async () => {
    const h = await hashPassword('Sanming#2026');
    assert.match(h, /^\$argon2id\$/);
    assert.equal(await verifyPassword(h, 'Sanming#2026'), true);
    assert.equal(await verifyPassword(h, 'Sanming#2027'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false);
  });
});
