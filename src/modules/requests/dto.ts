import { z } from 'zod';
import { isValidIdNumber } from '../documents/checks.js';
import { APPLICANT_TYPES, CHANNELS, DELIVERIES, FORMS, ID_TYPES, REQUEST_STATUSES } from './enums.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const optional = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

/** 申请表 (条例第二十九条): who, identity, contact, what information, in which form and how to receive it. No purpose is asked. */
export const ApplicationSchema = z.object({
  unitId: z.coerce.number().int().positive().describe('受理机关'),
  applicantType: z.enum(APPLICANT_TYPES),
  applicantName: z.string().trim().min(2, '请填写姓名或名称').max(100),
  idType: z.enum(ID_TYPES),
  idNumber: z.string().trim().min(4, '请填写证件号码').max(40).transform((v) => v.toUpperCase()),
  phone: z.string().trim().regex(/^[0-9+\-\s]{7,20}$/, '联系电话格式不正确'),
  email: optional(100).refine((v) => v === null || z.email().safeParse(v).success, '电子邮箱格式不正确'),
  address: optional(200),
  contactPerson: optional(50),
  description: z.string().trim().min(5, '请描述所需政府信息（至少 5 个字）').max(2000),
  docNo: optional(60),
  preferredForm: z.enum(FORMS),
  delivery: z.enum(DELIVERIES),
}).superRefine((v, ctx) => {
  if (v.idType === 'resident_id' && !isValidIdNumber(v.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '居民身份证号码不正确' });
  if (v.applicantType !== 'natural_person' && !v.contactPerson) ctx.addIssue({ code: 'custom', path: ['contactPerson'], message: '法人或其他组织请填写联系人' });
});
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

export const RegistrationSchema = z.object({
  application: ApplicationSchema,
  channel: z.enum(CHANNELS),
  submittedDate: date.describe('递交、收到信件或传真的日期'),
  signedDate: date.nullish().transform((v) => v ?? null).describe('邮寄需签收的签收日期'),
  confirmedDate: date.nullish().transform((v) => v ?? null).describe('平常信函、网上、传真的双方确认日期'),
});

export const RequestListItem = z.object({
  id: z.number(), trackingCode: z.string(), unitName: z.string(), applicantName: z.string(), applicantType: z.enum(APPLICANT_TYPES), channel: z.enum(CHANNELS),
  description: z.string(), receiptDate: z.string().nullable(), due: z.string().nullable(), status: z.enum(REQUEST_STATUSES), statusLabel: z.string(),
});

export const RequestDetail = RequestListItem.omit({ description: true }).extend({
  unitId: z.number(), idType: z.enum(ID_TYPES), idNumber: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable(),
  contactPerson: z.string().nullable(), description: z.string(), docNo: z.string().nullable(), preferredForm: z.string(), delivery: z.string(), submittedDate: z.string(),
  erasedAt: z.string().nullable().describe('保存期限届满、个人信息删除的时间'), supplementNoticeDue: z.string().nullable(), clockState: z.string(), explanation: z.array(z.string()), calendarMissing: z.string().nullable(), personalDataVisible: z.boolean(),
  events: z.array(z.object({ kind: z.string(), label: z.string(), date: z.string(), data: z.record(z.string(), z.unknown()), actorName: z.string(), at: z.string() })),
  reply: z.object({ outcome: z.string(), date: z.string(), referenceNo: z.string() }).nullable(),
  files: z.array(z.object({ id: z.number(), purpose: z.enum(['released', 'internal']), fileName: z.string(), kind: z.string(), size: z.number(), url: z.string() })),
  publication: z.object({ id: z.number(), title: z.string(), summary: z.string(), fileIds: z.array(z.number()), publishedAt: z.string(), publishedBy: z.string(), withdrawn: z.boolean(), url: z.string() }).nullable().describe('答复选登（公开版本）'),
});

export const TrackingDto = z.object({
  trackingCode: z.string(), unitName: z.string(), status: z.enum(REQUEST_STATUSES), statusLabel: z.string(), submittedDate: z.string(), receiptDate: z.string().nullable(), due: z.string().nullable(),
  events: z.array(z.object({ date: z.string(), label: z.string(), detail: z.string().nullable() })),
});

export const DateBody = z.object({ date });
export const SupplementBody = z.object({ date, deadline: date, items: z.string().trim().min(4).max(2000).describe('一次性列明需要补正的全部内容') });
export const ConsultBody = z.object({ date, party: z.string().trim().min(2).max(100).describe('第三方或其他机关名称'), kind: z.enum(['third_party', 'agency']) });
export const ConsultEndBody = z.object({ date, result: z.string().trim().min(2).max(500) });
export const ExtendBody = z.object({ date, workdays: z.number().int().min(1).max(20), reason: z.string().trim().min(4).max(500) });
