import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType } from '../../platform/db/database.js';

/** 答复: one per case, with the annual-report outcome it counts as. */
export interface RequestReplyTable {
  id: Generated<number>;
  request_id: number;
  outcome: string;
  reply_date: string;
  reference_no: string;
  reasons: string | null;
  provision: string | null;
  competent_body: string | null;
  actor_name: string;
  created_at: string;
}

export interface ReplyTables {
  request_reply: RequestReplyTable;
}

export const replyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('request_reply')
      .addColumn('id', idColumnType(db))
      .addColumn('request_id', 'integer', (c) => c.notNull().unique().references('disclosure_request.id'))
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reply_date', 'text', (c) => c.notNull())
      .addColumn('reference_no', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text')
      .addColumn('provision', 'text')
      .addColumn('competent_body', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_reply_outcome_idx').on('request_reply').columns(['outcome', 'reply_date']).execute();
  },
};
