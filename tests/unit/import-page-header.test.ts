import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src-core/import/index';
import { pageHeaderAtTop } from '../../src-core/import/page-header';

/** The page header an OCR'd page starts with (报名, date, 版次, 版名), as papers print it. */
describe('the page header at the top of an OCR page', () => {
  const top = (text: string) => pageHeaderAtTop(text.split('\n'));

  it('reads the paper, the date, the page number and the page name in their many forms', () => {
    expect(top('青岛日报\n2003年7月15日 星期二\n第5版 经济新闻\n\n上半年我市工业经济运行稳中有进')?.header).toEqual({ paperName: '青岛日报', date: '2003-07-15', pageNumber: '5', section: '经济新闻' });
    // the page line first, the paper's name on the next line with the date (field test 21)
    expect(top('第5版 社会\n东城日报 2026年10月8日 星期四\n\n社区志愿者老张又干了件“小事”')).toMatchObject({ header: { paperName: '东城日报', date: '2026-10-08', pageNumber: '5', section: '社会' }, lines: [0, 1] });
    expect(top('清源报\nA2:综合·新闻  总第3307期\n2018年9月14日 星期五\n')?.header).toEqual({ paperName: '清源报', pageNumber: 'A2', section: '综合·新闻', date: '2018-09-14' });
    expect(top('拂晓报\nFUXIAO DAILY\n2023年1月31日 星期二 农历癸卯年正月初十\n03 要闻\n')?.header).toEqual({ paperName: '拂晓报', date: '2023-01-31', dateLine: 'weekday-lunar', pageNumber: '03', section: '要闻' });
    expect(top('新聞時報\n二〇一五年七月二十六日 星期日\nA10 地方新聞\n')?.header).toEqual({ paperName: '新聞時報', date: '2015-07-26', pageNumber: 'A10', section: '地方新聞' });
    // credits on the date line go to the header's credits
    expect(top('海峡都市报\nA16 民情一线通\n2012年6月26日 星期二 责任编辑 林立\n')).toMatchObject({ header: { date: '2012-06-26', pageNumber: 'A16' }, credits: { editor: '林立' }, lines: [0, 1, 2] });
  });

  it('takes nothing from a page that starts with a story: a paper name alone, a dated first sentence, a headline', () => {
    expect(top('洛阳日报\n真抓实干谋发展 奋勇争先谱新篇\n')).toBeUndefined();
    expect(top('2026年12月3日，市委召开常委会议，研究部署近期工作。')).toBeUndefined();
    expect(top('校对:王岚 组版:晓南\n\n不断巩固和增强经济回升向好态势')).toBeUndefined();
    // a headline that starts with a number is no page line (field test 14: it was taken as page 89, 版名 岁老人…, and lost)
    expect(top('89岁老人坐上了电梯\n\n本报讯（记者 吕梦琦）89岁的李锋生活在一栋6层居民楼里。')).toBeUndefined();
    expect(top('35个城建项目集中开竣工\n')).toBeUndefined();
    expect(top('A5版面焕新\n')).toBeUndefined();
  });

  it('reads 第A05版 as page A5 and its name, with or without a separator', () => {
    expect(top('第A05版 社会新闻\n\n本报讯 昨日……')?.header).toEqual({ pageNumber: 'A5', section: '社会新闻' });
    expect(top('第12版：文体\n')?.header).toEqual({ pageNumber: '12', section: '文体' });
    expect(top('05\n')?.header).toEqual({ pageNumber: '05' });
  });

  it('reads a masthead set on one line, its parts wide apart (field test 15: it became the first story\'s 引题)', () => {
    expect(top('江城日报  2026年6月18日 星期四  第5版 城乡\n\n果大肉厚游客多')).toMatchObject({ header: { paperName: '江城日报', date: '2026-06-18', pageNumber: '5', section: '城乡' }, lines: [0] });
    expect(top('滨江晚报\t2025年5月9日 星期五\tA7 社会')?.header).toEqual({ paperName: '滨江晚报', date: '2025-05-09', pageNumber: 'A7', section: '社会' });
    // single spaces and an ISO date, as field test 15's second page had it (printed as a 通栏 banner)
    expect(top('滨江晚报 2026-06-19 第A07版 社会新闻\n\n六安“春风行动”启动')?.header).toEqual({ paperName: '滨江晚报', date: '2026-06-19', pageNumber: 'A7', section: '社会新闻' });
    expect(top('2026-06-19 发布会召开\n')).toBeUndefined();
    // the page's name set first on the line that gives the page (field test 26); not on a line with no page number
    expect(top('社会新闻  2026年3月2日 星期一  第7版\n\n“游客多，每晚都要及时补雪”')?.header).toEqual({ date: '2026-03-02', pageNumber: '7', section: '社会新闻' });
    expect(top('发布会召开  2026年3月2日 星期一\n')).toBeUndefined();
    // a line whose parts are not all header parts is no masthead: a story's kicker and headline set apart
    expect(top('江城日报  走进乡村振兴第一线\n')).toBeUndefined();
  });

  it('reads letterspaced names inside a masthead line: 版名 and paper\'s name closed up, a wider gap or the paper\'s four characters parting them', () => {
    expect(top('18 产 经　　人 民 日 报　　2026年5月6日 星期三\n\n产经视野')?.header).toEqual({ pageNumber: '18', section: '产经', paperName: '人民日报', date: '2026-05-06' });
    expect(top('18 产 经 人 民 日 报 2026年5月6日 星期三\n')?.header).toEqual({ pageNumber: '18', section: '产经', paperName: '人民日报', date: '2026-05-06' });
    expect(top('人 民 日 报 2026年5月6日 星期三\n第 18 版  国 际 新 闻\n')?.header).toEqual({ paperName: '人民日报', date: '2026-05-06', pageNumber: '18', section: '国际新闻' });
    // the 版名 right before the page's number at the line's end (field test 45: the line was the page's banner)
    expect(top('人民日报    2025年11月4日 星期二       评 论       5\n\n评论员观察')?.header).toEqual({ paperName: '人民日报', date: '2025-11-04', section: '评论', pageNumber: '5' });
    expect(top('人民日报 2025年11月4日 星期二 评论 第5版\n')?.header).toEqual({ paperName: '人民日报', date: '2025-11-04', section: '评论', pageNumber: '5' });
    // (a weather line or a countdown before a number is no 版名: review)
    expect(top('江城晚报  2026年1月15日 星期四  多云转晴  5\n')).toBeUndefined();
    expect(top('江城日报  2026年5月8日 星期五  距中考还有  40\n')).toBeUndefined();
    // with no date line, a letterspaced line at the top is a headline, not a page line
    expect(top('18 产 经\n\n因地制宜发展特色产业')).toBeUndefined();
    expect(top('30 年 坚 守 一 片 林\n本报记者 张 云')).toBeUndefined();
  });

  it('an imported page keeps its header out of the stories: no story named after the paper', async () => {
    const text = '青岛日报\n2003年7月15日 星期二\n第5版 经济新闻\n\n上半年我市工业经济运行稳中有进\n\n本报讯 今年上半年，全市规模以上工业增加值同比增长百分之十二。\n';
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.page.header).toEqual({ paperName: '青岛日报', date: '2003-07-15', pageNumber: '5', section: '经济新闻' });
    expect(r.articles.map((a) => a.headline)).toEqual(['上半年我市工业经济运行稳中有进']);
  });

  it('a story file whose headline starts with a number keeps its headline', async () => {
    const text = '89岁老人坐上了电梯\n\n本报讯（记者 吕梦琦 解园）89岁的李锋生活在一栋6层居民楼里。随着年龄增大，住在3楼的她平时最发愁上下楼。\n';
    const r = await importFiles([{ name: '01.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.page.header ?? {}).toEqual({});
    expect(r.articles.map((a) => a.headline)).toEqual(['89岁老人坐上了电梯']);
  });
});
