import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import type { AppealKind, AppealResult } from './appeals.js';
import type { ApplicantType } from './enums.js';
import { outcomeOf } from './outcomes.js';

/** One received request as the statistics see it: who asked, when it was received and how it ended. */
export interface CaseFact {
  id: number;
  unitId: number;
  applicantType: ApplicantType;
  receiptDate: string;
  replyDate: string | null;
  /** Table 3 row of the outcome (3–23), when replied. */
  outcomeRow: number | null;
  outcome: string | null;
  due: string | null;
}

/** Requests of the units received on or before `upTo` (those awaiting confirmation are not received yet). */
export async function caseFacts(db: Kysely<Database>, unitIds: number[], upTo: string): Promise<CaseFact[]> {
  if (!unitIds.length) return [];
  const rows = await db.selectFrom('disclosure_request').leftJoin('request_reply', 'request_reply.request_id', 'disclosure_request.id')
    .select(['disclosure_request.id', 'disclosure_request.unit_id', 'disclosure_request.applicant_type', 'disclosure_request.receipt_date', 'disclosure_request.due_date', 'request_reply.reply_date', 'request_reply.outcome'])
    .where('disclosure_request.unit_id', 'in', unitIds).where('disclosure_request.receipt_date', 'is not', null).where('disclosure_request.receipt_date', '<=', upTo)
    .orderBy('disclosure_request.id').execute();
  return rows.map((r) => ({
    id: r.id, unitId: r.unit_id, applicantType: r.applicant_type, receiptDate: r.receipt_date!, replyDate: r.reply_date ?? null,
    outcome: r.outcome ?? null, outcomeRow: r.outcome ? (outcomeOf(r.outcome)?.row ?? null) : null, due: r.due_date,
  }));
}

export interface AppealFact {
  id: number;
  requestId: number;
  unitId: number;
  kind: AppealKind;
  filedDate: string;
  result: AppealResult;
  resultDate: string | null;
}

/** Reconsiderations and lawsuits against replies of the units, filed within the dates. */
export async function appealFacts(db: Kysely<Database>, unitIds: number[], from: string, to: string): Promise<AppealFact[]> {
  if (!unitIds.length) return [];
  const rows = await db.selectFrom('request_appeal').innerJoin('disclosure_request', 'disclosure_request.id', 'request_appeal.request_id')
    .select(['request_appeal.id', 'request_appeal.request_id', 'disclosure_request.unit_id', 'request_appeal.kind', 'request_appeal.filed_date', 'request_appeal.result', 'request_appeal.result_date'])
    .where('disclosure_request.unit_id', 'in', unitIds).where('request_appeal.filed_date', '>=', from).where('request_appeal.filed_date', '<=', to)
    .orderBy('request_appeal.id').execute();
  return rows.map((r) => ({ id: r.id, requestId: r.request_id, unitId: r.unit_id, kind: r.kind, filedDate: r.filed_date, result: r.result, resultDate: r.result_date }));
}
