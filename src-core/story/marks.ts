import { Mark } from '@tiptap/core';

/**
 * Proofreading marks on article text. Insertions and deletions follow
 * @handlewithcare/prosemirror-suggest-changes (MIT): the same names and attributes, so its plugin and
 * commands work on our documents; the marks carry only an id, and who/which round/when live beside
 * them in the article's Yjs document. Comments are a mark with a thread id; threads live there too.
 * Parsing from HTML (pasting) touches the DOM, so the story editor adds parseHTML in src-renderer.
 */

const suggestionId = { id: { default: null as string | number | null } };

export const Insertion = Mark.create({
  name: 'insertion',
  inclusive: false,
  excludes: 'insertion modification deletion',
  addAttributes: () => suggestionId,
  renderHTML: ({ mark }) => ['ins', { 'data-id': JSON.stringify(mark.attrs.id), class: 'bm-insertion' }, 0],
});

export const Deletion = Mark.create({
  name: 'deletion',
  inclusive: false,
  excludes: 'insertion modification deletion',
  addAttributes: () => suggestionId,
  renderHTML: ({ mark }) => ['del', { 'data-id': JSON.stringify(mark.attrs.id), class: 'bm-deletion' }, 0],
});

export const Modification = Mark.create({
  name: 'modification',
  inclusive: false,
  excludes: 'deletion insertion',
  addAttributes: () => ({
    ...suggestionId,
    type: { default: 'attr' },
    attrName: { default: null },
    previousValue: { default: null },
    newValue: { default: null },
  }),
  renderHTML: ({ mark }) => ['span', { 'data-type': 'modification', 'data-id': JSON.stringify(mark.attrs.id) }, 0],
});

export const Comment = Mark.create({
  name: 'comment',
  inclusive: false,
  // Comments may overlap one another.
  excludes: '',
  addAttributes: () => ({ threadId: { default: null as string | null } }),
  renderHTML: ({ mark }) => ['span', { 'data-thread': mark.attrs.threadId, class: 'bm-comment' }, 0],
});
