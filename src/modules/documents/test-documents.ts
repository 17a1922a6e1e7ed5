import type { NewDocument } from './repository.js';

/**
 * For tests: a published proactive document with the given texts and publication time; every other field
 * takes a plain value unless given. `written_date` defaults to the publication day.
 */
export function sampleDocument(unitId: number, fields: Pick<NewDocument, 'index_no' | 'title' | 'published_at'> & { body: string } & Partial<NewDocument>): NewDocument {
  const { body, ...rest } = fields;
  return {
    unit_id: unitId, doc_no: null, doc_no_norm: null, written_date: fields.published_at?.slice(0, 10) ?? '2026-01-01',
    publisher: '三明市教育局', topic: '科技、教育', genre: '通知', keywords: null, summary: null, validity: 'valid', validity_date: null, replaced_by_id: null,
    five_public: null, art20_item: 11, disclosure: 'proactive', withhold_ground: null, withhold_reason: null, body_html: `<p>${body}</p>`, body_text: body,
    status: 'published', publish_at: null, author_id: 1, review_steps: 1, findings: '[]', withdrawn_reason: null, version: 1, change_note: null,
    ...rest,
  };
}
