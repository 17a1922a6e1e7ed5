import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType } from '../../platform/db/database.js';
import type { ApplicantType, Channel, IdType, RequestStatus } from './enums.js';

/**
 * 政府信息公开申请. Personal data (ID number, phone, e-mail, address) is stored SM4-encrypted, with
 * masked copies for lists; the applicant's name is kept in clear for the reply but shown masked in lists.
 */
export interface DisclosureRequestTable {
  id: Generated<number>;
  tracking_code: string;
  unit_id: number;
  applicant_type: ApplicantType;
  applicant_name: string;
  id_type: IdType;
  id_number_enc: string | null;
  id_number_mask: string | null;
  /** Keyed digest of the ID number: finds the same applicant (monthly fee counts) without decrypting. */
  applicant_key: string | null;
  phone_enc: string | null;
  phone_mask: string | null;
  email_enc: string | null;
  address_enc: string | null;
  /** For organisations: the contact person. */
  contact_person: string | null;
  description: string;
  doc_no: string | null;
  preferred_form: string;
  delivery: string;
  channel: Channel;
  /** Business dates (Beijing): handed in / signed for / confirmed. */
  submitted_date: string;
  signed_date: string | null;
  confirmed_date: string | null;
  receipt_date: string | null;
  status: RequestStatus;
  /** Current reply due date (recomputed from the events and the calendar). */
  due_date: string | null;
  parent_id: number | null;
  /** Set when the retention period ended and personal data was erased (retention.ts). */
  erased_at: Generated<string | null>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** 办理过程: every step of a case; `public` steps are shown to the applicant on the tracking page. */
export interface RequestEventTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  /** Business date of the step (Beijing). */
  date: string;
  /** JSON with the step's details (never personal data). */
  data: string;
  public: number;
  actor_name: string;
  at: string;
}

export interface RequestTables {
  disclosure_request: DisclosureRequestTable;
  request_event: RequestEventTable;
}

export const requestsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('disclosure_request')
      .addColumn('id', idColumnType(db))
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('applicant_type', 'text', (c) => c.notNull())
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('id_type', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text')
      .addColumn('id_number_mask', 'text')
      .addColumn('applicant_key', 'text')
      .addColumn('phone_enc', 'text')
      .addColumn('phone_mask', 'text')
      .addColumn('email_enc', 'text')
      .addColumn('address_enc', 'text')
      .addColumn('contact_person', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('doc_no', 'text')
      .addColumn('preferred_form', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('submitted_date', 'text', (c) => c.notNull())
      .addColumn('signed_date', 'text')
      .addColumn('confirmed_date', 'text')
      .addColumn('receipt_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text')
      .addColumn('parent_id', 'integer')
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const cols of [['unit_id', 'status'], ['status', 'due_date'], ['applicant_key'], ['receipt_date']]) {
      await db.schema.createIndex(`disclosure_request_${cols.join('_')}_idx`).on('disclosure_request').columns(cols).execute();
    }
    await db.schema.createTable('request_event')
      .addColumn('id', idColumnType(db))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('public', 'integer', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_event_request_idx').on('request_event').columns(['request_id', 'id']).execute();
  },
};
