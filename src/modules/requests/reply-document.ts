import { docxPackage, escapeXml as escape, paragraph } from '../../platform/docx/docx.js';
import type { Outcome } from './outcomes.js';

/** A reply (答复书/告知书) as paragraphs: the one source for the PDF, the DOCX and the staff preview. */
export interface ReplyDocument {
  title: string;
  referenceNo: string;
  addressee: string;
  paragraphs: string[];
  issuer: string;
  date: string;
}

export interface ReplyFacts {
  unitName: string;
  applicantName: string;
  receiptDate: string;
  supplementDate: string | null;
  description: string;
  outcome: Outcome;
  reasons: string | null;
  provision: string | null;
  competentBody: string | null;
  /** Names of the files released with the reply. */
  released?: string[];
  replyDate: string;
  referenceNo: string;
  /** The government's wording (templates.ts). */
  remedies: string;
  defaultProvision: string;
}

/** "2026-10-26" → "2026年10月26日" as official documents write dates. */
export const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function composeReply(f: ReplyFacts): ReplyDocument {
  const notice = ['不予处理', '其他处理'].includes(f.outcome.group);
  const paragraphs = [
    `本机关于${chineseDate(f.receiptDate)}收到您提出的政府信息公开申请${f.supplementDate ? `，并于${chineseDate(f.supplementDate)}收到补正材料` : ''}，您申请获取：“${f.description}”。`,
    `经审查，${f.outcome.decision}${f.reasons ? `理由：${f.reasons}` : ''}`,
    `依据${f.outcome.article}的规定，特此${notice ? '告知' : '答复'}。`,
  ];
  if (f.outcome.provides) paragraphs.push(f.provision ?? f.defaultProvision);
  if (f.outcome.provides && f.released?.length) paragraphs.push(`附件：${f.released.map((n, i) => `${i + 1}. ${n}`).join('；')}`);
  if (f.competentBody) paragraphs.push(`经了解，该政府信息的公开机关为${f.competentBody}，您可以向其提出申请。`);
  paragraphs.push(f.remedies);
  return {
    title: notice ? '政府信息公开申请告知书' : '政府信息公开申请答复书',
    referenceNo: f.referenceNo,
    addressee: `${f.applicantName}：`,
    paragraphs,
    issuer: f.unitName,
    date: chineseDate(f.replyDate),
  };
}

/**
 * Official-document layout (after GB/T 9704): A4, title 22 pt, body 16 pt serif with two-character
 * indents, issuer and date at the right.
 */
export function replyHtml(doc: ReplyDocument): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.title)}</title><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 16pt; line-height: 28pt; color: #000; }
h1 { font-size: 22pt; text-align: center; font-weight: 700; margin: 0 0 12pt; line-height: 1.4; }
.ref { text-align: center; margin: 0 0 24pt; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; }
.sign { text-align: right; margin-top: 36pt; }
.sign p { text-indent: 0; text-align: right; }
</style></head><body>
<h1>${escape(doc.title)}</h1>
<div class="ref">${escape(doc.referenceNo)}</div>
<p class="addressee">${escape(doc.addressee)}</p>
${doc.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<div class="sign"><p>${escape(doc.issuer)}</p><p>${escape(doc.date)}</p></div>
</body></html>`;
}

/** A Word document of the reply, in the same layout. */
export async function replyDocx(doc: ReplyDocument): Promise<Buffer> {
  return docxPackage([
    paragraph(doc.title, { align: 'center', size: 22, bold: true }),
    paragraph(doc.referenceNo, { align: 'center' }),
    paragraph(doc.addressee),
    ...doc.paragraphs.map((p) => paragraph(p, { indent: true, align: 'both' })),
    paragraph(''),
    paragraph(doc.issuer, { align: 'right' }),
    paragraph(doc.date, { align: 'right' }),
  ].join(''));
}
