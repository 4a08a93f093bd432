/** Internal unit is the PDF point (1/72 in); mm and 字号 are converted at the edges. */
export const PT_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

export function ptToMm(pt: number): number {
  return pt / PT_PER_MM;
}

/** Chinese type sizes (字号) in points, largest first. */
export const ZIHAO_PT: ReadonlyArray<readonly [name: string, pt: number]> = [
  ['初号', 42], ['小初', 36], ['一号', 26], ['小一', 24], ['二号', 22], ['小二', 18],
  ['三号', 16], ['小三', 15], ['四号', 14], ['小四', 12], ['五号', 10.5], ['小五', 9],
  ['六号', 7.5], ['小六', 6.5], ['七号', 5.5], ['八号', 5],
];

const ZIHAO_BY_NAME = new Map(ZIHAO_PT);

export function zihaoToPt(name: string): number | undefined {
  return ZIHAO_BY_NAME.get(name.trim());
}

/** The 字号 whose size equals `pt` (to 0.01 pt), or undefined for sizes between names. */
export function ptToZihao(pt: number): string | undefined {
  for (const [name, size] of ZIHAO_PT) if (Math.abs(size - pt) < 0.01) return name;
  return undefined;
}

/** Parses "9pt", "小五", "3.5mm" or a bare number (pt) into points. */
export function parseSize(input: string): number | undefined {
  const s = input.trim();
  const named = zihaoToPt(s);
  if (named !== undefined) return named;
  const m = /^(-?\d+(?:\.\d+)?)\s*(pt|mm|磅|毫米)?$/i.exec(s);
  if (!m) return undefined;
  const value = Number(m[1]);
  return m[2] === 'mm' || m[2] === '毫米' ? mmToPt(value) : value;
}
