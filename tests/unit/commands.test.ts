import { describe, expect, it } from 'vitest';
import { COMMANDS, MENUS, commandForKeyPress, commandSpec, isCommandId, shortcutSections, type CommandSpec, type KeyPress } from '../../src-core/commands';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const ctrl = (key: string, shiftKey = false) => press(key, { ctrlKey: true, shiftKey });

describe('the command table', () => {
  it('names each command once', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('file.recent');
    expect(isCommandId('file.recent')).toBe(true);
    expect(isCommandId('file.nothing')).toBe(false);
    expect(isCommandId(3)).toBe(false);
  });

  it('maps the shortcuts the page has always had (written out by hand)', () => {
    const cases: [KeyPress, string][] = [
      [ctrl('z'), 'edit.undo'],
      [ctrl('z', true), 'edit.redo'],
      [ctrl('Z', true), 'edit.redo'],
      [ctrl('y'), 'edit.redo'],
      [ctrl('s'), 'file.save'],
      [ctrl('S', true), 'file.saveAs'],
      [ctrl('o'), 'file.open'],
      [ctrl('n'), 'file.new'],
      [ctrl('i'), 'file.import'],
      [ctrl('e'), 'file.exportPdf'],
      [ctrl('f'), 'edit.find'],
      [ctrl('l'), 'edit.lock'],
      [ctrl('0'), 'view.fitPage'],
      [ctrl('9'), 'view.fitWidth'],
      [ctrl('1'), 'view.actual'],
      [ctrl('='), 'view.zoomIn'],
      [ctrl('+', true), 'view.zoomIn'],
      [ctrl('-'), 'view.zoomOut'],
      [ctrl("'"), 'view.charGrid'],
      [ctrl('r'), 'view.rulers'],
      [press('s', { metaKey: true }), 'file.save'],
      [press('Delete'), 'edit.delete'],
      [press('Backspace'), 'edit.delete'],
      [press('Enter'), 'edit.story'],
      [ctrl('K', true), 'edit.cuttable'],
      [ctrl('N', true), 'file.newStory'],
      [press('t'), 'layout.textFrame'],
    ];
    for (const [e, id] of cases) expect(commandForKeyPress(e), JSON.stringify(e)).toBe(id);
  });

  it('leaves other presses alone', () => {
    for (const e of [ctrl('r', true), ctrl('k'), press('z', { ctrlKey: true, altKey: true }), press('s'), press('Enter', { ctrlKey: true }), press('Delete', { altKey: true }), ctrl('q'), press('T', { shiftKey: true }), ctrl('t')]) {
      expect(commandForKeyPress(e), JSON.stringify(e)).toBeUndefined();
    }
  });
});

describe('the 快捷键 list (帮助 → 快捷键)', () => {
  it('is generated from the table: every command with keys, under its menu, with its further keys', () => {
    const sections = shortcutSections();
    const rows = sections.flatMap((s) => s.rows.map((r) => `${s.zh}|${r.keys}|${r.zh}`));
    for (const m of MENUS) {
      for (const c of m.groups.flat() as CommandSpec[]) {
        if (c.keys) expect(rows).toContain(`${m.zh}|${[c.keys, ...(c.alsoKeys ?? [])].join(' / ')}|${c.zh}`);
      }
    }
    // written out by hand: the rows a person looks for
    expect(rows).toContain('编辑|Ctrl+Shift+Z / Ctrl+Y|重做');
    expect(rows).toContain('文件|Ctrl+S|保存');
    expect(sections.find((s) => s.zh === '帮助')).toBeUndefined();
  });

  it('shows the story editor’s own keys: Ctrl+B and the Markdown-style subheads', () => {
    const story = shortcutSections().find((s) => s.zh === '稿件编辑')!;
    expect(story.rows.map((r) => r.keys)).toEqual(expect.arrayContaining(['Ctrl+B', '## ', '**文字**']));
  });

  it('has the list itself in the 帮助 menu', () => {
    expect(MENUS.at(-1)!.id).toBe('help');
    expect(commandSpec('help.shortcuts')?.zh).toBe('快捷键…');
  });
});
