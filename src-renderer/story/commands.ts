import { bindCommands, type Command } from '../command-binding';
import type { ActiveStory } from './active-story';

/** The commands of the table that act on the open story's text, bound to it. */
export function storyCommands(story: ActiveStory): Command[] {
  return bindCommands(
    {
      'edit.cuttable': { run: () => story.toggleCuttable(), checked: () => story.cuttable() },
    },
    { storyEditable: () => story.editable() },
  );
}
