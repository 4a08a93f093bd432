import { Extension } from '@tiptap/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useEditorInstance } from '../editor/use-editor';
import { ToolButton } from '../ui/tool-button';
import { activeStory, type ActiveStory } from './active-story';
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

/** The story editor's own buttons: the commands of the table that act on its text, and the selection's face. */
export function StoryToolbar() {
  const story = activeStory(useEditorInstance());
  useSyncExternalStore(story.subscribe, story.snapshot);
  const commands = useMemo(() => storyCommands(story), [story]);
  return (
    <div className="story-toolbar" data-testid="story-toolbar">
      {commands.map((c) => (
        <ToolButton key={c.id} c={c} />
      ))}
      <FaceControl story={story} />
    </div>
  );
}
