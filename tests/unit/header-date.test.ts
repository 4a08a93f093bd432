import { describe, expect, it } from 'vitest';
import { calendarDay, headerDate } from '../../src-core/layout/date';
import { formatLunar, lunarDate } from '../../src-core/layout/lunar';
import { emptyDocument } from '../../src-core/model/defaults';
import { validateDocument } from '../../src-core/model/validate';
import { docFromParagraphs } from '../../src-core/model/richtext';

const lunar = (y: number, m: number, d: number): string | undefined => {
  const l = lunarDate(y, m, d);
  return l && formatLunar(l);
};

describe('the header date: weekday and 农历', () => {
  it('prints the weekday after the date', () => {
    expect(headerDate('2026-12-03')).toBe('2026年12月3日 星期四');
    expect(headerDate('2024-01-14')).toBe('2024年1月14日 星期日');
    expect(headerDate('2026-02-30')).toBe('2026-02-30'); // names no day: shown as typed
    expect(calendarDay('明天')).toBeUndefined();
  });

  it('converts known days to the lunar calendar (春节, 闰月, 除夕, the table ends)', () => {
    // Known days, from published calendars, not from the converter
    expect(lunar(2026, 2, 17)).toBe('丙午年正月初一');
    expect(lunar(2026, 2, 16)).toBe('乙巳年腊月廿九'); // 除夕 2026: 腊月 has 29 days
    expect(lunar(2025, 1, 29)).toBe('乙巳年正月初一');
    expect(lunar(2024, 2, 10)).toBe('甲辰年正月初一');
    expect(lunar(2023, 3, 22)).toBe('癸卯年闰二月初一');
    expect(lunar(2020, 5, 23)).toBe('庚子年闰四月初一');
    expect(lunar(2026, 9, 25)).toBe('丙午年八月十五'); // 中秋 2026
    expect(lunar(2000, 2, 5)).toBe('庚辰年正月初一');
    expect(lunar(1900, 1, 31)).toBe('庚子年正月初一');
    expect(lunar(1900, 1, 30)).toBeUndefined();
    expect(lunar(2101, 1, 1)).toBeUndefined();
    expect(headerDate('2026-02-17', true)).toBe('2026年2月17日 星期二 农历丙午年正月初一');
  });
});

describe('model: the column name and the date line are validated', () => {
  const article = { id: 'a', kicker: '', headline: '题', deck: '', byline: '', bylinePosition: 'end' as const, lead: '', body: docFromParagraphs(['正文']), jumpFrom: '', jumpTo: '' };
  it('accepts a column name and a date line, refuses wrong types naming the field', () => {
    const doc = emptyDocument();
    expect(validateDocument({ ...doc, articles: [{ ...article, column: '一把手访谈' }], page: { ...doc.page, header: { ...doc.page.header, dateLine: 'weekday-lunar' } } }).ok).toBe(true);
    const bad = validateDocument({ ...doc, articles: [{ ...article, column: 7 }], page: { ...doc.page, header: { ...doc.page.header, dateLine: 'moon' } } });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.issues.map((i) => i.path);
    expect(paths).toContain('articles[0].column');
    expect(paths).toContain('page.header.dateLine');
  });
});
