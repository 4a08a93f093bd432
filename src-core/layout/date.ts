import { formatLunar, lunarDate } from './lunar';

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WEEKDAYS = '日一二三四五六';

/** 2024-01-16 → 2024年1月16日 (other strings are shown as typed). */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The calendar day an ISO date names, or undefined when it names none (2026-02-30, 明天). */
export function calendarDay(iso: string): { year: number; month: number; day: number; weekday: number } | undefined {
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day, weekday: d.getUTCDay() };
}

/** The header's date: 2026年12月3日 星期四, with 农历丙午年十月廿五 after it when asked (and in the table's years). */
export function headerDate(iso: string, lunar = false): string {
  const day = calendarDay(iso);
  if (!day) return iso.trim();
  const parts = [formatDate(iso), `星期${WEEKDAYS[day.weekday]}`];
  const ld = lunar ? lunarDate(day.year, day.month, day.day) : undefined;
  if (ld) parts.push(`农历${formatLunar(ld)}`);
  return parts.join(' ');
}
