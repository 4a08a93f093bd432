import type { FontFace } from '../fonts/registry';
import { parseCff } from './cff';
import { embeddingLicence, mayEmbedSubset, readTrueType, type TrueTypeInfo } from './truetype';

/** Why the PDF writer cannot embed a face; preflight reports the same problems before export. */
export interface FontProblem {
  code: 'font-unsupported' | 'font-not-embeddable';
  zh: string;
  en: string;
}

/**
 * Whether the PDF writer can embed a subset of this face: it must be readable, have TrueType (glyf)
 * or CFF outlines (not CFF2, the variable format) and licence bits that allow a subset. The one rule both the writer (which refuses) and
 * preflight (which warns before export) apply. `info` is absent when the font cannot be read.
 */
export function fontEmbedding(face: FontFace): { info?: TrueTypeInfo; problems: FontProblem[] } {
  let info: TrueTypeInfo;
  try {
    info = readTrueType(face.bytes);
  } catch (e) {
    const msg = (e as Error).message;
    return { problems: [{ code: 'font-unsupported', zh: `字体 ${face.postscriptName} 无法读取：${msg}`, en: `Font ${face.postscriptName} cannot be read: ${msg}` }] };
  }
  const problems: FontProblem[] = [];
  if (info.outlines !== 'glyf' && info.outlines !== 'CFF ') {
    const what = info.outlines === 'CFF2' ? { zh: '可变 CFF2 轮廓', en: 'variable CFF2 outlines' } : { zh: '无 TrueType 或 CFF 轮廓', en: 'neither TrueType nor CFF outlines' };
    problems.push({
      code: 'font-unsupported',
      zh: `字体 ${face.postscriptName} 是${what.zh}，无法嵌入 PDF，请换用 TrueType 或 CFF（OpenType）字体`,
      en: `Font ${face.postscriptName} has ${what.en} and cannot be embedded in the PDF; use a TrueType or CFF (OpenType) font`,
    });
  }
  const cff = info.tables.get('CFF ');
  if (info.outlines === 'CFF ' && cff) {
    try {
      // The CFF's structure (INDEXes, DICTs, font DICTs): what the subsetter relies on, read now so preflight says it.
      parseCff(face.bytes.subarray(cff.offset, cff.offset + cff.length));
    } catch (e) {
      const msg = (e as Error).message;
      problems.push({ code: 'font-unsupported', zh: `字体 ${face.postscriptName} 的 CFF 轮廓数据损坏，无法嵌入：${msg}`, en: `Font ${face.postscriptName} has damaged CFF outline data and cannot be embedded: ${msg}` });
    }
  }
  if (!mayEmbedSubset(info.fsType)) {
    const fsType = `0x${info.fsType.toString(16).padStart(4, '0')}`;
    const licence = embeddingLicence(info.fsType);
    problems.push({
      code: 'font-not-embeddable',
      zh: `字体 ${face.postscriptName} 的授权位不允许嵌入子集（fsType ${fsType}，${licence}），请换用可嵌入的字体`,
      en: `The licence bits of font ${face.postscriptName} forbid embedding a subset (fsType ${fsType}, ${licence}); use an embeddable font`,
    });
  }
  return { info, problems };
}
