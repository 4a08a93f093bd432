/**
 * Plain-text copy-desk files with no labels (no 主题：): the title lines, a byline of bare names under
 * them, and the body (field test 16). The fixtures in tests/fixtures/import/copydesk/plain/ are the
 * field test's files as they came; every expected value below is read off them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import { bylineNames } from '../../src-core/import/names';
import { plainText } from '../../src-core/model/richtext';

const dir = resolve(fileURLToPath(new URL('../fixtures/import/copydesk/plain', import.meta.url)));
const load = (name: string) => importFiles([{ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }]);
const text = (name: string, body: string) => importFiles([{ name, bytes: new TextEncoder().encode(body) }]);
const titles = (a: { kicker: string; headline: string; deck: string; byline: string; bylinePosition: string }) => ({ kicker: a.kicker, headline: a.headline, deck: a.deck, byline: a.byline, bylinePosition: a.bylinePosition });
const BODY = '为增强学生安全意识，提高自救互救能力，24日上午，丰泽区多部门联合开展防溺水安全教育主题活动。\n在游泳馆，教练结合真实案例，向学生们讲解溺水高发场景和避险要点。\n';

describe('a line of bare names under the title lines is the byline', () => {
  it('one name under the headline (陈向阳 was the headline, the headline its kicker)', async () => {
    const r = await load('plain_title_byline.txt');
    expect(r.articles).toHaveLength(1);
    expect(titles(r.articles[0])).toEqual({ kicker: '', headline: '开展安全教育 预防暑期溺水', deck: '', byline: '陈向阳', bylinePosition: 'top' });
    expect(plainText(r.articles[0].body).startsWith('为增强学生安全意识')).toBe(true);
  });

  it('three names under a headline and its deck, in a file with a BOM (the headline was a page-wide banner, the names the headline)', async () => {
    const r = await load('bom_title_fu_byline.txt');
    expect(r.page.banners).toEqual([]);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0];
    expect([a.byline, a.bylinePosition]).toEqual(['张桂芹 吴亚平 杨旭', 'top']);
    // both title lines stay the article's; whether the second is its 主题 or its 副题 the lines alone do not tell
    expect([a.kicker, a.headline, a.deck].filter(Boolean)).toEqual(['温室果蔬赶春节上市', '大杖子镇600余座蔬菜大棚鼓起种植户“钱袋子”']);
    expect((r.report as ImportReport).files[0].wholePage).toBeFalsy();
  });

  it('names set apart by 、 or ，, and one two-character name spaced out as typesetters pad it', async () => {
    for (const [names, byline] of [['张建设、周乔也', '张建设、周乔也'], ['张建设，周乔也', '张建设，周乔也'], ['周乔也', '周乔也'], ['李\u3000红', '李红']]) {
      const r = await text('t.txt', `开展安全教育 预防暑期溺水\n${names}\n\n${BODY}`);
      expect([r.articles.length, r.articles[0].headline, r.articles[0].byline]).toEqual([1, '开展安全教育 预防暑期溺水', byline]);
    }
  });

  it('a short headline under its kicker stays the headline: no common surname, a place, a word, a name no shorter than the line above', async () => {
    for (const [kicker, headline] of [['新春走基层', '春耕忙'], ['喜迎二十大 奋进新征程', '新春走基层'], ['城市更新看变化', '黄石市'], ['二月二', '龙抬头'], ['暑期生活丰富多彩', '夏令营'], ['南关街道：', '张建设'], ['春耕', '陈向阳']]) {
      const r = await text('t.txt', `${kicker}\n${headline}\n\n${BODY}`);
      expect([r.articles.length, r.articles[0].byline, r.articles[0].headline]).toEqual([1, '', headline]);
    }
  });

  it('bylineNames: every name has a common surname; one name alone must be three characters (or two spaced out)', () => {
    const lines: [string, boolean][] = [['张桂芹 吴亚平 杨旭', true], ['欧阳晓明 李红', true], ['陈向阳', true], ['李红', false], ['春耕忙', false], ['常州 江阴', false], ['张三 李四 王五 赵六 孙七', false], ['黄金周', false]];
    for (const [line, names] of lines) expect(bylineNames(line), line).toBe(names);
  });

  it('a page\'s story under its 栏目, 引题 and 主题, two writers under them, one of two characters padded apart: the names are the byline, not the headline (field test 55 P2)', async () => {
    const page = [
      '的业绩推动高质量发展取得新突破，为全面推进中国式',
      '现代化奠定更为坚实的基础。',
      '',
      '有的放矢',
      '为构建新发展格局提供坚实支撑',
      '纵深推进全国统一大市场建设',
      '程志强  蒋  承',
      '',
      '构建新发展格局是应对世界百年变局的战略举措，也是',
      '顺应国内发展阶段变化、把握发展主动权的先手棋。习',
      '近平总书记指出：“建设全国统一大市场，不仅是构建',
      '新发展格局、推动高质量发展的需要。”',
      '',
    ].join('\n');
    const r = await text('page.txt', page);
    const a = r.articles.find((x) => x.byline.includes('程志强'))!;
    expect(a).toBeDefined();
    expect([a.kicker, a.headline, a.byline]).toEqual(['为构建新发展格局提供坚实支撑', '纵深推进全国统一大市场建设', '程志强 蒋承']);
  });

  it('after a blank line, a 栏目, 引题 and 主题 over a byline and a short label over the text open the next story on a page with no indent (field test 55 P3: they were the story above\'s last lines, the byline its second writer, the label a headline)', async () => {
    const page = [
      '从发现一株奇特的稻苗，到建立',
      '一个庞大的基因宝库，钱前用几',
      '十年的坚守诠释了他的科研梦想。',
      '',
      '工匠绝活·全国文物大工匠',
      '大足石刻研究院研究馆员陈卉丽扎根文物修复一线',
      '石刻医生的“医石”四笔',
      '本报记者  姜  峰',
      '绝活看点',
      '陈卉丽，大足石刻研究院研究馆',
      '员，带领团队承担世界文化遗产',
      '大足石刻5万余尊造像保护修复',
      '工作，被评为2025年度“全',
      '国文物大工匠”。',
      '',
    ].join('\n');
    const r = await text('page.txt', page);
    const a = r.articles.find((x) => x.headline === '石刻医生的“医石”四笔')!;
    expect(a, r.articles.map((x) => x.headline).join(' | ')).toBeDefined();
    expect([a.kicker, a.byline]).toEqual(['大足石刻研究院研究馆员陈卉丽扎根文物修复一线', '本报记者 姜峰']);
    expect(plainText(a.body).split('\n')[0]).toBe('绝活看点');
    expect(r.articles.every((x) => !plainText(x.body).includes('石刻医生'))).toBe(true);
  });

  it('a short line after a blank line under a story\'s closing slogan and end byline is the next story\'s, not a label opening a story at the slogan (review of field test 55)', async () => {
    const page = [
      '青年说',
      '让青春在基层绽放',
      '',
      '大学毕业后，她放弃了城里的工作机会，回到家乡当了',
      '一名村干部。五年来，她带领村民发展特色种植，村集',
      '体收入翻了一番。',
      '',
      '谈起未来，她说想把家乡建设得更美。她写在笔记本扉',
      '页上的一句话，也是她的座右铭。',
      '',
      '青春无悔扎根基层',
      '本报记者  王  者',
      '',
      '简讯',
      '',
      '本报北京4月21日电  记者从有关部门获悉，全国',
      '春季农业生产总体顺利，春播粮食进度快于去年同期。',
      '',
    ].join('\n');
    const r = await text('page.txt', page);
    expect(r.articles.some((a) => a.headline === '青春无悔扎根基层'), r.articles.map((a) => `${a.headline}/${a.byline}`).join(' | ')).toBe(false);
  });

  it('bylineNames: a two-character name padded apart in a list of names is one name (程志强  蒋  承, field test 55 P2: it was read as the headline)', () => {
    // (only beside a name of more characters: four alone may be a title spaced out, review of field test 55; a third
    // character alone is no name)
    const lines: [string, boolean][] = [['程志强  蒋  承', true], ['蒋  承　刘冬梅', true], ['高  原  高  峰', false], ['王  者  李  明', false], ['程志强  蒋  承  李', false], ['春  天  来  了', false]];
    for (const [line, names] of lines) expect(bylineNames(line), line).toBe(names);
  });
});

describe('four title lines over the body', () => {
  it('引题, 主题, a long 副题 with a comma and the byline are one article\'s (it split in two, the second with no headline)', async () => {
    const r = await load('plain_4line_head.txt');
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0];
    expect(titles(a)).toEqual({
      kicker: '破解老年人“吃饭难”',
      headline: '家门口的“幸福食堂”香飘社区',
      deck: '多地社区食堂探访：价格实惠菜品丰富，行动不便的老人还能送餐上门',
      byline: '本报记者 徐文静 综合报道',
      bylinePosition: 'top',
    });
    expect(a.body.content).toHaveLength(29);
    expect(plainText(a.body).startsWith('午间，阵阵饭菜香从城南街道梅林社区的邻里食堂飘出')).toBe(true);
  });

  it('a headline that asks a question, over a byline, is the headline, not a first paragraph that the byline ends (field test 16: 驻村第一书记…？)', async () => {
    const r = await text('t.txt', `百村调研行\n驻村第一书记如何与由桥村相互成就？\n记者 应丽斋 谭心仪\n\n${BODY}`);
    expect(r.articles).toHaveLength(1);
    expect([r.articles[0].headline, r.articles[0].byline, r.articles[0].bylinePosition]).toEqual(['驻村第一书记如何与由桥村相互成就？', '记者 应丽斋 谭心仪', 'top']);
    expect(r.columnLinks.map((l) => l.columnName)).toEqual(['百村调研行']);
  });

  it('a line that ends a sentence is no title over a byline: a one-paragraph story\'s byline at its end stays there', async () => {
    const r = await text('t.txt', `丰泽区开展防溺水教育\n24日上午，丰泽区多部门联合开展防溺水安全教育。\n记者 应丽斋\n\n${BODY}`);
    expect(r.articles[0].headline).toBe('丰泽区开展防溺水教育');
    expect(plainText(r.articles[0].body)).toBe('24日上午，丰泽区多部门联合开展防溺水安全教育。');
  });
});
