import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * A corpus of government documents for the benchmarks, as import lines (docs/import.md). Sentences come
 * from a folder of real Chinese texts when one is given (read at run time, never stored), so that word
 * frequencies are natural; otherwise from a built-in generator with Zipf-distributed vocabulary.
 */

/** Small deterministic PRNG (mulberry32), so that a run can be repeated exactly. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  '政府 信息 公开 工作 推进 加强 落实 建设 管理 服务 发展 制度 规范 实施 组织 单位 部门 要求 有关 全面 ' +
  '进一步 标准化 规范化 企业 群众 办理 事项 项目 资金 保障 安全 监督 检查 考核 责任 机制 政策 措施 意见 方案 ' +
  '通知 办法 规定 决定 教育 卫生 健康 医疗 养老 就业 社会 保险 住房 城乡 环境 保护 生态 农业 农村 乡村 振兴 ' +
  '交通 运输 水利 应急 市场 监管 食品 药品 价格 财政 预算 决算 审计 税收 统计 数据 平台 网站 数字 政务 ' +
  '营商 优化 改革 创新 科技 人才 文化 旅游 体育 民政 救助 补助 补贴 资助 学生 学校 招生 医院 社区 街道 ' +
  '乡镇 村 居民 户籍 登记 许可 审批 备案 处罚 强制 收费 标准 目录 清单 指南 流程 时限 期限 工作日 申请 ' +
  '答复 依法 依规 及时 准确 完整 主动 公示 公告 征求 意见 解读 回应 关切 热线 投诉 举报 整改 问题 ' +
  '三明市 沙县区 永安市 三元区 明溪县 清流县 宁化县 大田县 尤溪县 将乐县 泰宁县 建宁县 年度 季度 计划 总结'
).split(' ');

function zipf(random: () => number, n: number) {
  // Inverse-CDF sampling of rank r with weight 1/r (harmonic numbers approximated by ln).
  const h = Math.log(n) + 0.5772;
  return Math.min(n - 1, Math.floor(Math.exp(random() * h) - 1));
}

/** A sentence source: real sentences from files, or generated ones. */
export function sentenceSource(random: () => number, textsDir?: string): () => string {
  if (textsDir) {
    const sentences: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (['.txt', '.md'].includes(extname(name))) {
          for (const s of readFileSync(path, 'utf8').replace(/[#*>`|\-]+/g, '').split(/(?<=[。！？；])|\n+/)) {
            const t = s.trim();
            if (t.length >= 8 && t.length <= 160 && /[\u4e00-\u9fa5]/.test(t)) sentences.push(t);
          }
        }
      }
    };
    walk(textsDir);
    if (sentences.length < 100) throw new Error(`${textsDir} 中可用的中文句子太少（${sentences.length} 句）`);
    return () => sentences[Math.floor(random() * sentences.length)]!;
  }
  return () => {
    const n = 6 + Math.floor(random() * 12);
    let s = '';
    for (let i = 0; i < n; i++) s += WORDS[zipf(random, WORDS.length)];
    return `${s}${random() < 0.8 ? '。' : '；'}`;
  };
}

const TOPICS = ['综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '科技、教育', '卫生、体育', '城乡建设、环境保护', '农业、林业、水利', '劳动、人事、监察', '市场监管、安全生产监管', '民政、扶贫、救灾'];
const GENRES = ['通知', '公告', '意见', '办法', '方案', '报告', '批复', '函', '其他'];
const PREFIX = ['明政', '明政办', '明教', '明财', '明卫', '明人社', '明住建', '明市监'];

export interface CorpusOptions {
  count: number;
  units: string[];
  textsDir?: string | undefined;
  seed?: number;
}

/** The corpus as import lines, plus what the search benchmark needs (doc numbers, sample bodies). */
export function* corpusLines(o: CorpusOptions): Generator<{ line: string; docNo: string | null; body: string }> {
  const random = rng(o.seed ?? 20261127);
  const sentence = sentenceSource(random, o.textsDir);
  for (let i = 0; i < o.count; i++) {
    const year = 2008 + Math.floor(random() * 19);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const unit = o.units[Math.floor(random() * o.units.length)]!;
    const genre = GENRES[Math.floor(random() * GENRES.length)]!;
    const first = sentence().replace(/[。！？；]$/, '');
    const title = `${unit}关于${first.slice(0, 24)}的${genre}`;
    const paragraphs: string[] = [];
    const target = 300 + Math.floor(random() * 1200);
    let length = 0;
    while (length < target) {
      let p = '';
      for (let k = 0; k < 2 + Math.floor(random() * 4); k++) p += sentence();
      paragraphs.push(p);
      length += p.length;
    }
    const docNo = random() < 0.6 ? `${PREFIX[Math.floor(random() * PREFIX.length)]}〔${year}〕${1 + Math.floor(random() * 300)}号` : null;
    const body = paragraphs.join('\n\n');
    const line = JSON.stringify({
      indexNo: `BENCH/${year}-${String(i + 1).padStart(7, '0')}`, unit, title, docNo, writtenDate: date, publishedAt: `${date}T09:00:00+08:00`,
      topic: TOPICS[Math.floor(random() * TOPICS.length)], genre, art20Item: 1 + Math.floor(random() * 15), bodyText: body,
      ...(random() < 0.08 ? { validity: 'repealed', validityDate: date } : {}),
    });
    yield { line, docNo, body };
  }
}
