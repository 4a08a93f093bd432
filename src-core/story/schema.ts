import { getSchema, type AnyExtension } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { Schema } from '@tiptap/pm/model';
import { Cuttable } from './cuttable';
import { Face } from './face';
import { ParagraphStyle } from './paragraph-style';
import { Comment, Deletion, Insertion, Modification } from './marks';

/**
 * The article body's ProseMirror schema, shared by the story editor (tiptap) and the engine's Yjs
 * mapping: paragraphs, subheads (heading), line breaks, bold, italic and a run's face (`face.ts`), the paragraphs' 可删 mark
 * (`cuttable.ts`) and own style, the 编者按 (`paragraph-style.ts`). Proofreading marks join it with the proofreading issue. Keeping one list here is what makes the editor's JSON and the
 * collaboration fragment the same shape everywhere.
 */
export const storyExtensions: AnyExtension[] = [
  Document,
  Paragraph,
  Heading.configure({ levels: [2, 3, 4] }),
  Text,
  HardBreak,
  Bold,
  Italic,
  Face,
  Insertion,
  Deletion,
  Modification,
  Comment,
  Cuttable,
  ParagraphStyle,
];

let schema: Schema | undefined;

export function storySchema(): Schema {
  schema ??= getSchema(storyExtensions);
  return schema;
}
