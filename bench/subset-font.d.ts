/** subset-font ships no types; the one call the font bench makes (harfbuzz's subsetter for comparison). */
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; noLayoutClosure?: boolean },
  ): Promise<Uint8Array>;
}
