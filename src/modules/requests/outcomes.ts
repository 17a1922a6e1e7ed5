/**
 * 答复类型: exactly the outcome rows of the annual report's Table 3 (2021 format, rows R3–R23); a case
 * gets one. Each carries the article a reply cites and the sentence that states the decision.
 */
export interface Outcome {
  code: string;
  row: number;
  group: '予以公开' | '部分公开' | '不予公开' | '无法提供' | '不予处理' | '其他处理';
  label: string;
  article: string;
  decision: string;
  /** Whether the reply provides information (full or in part). */
  provides: boolean;
}

export const OUTCOMES: Outcome[] = [
  { code: 'disclose', row: 3, group: '予以公开', label: '（一）予以公开', article: '《中华人民共和国政府信息公开条例》第三十六条第（二）项', decision: '您申请获取的政府信息属于公开范围，本机关决定予以公开。', provides: true },
  { code: 'partial', row: 4, group: '部分公开', label: '（二）部分公开', article: '《中华人民共和国政府信息公开条例》第三十七条', decision: '您申请获取的政府信息中含有不应当公开的内容，本机关对可以公开的部分予以公开，其余部分不予公开。', provides: true },
  { code: 'withhold_secret', row: 5, group: '不予公开', label: '1.属于国家秘密', article: '《中华人民共和国政府信息公开条例》第十四条', decision: '您申请获取的政府信息属于国家秘密，本机关决定不予公开。', provides: false },
  { code: 'withhold_law', row: 6, group: '不予公开', label: '2.其他法律行政法规禁止公开', article: '《中华人民共和国政府信息公开条例》第十四条', decision: '您申请获取的政府信息属于法律、行政法规禁止公开的信息，本机关决定不予公开。', provides: false },
  { code: 'withhold_security', row: 7, group: '不予公开', label: '3.危及"三安全一稳定"', article: '《中华人民共和国政府信息公开条例》第十四条', decision: '您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。', provides: false },
  { code: 'withhold_third_party', row: 8, group: '不予公开', label: '4.保护第三方合法权益', article: '《中华人民共和国政府信息公开条例》第十五条、第三十二条', decision: '您申请获取的政府信息涉及第三方合法权益，公开会对第三方合法权益造成损害，本机关决定不予公开。', provides: false },
  { code: 'withhold_internal', row: 9, group: '不予公开', label: '5.属于三类内部事务信息', article: '《中华人民共和国政府信息公开条例》第十六条第一款', decision: '您申请获取的政府信息属于行政机关的内部事务信息，本机关决定不予公开。', provides: false },
  { code: 'withhold_process', row: 10, group: '不予公开', label: '6.属于四类过程性信息', article: '《中华人民共和国政府信息公开条例》第十六条第二款', decision: '您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开。', provides: false },
  { code: 'withhold_enforcement', row: 11, group: '不予公开', label: '7.属于行政执法案卷', article: '《中华人民共和国政府信息公开条例》第十六条第二款', decision: '您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。', provides: false },
  { code: 'withhold_query', row: 12, group: '不予公开', label: '8.属于行政查询事项', article: '《中华人民共和国政府信息公开条例》第三十六条第（七）项', decision: '您申请获取的信息属于法律、行政法规对信息的获取有特别规定的事项，请按照有关规定办理查询。', provides: false },
  { code: 'unavailable_not_held', row: 13, group: '无法提供', label: '1.本机关不掌握相关政府信息', article: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项', decision: '经检索，本机关不掌握您申请获取的政府信息。', provides: false },
  { code: 'unavailable_new', row: 14, group: '无法提供', label: '2.没有现成信息需要另行制作', article: '《中华人民共和国政府信息公开条例》第三十八条', decision: '您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。', provides: false },
  { code: 'unavailable_unclear', row: 15, group: '无法提供', label: '3.补正后申请内容仍不明确', article: '《中华人民共和国政府信息公开条例》第三十条', decision: '经补正，您的申请内容仍不明确，本机关无法提供。', provides: false },
  { code: 'reject_petition', row: 16, group: '不予处理', label: '1.信访举报投诉类申请', article: '《中华人民共和国政府信息公开条例》第三十九条第一款', decision: '您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。', provides: false },
  { code: 'reject_repeat', row: 17, group: '不予处理', label: '2.重复申请', article: '《中华人民共和国政府信息公开条例》第三十六条第（六）项', decision: '本机关已就您申请的政府信息作出答复，您重复申请，本机关不再重复处理。', provides: false },
  { code: 'reject_publication', row: 18, group: '不予处理', label: '3.要求提供公开出版物', article: '《中华人民共和国政府信息公开条例》第三十九条第二款', decision: '您申请获取的是公开出版物，请通过相应的出版、销售渠道获取。', provides: false },
  { code: 'reject_excessive', row: 19, group: '不予处理', label: '4.无正当理由大量反复申请', article: '《中华人民共和国政府信息公开条例》第三十五条', decision: '您申请的数量、频次明显超过合理范围且说明的理由不合理，本机关不予处理。', provides: false },
  { code: 'reject_confirm', row: 20, group: '不予处理', label: '5.要求行政机关确认或重新出具已获取信息', article: '《中华人民共和国政府信息公开条例》第三十六条', decision: '您要求本机关确认或者重新出具已经获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。', provides: false },
  { code: 'other_no_supplement', row: 21, group: '其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', article: '《中华人民共和国政府信息公开条例》第三十条', decision: '您未在补正期限内补正且无正当理由，视为放弃申请，本机关不再处理该申请。', provides: false },
  { code: 'other_no_fee', row: 22, group: '其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', article: '《政府信息公开信息处理费管理办法》', decision: '您未在规定期限内缴纳信息处理费，视为放弃申请，本机关不再处理该申请。', provides: false },
  { code: 'other', row: 23, group: '其他处理', label: '3.其他', article: '《中华人民共和国政府信息公开条例》', decision: '本机关对您的申请作如下处理：', provides: false },
];

export const OUTCOME_CODES = OUTCOMES.map((o) => o.code) as [string, ...string[]];
export const outcomeOf = (code: string) => OUTCOMES.find((o) => o.code === code);

/** 救济途径, printed on every reply. [U] The reconsideration body after the 2023 law revision is configurable per government. */
export const REMEDIES = '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。';
