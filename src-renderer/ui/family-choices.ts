import type { FontRegistry } from '../../src-core/fonts/registry';
import type { PageFont } from '../../src-core/model/page-fonts';
import { FAMILY_LABELS } from '../../src-core/model/styles';

export interface FamilyChoice {
  family: string;
  /** The option's text: the family's newsroom name (an installed font's Chinese name when it has one). */
  text: string;
  /** Its English name, as the option's tooltip. */
  title: string;
  /** 'bundled' roles first, then 'installed' fonts; 'latin': installed ones with no Chinese characters, listed apart after them; 'missing': the style's family, which no font here has. */
  group: 'bundled' | 'installed' | 'latin' | 'missing';
  /** The face the sample is drawn in (the family's regular): fetch and declare it (LoadedFonts) before showing the sample. */
  sampleFace?: string;
}

/** What the picker's sample shows, in the face itself: the name and a few characters of body text. */
export const FAMILY_SAMPLE = '永字八法 报版样张 2026';

/**
 * The face picker's options: the bundled roles, then the installed families by their Chinese names
 * (each with the face its sample is drawn in, fetched only when shown), then the style's own family
 * when no font has it, marked missing (by the name the page recorded for it, `recorded`: page.fonts).
 */
export function familyChoices(fonts: FontRegistry, current: string, recorded: readonly PageFont[] = []): FamilyChoice[] {
  const present = fonts.families().map(({ family, label }): FamilyChoice => {
    const group = !fonts.isOnDemandFamily(family) ? 'bundled' : label.noChinese ? 'latin' : 'installed';
    const text = label.noChinese ? `${label.zh}（无汉字 no Chinese）` : label.zh;
    return { family, text, title: label.noChinese ? `${label.en} (no Chinese characters)` : label.en, group, sampleFace: fonts.faceIdOf(family, false) };
  });
  const ordered = (['bundled', 'installed', 'latin'] as const).flatMap((g) => present.filter((c) => c.group === g));
  if (fonts.hasFamily(current)) return ordered;
  const record = recorded.find((f) => f.family === current);
  const name = record?.name.zh ?? FAMILY_LABELS[current] ?? current;
  return [...ordered, { family: current, text: `${name}（缺字体 missing）`, title: `${record?.name.en ?? current} (no font installed)`, group: 'missing' }];
}
