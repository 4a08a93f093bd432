/**
 * Reporters' Word manuscripts as a night's copy brings them (field test 30): titles set by hand over
 * Word's Heading 1, footnotes to the desk, a table of figures, a picture embedded and sent again as a
 * file. Each package is built here from its XML parts.
 */
import { describe, expect, it } from 'vitest';
import { withoutNotes } from '../../src-core/import/docx';
import { importFiles } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import { plainText } from '../../src-core/model/richtext';
import { docx, png } from './import-samples';

const enc = new TextEncoder();
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style></w:styles>`;
const p = (t: string): string => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const bold = (t: string): string => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>${t}</w:t></w:r></w:p>`;
const h1 = (t: string): string => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
const picture = `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3000000" cy="2000000"/><wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg1"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

/** A .docx of `body`, with styles, footnotes (each note's text, or the whole footnotes.xml) and one embedded PNG. */
function manuscript(body: string, footnotes: string[] | string = []): Uint8Array {
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdImg1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`;
  const notes = typeof footnotes === 'string' ? footnotes : `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${footnotes.map((t, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${t}</w:t></w:r></w:p></w:footnote>`).join('')}</w:footnotes>`;
  return docx(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`, [
    { name: 'word/_rels/document.xml.rels', data: enc.encode(rels) },
    { name: 'word/styles.xml', data: enc.encode(STYLES) },
    { name: 'word/footnotes.xml', data: enc.encode(notes) },
    { name: 'word/media/image1.png', data: png(64, 48) },
  ]);
}

const imp = (files: { name: string; bytes: Uint8Array }[]) => importFiles(files);

describe('Word manuscripts (field test 30)', () => {
  it('a paragraph set bold throughout in a story\'s text, a title\'s length, is its subhead (小标题), in Word and in Markdown; a bold sentence stays text (field test 32)', async () => {
    const subheads = (r: Awaited<ReturnType<typeof imp>>) => r.articles[0].body.content.filter((q) => q.type === 'heading').map((q) => (q.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    const body = [h1('天路通达　高原换新颜'), p('本报记者 龚仕建'), bold('人物小传'), p('王拥军，1962年生，主任医师。'), p('这是一条横亘世界屋脊的钢铁巨龙。'), bold('守护三江源，这是一条绿色生态走廊'), p('过昆仑山口，海拔就一直维持在4000米以上。'), bold('这一点，请大家务必记住。'), p('鹰隼盘旋，藏野驴、野牦牛成群出没。'), bold('如何选用奶类？'), p('健康人群首选纯牛奶。')].join('');
    const word = await imp([{ name: '02.docx', bytes: manuscript(body) }]);
    expect(word.articles).toHaveLength(1);
    // (a question too, field test 33; not a statement ending in its full stop)
    expect(subheads(word)).toEqual(['人物小传', '守护三江源，这是一条绿色生态走廊', '如何选用奶类？']);
    const md = await imp([{ name: '02.md', bytes: enc.encode(['# 天路通达　高原换新颜', '', '本报记者 龚仕建', '', '这是一条横亘世界屋脊的钢铁巨龙。', '', '**守护三江源，这是一条绿色生态走廊**', '', '过昆仑山口，海拔就一直维持在4000米以上。'].join('\n')) }]);
    expect(subheads(md)).toEqual(['守护三江源，这是一条绿色生态走廊']);
  });

  it('bold lines that are no subheads stay text: a quotation\'s signature, a speaker\'s name over the answer, a caption under its picture, a sign-off and a date closing the story (review of field test 32)', async () => {
    const headings = (r: Awaited<ReturnType<typeof imp>>) => r.articles.flatMap((a) => a.body.content.filter((q) => q.type === 'heading'));
    const signed = [h1('小哥心里话'), p('本报记者 杨彦'), p('“这个城市记住了我们的付出，我觉得很温暖。”'), bold('——浙江杭州顺丰小哥肖晨'), p('“每天跑两百多单，累是累，但心里踏实。”')].join('');
    const qa = [h1('对话非遗传承人'), p('本报记者 王明'), bold('王芳'), p('小时候跟着奶奶学，慢慢就喜欢上了。')].join('');
    const caption = [h1('春日赏花正当时'), p('本报记者 王明'), p('近日，市植物园樱花盛开。'), picture, bold('市民在植物园樱花林中拍照留念'), p('据介绍，今年植物园新增樱花品种12个。')].join('');
    const letter = [h1('致全市广大市民的一封信'), p('亲爱的市民朋友们：'), p('让我们携起手来，共建美好家园。'), bold('江城市文明办'), bold('2026年5月1日')].join('');
    for (const body of [signed, qa, caption, letter]) expect(headings(await imp([{ name: '01.docx', bytes: manuscript(body) }]))).toEqual([]);
  });

  it('a 引题 set bold by hand over the Heading 1 is the kicker, and a 【栏目】 over them the 栏头; the story is one', async () => {
    const body = [bold('各地探索建设基层卫生健康综合试验区'), h1('让百姓在家门口能看好病'), p('——我国已遴选建设12个国家基层卫生健康综合试验区'), p('本报记者 尚嵘峥'), p('新源县那拉提镇阿尔善村，三面环山，地理位置偏僻。'), p('村民的孩子发烧了，她抱着孩子来到村卫生室。')].join('');
    const r = await imp([{ name: '01.docx', bytes: manuscript(body) }]);
    expect(r.articles.map((a) => [a.kicker, a.headline, a.deck, a.byline])).toEqual([['各地探索建设基层卫生健康综合试验区', '让百姓在家门口能看好病', '——我国已遴选建设12个国家基层卫生健康综合试验区', '本报记者 尚嵘峥']]);
    const column = await imp([{ name: '03.docx', bytes: manuscript([bold('【追梦路上】'), p('广西乐业县百坭村党支部书记周昌战——'), h1('接力奔跑，带着乡亲们过上更好的日子'), p('中午时分，乐业县百坭村的农庄里，黄静莹正忙着招呼客人。')].join('')) }]);
    expect(column.articles.map((a) => [a.kicker, a.headline])).toEqual([['广西乐业县百坭村党支部书记周昌战——', '接力奔跑，带着乡亲们过上更好的日子']]);
    expect(column.columnLinks.map((l) => l.columnName)).toEqual(['追梦路上']);
  });

  it('a footnote is a note to the desk: neither its mark nor its text is printed, and the report names it', async () => {
    const ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>';
    const body = [h1('接力奔跑'), `<w:p><w:r><w:t>如今全村油茶扩种约3000亩。</w:t></w:r>${ref}</w:p>`, p('同时，近些年村里柑橘树日渐老化。')].join('');
    const r = await imp([{ name: '03.docx', bytes: manuscript(body, ['夜班请核：产值数字已与村委会电话核对。']) }]);
    const text = plainText(r.articles[0].body);
    expect(text).toBe('如今全村油茶扩种约3000亩。\n同时，近些年村里柑橘树日渐老化。');
    expect((r.report as ImportReport).removed.map((x) => x.text)).toContain('夜班请核：产值数字已与村委会电话核对。');
  });

  it('a table of figures in the text: a paragraph a row, its cells set apart by a full-width space', async () => {
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl>${[['萨维（伦敦马拉松）', '1小时59分30秒'], ['“闪电”机器人', '50分26秒']].map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
    const r = await imp([{ name: '05.docx', bytes: manuscript([h1('赛道上最动人的徽章'), p('近期，两场比赛刷新了纪录。'), table, p('一则是血肉之躯跨越生理极限。')].join('')) }]);
    expect(plainText(r.articles[0].body).split('\n')).toEqual(['近期，两场比赛刷新了纪录。', '萨维（伦敦马拉松）\u30001小时59分30秒', '“闪电”机器人\u300050分26秒', '一则是血肉之躯跨越生理极限。']);
  });

  it('a picture file sent with a manuscript that embeds the same picture (same caption) takes the embedded one’s place: one picture, printed once', async () => {
    const caption = '图为中药自动化煎配中心，工作人员正在配药。　邵祺摄';
    const body = [h1('让百姓在家门口能看好病'), p('基层医疗卫生机构是守护群众健康的第一道防线。'), picture, p(caption), p('海盐县卫生健康局局长说。')].join('');
    const r = await imp([
      { name: '01.docx', bytes: manuscript(body) },
      { name: '01.png', bytes: png(1200, 800) },
      { name: '01.caption.txt', bytes: enc.encode('图为中药自动化煎配中心，工作人员正在配药。 邵祺 摄') },
    ]);
    expect(r.images.map((i) => i.name)).toEqual(['01.png']);
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: r.articles[0].id, caption: expect.stringContaining('配药') }]);
  });
});

describe('Word and Markdown manuscripts left alone where they must be (field test 30 review)', () => {
  const md = (text: string) => imp([{ name: 'a.md', bytes: enc.encode(text) }]);
  const cell = (...paras: string[]) => `<w:tc>${paras.join('')}</w:tc>`;
  const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;

  it('a story with no headline keeps its ## subheads (only a Heading 1 opens a story there)', async () => {
    const r = await md('本报记者 张三\n\n今年以来，城南街道推进老旧小区改造。\n\n## 一、背景\n\n改造涉及12个小区。\n\n## 二、做法\n\n街道成立了专班。\n');
    expect(r.articles).toHaveLength(1);
  });

  it('a plain sentence after a story\'s closing byline stays text, not the next story\'s kicker', async () => {
    const r = await md('# 城南街道推进老旧小区改造\n\n本报讯 今年以来，城南街道推进改造。\n\n（本报记者 张三）\n\n欢迎读者来信反映身边的变化\n\n# 城北新区开通公交专线\n\n本报讯 近日，城北新区开通专线。\n');
    expect(r.articles.every((a) => a.kicker === '')).toBe(true);
    expect(r.articles.map((a) => plainText(a.body)).join('\n')).toContain('欢迎读者来信反映身边的变化');
  });

  it('tables that are no table of figures are read a paragraph at a time: a picture and its caption in a cell, a box of paragraphs, a manuscript slip over the Heading 1', async () => {
    const caption = '图为中药自动化煎配中心，工作人员正在配药。　邵祺摄';
    const pictured = await imp([{ name: '01.docx', bytes: manuscript([h1('让百姓在家门口能看好病'), p('基层医疗卫生机构是第一道防线。'), table([[cell(picture, p(caption))]])].join('')) }]);
    expect(pictured.images).toHaveLength(1);
    expect(pictured.imageLinks[0].caption).toContain('配药');
    const box = await imp([{ name: '02.docx', bytes: manuscript([h1('城南街道推进老旧小区改造'), p('本报讯 今年以来，城南街道推进改造。'), table([[cell(p('相关链接'), p('试验区于2023年启动。'), p('首批遴选12个。'))], [cell(p('2023'), p('2024')), cell(p('12'))]])].join('')) }]);
    const text = plainText(box.articles[0].body);
    expect(text).toContain('试验区于2023年启动。\n首批遴选12个。');
    expect(text).not.toContain('20232024');
    const slip = await imp([{ name: '03.docx', bytes: manuscript([table([[cell(p('作者')), cell(p('张三'))], [cell(p('部门')), cell(p('经济部'))]]), h1('城南街道推进老旧小区改造'), p('今年以来，城南街道推进改造。')].join('')) }]);
    expect(slip.page.banners).toEqual([]);
    expect(slip.articles.find((a) => a.headline === '城南街道推进老旧小区改造')?.kicker).toBe('');
  });

  it('a footnote holding a list is taken out whole', () => {
    const html = '<p>全村油茶扩种约3000亩。<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p>核对如下：</p><ul><li>数字已核</li><li>人名已核 <a href="#footnote-ref-1">↑</a></li></ul></li></ol>';
    expect(withoutNotes(html)).toEqual({ html: '<p>全村油茶扩种约3000亩。</p>', notes: ['核对如下： 数字已核 人名已核'] });
  });
});
