import type { Disclosure, DocumentStatus, WithholdGround } from './enums.js';
import { GROUNDS_FOR } from './enums.js';

/**
 * 索引号 from a pattern such as `{unitCode}/{yyyy}-{seq:05}`: `{unitCode}`, `{yyyy}`, `{mm}` and
 * `{seq:N}` (zero-padded to N digits) are replaced; everything else is kept.
 */
export function formatIndexNo(pattern: string, v: { unitCode: string; year: number; month: number; seq: number }): string {
  return pattern
    .replace(/\{unitCode\}/g, v.unitCode)
    .replace(/\{yyyy\}/g, String(v.year))
    .replace(/\{mm\}/g, String(v.month).padStart(2, '0'))
    .replace(/\{seq(?::(\d+))?\}/g, (_m, width?: string) => String(v.seq).padStart(Number(width ?? 0), '0'));
}

export const DEFAULT_INDEX_PATTERN = '{unitCode}/{yyyy}-{seq:05}';

/** The unit part of 索引号: the 统一社会信用代码 when known, else the division code, else a stable id. */
export const unitCodeFor = (u: { id: number; credit_code: string | null; division_code: string | null }) => u.credit_code ?? u.division_code ?? `GK${String(u.id).padStart(6, '0')}`;

/** 文号 normalised for exact lookup: brackets and spaces unified (明政办〔2020〕47号 = 明政办[2020]47号). */
export function normaliseDocNo(docNo: string): string {
  return docNo
    .replace(/[\s\u3000]/g, '')
    .replace(/[〔［【[（(]/g, '〔')
    .replace(/[〕］】\]）)]/g, '〕')
    .replace(/号$/, '')
    .toUpperCase();
}

/** 公开属性源头认定: 依申请公开 and 不予公开 need a legal ground that fits and a written reason. */
export function disclosureProblem(disclosure: Disclosure, ground: WithholdGround | null, reason: string | null): string | null {
  if (disclosure === 'proactive') return null;
  if (!ground) return '依申请公开或不予公开须选择法定理由';
  if (!GROUNDS_FOR[disclosure].includes(ground)) return '所选理由不适用于该公开属性';
  if (!reason || reason.trim().length < 4) return '请填写不公开的具体理由（至少 4 个字）';
  return null;
}

export type Transition = 'submit' | 'approve' | 'reject' | 'publish' | 'withdraw' | 'edit';

const ALLOWED: Record<Transition, DocumentStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted', 'approved', 'scheduled'],
  publish: ['approved'],
  withdraw: ['published', 'scheduled'],
};

export const STATUS_PROBLEM: Record<Transition, string> = {
  edit: '只有草稿可以修改；已提交的文件请先退回',
  submit: '只有草稿可以提交审核',
  approve: '只有待审核的文件可以审核',
  reject: '该文件当前不能退回',
  publish: '只有审核通过的文件可以发布',
  withdraw: '只有已发布或定时发布的文件可以撤回',
};

export const canTransition = (status: DocumentStatus, t: Transition) => ALLOWED[t].includes(status);

/**
 * One review step: the reviewer may not be the author nor repeat an earlier step. Returns the problem,
 * or null; `complete` tells whether this approval finishes the configured number of steps.
 */
export function reviewStep(v: { authorId: number; reviewerId: number; earlierReviewers: number[]; requiredSteps: number }): { problem: string | null; complete: boolean } {
  if (v.reviewerId === v.authorId) return { problem: '审核人不能是文件的起草人', complete: false };
  if (v.earlierReviewers.includes(v.reviewerId)) return { problem: '同一人不能重复审核同一文件', complete: false };
  return { problem: null, complete: v.earlierReviewers.length + 1 >= v.requiredSteps };
}
