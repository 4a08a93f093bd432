import * as Y from 'yjs';
import { bodyShapeProblem, type BodyProblem } from '../model/body-shape';
import { articleBodyJSON } from '../store/readers';

function problemOf(doc: Y.Doc): BodyProblem | undefined {
  try {
    return bodyShapeProblem(articleBodyJSON(doc));
  } catch {
    return { path: '', zh: '正文无法读取', en: 'the body cannot be read' };
  }
}

/**
 * What would be wrong with an article document's body after `update`, checked on a copy with the
 * one body checker (src-core/model/body-shape.ts, whose names are the story schema's): element
 * names, nesting, text attributes as marks, limits. Undefined when the body stays settable, and also
 * when it was already wrong before (a body stored by an older server): refusing every change then
 * would keep anyone from repairing it.
 */
export function bodyUpdateProblem(doc: Y.Doc, update: Uint8Array): BodyProblem | undefined {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  const after = problemOf(copy);
  if (!after) return undefined;
  return problemOf(doc) ? undefined : after;
}
