import { ERROR_WEIGHTS } from '../weights';
import type { RuleEmit } from './rule';

/**
 * Confusable pairs (截止/截至, 的/地/得, 做/作, 以/已, 在/再, 象/像, 启用/起用) checked only where the
 * context leaves one reading: each pattern is a place where the other word cannot be meant.
 */
interface ContextRule {
  /** Matches the wrong word itself; the context is in lookbehind and lookahead. */
  pattern: RegExp;
  fix: string;
  zh: string;
  en: string;
}

const DIGITS = '0-9０-９一二三四五六七八九十〇零';
const ADVERBIALS = '认真|积极|深入|扎实|切实|全面|有效|稳步|大力|不断|逐步|充分|广泛|主动|持续|坚定|严格|有序|精准|热情|耐心|高效|迅速|尽快|彻底|牢牢|紧紧|默默|悄悄|慢慢|静静|深深|轻轻|稳稳';
const ACTIONS = '落实|推进|推动|开展|实施|贯彻|解决|做好|抓好|完成|执行|应对|提升|加强|发挥|处理|整改|探索|回答|思考|走向|融入|守护|保障|化解|破解|压实|筑牢|拓展|培育|打造|引导|带动|参与|投入|看着|望着|点头|笑着';
/** What starts a verb's object (各项措施, 好工作, 党的…): after it the word before can only be a verb. */
const OBJECT_START = '各|好|到|这|那|党|全|一系列|相关|有关|每|新|本|我们|群众|工作|措施|任务|政策|责任';
/** Words that put what follows in the predicate: after them 认真的落实 can only be adverbial. */
const PREDICATE_LEAD = '要|将|应|应当|应该|必须|正在|已经|都|也|就|还|能|会|并|又|一直|始终|继续';

/**
 * 变的越来越好 → 变得: a verb whose 得 leads a complement, written 的 where only 得 can stand. Each
 * entry: the verb, the characters that make verb + 的 a word of its own before it (明显的, 价值的,
 * 争取的), and what follows (a degree word or the complement's start).
 */
const COMPLEMENT_VERBS: [verb: string, notAfter: string, before: string][] = [
  ['变', '改演转巨突多蜕病裂嬗不万应', '越来越|更加|更为|十分|非常|格外|愈发|愈加'],
  ['显', '明凸突彰尽浅', '格外|十分|非常|尤为|尤其|更加|更为|越来越|有些|有点|很'],
  ['值', '价数产峰均估比阈增净市面币定极差总正负幅额量分初终预测限参', '一提|一看|关注|学习|借鉴|肯定|称赞|注意|期待|信赖|骄傲|深思|珍惜|尊敬|推广|点赞'],
  ['取', '提选采领拾摘读汲获争听夺索记换', '了|显著|明显|良好|重大|积极|圆满|优异|阶段性|实效'],
  ['懂', '看听读弄搞难易', '感恩|珍惜|尊重|欣赏|如何|怎样|怎么'],
  ['觉', '感知视听味嗅触直自错幻睡警察发先', '自己|非常|十分|特别|应该'],
];

const complementRules = (): ContextRule[] =>
  COMPLEMENT_VERBS.map(([verb, notAfter, before]) => ({
    pattern: new RegExp(`(?<![${notAfter}])${verb}的(?=${before})`, 'gu'),
    fix: `${verb}得`,
    zh: `“${verb}的”应为“${verb}得”（动词后带补语用“得”）`,
    en: `Write ${verb}得, not ${verb}的: a complement after a verb takes 得`,
  }));

const CONTEXT_RULES: ContextRule[] = [
  ...complementRules(),
  {
    // 截止 ends a period (截止日期); up to a date is 截至 (截止到 is accepted).
    pattern: new RegExp(`截止(?=[${DIGITS}]+[年月日时号]|今年|去年|本月|上月|目前|今天|当天|当日|昨天|昨日|日前|年底|年末|月底|发稿)`, 'gu'),
    fix: '截至',
    zh: '“截止”后接时间时应为“截至”（截至某时；“截止”表示到期停止）',
    en: '截止 before a date means "up to": write 截至',
  },
  {
    // 要认真的落实 → 要认真地落实. Only after a predicate lead: 得到认真的落实 and 离不开积极的参与
    // (的 + a verb used as a noun) are right and not matched.
    pattern: new RegExp(`(?<=(?:${PREDICATE_LEAD})(?:${ADVERBIALS}))的(?=(?:${ACTIONS}))`, 'gu'),
    fix: '地',
    zh: '状语后修饰动词应用“地”',
    en: 'An adverbial before a verb takes 地, not 的',
  },
  {
    // ，认真的落实各项措施 → 地: at a clause's start the verb takes an object, so it is a verb, not a noun.
    pattern: new RegExp(`(?<=(?:^|[，。；：！？“（])(?:${ADVERBIALS}))的(?=(?:${ACTIONS})(?:${OBJECT_START}))`, 'gu'),
    fix: '地',
    zh: '状语后修饰动词应用“地”',
    en: 'An adverbial before a verb takes 地, not 的',
  },
  {
    // 做为 starting a clause is always 作为 (做为民办实事 is 做 + 为民 and is not matched).
    pattern: /(?<=^|[，。；：！？、“（\s])做为(?![民人群百大])/gu,
    fix: '作为',
    zh: '“做为”应为“作为”',
    en: 'Write 作为, not 做为',
  },
  {
    pattern: /以经(?=完成|开始|成为|达到|结束|取得|实现|进入|启动|全部|基本|超过|形成|有了|是)/gu,
    fix: '已经',
    zh: '“以经”应为“已经”',
    en: 'Write 已经, not 以经',
  },
  {
    // 2024年已来 → 以来 (已来到, 已来了 are not matched).
    pattern: /(?<=[0-9０-９年月日])已来(?![到了临自过])/gu,
    fix: '以来',
    zh: '时间后的“已来”应为“以来”',
    en: 'After a time, write 以来, not 已来',
  },
  {
    pattern: /(?<![存所实健自现潜好内外正都也不])在次(?=[，。；]|出现|发生|召开|举行|来到|回到|进行|提出|强调|获得|刷新|登上)/gu,
    fix: '再次',
    zh: '表示又一次应为“再次”',
    en: 'For "once again" write 再次',
  },
  {
    pattern: /(?<![真公纠反端修改更校立指订矫扶拨匡])正再(?=进行|推进|开展|举行|召开|实施|建设|加紧|加快|积极|努力|筹备)/gu,
    fix: '正在',
    zh: '表示进行中应为“正在”',
    en: 'For "in progress" write 正在',
  },
  {
    pattern: /(?<=[就正很真多都])象(?![征棋牙形限素])(?=[^，。；！？]{1,10}(?:一样|一般|似的))/gu,
    fix: '像',
    zh: '表示比喻、相似应为“像”',
    en: 'For likeness write 像, not 象',
  },
  { pattern: /好象/gu, fix: '好像', zh: '“好象”应为“好像”', en: 'Write 好像, not 好象' },
  { pattern: /肖象/gu, fix: '肖像', zh: '“肖象”应为“肖像”', en: 'Write 肖像, not 肖象' },
  {
    pattern: /启用(?=(?:了)?(?:一批)?(?:年轻|新人|老将|干部|人才|新秀|球员|演员|队员|议员|官员|新帅))/gu,
    fix: '起用',
    zh: '任用人员应为“起用”（“启用”指开始使用物）',
    en: 'Appointing people is 起用; 启用 is for things',
  },
  {
    pattern: /起用(?=(?:了)?(?:新)?(?:设备|系统|机场|航站楼|车站|站房|印章|公章|大楼|新址|平台|场馆|码头|线路))/gu,
    fix: '启用',
    zh: '开始使用设施应为“启用”（“起用”指任用人）',
    en: 'Putting a thing into use is 启用; 起用 is for people',
  },
  {
    // 航站楼正式起用。: the thing comes first and nothing follows (新平台起用新人 names the people after).
    pattern: /(?<=(?:设备|系统|机场|航站楼|车站|站房|印章|公章|大楼|新址|平台|场馆|码头|线路)[^，。；！？]{0,4})起用(?=[，。；！？、”]|$|仪式)/gu,
    fix: '启用',
    zh: '开始使用设施应为“启用”（“起用”指任用人）',
    en: 'Putting a thing into use is 启用; 起用 is for people',
  },
];

/** The word each pattern matches, literally: a paragraph without it skips the pattern (lookbehinds scan slowly). */
const KEYS = CONTEXT_RULES.map((r) => {
  const key = r.pattern.source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, '').replace(/\(\?:[^)]*\)/g, '');
  if (!/^[\p{Script=Han}]+$/u.test(key)) throw new Error(`confusables: no literal word in ${r.pattern}`);
  return key;
});

export function checkConfusables(text: string, emit: RuleEmit): void {
  for (const [k, r] of CONTEXT_RULES.entries()) {
    if (!text.includes(KEYS[k])) continue;
    for (const m of text.matchAll(r.pattern)) {
      emit({ rule: 'confusable-word', severity: 'error', offset: m.index!, length: m[0].length, fix: r.fix, weight: ERROR_WEIGHTS.character, zh: r.zh, en: r.en });
    }
  }
}
