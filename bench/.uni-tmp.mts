import { readFileSync } from 'node:fs';
import { makeUp } from '../src-core/makeup';
import { emptyDocument } from '../src-core/model/defaults';
import { docFromParagraphs } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { probePdf } from '../tests/unit/makeup-pdf-probe';
import { samplePage } from './pages';
const fonts = fontProvider().registry();
const day = JSON.parse(readFileSync('tests/fixtures/days/broadsheet-overflow.json', 'utf8')) as { articles: { headline: string; paragraphs: string[] }[] };
const paragraphs = day.articles.flatMap((a) => a.paragraphs);
const format = (process.env.FMT ?? 'broadsheet') as 'broadsheet' | 'tabloid';
const photo = samplePage().images[0];
const pics = Number(process.env.PICS ?? 0);
for (const [n, len] of (process.env.SETS ?? '8:1500,9:1400,10:1300,7:1800,6:2200,11:1100,12:1000,8:1700,9:1500,10:1200,7:2000').split(',').map((s) => s.split(':').map(Number))) {
  let k = n * 7;
  const articles = Array.from({ length: n }, (_, i) => {
    const ps: string[] = [];
    for (let l = 0; l < len; ) { const p = paragraphs[k++ % paragraphs.length]; ps.push(p); l += p.length; }
    return { id: `u${i}`, kicker: '', headline: day.articles[i % day.articles.length].headline, deck: '', byline: '本报记者 张三', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(ps), jumpFrom: '', jumpTo: '' };
  });
  const images = Array.from({ length: pics }, (_, i) => ({ ...photo, id: `p${i}`, pixelWidth: 2400, pixelHeight: 1600 }));
  const pictures = images.map((im, i) => ({ imageId: im.id, articleId: `u${i}`, caption: '图为现场。本报记者 摄' }));
  const t = performance.now();
  const r = makeUp({ document: { ...emptyDocument(format), articles, images }, pictures, options: { timeBudgetMs: 600_000 } }, { fonts });
  const ms = performance.now() - t;
  const alt = r.alternatives[0];
  const probe = await probePdf(alt.document, fonts, 36, process.env.KEEP ? `/tmp/s12/${n}x${len}` : undefined);
  console.log(`${n}x${len}: hole ${probe.holes[0]?.size ?? 0}@c${probe.holes[0]?.col}r${probe.holes[0]?.row} next ${probe.holes.slice(1,3).map((h) => h.size).join(",")}  held ${alt.heldOver.length} ${alt.heldOver.map((h) => h.articleId).join(' ')} ${ms.toFixed(0)}ms fill ${alt.score?.fill?.toFixed?.(3) ?? ''}`);
}
