import { roleOf } from '../../../src-core/fonts/font-identity';
import { listInstalledFonts, type InstalledFace } from '../../fonts/installed';
import { parseCommandArgs } from '../command-table';

/** One listed face as `fonts --json` gives it (issue 20's shape, with the role, PostScript name and licence beside it). */
function entry(f: InstalledFace) {
  return { family: f.family, familyZh: f.familyZh ?? null, style: f.style, file: f.file, index: f.index, format: f.format, embeddable: f.embeddable, licence: f.licence, postscriptName: f.postscriptName, role: f.coverage.cjkIdeographs === 0 ? null : roleOf([f.family, f.familyZh ?? '', f.postscriptName]) };
}

/** `fonts [--json] [--dir FOLDER]`: the installed fonts (or one folder's), one line per face; unreadable files are named on stderr. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('fonts', args, false);
  if (!parsed) return 2;
  const dir = parsed.values.dir;
  const { faces, problems } = listInstalledFonts(typeof dir === 'string' ? [dir] : undefined);
  const fonts = faces.map(entry);
  if (parsed.values.json === true) console.log(JSON.stringify({ fonts, problems }, null, 2));
  else {
    for (const f of fonts) {
      const name = f.familyZh && f.familyZh !== f.family ? `${f.familyZh} ${f.family}` : f.family;
      console.log(`${name}  ${f.style}  ${f.format === 'cff' ? 'CFF' : 'TrueType'}  ${f.embeddable ? '可嵌入 embeddable' : `不可嵌入 not embeddable (${f.licence})`}  ${f.role ? `角色 role ${f.role}` : '无汉字 no Chinese'}  ${f.file}${f.index ? `#${f.index}` : ''}`);
    }
    console.log(`共 ${fonts.length} 个字样 faces`);
  }
  for (const p of problems) console.error(`${p.file}: ${p.zh} / ${p.en}`);
  return 0;
}
