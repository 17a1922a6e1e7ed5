/**
 * 信息处理费 (国办函〔2020〕109号): charged only beyond free thresholds, progressively, on one basis per
 * request — per request within a natural month per applicant, or per page for paper, e-mail or copied data.
 */
export type FeeBasis = 'per_request' | 'per_volume';

/** The fee of an applicant's n-th request in a month: ≤10 free, 11–30 100 元, then +100 元 every 10 requests. */
export function perRequestFee(nth: number): number {
  if (nth <= 10) return 0;
  if (nth <= 30) return 100;
  return 200 + 100 * Math.floor((nth - 31) / 10);
}

/** Per volume, progressive: ≤30 pages free; pages 31–100 at 10 元, 101–200 at 20 元, from 201 at 40 元. */
export function perVolumeFee(pages: number): number {
  const band = (from: number, to: number, price: number) => Math.max(0, Math.min(pages, to) - from + 1) * price;
  return band(31, 100, 10) + band(101, 200, 20) + band(201, Number.MAX_SAFE_INTEGER, 40);
}

export const FEE_PAYMENT_WORKDAYS = 20;
