import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A human check that needs no outside service: a small sum in words, signed with the server secret and
 * timed (a form filled in under 3 seconds or after 2 hours is refused). Screen readers read it as text.
 */
const MIN_AGE_MS = 3_000;
const MAX_AGE_MS = 2 * 3600_000;
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`challenge:${payload}`).digest('base64url');

export function createChallenge(secret: string, now = Date.now()) {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const payload = `${now}.${a}.${b}`;
  return { token: `${payload}.${sign(secret, payload)}`, question: `${DIGITS[a]}加${DIGITS[b]}等于几？（请填阿拉伯数字）` };
}

/** Null when the answer is right and in time, else the reason in Chinese. */
export function challengeProblem(secret: string, token: string | undefined, answer: string | undefined, now = Date.now()): string | null {
  const parts = (token ?? '').split('.');
  if (parts.length !== 4) return '验证信息无效，请刷新页面后重新填写';
  const [ts, a, b, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${ts}.${a}.${b}`));
  if (expected.length !== Buffer.from(mac).length || !timingSafeEqual(expected, Buffer.from(mac))) return '验证信息无效，请刷新页面后重新填写';
  const age = now - Number(ts);
  if (age < MIN_AGE_MS) return '提交过快，请稍候再提交';
  if (age > MAX_AGE_MS) return '页面停留时间过长，请刷新页面后重新填写';
  if (Number((answer ?? '').trim()) !== Number(a) + Number(b)) return '验证题答案不正确';
  return null;
}
