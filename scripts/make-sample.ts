/**
 * Builds the sample page (assets/samples/luoyang-page.banmian) from the OCR'd city-daily page
 * (assets/samples/luoyang-daily-page.txt), the way `compose` does: the importer, the banner locked
 * across the top, the header template, then `makeUp` around a booked ad (the copy fills about 70%
 * of a 对开 page; a real page that short carries an ad). Run with `npx tsx scripts/make-sample.ts`;
 * the same inputs give the same file.
 */
import { fileURLToPath } from 'node:url';
import { gather, makeUpPage, pageFor, type Gathered } from '../src-main/cli/commands/compose';
import { writeFileAtomic } from '../src-main/files/banmian-file';
import { fontProvider } from '../src-main/fonts/provider';
import { adRect, type AdPosition, type AdSize } from '../src-core/edition/ads';
import { layout } from '../src-core/layout/layout';
import { serializeDocument } from '../src-core/model/serialize';
import { FORMAT_VERSION, type AdBlock, type Article, type BanmianDocument, type ImageAsset } from '../src-core/model/document';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const SAMPLE_SOURCE = root('assets/samples/luoyang-daily-page.txt');
const SAMPLE_OUT = root('assets/samples/luoyang-page.banmian');

/** The sample's article ids by headline: the ids the tests and docs name (the importer's are per run). */
const ARTICLE_IDS: Record<string, string> = {
  '不断巩固和增强经济回升向好态势 加快推动高质量发展': 'banner',
  '真抓实干谋发展 奋勇争先谱新篇': 'xie-feng',
  '打造工业型历史文化名城减污降碳协同增效“洛阳样板”': 'wu-jinsong',
  二期项目封顶: 'junhe-yungu',
  '科学规划 合理布局 强化运营 以高质量发展推动主题教育见行见效': 'xu-chaowen',
  '抓好伏牛1号旅游公路建设 不断提升群众获得感幸福感': 'funiu-road',
  '全国国企年度盘点榜单展现“洛阳力量”': 'soe-ranking',
  '“三进”宣传全覆盖 织密反诈防护网': 'nanguan',
  '沿街排查安全隐患 营造安全清新环境': 'anle',
  '洛阳市南阳商会党支部 喜获“五星”党支部称号': 'nanyang-chamber',
};

/**
 * The picture （如图） refers to: the OCR text has only its place, so the sample keeps a placeholder
 * of a 4:3 photo (no pixels) with a caption written for it (not a sentence of the body).
 */
const PICTURE: ImageAsset = { id: 'anle-photo', name: '（图片占位）', mime: 'image/jpeg', pixelWidth: 1600, pixelHeight: 1200, colorSpace: 'unknown' };
const PICTURE_CAPTION = '安乐街道社区工作人员向沿街商户宣传烟花爆竹禁放禁售规定。张铁生 摄';

/**
 * The header template. The OCR page names its paper but no date, 版次 or 版名; it continues a story
 * from page 1 (上接01版), so it is not the front page: a 要闻 page 2, dated the day the sample was made.
 */
const HEADER = { paperName: '洛阳日报', date: '2026-12-03', pageNumber: '2', section: '要闻' };

/**
 * The booked ad that makes the page full: 4 columns × 64 lines at the bottom left (about 175 × 270
 * mm), locked. Chosen from the PDF (tests/unit/sample-page.test.ts): of the 通栏 strips of 20–36
 * lines and the bottom-left/right blocks of 4–5 columns tried, the bottom-left and bottom-right 4 × 64
 * were the ones whose made-up page has no blank hole over 3 column-lines and every column at the
 * foot; on the left it stays inside the grid when 栏数 drops to 4, so the app's 栏数 change is not
 * refused by it.
 */
export const SAMPLE_AD: { advertiser: string; size: AdSize; position: AdPosition } = { advertiser: '公益广告', size: { columns: 4, lines: 64 }, position: 'bottom-left' };

function fail(zh: string, en: string): never {
  throw new Error(`${zh}\n${en}`);
}

/** The imported page under the sample's ids, with the picture placeholder in place of the importer's. */
export async function imported(): Promise<{ doc: BanmianDocument; gathered: Gathered }> {
  const gathered = await gather([SAMPLE_SOURCE]);
  if ('zh' in gathered) fail(gathered.zh, gathered.en);
  const ids = new Map<string, string>();
  const articles: Article[] = gathered.articles.map((a) => {
    const id = ARTICLE_IDS[a.headline] ?? fail(`示例稿件“${a.headline}”没有编号`, `Sample article “${a.headline}” has no id in ARTICLE_IDS`);
    ids.set(a.id, id);
    return { ...a, id };
  });
  if (gathered.links.length !== 1 || !gathered.links[0].articleId) fail('示例版面应只有一处图片位置', 'The sample page should have exactly one picture place');
  const links = [{ imageId: PICTURE.id, articleId: ids.get(gathered.links[0].articleId!)!, caption: PICTURE_CAPTION }];
  const bannerIds = new Set([...gathered.bannerIds].map((id) => ids.get(id)!));
  const page = pageFor(undefined, undefined);
  if ('zh' in page) fail(page.zh, page.en);
  page.header = { ...page.header, ...gathered.credits, ...HEADER };
  const ad = adRect(SAMPLE_AD.size, SAMPLE_AD.position, page) ?? fail('广告超出版面网格', 'The ad does not fit the grid');
  const adBlock: AdBlock = { id: 'ad-1', kind: 'ad', advertiser: SAMPLE_AD.advertiser, ...ad, locked: true };
  const doc: BanmianDocument = { formatVersion: FORMAT_VERSION, page, articles, images: [PICTURE], blocks: [adBlock] };
  return { doc, gathered: { ...gathered, articles, images: [PICTURE], links, bannerIds } };
}

/** The sample page made up (the first alternative); throws when anything is held over or overset. */
export async function makeSample(): Promise<BanmianDocument> {
  const { doc, gathered } = await imported();
  const result = makeUpPage(doc, gathered, { alternatives: 1 });
  const alt = result.alternatives[0] ?? fail('组版没有得到版面', 'Make-up found no page');
  if (alt.heldOver.length) fail(`示例版面有待用稿：${alt.heldOver.map((h) => h.zh).join('；')}`, `The sample page holds articles over: ${alt.heldOver.map((h) => h.en).join('; ')}`);
  const overset = layout(alt.document, { fonts: fontProvider().registry() }).overset;
  if (overset.length) fail(`示例版面有溢排：${overset.map((o) => o.articleId).join('、')}`, `The sample page is overset: ${overset.map((o) => o.articleId).join(', ')}`);
  console.log(`评分 ${alt.score.zh}\nscore ${alt.score.en}`);
  for (const m of alt.moves) console.log(`  ${m.articleId}: ${m.zh}`);
  return alt.document;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = await makeSample();
  // indented, as the sample has always been stored, so that a change to it reads as a diff
  const saved = writeFileAtomic(SAMPLE_OUT, `${JSON.stringify(JSON.parse(serializeDocument(doc)), null, 1)}\n`);
  if (!saved.ok) fail(saved.zh, saved.en);
  console.log(`已写入 written ${SAMPLE_OUT}`);
}
