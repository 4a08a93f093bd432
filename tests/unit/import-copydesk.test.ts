/**
 * Copy-desk inputs for make-up (issue 16 item 6): title lines labelled in plain text, Markdown
 * headings in a manuscript, and a day's pictures matched to their articles by file name, with
 * caption files. Fixtures in tests/fixtures/import/copydesk/ were written by hand; every expected
 * value below is read off them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src-core/import/index';
import { titleLabel } from '../../src-core/import/labels';
import type { ImportReport } from '../../src-core/import/report';
import { plainText } from '../../src-core/model/richtext';
import { emptyDocument } from '../../src-core/model/defaults';
import { layout } from '../../src-core/layout/layout';
import { fonts } from './support';

const dir = resolve(fileURLToPath(new URL('../fixtures/import/copydesk', import.meta.url)));
const read = (folder: string, names: string[]) => names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, folder, n))) }));
const one = async (folder: string, name: string) => {
  const r = await importFiles(read(folder, [name]));
  expect(r.errors).toEqual([]);
  expect(r.articles).toHaveLength(1);
  return { r, a: r.articles[0] };
};
const titles = (a: { kicker: string; headline: string; deck: string; byline: string; bylinePosition: string }) => ({ kicker: a.kicker, headline: a.headline, deck: a.deck, byline: a.byline, bylinePosition: a.bylinePosition });

describe('labelled title lines', () => {
  it('引题/主题/副题/记者/通讯员 with full-width colons, stacked without blank lines', async () => {
    const { a } = await one('labels', '01-fullwidth.txt');
    expect(titles(a)).toEqual({ kicker: '春耕时节访田头', headline: '万亩良田 机声隆隆', deck: '——记宜阳县春耕生产一线', byline: '记者 张三 通讯员 李四', bylinePosition: 'top' });
    expect(plainText(a.body)).toBe('昨日，记者来到宜阳县的田间地头。农民们正忙着播种。\n今年全县计划播种小麦一万亩。');
  });

  it('肩题 and 作者 with half-width colons and stray spaces; the author named before the titles', async () => {
    const { a } = await one('labels', '02-halfwidth.txt');
    expect(titles(a)).toEqual({ kicker: '城市更新', headline: '老街换新颜', deck: '一条老街的三年变迁', byline: '王五', bylinePosition: 'top' });
    expect(a.body.content).toHaveLength(2);
  });

  it('栏目 and 眉题: the column name stays with its article (栏头), the kicker is the kicker', async () => {
    const { r, a } = await one('labels', '03-column.txt');
    expect(titles(a)).toEqual({ kicker: '聚焦高质量发展', headline: '真抓实干谋发展', deck: '——访某区委书记', byline: '记者 赵六', bylinePosition: 'top' });
    expect(r.columnLinks).toEqual([{ articleId: a.id, columnName: '一把手访谈' }]);
    expect(r.page.columnNames).toEqual(['一把手访谈']);
  });

  it('a 来源： line under the titles is the byline as printed, never the headline (field test 19: the 引题 became a page banner)', async () => {
    const { r, a } = await one('labels', '06-source.txt');
    expect(titles(a)).toEqual({ kicker: '一线调查·走村串户探振兴', headline: '乡村游，美了村庄富了农家', deck: '', byline: '来源：人民日报', bylinePosition: 'top' });
    expect(r.page.banners).toEqual([]);
    expect(plainText(a.body).startsWith('近年来')).toBe(true);
    // a paragraph that opens with 来源： and runs on is body, not a label
    expect(titleLabel(`来源：${'据统计，全市乡村旅游接待游客逾千万人次，同比增长两成。'.repeat(2)}`)).toBeUndefined();
    expect(titleLabel('稿源: 新华社')).toMatchObject({ role: 'byline', text: '稿源：新华社' });
  });

  it('labels are not read inside a sentence, and an empty label is dropped, not made a title', () => {
    expect(titleLabel('主题教育：深入推进')).toBeUndefined();
    expect(titleLabel('他说，主题：发展')).toBeUndefined();
    expect(titleLabel('　主标题：老街换新颜')).toMatchObject({ role: 'headline', text: '老街换新颜' });
    expect(titleLabel('副题：')).toMatchObject({ role: 'deck', text: '' });
  });

  it('a manuscript in plain text with Markdown headings: # is the headline, the heading above it the kicker, the one below the deck', async () => {
    const { a } = await one('labels', '04-headings.txt');
    expect(titles(a)).toMatchObject({ kicker: '春耕时节：', headline: '万亩良田 机声隆隆', deck: '记宜阳县春耕生产一线' });
  });

  it('a 栏目 the web edition writes after the headline in brackets is the column, not the 主题; a part number stays (field test 28 Z3)', async () => {
    const md = (title: string) => importFiles([{ name: 'a.md', bytes: new TextEncoder().encode(`### 江西萍乡推动减证便民——\n\n# ${title}\n\n本报记者 杨颜菲\n\n“就快装好了！”在萍乡市源头村，村民黄侨喜上眉梢。\n`) }]);
    const r = await md('“现场办”解了“证明难”（在现场）');
    expect(titles(r.articles[0])).toMatchObject({ kicker: '江西萍乡推动减证便民——', headline: '“现场办”解了“证明难”', byline: '本报记者 杨颜菲' });
    expect(r.columnLinks).toEqual([{ articleId: r.articles[0].id, columnName: '在现场' }]);
    const part = await md('千年古镇的新生（上）');
    expect(part.articles[0].headline).toBe('千年古镇的新生（上）');
    expect(part.columnLinks).toEqual([]);
    // nor a note with Latin letters or a space in it
    expect((await md('扫描件的预期结果（OCR 的 page.txt）')).articles[0].headline).toBe('扫描件的预期结果（OCR 的 page.txt）');
  });

  it('小标题： labels a section\'s heading in the text: a subhead of the story, its label not printed (field test 30)', async () => {
    const text = ['主题：研究成果能落地 企业生产更高效', '作者：张丹华', '', '“我们不是闭门搞研究。”王怡说。', '', '小标题：一场始于“摆动流嘴”的接力', '', '校友说高炉出铁场的通风除尘效果一直不好。'].join('\n');
    const r = await importFiles([{ name: '04.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].body.content.map((n) => [n.type, plainText({ type: 'doc', content: [n] })])).toEqual([
      ['paragraph', '“我们不是闭门搞研究。”王怡说。'],
      ['heading', '一场始于“摆动流嘴”的接力'],
      ['paragraph', '校友说高炉出铁场的通风除尘效果一直不好。'],
    ]);
  });

  it('the same manuscript as Markdown', async () => {
    const { a } = await one('labels', '05-headings.md');
    expect(titles(a)).toMatchObject({ kicker: '春耕时节：', headline: '万亩良田 机声隆隆', deck: '——记宜阳县春耕生产一线' });
  });
});

describe('可删 paragraphs marked in a manuscript', () => {
  const marks = (a: { body: { content: { attrs?: { cuttable?: boolean } }[] } }) => a.body.content.map((p) => p.attrs?.cuttable === true);

  it('a paragraph opening with 【可删】 or [可删] is marked 可删, the marker taken off; it is never joined to the paragraph before', async () => {
    const { a } = await one('cuttable', '01-marked.txt');
    expect(a.headline).toBe('老城区改造进入收尾阶段');
    // the first paragraph ends with a comma: without the mark, OCR text would join the next one to it
    expect(plainText(a.body)).toBe('记者从市住建局获悉，老城区改造工程已进入收尾阶段，\n据介绍，今年以来共完成改造项目十二个。\n工程负责人表示，剩余工作将在月底前完成。\n下一步，相关部门将组织竣工验收。');
    expect(marks(a)).toEqual([false, true, true, false]);
  });

  it('the same marker in Markdown', async () => {
    const { a } = await one('cuttable', '02-marked.md');
    expect(plainText(a.body)).toBe('记者从市住建局获悉，老城区改造工程已进入收尾阶段。\n据介绍，今年以来共完成改造项目十二个。\n下一步，相关部门将组织竣工验收。');
    expect(marks(a)).toEqual([false, true, false]);
  });
});

describe('an editor\'s note (编者按)', () => {
  const text = (name: string, t: string) => ({ name, bytes: new TextEncoder().encode(t) });
  const manuscript = '主题：老城区改造进入收尾阶段\n记者：张三\n\n【编者按】老城区改造关系千家万户。本报今起推出系列报道，敬请关注。\n\n记者从市住建局获悉，老城区改造工程已进入收尾阶段。\n\n编者按照计划推进的项目共十二个。\n';

  it('is set in 楷 as dailies set it (the byline\'s face), the label printed; the rest of the body keeps the body face', async () => {
    const r = await importFiles([text('01.txt', manuscript)]);
    const a = r.articles[0];
    // The paragraph takes the page's 编者按 style (楷 by default), not a face mark on its text.
    const styles = a.body.content.map((p) => p.attrs?.paragraphStyle);
    const faceMarks = a.body.content.flatMap((p) => (p.content ?? []).filter((i) => 'marks' in i && (i.marks ?? []).some((m) => m.type === 'face')));
    expect(plainText(a.body).split('\n')[0]).toBe('【编者按】老城区改造关系千家万户。本报今起推出系列报道，敬请关注。');
    // (编者按照… is a sentence, not the label)
    expect(styles).toEqual(['editorsNote', undefined, undefined]);
    expect(faceMarks).toEqual([]);
    const doc = { ...emptyDocument('tabloid'), articles: [a], blocks: [{ id: 'b', kind: 'article' as const, articleId: a.id, col: 0, span: 3, row: 0, rows: 40 }] };
    const runs = layout(doc, { fonts }).items.filter((i) => i.kind === 'glyphs');
    const byline = runs.find((g) => g.source?.field === 'byline')!;
    const body = runs.filter((g) => g.source?.field === 'body');
    expect(body.filter((g) => g.source!.paragraph === 0).every((g) => g.face === byline.face)).toBe(true);
    expect(body.filter((g) => g.source!.paragraph > 0).some((g) => g.face === byline.face)).toBe(false);
  });

  it('编者按： with a colon in Markdown too', async () => {
    const r = await importFiles([text('02.md', '# 老城区改造进入收尾阶段\n\n编者按：老城区改造关系千家万户。\n\n记者从市住建局获悉，工程已进入收尾阶段。\n')]);
    const styles = r.articles[0].body.content.map((p) => p.attrs?.paragraphStyle);
    expect(styles).toEqual(['editorsNote', undefined]);
  });
});

describe("a day's pictures matched to their articles by file name", () => {
  const dayFiles = readdirSync(join(dir, 'day')).sort();

  it('NN.jpg and NN-2.png join article NN with their caption files; a caption file is never an article', async () => {
    const r = await importFiles(read('day', dayFiles));
    const headlines = r.articles.map((a) => a.headline);
    expect(headlines).toEqual(['老街换新颜', '社区来了新图书馆']);
    const [a01, a02] = r.articles;
    const byName = new Map(r.images.map((i) => [i.name, i.id]));
    const linkOf = (name: string) => r.imageLinks.find((l) => l.imageId === byName.get(name));
    expect(linkOf('01.jpg')).toEqual({ imageId: byName.get('01.jpg'), articleId: a01.id, caption: '宜阳县农民在田间播种小麦。' });
    expect(linkOf('01-2.png')).toEqual({ imageId: byName.get('01-2.png'), articleId: a01.id, caption: '无人机俯瞰麦田' });
    // the Markdown file's own reference stands (its alt text is the caption: no caption file for 02-1)
    expect(linkOf('02-1.png')).toEqual({ imageId: byName.get('02-1.png'), articleId: a02.id, caption: '读者在阅读' });
    const report = r.report as ImportReport;
    expect(report.files.filter((f) => f.kind === 'caption').map((f) => [f.name, f.imageIds])).toEqual([
      ['01-2.caption.txt', [byName.get('01-2.png')]],
      ['01.caption.txt', [byName.get('01.jpg')]],
      ['05.caption.txt', [byName.get('05.jpg')]],
      ['09.caption.txt', []],
    ]);
  });

  it('a picture with no article of its stem is a stand-alone photo, keeping its caption', async () => {
    const r = await importFiles(read('day', dayFiles));
    const id = r.images.find((i) => i.name === '05.jpg')!.id;
    expect(r.imageLinks.filter((l) => l.imageId === id)).toEqual([{ imageId: id, caption: '洛河晨雾（资料图）' }]);
  });

  it('a caption file with no picture is reported by name, in Chinese and English, and used nowhere', async () => {
    const r = await importFiles(read('day', dayFiles));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].file).toBe('09.caption.txt');
    expect(r.errors[0].zh).toContain('09.caption.txt：图片说明文件没有同名的图片');
    expect(r.errors[0].en).toContain('09.caption.txt: a caption file with no picture of the same name');
    expect(r.articles.some((a) => plainText(a.body).includes('这张图片不存在'))).toBe(false);
  });

  it('a picture file fills its article\'s （如图） placeholder (置入) instead of leaving an empty frame beside it', async () => {
    const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, 'day', name)));
    const text = (s: string) => new TextEncoder().encode(s);
    const r = await importFiles([
      { name: '03.txt', bytes: text('主题：新桥通车\n\n新桥今天通车（如图）。\n\n第二段说明交通情况（见图）。\n') },
      // a listing sorted by name puts 03-2 before 03 ('-' before '.'): the article's own picture still fills the first placeholder
      { name: '03-2.jpg', bytes: bytes('01.jpg') },
      { name: '03.jpg', bytes: bytes('01.jpg') },
      { name: '03.caption.txt', bytes: text('新桥通车现场。本报记者 摄\n') },
    ]);
    const [a] = r.articles;
    const photo = r.images.find((i) => i.name === '03.jpg')!;
    // the first placeholder holds 03.jpg, with the caption file's caption; the second holds 03-2.jpg
    expect(r.images.filter((i) => i.data === undefined)).toHaveLength(0);
    expect(r.images).toHaveLength(2);
    expect(r.imageLinks[0]).toEqual({ imageId: photo.id, articleId: a.id, caption: '新桥通车现场。本报记者 摄' });
    expect(r.imageLinks[1]).toMatchObject({ imageId: r.images.find((i) => i.name === '03-2.jpg')!.id, articleId: a.id });
    expect(r.imageLinks.filter((l) => l.imageId === photo.id)).toHaveLength(1);
    const file = (r.report as ImportReport).files.find((f) => f.name === '03.txt')!;
    for (const id of file.imageIds) expect(r.images.some((i) => i.id === id)).toBe(true);
  });


  it('a day set\'s （见图） with no picture sent makes no empty frame: the text keeps it and the report asks for the picture (field test 31); a single page keeps its placeholder', async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const r = await importFiles([
      { name: '03.txt', bytes: text('主题：道路限高杆太低\n\n去年，有人在此路段设置了限高杆（见图）。正常高度的小货车无法通行。\n') },
      { name: '04.txt', bytes: text('主题：排水设施改善了\n\n农田旁也修了排水沟（见图）。今年雨季不用再担心了。\n') },
      { name: '04.jpg', bytes: new Uint8Array(readFileSync(join(dir, 'day', '01.jpg'))) },
    ]);
    const [a3, a4] = r.articles;
    // 04's picture fills its placeholder; 03's reference, no picture sent, makes none
    expect(r.images.map((i) => i.name)).toEqual(['04.jpg']);
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: a4.id, caption: '' }]);
    expect(plainText(a3.body)).toContain('限高杆（见图）。');
    const asked = (r.report as ImportReport).guesses.filter((g) => g.kind === 'image-reference' && g.articleId === a3.id);
    expect(asked.map((g) => g.zh)).toEqual(['正文提到“（见图）”，但没有送来这张图片：未建空图框；请以同名图片文件补图，或删去“（见图）”']);
    for (const f of (r.report as ImportReport).files) for (const id of f.imageIds) expect(r.images.some((i) => i.id === id)).toBe(true);
    // two （见图） in one manuscript and one picture sent: the first takes it, the report names the second's line as unsent (review)
    const two = await importFiles([
      { name: '03.txt', bytes: text('主题：甲\n\n正文一句。\n') },
      { name: '04.txt', bytes: text('主题：排水设施改善了\n\n农田旁也修了排水沟（见图）。\n\n村口新建了文化广场（见图）。\n') },
      { name: '04.jpg', bytes: new Uint8Array(readFileSync(join(dir, 'day', '01.jpg'))) },
    ]);
    const refs = (two.report as ImportReport).guesses.filter((g) => g.kind === 'image-reference');
    expect(refs.map((g) => [g.line, g.confidence])).toEqual([[3, 0.6], [5, 0.5]]);
    expect(two.images.map((i) => i.name)).toEqual(['04.jpg']);
    // one file alone (an OCR'd page or a single manuscript): its placeholder stays, the picture to be placed
    const one = await importFiles([{ name: '03.txt', bytes: text('主题：道路限高杆太低\n\n去年，有人在此路段设置了限高杆（见图）。正常高度的小货车无法通行。\n') }]);
    expect(one.images).toHaveLength(1);
    expect(one.imageLinks[0].articleId).toBe(one.articles[0].id);
  });
  it('two manuscripts of one name (03.txt and 03.md): the picture goes to the first, and the second is named, zh and en', async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const r = await importFiles([
      { name: 'd/03.md', bytes: text('# 甲\n\n正文一句。\n') },
      { name: 'd/03.txt', bytes: text('主题：乙\n\n正文一句。\n') },
      { name: 'd/03.jpg', bytes: new Uint8Array(readFileSync(join(dir, 'day', '01.jpg'))) },
    ]);
    const [a] = r.articles;
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: a.id, caption: '' }]);
    expect(r.errors.map((e) => [e.file, e.zh, e.en])).toEqual([['d/03.txt', 'd/03.txt 与 d/03.md 同名：同名的图片和图片说明只归 d/03.md', 'd/03.txt has the name of d/03.md: the pictures and captions of that name go to d/03.md only']]);
  });

  it('matching is per folder and ignores case; a picture whose stem only starts like an article is not its', async () => {
    const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, 'day', name)));
    const text = (s: string) => new TextEncoder().encode(s);
    const r = await importFiles([
      { name: 'a/07.TXT', bytes: text('主题：甲\n\n正文一句。\n') },
      { name: 'b/07.txt', bytes: text('主题：乙\n\n正文一句。\n') },
      { name: 'b/07-3.JPG', bytes: bytes('01.jpg') },
      { name: 'b/070.jpg', bytes: bytes('05.jpg') },
    ]);
    const [a, b] = r.articles;
    expect([a.headline, b.headline]).toEqual(['甲', '乙']);
    const idOf = (name: string) => r.images.find((i) => i.name === name)!.id;
    // 070.jpg is no picture of 07's: no article has its name, so it stands alone (图片新闻)
    // (an article's own pictures are linked before its further ones: 070 is an own name, 07-3 a further one)
    expect(r.imageLinks).toEqual([
      { imageId: idOf('070.jpg'), caption: '' },
      { imageId: idOf('07-3.JPG'), articleId: b.id, caption: '' },
    ]);
  });
});
