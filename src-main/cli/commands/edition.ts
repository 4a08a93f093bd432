import { readdirSync, statSync } from 'node:fs';
import { readRegularFile } from '../../import/read-file';
import { basename, dirname, join, resolve } from 'node:path';
import { CONTINUED_SUFFIX, cutAtSentence, cutPoints, jumpParts, largestCut, leastCut } from '../../../src-core/edition/continue';
import { newsHole } from '../../../src-core/edition/ads';
import { isFillerFrame } from '../../../src-core/makeup';
import { filledEditionPage, makeUpEditionPage, pageSettings, setWhole, type PageInput } from '../../../src-core/edition/page';
import { jumpsNotCarried, makeRoom, withGaveWay } from '../../../src-core/edition/continued-room';
import { parsePlan, PLAN_LIMITS, type EditionPlan, type PlanPage } from '../../../src-core/edition/plan';
import type { Alternative, PictureLink } from '../../../src-core/makeup';
import type { Article, BanmianDocument } from '../../../src-core/model/document';
import { saveEditionFile } from '../../files/banmian-file';
import { assembleEdition, type MadeJump } from '../../../src-core/edition/assemble';
import type { EditionDocument } from '../../../src-core/edition/edition';
import { pageDocuments } from '../../../src-core/edition/page-doc';
import { bytesToBase64 } from '../../../src-core/model/base64';
import { PDF_ARTWORK_MAX_BYTES, pdfArtworkTooBig, PDF_MIME, readPdfArtwork } from '../../../src-core/pdf';
import { fontProvider } from '../../fonts/provider';
import { commandUsage, parseCommandArgs } from '../command-table';
import { checkHeader } from '../header-template';
import { gather } from './compose';
import { printFlags } from './export';
import { writeEdition } from '../edition-print';
import { heldLine, pageWarnings } from '../page-warnings';

const USAGE = commandUsage('edition');

type Fail = { zh: string; en: string };

/** The plan file read (bounded) and checked; paths in it are relative to it. */
function readPlan(path: string): EditionPlan | Fail {
  let text: string;
  try {
    const read = readRegularFile(path, `版面计划 plan ${path}`, PLAN_LIMITS.bytes);
    if (!read.ok) return { zh: read.zh, en: read.en };
    text = new TextDecoder().decode(read.bytes);
  } catch (e) {
    return { zh: `无法读取版面计划 ${path}（${(e as Error).message}）`, en: `Cannot read plan ${path} (${(e as Error).message})` };
  }
  const base = dirname(path);
  const r = parsePlan(text, { exists: (p) => isFile(resolve(base, p)) });
  if (r.ok) return r.plan;
  const lines = r.issues.map((i) => [`  ${i.path} = ${i.value}：${i.zh}`, `  ${i.path} = ${i.value}: ${i.en}`]);
  return { zh: `版面计划 ${path} 有 ${r.issues.length} 处错误，未写入任何文件：\n${lines.map((l) => l[0]).join('\n')}`, en: `Plan ${path} has ${r.issues.length} problem(s); nothing was written:\n${lines.map((l) => l[1]).join('\n')}` };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** An article file and the pictures beside it by the day's convention: `07.txt` → `07.jpg`, `07-2.png`, `07.caption.txt`, `07-2.caption.txt`. */
function withPictures(path: string): string[] {
  const stem = basename(path).replace(/\.[^.]+$/, '');
  const dir = dirname(path);
  const picture = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-\\d+)?\\.(jpe?g|png|caption\\.txt)$`, 'i');
  const beside = readdirSync(dir).filter((f) => picture.test(f) && f !== basename(path)).sort();
  return [path, ...beside.map((f) => join(dir, f))];
}

interface Story {
  articles: Article[];
  images: BanmianDocument['images'];
  pictures: PictureLink[];
}

/** Each planned article file imported (with its pictures), ids made unique over the edition by the file's place in the plan. */
async function importStories(plan: EditionPlan, base: string): Promise<Map<string, Story> | Fail> {
  const out = new Map<string, Story>();
  for (const page of plan.pages) {
    for (const [ai, file] of page.articles.entries()) {
      const g = await gather(withPictures(resolve(base, file)));
      if ('zh' in g) return g;
      const prefix = `p${page.number}-${ai + 1}`;
      const ids = new Map(g.articles.map((a, k) => [a.id, k === 0 ? prefix : `${prefix}-${k + 1}`]));
      const imageIds = new Map(g.images.map((img, k) => [img.id, `${prefix}-img${k + 1}`]));
      out.set(file, {
        articles: g.articles.map((a) => ({ ...a, id: ids.get(a.id)! })),
        images: g.images.map((img) => ({ ...img, id: imageIds.get(img.id)! })),
        pictures: g.links.flatMap((l) => (l.articleId && ids.has(l.articleId) ? [{ imageId: imageIds.get(l.imageId)!, articleId: ids.get(l.articleId)!, caption: l.caption }] : [])),
      });
    }
  }
  return out;
}

/**
 * Ad artwork: a picture through the same import path as the day's pictures (its guards: JPEG/PNG
 * walked whole); a PDF read whole by the writer's own reader (one page, not encrypted, not damaged).
 * `at` names the page in the plan (pages[i]) for the messages.
 */
async function importArtwork(page: PlanPage, base: string, at: string): Promise<{ ads: PageInput['ads']; images: BanmianDocument['images'] } | Fail> {
  const ads: PageInput['ads'] = [];
  const images: BanmianDocument['images'] = [];
  for (const [k, ad] of page.ads.entries()) {
    if (!ad.artwork) {
      ads.push({ ad });
      continue;
    }
    const field = `${at}.ads[${k}].artwork`;
    const file = resolve(base, ad.artwork);
    const asset = /\.pdf$/i.test(ad.artwork) ? await pdfArtwork(file, ad.name) : await pictureArtwork(file);
    if ('zh' in asset) return { zh: `计划字段 ${field}（广告 ${ad.name}）的图稿 ${ad.artwork}：${asset.zh}`, en: `Plan field ${field} (ad ${ad.name}), artwork ${ad.artwork}: ${asset.en}` };
    const imageId = `p${page.number}-ad${k + 1}`;
    images.push({ ...asset, id: imageId });
    ads.push({ ad, imageId });
  }
  return { ads, images };
}

async function pictureArtwork(file: string): Promise<BanmianDocument['images'][number] | Fail> {
  const g = await gather([file]);
  if ('zh' in g) return g;
  return g.images[0] ?? { zh: '无法读取', en: 'cannot be read' };
}

/**
 * A one-page PDF as the ad's asset, named by the advertiser and the file (what the screen's stand-in
 * shows): its "pixel" size is its page's in pt (what fitting it keeps the aspect of).
 */
async function pdfArtwork(file: string, advertiser: string): Promise<BanmianDocument['images'][number] | Fail> {
  // the size is checked before reading, so a huge file is not read at all
  const big = pdfArtworkTooBig(statSync(file).size);
  if (big) return big;
  // a regular file only, never more than the limit read (a pipe named .pdf is refused, not waited on)
  const got = readRegularFile(file, file, PDF_ARTWORK_MAX_BYTES);
  if (!got.ok) return got;
  const bytes = got.bytes;
  const read = await readPdfArtwork(bytes);
  if (!read.ok) return read;
  const { width, height } = read.artwork.box;
  return { id: '', name: `${advertiser} · ${basename(file)}`, mime: PDF_MIME, pixelWidth: Math.max(1, Math.round(width)), pixelHeight: Math.max(1, Math.round(height)), colorSpace: 'unknown', data: bytesToBase64(bytes) };
}

interface MadeUp {
  page: PlanPage;
  alt: Alternative;
}

type Fonts = ReturnType<ReturnType<typeof fontProvider>['registry']>;

/**
 * Every page made up in page order; a continued story cut where its first page's make-up says, its
 * rest ranked after the lead of its later page, ahead of that page's own lower-ranked stories
 * (`makeRoom`); with `fill`, a page left with a hole gets a 公益广告 frame where one fills it and sets the
 * same stories (`filledEditionPage`). `blockers`: the continued stories a part of which is still not set (errors).
 */
async function makeUpPages(plan: EditionPlan, stories: Map<string, Story>, base: string, fill: boolean): Promise<{ pages: MadeUp[]; jumps: MadeJump[]; blockers: Fail[] } | Fail> {
  const fonts = fontProvider().registry();
  const carried = new Map<number, Article[]>();
  const out: MadeUp[] = [];
  const jumps: MadeJump[] = [];
  for (const page of [...plan.pages].sort((a, b) => a.number - b.number)) {
    const art = await importArtwork(page, base, `pages[${plan.pages.indexOf(page)}]`);
    if ('zh' in art) return art;
    const own = page.articles.map((f) => stories.get(f)!);
    const rests = carried.get(page.number) ?? [];
    const fixed = { page: pageSettings(plan.page, plan.paper, plan.date, page), images: [...own.flatMap((s) => s.images), ...art.images], pictures: own.flatMap((s) => s.pictures), ads: art.ads };
    const room = makeRoom(fixed, own.flatMap((s) => s.articles), rests, fonts);
    const input = room.input;
    // (the page made up as it stands: its own make-up unless a cut changes its articles)
    let whole = room.alt;
    for (const [i, jump] of plan.continue.entries()) {
      if (jump.from !== page.number) continue;
      // a one-paragraph story is made two at a sentence end: the pool keeps it so
      const article = cutAtSentence(stories.get(jump.article)!.articles[0]);
      if (!article) return { zh: `continue[${i}].article = ${jump.article}：只有一句，无法转版（两版各至少一句）`, en: `continue[${i}].article = ${jump.article}: one sentence only, it cannot continue (at least one sentence on each page)` };
      input.articles = input.articles.map((a) => (a.id === article.id ? article : a));
      const cut = cutJump(input, article, jump, plan, fonts);
      input.articles = cut.first;
      whole = undefined;
      carried.set(jump.to, [...(carried.get(jump.to) ?? []), cut.rest]);
      jumps.push({ article, from: jump.from, to: jump.to, cut: cut.k });
    }
    const made = whole ?? makeUpEditionPage(input, fonts);
    const alt = made && fill ? filledEditionPage(input, made, fonts) : made;
    if (!alt) return { zh: `第${page.number}版组版没有得到版面`, en: `Make-up found no page for page ${page.number}` };
    out.push({ page, alt: withGaveWay(alt, room.gaveWay, rests) });
  }
  return { pages: out, jumps, blockers: jumpsNotCarried(new Map(out.map((m) => [m.page.number, m.alt])), jumps, fonts) };
}

/**
 * Where the plan's jump `i` cuts `article` on its first page (`input`): the page's articles with the
 * first part, and the rest for the later page. Always cut, at least the last paragraph for the later
 * page (the plan says the story continues; the 组版 moves it in the plan otherwise).
 */
function cutJump(input: PageInput, article: Article, jump: EditionPlan['continue'][number], plan: EditionPlan, fonts: Fonts): { k: number; first: Article[]; rest: Article } {
  const n = cutPoints(article);
  const parts = (k: number) => jumpParts(article, k, { from: jump.from, to: jump.to, style: plan.jumpStyle }, plan.page.styles.headline.size);
  const withFirst = (k: number): PageInput => ({ ...input, articles: input.articles.map((a) => (a.id === article.id ? parts(k).first : a)) });
  // The first part keeps at least a quarter of the story (FIRST_PART_SHARE) where the page sets that whole (its lowest-ranked
  // stories held over for it), else what the page has room for; the articles held over with the least
  // of the story on this page may stay held over.
  // each cut's page made up once (the least cut is asked what it holds over and whether it sets the story whole)
  const made = new Map<number, Alternative | undefined>();
  const madeAt = (cut: number): Alternative | undefined => (made.has(cut) ? made.get(cut) : made.set(cut, makeUpEditionPage(withFirst(cut), fonts)).get(cut));
  const heldWith = (k: number): Set<string> => new Set(madeAt(k)?.heldOver.map((h) => h.articleId));
  const setAt = (cut: number, held: Set<string>): boolean => {
    const alt = madeAt(cut);
    return !!alt && setWhole(alt, article.id, fonts, held);
  };
  const least = leastCut(article);
  const heldLeast = heldWith(least);
  const start = setAt(least, heldLeast) ? least : 1;
  const held = start === least ? heldLeast : heldWith(1);
  const k = largestCut(n, (cut) => setAt(cut, held), start);
  console.log(`  转版 jump: ${article.headline || article.id} 第${jump.from}版 ${k} 段 paragraphs → 第${jump.to}版 ${n + 1 - k} 段 paragraphs`);
  return { k, first: withFirst(k).articles, rest: parts(k).rest };
}

/** What each page got: its news hole, articles held over (待用), an under-filled page and a blank hole over the limit as warnings. */
function reportPage({ page, alt }: MadeUp): void {
  const hole = newsHole(alt.document.page, page.ads.map((a) => a.rect));
  const placed = alt.document.blocks.filter((b) => b.kind === 'article').length;
  console.log(`第${page.number}版 ${page.name}: 版心 ${hole.total} 栏行，新闻版面 news hole ${hole.free} column-lines, ${page.ads.length} 个广告 ads, ${placed} 篇稿件 articles, ${heldLine(alt.heldOver)}`);
  for (const h of alt.heldOver) console.log(`  待用 held over: ${h.zh} / ${h.en}${h.articleId.endsWith(CONTINUED_SUFFIX) ? '（转版的后半 the continued part）' : ''}`);
  for (const f of alt.blocks.filter(isFillerFrame)) console.log(`  补白 filler: 留出 ${f.span} 栏 × ${f.rows} 行公益广告位（已锁定，可放入图稿） / a ${f.span}-column × ${f.rows}-line public-service ad (公益广告) frame set in the page's blank (locked; place its artwork)`);
  for (const w of pageWarnings(alt.score, String(page.number))) console.log(`  ${w}`);
}

/** `edition PLAN.json -o OUTDIR [--save FILE]`: the plan's pages made up and written as YYYYMMDD-NN.pdf and YYYYMMDD.pdf, the edition saved in FILE. Exit 0 written, 1 failed, 2 usage, 4 blocked by preflight. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('edition', args);
  if (!parsed) return 2;
  const [planPath, ...extra] = parsed.positionals;
  const flags = printFlags(parsed.values);
  if (!planPath || extra.length || typeof flags === 'string') {
    console.error(`${typeof flags === 'string' ? `${flags.replace(/-o page\.pdf/g, '-o OUTDIR')}\n` : ''}${USAGE}`);
    return 2;
  }
  const plan = readPlan(planPath);
  if ('zh' in plan) {
    console.error(`${plan.zh}\n${plan.en}`);
    return 1;
  }
  const header = checkHeader({ paperName: plan.paper, date: plan.date }, `版面计划 plan ${planPath}`);
  if ('zh' in header) {
    console.error(`${header.zh}\n${header.en}`);
    return 1;
  }
  const base = dirname(planPath);
  const stories = await importStories(plan, base);
  if ('zh' in stories) {
    console.error(`${stories.zh}\n${stories.en}`);
    return 1;
  }
  const made = await makeUpPages(plan, stories, base, parsed.values['no-filler'] !== true);
  if ('zh' in made) {
    console.error(`${made.zh}\n${made.en}`);
    return 1;
  }
  for (const p of made.pages) reportPage(p);
  // the PDFs are written from the edition document, as `export` of the saved file writes them
  const { edition, unchained } = assembleEdition(plan, made.pages.map((p) => ({ page: p.page, document: p.alt.document })), made.jumps);
  for (const id of unchained) console.log(`  注意：${id} 转版的一部分待用，存为两篇稿件 / Note: part of the continued story ${id} is held over; it is saved as two articles`);
  const code = await writeEdition(plan, pageDocuments(edition), flags, made.blockers);
  if (code !== 0 || !parsed.values.save) return code;
  return saveEdition(parsed.values.save, edition);
}

/** `--save FILE.banmian`: the whole edition in one file (format version 2), written atomically. */
function saveEdition(path: string, edition: EditionDocument): number {
  const saved = saveEditionFile(path, edition);
  if (!saved.ok) {
    console.error(`${saved.zh}\n${saved.en}`);
    return 1;
  }
  console.log(`已保存整期 saved the edition ${path} (${edition.pages.length} 版 pages)`);
  return 0;
}
