import { Extension } from '@tiptap/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useEditorInstance } from '../editor/use-editor';
import { STORY_KEYS } from '../../src-core/commands';
import { openShortcuts } from '../ui/shortcuts-open';
import { ToolButton } from '../ui/tool-button';
import { activeStory, type ActiveStory, type EmphasisMark } from './active-story';
import { storyCommands } from './commands';
import { FaceControl } from './FaceControl';

/** Keeps the workspace's `ActiveStory` on the story editor that is open, and its buttons current. */
export function activeStoryBinding(story: ActiveStory) {
  return Extension.create({
    name: 'banmianActiveStory',
    onCreate() {
      story.attach(this.editor);
    },
    onDestroy() {
      story.detach(this.editor);
    },
    // setEditable (signing for print) reports an update; selection moves and edits a transaction.
    onUpdate: () => story.changed(),
    onTransaction: () => story.changed(),
  });
}

/** A key of the story editor's own (the 快捷键 list's table, src-core/commands.ts). */
const storyKey = (keys: string) => STORY_KEYS.find((k) => k.keys === keys)!;

/** 加粗 and 倾斜: the buttons for the story editor's Ctrl+B and Ctrl+I, named and keyed from the table. */
const EMPHASIS: readonly { mark: EmphasisMark; label: string; keys: string }[] = [
  { mark: 'bold', label: 'B', keys: 'Ctrl+B' },
  { mark: 'italic', label: 'I', keys: 'Ctrl+I' },
];

function EmphasisButtons({ story }: { story: ActiveStory }) {
  return EMPHASIS.map(({ mark, label, keys }) => {
    const hint = storyKey(keys);
    const on = story.marked(mark);
    return (
      <button key={mark} className={`tool story-${mark}${on ? ' on' : ''}`} data-testid={`story-${mark}`} aria-pressed={on} disabled={!story.editable()} title={`${hint.zh} ${hint.en} (${keys})`} onMouseDown={(e) => e.preventDefault()} onClick={() => story.toggleMark(mark)}>
        {label}
      </button>
    );
  });
}

/** What is typed rather than pressed (## at a line start), and the way to the whole 快捷键 list. */
function KeysHint() {
  const subhead = storyKey('## ');
  return (
    <p className="story-keys-hint" data-testid="story-keys-hint">
      <kbd>{subhead.keys.trim()}</kbd> {subhead.zh} ·{' '}
      <button type="button" className="link" data-testid="story-keys-all" onClick={openShortcuts} title="帮助 → 快捷键… · Help → Keyboard shortcuts…">
        全部快捷键 All shortcuts
      </button>
    </p>
  );
}

/** The story editor's own buttons: 加粗/倾斜, the commands of the table that act on its text, the selection's face, and a hint of its keys. */
export function StoryToolbar() {
  const story = activeStory(useEditorInstance());
  useSyncExternalStore(story.subscribe, story.snapshot);
  const commands = useMemo(() => storyCommands(story), [story]);
  return (
    <>
      <div className="story-toolbar" data-testid="story-toolbar">
        <EmphasisButtons story={story} />
        {commands.map((c) => (
          <ToolButton key={c.id} c={c} />
        ))}
        <FaceControl story={story} />
      </div>
      <KeysHint />
    </>
  );
}
