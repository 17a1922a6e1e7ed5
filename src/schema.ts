import type { Migration } from 'kysely';
import { auditMigration, type AuditTables } from './platform/audit/audit.js';
import { sessionMigration, type SessionTables } from './platform/auth/sessions.js';
import { calendarMigration, type CalendarTables } from './platform/calendar/holidays.js';
import { accountEmailMigration, accountsMigration, type AccountTables } from './modules/accounts/schema.js';
import { cataloguesMigration, type CatalogueTables } from './modules/catalogues/schema.js';
import { attachmentMigration, disclosureRuleMigration, normativeKindMigration, documentReassessmentMigration, documentRevisionMigration, documentsMigration, type DocumentTables } from './modules/documents/schema.js';
import { searchYearsMigration } from './modules/documents/search-years.js';
import { documentSearchMigration, searchKeyMigration, searchTitleMigration, searchPlainTextMigration, searchTextTrigramMigration, searchTrigramMigration, type SearchIndexTables } from './modules/documents/search.js';
import { unitsMigration, type UnitTables } from './modules/units/schema.js';
import { requestsMigration, type RequestTables } from './modules/requests/schema.js';
import { replyMigration, type ReplyTables } from './modules/requests/reply-schema.js';
import { appealsMigration, type AppealTables } from './modules/requests/appeals.js';
import { requestFilesMigration, type RequestFileTables } from './modules/requests/files.js';
import { replyTemplateMigration, type ReplyTemplateTables } from './modules/requests/templates.js';
import { reminderMigration, type ReminderTables } from './modules/requests/reminders.js';
import { publicationMigration, type PublicationTables } from './modules/requests/disclosure-log.js';
import { retentionMigration } from './modules/requests/retention.js';
import { annualReportMigration, type AnnualReportTables } from './modules/annual-reports/schema.js';

/** The whole database: each module and platform part owns its tables and migrations. */
export interface Database extends AuditTables, SessionTables, UnitTables, AccountTables, DocumentTables, SearchIndexTables, CatalogueTables, CalendarTables, RequestTables, ReplyTables, AppealTables, RequestFileTables, ReplyTemplateTables, ReminderTables, PublicationTables, AnnualReportTables {}

/** Migrations in the order they run; names never change once released. */
export const migrations: Record<string, Migration> = {
  '0001_audit': auditMigration,
  '0002_session': sessionMigration,
  '0003_unit': unitsMigration,
  '0004_account': accountsMigration,
  '0005_document': documentsMigration,
  '0006_document_search': documentSearchMigration,
  '0007_catalogue': cataloguesMigration,
  '0008_document_revision': documentRevisionMigration,
  '0009_document_reassessment': documentReassessmentMigration,
  '0010_attachment': attachmentMigration,
  '0011_disclosure_rule': disclosureRuleMigration,
  '0012_calendar': calendarMigration,
  '0013_request': requestsMigration,
  '0014_request_reply': replyMigration,
  '0015_request_appeal': appealsMigration,
  '0016_request_file': requestFilesMigration,
  '0017_reply_template': replyTemplateMigration,
  '0018_account_email': accountEmailMigration,
  '0019_request_reminder': reminderMigration,
  '0020_request_publication': publicationMigration,
  '0021_request_retention': retentionMigration,
  '0022_document_normative_kind': normativeKindMigration,
  '0023_annual_report': annualReportMigration,
  '0024_document_search_key': searchKeyMigration,
  '0025_search_title': searchTitleMigration,
  '0026_search_years': searchYearsMigration,
  '0027_search_trigrams': searchTrigramMigration,
  '0028_search_plain_text': searchPlainTextMigration,
  '0029_search_text_trigrams': searchTextTrigramMigration,
};
