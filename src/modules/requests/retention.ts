import type { Kysely, Migration } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { beijingToday } from '../../platform/calendar/calendar.js';
import { nowIso } from '../../platform/db/database.js';
import { maskName } from '../../platform/crypto/pii.js';

/** When a case's retention ended its personal data was erased; the row stays for the statistics. */
export const retentionMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('disclosure_request').addColumn('erased_at', 'text').execute();
  },
};

/** The day an archived case's retention ends: the same calendar day `years` later (29 Feb → 28 Feb). */
export function retentionEnds(archivedDate: string, years: number): string {
  const y = Number(archivedDate.slice(0, 4)) + years;
  const md = archivedDate.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export const ERASED_DESCRIPTION = '（已过保存期限，申请内容已删除）';

/**
 * 保存期限 (REQUEST_RETENTION_YEARS after archiving): the applicant's personal data, the request's wording
 * and the internal working papers are erased; the outcome, dates, applicant type and the reply stay, so
 * that annual reports of past years still add up. Run daily by the server; safe to repeat.
 */
export async function eraseExpiredCases(ctx: AppContext, today = beijingToday()): Promise<number> {
  const years = ctx.config.requestRetentionYears;
  const candidates = await ctx.db.selectFrom('disclosure_request').innerJoin('request_event', 'request_event.request_id', 'disclosure_request.id')
    .select(['disclosure_request.id', 'disclosure_request.unit_id', 'disclosure_request.applicant_name', 'request_event.date as archived'])
    .where('disclosure_request.status', '=', 'archived').where('disclosure_request.erased_at', 'is', null).where('request_event.kind', '=', 'archived').execute();
  let erased = 0;
  for (const c of candidates) {
    if (retentionEnds(c.archived, years) > today) continue;
    const internal = await ctx.db.selectFrom('request_file').select(['id', 'sha256']).where('request_id', '=', c.id).where('purpose', '=', 'internal').execute();
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('disclosure_request').set({
        applicant_name: maskName(c.applicant_name) ?? '***', id_number_enc: null, id_number_mask: null, applicant_key: null, phone_enc: null, phone_mask: null, email_enc: null, address_enc: null,
        contact_person: null, description: ERASED_DESCRIPTION, doc_no: null, erased_at: nowIso(), updated_at: nowIso(),
      }).where('id', '=', c.id).where('erased_at', 'is', null).execute();
      if (internal.length) await trx.deleteFrom('request_file').where('id', 'in', internal.map((f) => f.id)).execute();
      await appendAudit(trx, { actorId: null, actorName: '系统（保存期限）', unitId: c.unit_id, action: 'request.erased', entityType: 'request', entityId: c.id, after: { archived: c.archived, retentionYears: years, internalFiles: internal.length }, ip: null });
    });
    // Stored files are shared by content: delete one only when nothing else refers to it.
    for (const sha of new Set(internal.map((f) => f.sha256))) {
      const [caseFile, attachment] = await Promise.all([
        ctx.db.selectFrom('request_file').select('id').where('sha256', '=', sha).executeTakeFirst(),
        ctx.db.selectFrom('attachment').select('id').where('sha256', '=', sha).executeTakeFirst(),
      ]);
      if (!caseFile && !attachment) ctx.files.remove(sha);
    }
    erased += 1;
  }
  return erased;
}
