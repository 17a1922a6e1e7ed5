import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (applicants' ID numbers, phones, addresses) encrypted with SM4-CBC
 * (GB/T 32907) and a random IV per value; stored as `sm4:<iv hex>:<ciphertext base64>`.
 */
export class PiiCipher {
  private readonly key: Buffer;

  constructor(keyHex: string) {
    if (!/^[0-9a-f]{32}$/i.test(keyHex)) throw new Error('PII_KEY must be 32 hexadecimal characters (128-bit SM4 key)');
    this.key = Buffer.from(keyHex, 'hex');
  }

  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return null;
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `sm4:${iv.toString('hex')}:${data.toString('base64')}`;
  }

  decrypt(stored: string | null | undefined): string | null {
    if (!stored) return null;
    const [scheme, ivHex, body] = stored.split(':');
    if (scheme !== 'sm4' || !ivHex || !body) throw new Error('not an SM4 value');
    const decipher = createDecipheriv('sm4-cbc', this.key, Buffer.from(ivHex, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** A keyed digest for finding equal values (e.g. the same applicant) without decrypting. */
  fingerprint(plain: string): string {
    return createHmac('sm3', this.key).update(plain.trim().toUpperCase()).digest('hex');
  }
}

export const newPiiKey = () => randomBytes(16).toString('hex');

/** 3501**********1234: first and last four kept. */
export function maskIdNumber(v: string | null | undefined): string | null {
  if (!v) return null;
  return v.length <= 8 ? '*'.repeat(v.length) : `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** 139****1234 */
export function maskPhone(v: string | null | undefined): string | null {
  if (!v) return null;
  const digits = v.replace(/\s/g, '');
  return digits.length < 7 ? '*'.repeat(digits.length) : `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 张** / 三明市****公司: the first character (or the first two of a long organisation name) kept. */
export function maskName(v: string | null | undefined): string | null {
  if (!v) return null;
  const keep = v.length > 6 ? 3 : 1;
  return `${v.slice(0, keep)}${'*'.repeat(Math.max(1, Math.min(6, v.length - keep)))}`;
}
