/** Markdown, Word (.docx made by LibreOffice), JPEG/PNG probing and the merge/split/role edits. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src-core/model/base64';
import { changeRole, effectivePpi, importFiles, mergeArticles, probeImage, splitArticle } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import { plainText } from '../../src-core/model/richtext';
import { docx, documentXml, paragraph } from './import-samples';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'tests/fixtures/import', name)));

describe('JPEG and PNG probing (values checked with ImageMagick identify when the fixtures were made)', () => {
  it('reads size, stored resolution and colour space', () => {
    expect(probeImage(fixture('photo-rgb-300.jpg'))).toEqual({ ok: true, info: { mime: 'image/jpeg', pixelWidth: 160, pixelHeight: 120, colorSpace: 'rgb', ppi: 300, ppiSource: 'jfif' } });
    // CMYK JPEG written with an Adobe APP14 segment
    expect(probeImage(fixture('photo-cmyk.jpg'))).toEqual({ ok: true, info: { mime: 'image/jpeg', pixelWidth: 120, pixelHeight: 90, colorSpace: 'cmyk', ppi: 300, ppiSource: 'jfif', adobe: true } });
    // 28 pixels per centimetre = 28 × 2.54 = 71.12 ppi
    expect(probeImage(fixture('photo-gray.jpg'))).toEqual({ ok: true, info: { mime: 'image/jpeg', pixelWidth: 100, pixelHeight: 60, colorSpace: 'gray', ppi: 71.12, ppiSource: 'jfif' } });
    // pHYs 11811 pixels per metre = 299.9994 ppi
    expect(probeImage(fixture('chart.png'))).toEqual({ ok: true, info: { mime: 'image/png', pixelWidth: 200, pixelHeight: 100, colorSpace: 'rgb', ppi: 300, ppiSource: 'phys' } });
    expect(probeImage(fixture('gray.png'))).toEqual({ ok: true, info: { mime: 'image/png', pixelWidth: 50, pixelHeight: 40, colorSpace: 'gray' } });
  });

  it('reads EXIF resolution when there is no JFIF density', () => {
    // SOI, APP1 Exif (big-endian TIFF, IFD0: XResolution 240/1, ResolutionUnit inch), SOF0 1×1 3 comps, SOS, EOI
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 2, 0x01, 0x1a, 0, 5, 0, 0, 0, 1, 0, 0, 0, 38, 0x01, 0x28, 0, 3, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240, 0, 0, 0, 1];
    const app1 = [0xff, 0xe1, 0, 2 + 6 + tiff.length, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    const sof = [0xff, 0xc0, 0, 17, 8, 0, 1, 0, 1, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
    const jpeg = new Uint8Array([0xff, 0xd8, ...app1, ...sof, 0xff, 0xda, 0, 2, 0x00, 0xff, 0xd9]);
    expect(probeImage(jpeg)).toEqual({ ok: true, info: { mime: 'image/jpeg', pixelWidth: 1, pixelHeight: 1, colorSpace: 'rgb', ppi: 240, ppiSource: 'exif' } });
  });

  it('effective ppi of a placed image: the softer axis', () => {
    // 3000 × 2000 px placed 720 pt (10 in) wide and 360 pt (5 in) high: 300 and 400 ppi → 300
    expect(effectivePpi({ pixelWidth: 3000, pixelHeight: 2000 }, 720, 360)).toBe(300);
    expect(effectivePpi({ pixelWidth: 160, pixelHeight: 120 }, 0, 10)).toBe(0);
  });

  it('base64 round trip', () => {
    const b = new Uint8Array(1000).map((_, i) => (i * 37) & 0xff);
    expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
    expect(base64ToBytes(Buffer.from(b).toString('base64'))).toEqual(b);
    expect(bytesToBase64(new Uint8Array([1, 2]))).toBe('AQI=');
  });
});

describe('Markdown', () => {
  // CommonMark does not open ** between a Han character and a quote mark (宣传**“搬”**): not tested here, a known
  // limitation of the spec for CJK text.
  it('headings, emphasis marks, lists, block quotes and images by relative path', async () => {
    const md = [
      '### 南关街道：',
      '# “三进”宣传全覆盖',
      '## ——织密反诈防护网',
      '',
      '网格员将反诈宣传**搬进小区**，让群众',
      '*举目抬头*均能看到。',
      '',
      '![网格员入户宣传](img/chart.png)',
      '',
      '- 进小区',
      '- 进家庭',
      '',
      '1. 第一步',
      '2. 第二步',
      '',
      '> 引用的一段话。',
      '',
      '#### 小标题',
      '',
      '最后一段 with English words。',
    ].join('\n');
    const r = await importFiles([
      { name: 'story/a.md', bytes: new TextEncoder().encode(md) },
      { name: 'story/img/chart.png', bytes: fixture('chart.png') },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0];
    expect({ kicker: a.kicker, headline: a.headline, deck: a.deck }).toEqual({ kicker: '南关街道：', headline: '“三进”宣传全覆盖', deck: '——织密反诈防护网' });
    expect(a.body.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '网格员将反诈宣传' },
        { type: 'text', text: '搬进小区', marks: [{ type: 'bold' }] },
        { type: 'text', text: '，让群众' },
        { type: 'text', text: '举目抬头', marks: [{ type: 'italic' }] },
        { type: 'text', text: '均能看到。' },
      ],
    });
    expect(plainText(a.body).split('\n')).toEqual(['网格员将反诈宣传搬进小区，让群众举目抬头均能看到。', '• 进小区', '• 进家庭', '1. 第一步', '2. 第二步', '引用的一段话。', '小标题', '最后一段 with English words。']);
    expect(a.body.content[6].type).toBe('heading');
    expect(r.images).toHaveLength(1);
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: a.id, caption: '网格员入户宣传' }]);
    // Markdown is not OCR output: punctuation is left alone unless asked
    expect((r.report as ImportReport).files.find((f) => f.kind === 'markdown')!.punctuationNormalized).toBe(false);
  });

  it('a block quote over the top heading is the 引题, over a subhead the text\'s; names alone under the headings are the byline; title lines over a byline open the next story of a package (field test 23)', async () => {
    const md = [
      '> 从城里出发，自驾前往河西各地旅行', '', '# 开着新能源车穿越河西走廊', '', '## 编辑手记', '', '吕莉', '',
      '假期里，不少游客开着新能源车出游。', '', '> 一句引语', '', '## 沿途见闻', '', '服务区里，充电桩前排起了队。', '',
      '卢旺达——', '', '辣椒种植户未来日子更有盼头', '', '本报记者 戴楷然', '', '“零关税待遇以来，许多种植户增收了。”', '',
    ].join('\n');
    const r = await importFiles([{ name: 'a.md', bytes: new TextEncoder().encode(md) }]);
    expect(r.articles.map((a) => [a.kicker, a.headline, a.byline])).toEqual([
      ['从城里出发，自驾前往河西各地旅行', '开着新能源车穿越河西走廊', '吕莉'],
      ['卢旺达——', '辣椒种植户未来日子更有盼头', '本报记者 戴楷然'],
    ]);
    expect(r.articles[0].bylinePosition).toBe('top');
    expect(plainText(r.articles[0].body).split('\n')).toEqual(['假期里，不少游客开着新能源车出游。', '一句引语', '沿途见闻', '服务区里，充电桩前排起了队。']);
    expect(plainText(r.articles[1].body)).toBe('“零关税待遇以来，许多种植户增收了。”');
  });

  it('places heading a story\'s parts (武汉⏎今天，武汉站…⏎常州) are no byline; a quote a colon leads into is the text\'s, not the next story\'s 引题 (review of field test 23)', async () => {
    const places = ['# 多地迎来返程客流高峰', '', '武汉', '', '今天，武汉站迎来返程客流高峰，发送旅客十余万人次。', '', '常州', '', '常州站加开列车，方便旅客出行。'].join('\n');
    const p = await importFiles([{ name: 'a.md', bytes: new TextEncoder().encode(places) }]);
    expect(p.articles[0].byline ?? '').toBe('');
    expect(plainText(p.articles[0].body).split('\n')[0]).toBe('武汉');
    const quote = ['# 乡村振兴看今朝', '', '本报讯 近年来，我县大力发展特色产业。', '', '村支书说，村里的变化大家都看在眼里：', '', '> 日子越过越红火', '', '# 城东新区开展家风教育活动', '', '本报讯 城东新区开展家风教育系列活动。'].join('\n');
    const q = await importFiles([{ name: 'b.md', bytes: new TextEncoder().encode(quote) }]);
    expect(q.articles.map((a) => a.kicker ?? '')).toEqual(['', '']);
    expect(plainText(q.articles[0].body)).toMatch(/看在眼里：\n日子越过越红火$/);
  });

  it('a caption right under a picture in the text (图为… 本报记者 王五 摄) is that picture\'s caption, not a frame of its own nor text (field test 23)', async () => {
    const md = ['# 便民服务有了新举措', '', '近日，城南街道推出十项便民服务举措。', '', '![](pic.png)', '', '图为居民在便民服务站办理业务。本报记者 王五 摄', '', '据介绍，这些举措将在月底前全部落地。'].join('\n');
    const r = await importFiles([{ name: 'a.md', bytes: new TextEncoder().encode(md) }, { name: 'pic.png', bytes: fixture('chart.png') }]);
    expect(r.images).toHaveLength(1);
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: r.articles[0].id, caption: '图为居民在便民服务站办理业务。本报记者 王五 摄' }]);
    expect(plainText(r.articles[0].body)).not.toContain('图为');
  });

  it('bold closed after Chinese punctuation (**…出来了。**新当选, where CommonMark closes nothing) is bold, with no asterisks printed', async () => {
    const text = '# 标题\n\n他说：**“结果出来了。”**新当选的主任随即表态，**要把事办好。**大家鼓掌。代码 `a**b` 照印。\n';
    const r = await importFiles([{ name: 'bold.md', bytes: new TextEncoder().encode(text) }]);
    const runs = r.articles[0].body.content[0].content!.map((c) => (c.type === 'text' ? [c.text, (c.marks ?? []).map((m) => m.type).join()] : ['', '']));
    expect(runs).toEqual([
      ['他说：', ''],
      ['“结果出来了。”', 'bold'],
      ['新当选的主任随即表态，', ''],
      ['要把事办好。', 'bold'],
      ['大家鼓掌。代码 a**b 照印。', ''],
    ]);
  });

  it('a missing image is an error naming the Markdown file; the text still imports', async () => {
    const r = await importFiles([{ name: 'b.md', bytes: new TextEncoder().encode('# 标题\n\n正文。\n\n![图](nowhere.png)\n') }]);
    expect(r.articles).toHaveLength(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].file).toBe('b.md');
    expect(r.errors[0].en).toContain('nowhere.png');
  });
});

describe('Word .docx (made from tests/fixtures/import/*.fodt by LibreOffice)', () => {
  it('Title/Subtitle/引题 styles, a Heading 2 subhead, bold/italic and embedded pictures', async () => {
    const r = await importFiles([{ name: 'story.docx', bytes: fixture('story.docx') }]);
    expect(r.errors).toEqual([]);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0];
    expect({ kicker: a.kicker, headline: a.headline, deck: a.deck, lead: a.lead }).toEqual({
      kicker: '老城区南关街道：',
      headline: '“三进”宣传全覆盖 织密反诈防护网',
      deck: '——网格员走进小区、家庭和商户',
      lead: '本报讯（记者 王小明）',
    });
    expect(a.body.content.map((p) => p.type)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph']);
    expect(a.body.content[0].content).toContainEqual({ type: 'text', text: '“进小区、进家庭、进商户”', marks: [{ type: 'bold' }] });
    expect(a.body.content[2].content).toContainEqual({ type: 'text', text: '让群众举目抬头', marks: [{ type: 'italic' }] });
    // numbers and Latin punctuation untouched in Word text
    expect(plainText(a.body)).toContain('1,200 份，覆盖居民 3.5 万人。');
    expect(r.images.map(({ data: _d, id: _i, ...x }) => x)).toEqual([
      { name: '网格员入户宣传', mime: 'image/jpeg', pixelWidth: 160, pixelHeight: 120, colorSpace: 'rgb', ppi: 300 },
      { name: '宣传覆盖情况', mime: 'image/png', pixelWidth: 200, pixelHeight: 100, colorSpace: 'rgb', ppi: 300 },
    ]);
    // the embedded bytes are the original pictures
    expect(base64ToBytes(r.images[0].data!)).toEqual(fixture('photo-rgb-300.jpg'));
    expect(r.imageLinks.map((l) => [l.articleId, l.caption])).toEqual([
      [a.id, '网格员入户宣传'],
      [a.id, '宣传覆盖情况'],
    ]);
  });

  it('titles set by hand (bold, no style) over a dateline: 引题, 主题 and ——副题 read as titles, not as the text (field test 23)', async () => {
    const bold = (t: string): string => `<w:p><w:r><w:rPr><w:b/><w:sz w:val="44"/></w:rPr><w:t>${t}</w:t></w:r></w:p>`;
    const xml = documentXml([bold('城南街道：'), bold('便民服务有了新举措'), paragraph('——十项举措方便群众办事'), paragraph('本报讯（记者 王五）近日，城南街道推出十项便民服务举措，方便群众就近办事。'), paragraph('据介绍，这些举措将在月底前全部落地。')].join(''));
    const r = await importFiles([{ name: 'story.docx', bytes: docx(xml) }]);
    expect(r.articles.map((a) => [a.kicker, a.headline, a.deck, a.lead])).toEqual([['城南街道：', '便民服务有了新举措', '——十项举措方便群众办事', '本报讯（记者 王五）']]);
    expect(plainText(r.articles[0].body).split('\n')).toEqual(['近日，城南街道推出十项便民服务举措，方便群众就近办事。', '据介绍，这些举措将在月底前全部落地。']);
  });

  it('Heading 3 / Heading 1 / Heading 2 map to kicker / headline / deck by structure; a byline paragraph moves to the byline', async () => {
    const r = await importFiles([{ name: 'headings.docx', bytes: fixture('headings.docx') }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ kicker: '安乐街道：', headline: '沿街排查安全隐患 营造安全清新环境', deck: '——社区开展烟花爆竹禁放禁售宣传', byline: '张铁生 文/图', bylinePosition: 'end' });
    expect(r.articles[0].body.content).toHaveLength(2);
  });
});

describe('edits on the result (pure functions)', () => {
  async function twoArticles() {
    const text = '# 第一篇\n\n甲段。\n\n乙段。\n\n# 第二篇\n\n丙段。\n\n记者 张三\n';
    return importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
  }

  it('merge: the second headline becomes a subhead, fields fill in, the input is untouched', async () => {
    const r = await twoArticles();
    const before = JSON.stringify(r);
    const [a, b] = r.articles;
    const m = mergeArticles(r, a.id, b.id);
    expect(JSON.stringify(r)).toBe(before);
    expect(m.articles).toHaveLength(1);
    expect(m.articles[0].byline).toBe('记者 张三');
    expect(m.articles[0].body.content.map((p) => [p.type, p.content?.[0]?.type === 'text' ? p.content[0].text : ''])).toEqual([
      ['paragraph', '甲段。'],
      ['paragraph', '乙段。'],
      ['heading', '第二篇'],
      ['paragraph', '丙段。'],
    ]);
  });

  it('split: the rest becomes a new article; a heading at the split becomes its headline', async () => {
    const r = await twoArticles();
    const m = mergeArticles(r, r.articles[0].id, r.articles[1].id);
    const s = splitArticle(m, m.articles[0].id, 2);
    expect(s.articles.map((x) => [x.headline, x.body.content.length, x.byline])).toEqual([
      ['第一篇', 2, ''],
      ['第二篇', 1, '记者 张三'],
    ]);
    expect(splitArticle(m, 'nope', 1)).toBe(m);
  });

  it('change role: a paragraph becomes the deck, the headline becomes a banner', async () => {
    const r = await twoArticles();
    const a = r.articles[0];
    const c1 = changeRole(r, { articleId: a.id, paragraph: 0 }, 'deck');
    expect(c1.articles[0].deck).toBe('甲段。');
    expect(c1.articles[0].body.content).toHaveLength(1);
    const c2 = changeRole(c1, { articleId: a.id, field: 'headline' }, 'banner');
    expect(c2.page.banners).toEqual(['第一篇']);
    expect(c2.articles[0].headline).toBe('');
    // swapping into a filled field gives the old text back
    const c3 = changeRole(c1, { articleId: a.id, field: 'deck' }, 'headline');
    expect([c3.articles[0].headline, c3.articles[0].deck]).toEqual(['甲段。', '第一篇']);
  });
});
