import { CUTTABLE_ATTR, FACE_MARK, PARAGRAPH_STYLE_ATTR, PARAGRAPH_STYLES } from './richtext';

/**
 * The shape an article body may have (the JSON of `richtext.ts`), checked before anything lays it
 * out or stores it: a body from a file, a collaboration peer or the clipboard is untrusted. The node
 * and mark names are the story schema's (src-core/story/schema.ts; a unit test keeps the two equal).
 */
export const BODY_BLOCK_NODES = ['paragraph', 'heading'] as const;
export const BODY_INLINE_NODES = ['text', 'hardBreak'] as const;
export const BODY_MARKS = ['bold', 'italic', 'face', 'insertion', 'deletion', 'modification', 'comment'] as const;
export const HEADING_LEVELS = [2, 3, 4] as const;

/** Limits on one body: a page's article is far below them, a flood or a bomb is not. */
export const BODY_LIMITS = { paragraphs: 20_000, inlinesPerParagraph: 20_000, characters: 2_000_000, marksPerText: 16, faceFamilyLength: 200 } as const;

/** The weights a run's face may set (null or absent: the style's). */
export const FACE_WEIGHTS = ['regular', 'bold'] as const;

export interface BodyProblem {
  /** Where, relative to the body: `content[3].content[0].marks[1].type`. */
  path: string;
  zh: string;
  en: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlainValue = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const oneOf = <T>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** The first thing wrong with a body, or undefined when it is a body the engine can set. */
export function bodyShapeProblem(body: unknown): BodyProblem | undefined {
  const problem = (path: string, zh: string, en: string): BodyProblem => ({ path, zh, en });
  if (!isObject(body)) return problem('', '正文应为对象', 'the body must be an object');
  if (body.type !== 'doc') return problem('type', "正文类型应为 doc", "the body's type must be 'doc'");
  if (!Array.isArray(body.content)) return problem('content', '正文内容应为段落列表', "the body's content must be a list of paragraphs");
  if (body.content.length > BODY_LIMITS.paragraphs) return problem('content', `段落超过 ${BODY_LIMITS.paragraphs} 个`, `more than ${BODY_LIMITS.paragraphs} paragraphs`);
  let characters = 0;
  for (let i = 0; i < body.content.length; i++) {
    const at = `content[${i}]`;
    const node = body.content[i];
    if (!isObject(node) || !oneOf(BODY_BLOCK_NODES, node.type)) return problem(`${at}.type`, '段落类型应为 paragraph 或 heading（段落不能嵌套）', "a paragraph's type must be 'paragraph' or 'heading' (paragraphs cannot nest)");
    if (node.type === 'heading' && !oneOf(HEADING_LEVELS, isObject(node.attrs) ? node.attrs.level : undefined)) return problem(`${at}.attrs.level`, '小标题级别应为 2、3 或 4', 'a subhead level must be 2, 3 or 4');
    const cuttable = isObject(node.attrs) ? node.attrs[CUTTABLE_ATTR] : undefined;
    if (cuttable !== undefined && typeof cuttable !== 'boolean') return problem(`${at}.attrs.${CUTTABLE_ATTR}`, '可删标记应为 true 或 false', `the cuttable (可删) mark must be true or false`);
    const style = isObject(node.attrs) ? node.attrs[PARAGRAPH_STYLE_ATTR] : undefined;
    if (style !== undefined && style !== null && !oneOf(PARAGRAPH_STYLES, style)) return problem(`${at}.attrs.${PARAGRAPH_STYLE_ATTR}`, `段落样式应为 ${PARAGRAPH_STYLES.join('、')} 之一`, `a paragraph style must be one of ${PARAGRAPH_STYLES.join(', ')}`);
    if (node.content === undefined) continue;
    if (!Array.isArray(node.content)) return problem(`${at}.content`, '段落内容应为列表', "a paragraph's content must be a list");
    if (node.content.length > BODY_LIMITS.inlinesPerParagraph) return problem(`${at}.content`, '段落内片段过多', 'too many pieces in one paragraph');
    for (let j = 0; j < node.content.length; j++) {
      const found = inlineProblem(node.content[j], `${at}.content[${j}]`);
      if (typeof found !== 'number') return found;
      characters += found;
      if (characters > BODY_LIMITS.characters) return problem(`${at}`, `正文超过 ${BODY_LIMITS.characters} 字`, `the body is longer than ${BODY_LIMITS.characters} characters`);
    }
  }
  return undefined;
}

/** The inline's character count, or what is wrong with it. */
function inlineProblem(inline: unknown, at: string): number | BodyProblem {
  if (!isObject(inline) || !oneOf(BODY_INLINE_NODES, inline.type)) return { path: `${at}.type`, zh: '段内内容应为文字或换行（段落不能嵌套）', en: "inline content must be 'text' or 'hardBreak' (paragraphs cannot nest)" };
  if (inline.type === 'hardBreak') return 1;
  if (typeof inline.text !== 'string' || inline.text === '') return { path: `${at}.text`, zh: '文字片段应为非空文字', en: 'a text piece must be a non-empty string' };
  if (inline.marks !== undefined) {
    if (!Array.isArray(inline.marks) || inline.marks.length > BODY_LIMITS.marksPerText) return { path: `${at}.marks`, zh: '标记应为列表', en: 'marks must be a short list' };
    for (let k = 0; k < inline.marks.length; k++) {
      const mark = inline.marks[k];
      if (!isObject(mark) || !oneOf(BODY_MARKS, mark.type)) return { path: `${at}.marks[${k}].type`, zh: '未知的文字标记', en: 'unknown text mark' };
      if (mark.attrs !== undefined && !(isObject(mark.attrs) && Object.values(mark.attrs).every(isPlainValue))) return { path: `${at}.marks[${k}].attrs`, zh: '标记属性应为对象，其值为文字、数字、真假或空', en: 'mark attributes must be an object of strings, numbers, booleans or null' };
      if (mark.type === FACE_MARK) {
        const found = faceProblem(mark.attrs, `${at}.marks[${k}].attrs`);
        if (found) return found;
      }
    }
  }
  return inline.text.length;
}

/** What is wrong with a face mark's attributes: a family key (a short non-empty text) and an optional weight. */
function faceProblem(attrs: Record<string, unknown> | undefined, at: string): BodyProblem | undefined {
  const family = attrs?.family;
  if (typeof family !== 'string' || family === '' || family.length > BODY_LIMITS.faceFamilyLength) return { path: `${at}.family`, zh: `字体标记的字体名应为 1–${BODY_LIMITS.faceFamilyLength} 个字符的文字`, en: `a face mark's family must be a text of 1–${BODY_LIMITS.faceFamilyLength} characters` };
  const weight = attrs?.weight;
  if (weight !== undefined && weight !== null && !oneOf(FACE_WEIGHTS, weight)) return { path: `${at}.weight`, zh: '字体标记的字重应为 regular 或 bold', en: "a face mark's weight must be 'regular' or 'bold'" };
  return undefined;
}
