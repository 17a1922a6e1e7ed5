import type { AppContext } from './context.js';
import { userRepository } from './modules/accounts/repository.js';
import { toActor } from './modules/accounts/service.js';
import { addAppeal, decideAppeal } from './modules/requests/appeals.js';
import type { ApplicantType } from './modules/requests/enums.js';
import { replyToRequest } from './modules/requests/replies.js';
import { registerRequest } from './modules/requests/service.js';
import { createReport, publishReport, submitReport, updateReport } from './modules/annual-reports/service.js';

/**
 * Demo activity over two years (2025–2026): disclosure requests with their replies and appeals, entered
 * through the same services staff use, and a published 2025 annual report for 三明市教育局. Fictitious
 * applicants; the ID number is a published test number.
 */
interface DemoCase {
  unit: string;
  handler: string;
  received: string;
  type: ApplicantType;
  name: string;
  description: string;
  reply?: { outcome: string; date: string; reasons?: string; competentBody?: string };
  appeal?: { kind: 'reconsideration' | 'lawsuit_direct'; filed: string; body: string; result?: { result: 'upheld' | 'corrected' | 'other'; date: string } };
}

const CASES: DemoCase[] = [
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2025-03-03', type: 'natural_person', name: '林某某', description: '2025年市区义务教育学校招生计划', reply: { outcome: 'disclose', date: '2025-03-20' } },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2025-05-12', type: 'business', name: '三明某教育科技有限公司', description: '2024年校外培训机构年检结果', reply: { outcome: 'partial', date: '2025-06-05', reasons: '其中涉及其他机构经营信息的部分，公开会损害第三方合法权益。' } },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2025-09-01', type: 'natural_person', name: '陈某某', description: '某小学2010年校舍改造工程验收资料', reply: { outcome: 'unavailable_not_held', date: '2025-09-22', competentBody: '三明市住房和城乡建设局' } },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2025-12-22', type: 'natural_person', name: '黄某某', description: '2025年学生资助资金分配结果', reply: { outcome: 'disclose', date: '2026-01-15' } },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2026-02-02', type: 'natural_person', name: '郑某某', description: '2026年中考招生政策文件', reply: { outcome: 'disclose', date: '2026-02-25' } },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2026-03-09', type: 'research', name: '某大学教育研究所', description: '2021—2025年全市中小学教师配置统计数据', reply: { outcome: 'partial', date: '2026-04-01', reasons: '其中教师个人信息部分不予公开。' } },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2026-06-15', type: 'natural_person', name: '吴某某', description: '《三明教育年鉴2025》全文', reply: { outcome: 'reject_publication', date: '2026-06-24' } },
  {
    unit: '三明市教育局', handler: 'jyj.handler', received: '2026-09-07', type: 'public_interest', name: '三明某公益服务中心', description: '2026年学校食堂食品安全检查情况', reply: { outcome: 'disclose', date: '2026-09-29' },
    appeal: { kind: 'lawsuit_direct', filed: '2026-10-20', body: '三明市三元区人民法院' },
  },
  { unit: '三明市教育局', handler: 'jyj.handler', received: '2026-11-16', type: 'natural_person', name: '刘某某', description: '2027年义务教育招生入学工作方案（征求意见稿）' },
  {
    unit: '三明市人民政府办公室', handler: 'sm.gkb', received: '2025-04-07', type: 'natural_person', name: '周某某', description: '某企业2024年获得财政补助的申报材料',
    reply: { outcome: 'withhold_third_party', date: '2025-04-30', reasons: '申报材料含企业商业秘密，经征求意见，第三方不同意公开。' },
    appeal: { kind: 'reconsideration', filed: '2025-06-01', body: '福建省人民政府', result: { result: 'upheld', date: '2025-08-01' } },
  },
  { unit: '三明市人民政府办公室', handler: 'sm.gkb', received: '2025-11-03', type: 'legal_service', name: '福建某律师事务所', description: '2025年市政府常务会议纪要（已答复事项）', reply: { outcome: 'reject_repeat', date: '2025-11-10' } },
  { unit: '三明市人民政府办公室', handler: 'sm.gkb', received: '2026-03-02', type: 'natural_person', name: '许某某', description: '2026年市政府工作报告重点任务分工方案', reply: { outcome: 'disclose', date: '2026-03-20' } },
  { unit: '三明市人民政府办公室', handler: 'sm.gkb', received: '2026-10-12', type: 'business', name: '三明某建设工程有限公司', description: '全市近五年招商引资项目汇总分析报告', reply: { outcome: 'unavailable_new', date: '2026-10-30' } },
];

export async function seedDemoActivity(ctx: AppContext, onProgress?: (message: string) => void) {
  const users = userRepository(ctx.db);
  const actor = async (username: string) => toActor((await users.findByUsername(username))!);
  const unitId = async (name: string) => (await ctx.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const req = { ip: null };
  for (const c of CASES) {
    const staff = await actor(c.handler);
    const detail = await registerRequest(ctx, staff, {
      unitId: await unitId(c.unit), applicantType: c.type, applicantName: c.name, idType: c.type === 'natural_person' ? 'resident_id' : 'credit_code',
      idNumber: c.type === 'natural_person' ? '11010519491231002X' : '91350400MA2XXXXXX0', phone: '13900000000', contactPerson: c.type === 'natural_person' ? null : '经办人',
      description: c.description, preferredForm: 'electronic', delivery: 'email', channel: 'in_person', submittedDate: c.received,
    }, req);
    if (c.reply) await replyToRequest(ctx, staff, detail.id, { outcome: c.reply.outcome, date: c.reply.date, reasons: c.reply.reasons ?? null, provision: null, competentBody: c.reply.competentBody ?? null }, req);
    if (c.appeal) {
      const appeals = await addAppeal(ctx, staff, detail.id, { kind: c.appeal.kind, filedDate: c.appeal.filed, body: c.appeal.body, note: null }, req);
      if (c.appeal.result) await decideAppeal(ctx, staff, appeals.at(-1)!.id, { result: c.appeal.result.result, resultDate: c.appeal.result.date, note: null }, req);
    }
  }
  // The education bureau's 2025 report: written by its editor, published by its reviewer.
  const editor = await actor('jyj.editor');
  const report = await createReport(ctx, editor, { unitId: await unitId('三明市教育局'), year: 2025, format: '2021' }, req);
  await updateReport(ctx, editor, report.id, {
    section1: '2025年，三明市教育局深入贯彻《中华人民共和国政府信息公开条例》，围绕招生入学、学生资助、教育收费等群众关注的事项做好主动公开，依法办理政府信息公开申请。\n全年通过门户网站政府信息公开专栏主动公开政府信息，及时更新政府信息公开指南和标准目录。',
    section5: '存在的主要问题：部分栏目更新不够及时，政策解读形式较为单一。改进措施：建立栏目更新提醒机制，丰富图解、问答等解读形式。',
    section6: '本年度未收取信息处理费。',
  }, req);
  await submitReport(ctx, editor, report.id, req);
  await publishReport(ctx, await actor('jyj.reviewer'), report.id, req);
  onProgress?.(`已登记 ${CASES.length} 件演示依申请公开申请（2025—2026 年），发布市教育局 2025 年度报告`);
  return { requests: CASES.length };
}
