import type { Generated, Kysely, Migration } from 'kysely';
import { idColumnType, nowIso } from '../../platform/db/database.js';
import type { Disclosure, DocumentStatus, FivePublic, NormativeKind, Validity, WithholdGround } from './enums.js';

/** 政府信息: a document with the metadata a Chinese government site shows. */
export interface DocumentTable {
  id: Generated<number>;
  unit_id: number;
  /** 索引号, unique, generated per unit. */
  index_no: string;
  title: string;
  /** 文号 as written, and normalised for exact lookup. */
  doc_no: string | null;
  doc_no_norm: string | null;
  /** 成文日期 YYYY-MM-DD. */
  written_date: string;
  /** 发布机构 as displayed (defaults to the unit's name). */
  publisher: string;
  topic: string | null;
  genre: string | null;
  keywords: string | null;
  summary: string | null;
  validity: Validity;
  validity_date: string | null;
  replaced_by_id: number | null;
  five_public: FivePublic | null;
  art20_item: number | null;
  disclosure: Disclosure;
  withhold_ground: WithholdGround | null;
  withhold_reason: string | null;
  /** Sanitised HTML, and its plain text (for checks, search and snippets). */
  body_html: string;
  body_text: string;
  status: DocumentStatus;
  /** Scheduled publication time (ISO), when status is 'scheduled'. */
  publish_at: string | null;
  /** 发布日期: when it became public. */
  published_at: string | null;
  author_id: number;
  /** Review steps this document needs (fixed when it is submitted). */
  review_steps: number;
  /** JSON array of Finding from the last check. */
  findings: string;
  withdrawn_reason: string | null;
  version: number;
  change_note: string | null;
  /** Set on a 修订稿: the published document it will replace when published. */
  revision_of: number | null;
  /** Listed in the 政府信息公开制度 sub-column (0/1). */
  disclosure_rule: Generated<number>;
  /** 规章 / 行政规范性文件 (counted in the annual report), else null. */
  normative_kind: Generated<NormativeKind | null>;
  created_at: string;
  updated_at: string;
}

/** Earlier published versions of a document (修订历史), kept when a revision replaces them. */
export interface DocumentVersionTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  /** JSON of the public fields as they were. */
  snapshot: string;
  change_note: string | null;
  published_at: string | null;
  replaced_at: string;
}

export interface DocumentReviewTable {
  id: Generated<number>;
  document_id: number;
  reviewer_id: number;
  reviewer_name: string;
  decision: 'approve' | 'reject';
  note: string | null;
  at: string;
}

export interface IndexCounterTable {
  unit_id: number;
  year: number;
  seq: number;
}

/** 错敏词 list, edited by the disclosure office. */
export interface SensitiveWordTable {
  id: Generated<number>;
  word: string;
  suggestion: string | null;
  severity: 'block' | 'warn';
  created_at: string;
}

/** 不公开信息年度审查: each re-assessment of a non-public document (条例第十八条 动态调整). */
export interface DocumentReassessmentTable {
  id: Generated<number>;
  document_id: number;
  year: number;
  decision: 'keep' | 'open';
  note: string | null;
  actor_name: string;
  at: string;
}

/** 附件: a file attached to a document; its text (PDF, Word) is searchable. */
export interface AttachmentTable {
  id: Generated<number>;
  document_id: number;
  file_name: string;
  kind: string;
  size: number;
  sha256: string;
  text: string;
  sort_order: number;
  created_at: string;
}

export interface DocumentTables {
  attachment: AttachmentTable;
  document_reassessment: DocumentReassessmentTable;
  document: DocumentTable;
  document_version: DocumentVersionTable;
  document_review: DocumentReviewTable;
  index_counter: IndexCounterTable;
  sensitive_word: SensitiveWordTable;
}

/** Well-known corrections every site needs; the list is editable afterwards. */
const DEFAULT_WORDS: Array<[string, string | null, 'block' | 'warn']> = [
  ['台湾政府', '台湾当局', 'block'],
  ['中华民国', null, 'block'],
  ['一带一路战略', '“一带一路”倡议', 'warn'],
  ['截止目前', '截至目前', 'warn'],
  ['截止到', '截至', 'warn'],
  ['其它', '其他', 'warn'],
  ['国务院办公室', '国务院办公厅', 'warn'],
];

export const documentsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('document')
      .addColumn('id', idColumnType(db))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('index_no', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('doc_no', 'text')
      .addColumn('doc_no_norm', 'text')
      .addColumn('written_date', 'text', (c) => c.notNull())
      .addColumn('publisher', 'text', (c) => c.notNull())
      .addColumn('topic', 'text')
      .addColumn('genre', 'text')
      .addColumn('keywords', 'text')
      .addColumn('summary', 'text')
      .addColumn('validity', 'text', (c) => c.notNull())
      .addColumn('validity_date', 'text')
      .addColumn('replaced_by_id', 'integer')
      .addColumn('five_public', 'text')
      .addColumn('art20_item', 'integer')
      .addColumn('disclosure', 'text', (c) => c.notNull())
      .addColumn('withhold_ground', 'text')
      .addColumn('withhold_reason', 'text')
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('publish_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('review_steps', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('withdrawn_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('change_note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const cols of [['unit_id', 'status'], ['status', 'published_at'], ['doc_no_norm'], ['art20_item', 'status'], ['status', 'publish_at']]) {
      await db.schema.createIndex(`document_${cols.join('_')}_idx`).on('document').columns(cols).execute();
    }
    await db.schema
      .createTable('document_review')
      .addColumn('id', idColumnType(db))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id'))
      .addColumn('reviewer_id', 'integer', (c) => c.notNull())
      .addColumn('reviewer_name', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('document_review_document_idx').on('document_review').column('document_id').execute();
    await db.schema
      .createTable('index_counter')
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('index_counter_pk', ['unit_id', 'year'])
      .execute();
    await db.schema
      .createTable('sensitive_word')
      .addColumn('id', idColumnType(db))
      .addColumn('word', 'text', (c) => c.notNull().unique())
      .addColumn('suggestion', 'text')
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    const now = nowIso();
    await db.insertInto('sensitive_word').values(DEFAULT_WORDS.map(([word, suggestion, severity]) => ({ word, suggestion, severity, created_at: now }))).execute();
  },
};

export const documentRevisionMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('document').addColumn('revision_of', 'integer').execute();
    await db.schema.createIndex('document_revision_of_idx').on('document').column('revision_of').execute();
    await db.schema
      .createTable('document_version')
      .addColumn('id', idColumnType(db))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('change_note', 'text')
      .addColumn('published_at', 'text')
      .addColumn('replaced_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('document_version_document_idx').on('document_version').column('document_id').execute();
  },
};

export const documentReassessmentMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('document_reassessment')
      .addColumn('id', idColumnType(db))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('document_reassessment_document_idx').on('document_reassessment').columns(['document_id', 'year']).execute();
  },
};

export const attachmentMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('attachment')
      .addColumn('id', idColumnType(db))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachment_document_idx').on('attachment').column('document_id').execute();
  },
};

export const disclosureRuleMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('document').addColumn('disclosure_rule', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};

export const normativeKindMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('document').addColumn('normative_kind', 'text').execute();
    await db.schema.createIndex('document_normative_idx').on('document').columns(['normative_kind', 'unit_id']).execute();
  },
};
