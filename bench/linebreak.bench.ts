// Line breaker throughput. Run: npx tsx bench/linebreak.bench.ts
import { breakOpportunities, type LineBreakTailoring } from '../src-core/typeset/linebreak/index';

const CJK_PARAGRAPH =
  '新华社北京1月15日电（记者张三）国家统计局15日发布数据，2024年全国粮食总产量达到14130亿斤，' +
  '比上年增加221.8亿斤，增长1.6%。其中，谷物产量12925亿斤，增长1.2%。“粮食生产再获丰收，' +
  '为经济社会发展大局提供了有力支撑。”国家统计局农村司司长李四表示：“今年的成绩来之不易！”' +
  '据介绍，全年全国粮食播种面积17.9亿亩，比上年增加525.8万亩……专家认为——这一结果' +
  '表明《粮食安全保障法》实施效果显著。详情请访问www.stats.gov.cn查询。';

const LATIN_PARAGRAPH =
  'The quick brown fox jumps over the lazy dog. In 2024, revenue grew 12.5% to $3.14 billion, ' +
  'according to the report (see https://www.example.com/report). "It was a good year," she said.';

function bench(label: string, text: string, tailoring: LineBreakTailoring): void {
  // a newspaper-like batch of paragraphs
  const paragraphs: string[] = [];
  for (let i = 0; i < 200; i++) paragraphs.push(text.slice(i % 7) + String(i));
  const chars = paragraphs.reduce((s, p) => s + p.length, 0);
  let sink = 0;
  // warm up
  for (let r = 0; r < 50; r++) for (const p of paragraphs) sink += breakOpportunities(p, tailoring)[1];
  let best = Infinity;
  for (let trial = 0; trial < 7; trial++) {
    const reps = 40;
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (const p of paragraphs) sink += breakOpportunities(p, tailoring)[1];
    const ms = (performance.now() - t0) / reps;
    best = Math.min(best, ms);
  }
  const mchars = chars / (best / 1000) / 1e6;
  console.log(`linebreak: ${mchars.toFixed(1)} Mchar/s (${tailoring}, ${label})${sink < 0 ? '' : ''}`);
}

// warm up the JIT on every mode/text first so the first printed figure is not penalised
for (let r = 0; r < 300; r++) {
  breakOpportunities(CJK_PARAGRAPH, 'clreq');
  breakOpportunities(CJK_PARAGRAPH, 'uax14');
  breakOpportunities(LATIN_PARAGRAPH, 'uax14');
  breakOpportunities(LATIN_PARAGRAPH, 'clreq');
}

bench('CJK text', CJK_PARAGRAPH, 'clreq');
bench('CJK text', CJK_PARAGRAPH, 'uax14');
bench('Latin text', LATIN_PARAGRAPH, 'uax14');
