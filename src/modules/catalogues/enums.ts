/** Vocabularies of 政务公开事项标准目录 (no dependencies: the admin app imports them too). */

/** The 26 grassroots pilot domains, in the seed notice's order (明政办〔2020〕47号). */
export const DOMAINS = [
  '城乡规划', '重大建设项目', '公共资源交易', '财政预决算', '安全生产', '税收管理', '农村集体土地征收', '国有土地上房屋征收与补偿',
  '保障性住房', '农村危房改造', '生态环境', '公共文化服务', '公共法律服务', '扶贫', '救灾', '食品药品监管', '城市综合执法', '就业',
  '社会保险', '社会救助', '养老服务', '户籍管理', '涉农补贴', '义务教育', '卫生健康', '市政服务',
] as const;

/** 公开渠道和载体 checklist. */
export const CHANNELS = [
  '政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点', '政务服务中心', '便民服务站',
  '入户/现场', '社区/企事业单位/村公示栏（电子屏）', '精准推送', '12345政务服务热线', 'e三明', '闽政通', '其他',
] as const;

export const AUDIENCES = ['all', 'specific'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { all: '全社会', specific: '特定群体' };

export const METHODS = ['proactive', 'on_request', 'both'] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_LABELS: Record<Method, string> = { proactive: '主动', on_request: '依申请', both: '主动、依申请' };

export const LEVELS = ['city', 'county', 'township', 'village'] as const;
export type CatalogueLevel = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<CatalogueLevel, string> = { city: '市级', county: '县级', township: '乡级', village: '村级' };

export const TIME_LIMIT_KINDS = ['workdays', 'days', 'realtime'] as const;
export type TimeLimitKind = (typeof TIME_LIMIT_KINDS)[number];

export const CATALOGUE_STATUSES = ['draft', 'published', 'superseded'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];
export const CATALOGUE_STATUS_LABELS: Record<CatalogueStatus, string> = { draft: '编制中', published: '现行', superseded: '历史版本' };

export const WATCH_STATES = ['on_time', 'due_soon', 'overdue', 'never', 'no_rule', 'calendar_missing'] as const;
export type WatchState = (typeof WATCH_STATES)[number];
export const WATCH_LABELS: Record<WatchState, string> = { on_time: '按时公开', due_soon: '即将到期', overdue: '逾期', never: '尚未公开', no_rule: '时限未量化', calendar_missing: '缺节假日数据，无法计算' };
