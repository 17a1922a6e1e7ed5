/** Vocabularies of 依申请公开 (no dependencies: the admin app imports them too). */

/** The six applicant categories of the annual report (Table 3 columns). */
export const APPLICANT_TYPES = ['natural_person', 'business', 'research', 'public_interest', 'legal_service', 'other'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人', business: '商业企业', research: '科研机构', public_interest: '社会公益组织', legal_service: '法律服务机构', other: '其他',
};

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_pass', 'taiwan_pass', 'credit_code', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证', passport: '护照', hk_macao_pass: '港澳居民来往内地通行证', taiwan_pass: '台湾居民来往大陆通行证', credit_code: '统一社会信用代码', other: '其他证件',
};

/** 收到申请的渠道, each with its own rule for the receipt date (条例第三十一条). */
export const CHANNELS = ['online', 'in_person', 'post_signed', 'post_ordinary', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { online: '网上申请', in_person: '当面提交', post_signed: '邮寄（需签收）', post_ordinary: '平常信函', fax: '传真' };

export const FORMS = ['paper', 'electronic', 'viewing'] as const;
export const FORM_LABELS: Record<(typeof FORMS)[number], string> = { paper: '纸质', electronic: '电子文档', viewing: '当场查阅、抄录' };
export const DELIVERIES = ['pickup', 'post', 'email', 'online'] as const;
export const DELIVERY_LABELS: Record<(typeof DELIVERIES)[number], string> = { pickup: '自行领取', post: '邮寄', email: '电子邮件', online: '网上获取' };

export const REQUEST_STATUSES = ['awaiting_confirmation', 'processing', 'supplement', 'consulting', 'replied', 'delivered', 'archived', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  awaiting_confirmation: '待确认收到', processing: '办理中', supplement: '待补正', consulting: '征求意见中（期限暂停）',
  replied: '已答复', delivered: '已送达', archived: '已归档', closed: '已终止',
};
