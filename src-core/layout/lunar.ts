/**
 * Gregorian → Chinese lunar date (农历) for 1900-01-31 … 2100-12-31, from the usual table: one number
 * per lunar year. Bits 15…4: months 1…12, set when the month has 30 days (month 1 is bit 15); bits 3…0:
 * the leap month (0: none); bit 16: the leap month has 30 days. Lunar 1900 正月初一 = 1900-01-31.
 */
const YEAR_INFO = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900
  0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910
  0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920
  0x06566, 0x0d4a0, 0x0ea50, 0x06e95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930
  0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940
  0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960
  0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970
  0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980
  0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, // 1990
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06aa0, 0x1a6c4, 0x0aae0, // 2050
  0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a4d0, 0x0d150, 0x0f252, // 2090
  0x0d520, // 2100
];
const FIRST_YEAR = 1900;
const EPOCH = Date.UTC(1900, 0, 31);
const DAY_MS = 86_400_000;
const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const TENS = ['初', '十', '廿', '三'];
const UNITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** The months of one lunar year in order, as [month, leap, days]. */
function monthsOf(info: number): [number, boolean, number][] {
  const leapMonth = info & 0xf;
  const out: [number, boolean, number][] = [];
  for (let m = 1; m <= 12; m++) {
    out.push([m, false, info & (0x10000 >> m) ? 30 : 29]);
    if (m === leapMonth) out.push([m, true, info & 0x10000 ? 30 : 29]);
  }
  return out;
}

/** The lunar date of a Gregorian day, or undefined outside the table (before 1900-01-31, after 2100). */
export function lunarDate(year: number, month: number, day: number): LunarDate | undefined {
  if (year > 2100) return undefined;
  let offset = Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS);
  if (!(offset >= 0)) return undefined;
  for (let i = 0; i < YEAR_INFO.length; i++) {
    for (const [m, leap, days] of monthsOf(YEAR_INFO[i])) {
      if (offset < days) return { year: FIRST_YEAR + i, month: m, day: offset + 1, leap };
      offset -= days;
    }
  }
  return undefined;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 丙午年正月初一, 癸卯年闰二月十五 (the year by its stem and branch, 干支). */
export function formatLunar(d: LunarDate): string {
  const year = `${STEMS[(d.year - 4) % 10]}${BRANCHES[(d.year - 4) % 12]}年`;
  const day = d.day === 10 ? '初十' : d.day === 20 ? '二十' : d.day === 30 ? '三十' : `${TENS[Math.floor(d.day / 10)]}${UNITS[(d.day - 1) % 10]}`;
  return `${year}${d.leap ? '闰' : ''}${MONTHS[d.month - 1]}月${day}`;
}
