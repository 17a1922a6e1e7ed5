/** Document metadata vocabularies (no dependencies: the admin app imports them too). */

export const DISCLOSURES = ['proactive', 'on_request', 'withheld'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const DISCLOSURE_LABELS: Record<Disclosure, string> = { proactive: '主动公开', on_request: '依申请公开', withheld: '不予公开' };

/** Legal grounds for not disclosing proactively (条例 第十四、十五、十六、十九条). */
export const WITHHOLD_GROUNDS = ['state_secret', 'prohibited_by_law', 'security_stability', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'specific_parties'] as const;
export type WithholdGround = (typeof WITHHOLD_GROUNDS)[number];
export const WITHHOLD_GROUND_LABELS: Record<WithholdGround, string> = {
  state_secret: '属于国家秘密（条例第十四条）',
  prohibited_by_law: '法律、行政法规禁止公开（条例第十四条）',
  security_stability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）',
  third_party: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（条例第十五条）',
  internal_affairs: '内部事务信息（人事管理、后勤管理、内部工作流程等，条例第十六条第一款）',
  process_info: '过程性信息（讨论记录、过程稿、磋商信函、请示报告等，条例第十六条第一款）',
  enforcement_file: '行政执法案卷信息（条例第十六条第二款）',
  specific_parties: '仅涉及特定对象，不属于应当主动公开的范围（条例第十九条）',
};
/** Which grounds fit which attribute: 不予公开 needs an exemption; 依申请公开 may also cite Art 19. */
export const GROUNDS_FOR: Record<Exclude<Disclosure, 'proactive'>, readonly WithholdGround[]> = {
  withheld: WITHHOLD_GROUNDS.filter((g) => g !== 'specific_parties'),
  on_request: ['specific_parties', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file'],
};

export const VALIDITIES = ['valid', 'expired', 'repealed', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = { valid: '有效', expired: '失效', repealed: '废止', amended: '已修订' };

/** 规章 and 行政规范性文件: the documents counted in the annual report's Table 2 (第二十条第（一）项). */
export const NORMATIVE_KINDS = ['rule', 'normative'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];
export const NORMATIVE_KIND_LABELS: Record<NormativeKind, string> = { rule: '规章', normative: '行政规范性文件' };

export const FIVE_PUBLIC = ['decision', 'execution', 'management', 'service', 'result'] as const;
export type FivePublic = (typeof FIVE_PUBLIC)[number];
export const FIVE_PUBLIC_LABELS: Record<FivePublic, string> = { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' };

/** 条例 第二十条 items (一)…(十五). */
export const ART20_ITEMS: Array<{ no: number; label: string; title: string }> = [
  { no: 1, label: '（一）', title: '行政法规、规章和规范性文件' },
  { no: 2, label: '（二）', title: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
  { no: 3, label: '（三）', title: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { no: 4, label: '（四）', title: '国民经济和社会发展统计信息' },
  { no: 5, label: '（五）', title: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  { no: 6, label: '（六）', title: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定' },
  { no: 7, label: '（七）', title: '财政预算、决算信息' },
  { no: 8, label: '（八）', title: '行政事业性收费项目及其依据、标准' },
  { no: 9, label: '（九）', title: '政府集中采购项目的目录、标准及实施情况' },
  { no: 10, label: '（十）', title: '重大建设项目的批准和实施情况' },
  { no: 11, label: '（十一）', title: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况' },
  { no: 12, label: '（十二）', title: '突发公共事件的应急预案、预警信息及应对情况' },
  { no: 13, label: '（十三）', title: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
  { no: 14, label: '（十四）', title: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
  { no: 15, label: '（十五）', title: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
];

export const GENRES = ['通知', '公告', '通告', '意见', '决定', '命令（令）', '办法', '规定', '规划', '方案', '报告', '批复', '函', '纪要', '其他'] as const;

/** 主题分类 (the State Council's subject classification, first level). */
export const TOPICS = [
  '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利', '工业、交通',
  '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版', '卫生、体育',
  '人口与计划生育、妇女儿童工作', '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '对外事务',
  '港澳台侨工作', '国防', '其他',
] as const;

export const STATUSES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type DocumentStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: '草稿', submitted: '待审核', approved: '已审核待发布', scheduled: '定时发布', published: '已发布', withdrawn: '已撤回',
};
