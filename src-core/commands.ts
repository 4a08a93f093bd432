/**
 * Every command of the menus, by id: its labels (Chinese first), shortcut, place in the menus and
 * when it may run. One table for the page's own menus, the keyboard and Electron's native menu;
 * the renderer binds each id to what it does (src-renderer/command-binding.ts), the desktop host
 * builds its menu from the same rows (src-main/electron/menu.ts). Data only.
 */

/** When a command may run, by name; the renderer supplies each condition's test. */
export type EnabledWhen =
  | 'canUndo'
  | 'canRedo'
  | 'blockSelected'
  /** Two blocks or more selected (align); `threeSelected` three or more (distribute). */
  | 'multiSelected'
  /** 复制 or 剪切 put blocks aside to paste. */
  | 'blocksCopied'
  | 'threeSelected'
  | 'storyEditable'
  | 'steppedArticleSelected'
  /** The selected block is a part of a story continued across the open edition's pages. */
  | 'editionPartSelected'
  | 'notJoined'
  | 'local'
  | 'shared'
  | 'unsyncedEdits'
  | 'noRoundOpen'
  | 'roundOpen'
  | 'maySettle'
  | 'layoutEditable';

export interface CommandSpec {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** The shortcut shown in the menus and handled by the page, e.g. 'Ctrl+Shift+S' (Ctrl is ⌘ on macOS). */
  readonly keys?: string;
  /** Further keys that run the command, not shown. */
  readonly alsoKeys?: readonly string[];
  readonly enabledWhen?: EnabledWhen;
  /** Changes the page's arrangement: also disabled while the layout is read-only (校对 mode, signed). */
  readonly changesLayout?: boolean;
  /**
   * The keys are a text field's own too (select all, copy, paste): they run the command only while no
   * field has the focus, and in a field do what they always do.
   */
  readonly onCanvas?: boolean;
}

export interface MenuSpec {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** Groups of commands, in order; the menus draw a separator between groups. */
  readonly groups: readonly (readonly CommandSpec[])[];
}

export const MENUS = [
  {
    id: 'file',
    zh: '文件',
    en: 'File',
    groups: [
      [
        { id: 'file.new', zh: '新建版面', en: 'New page', keys: 'Ctrl+N' },
        { id: 'file.open', zh: '打开…', en: 'Open…', keys: 'Ctrl+O' },
        { id: 'file.recent', zh: '最近打开…', en: 'Open recent…' },
        { id: 'file.save', zh: '保存', en: 'Save', keys: 'Ctrl+S' },
        { id: 'file.saveAs', zh: '另存为…', en: 'Save As…', keys: 'Ctrl+Shift+S' },
      ],
      [
        { id: 'file.newStory', zh: '新建稿件', en: 'New story', keys: 'Ctrl+Shift+N', changesLayout: true },
        { id: 'file.import', zh: '导入稿件…', en: 'Import…', keys: 'Ctrl+I' },
        { id: 'file.exportPdf', zh: '导出 PDF…', en: 'Export PDF…', keys: 'Ctrl+E' },
        { id: 'file.exportPng', zh: '导出校样 PNG…', en: 'Export proof PNG…' },
      ],
      [
        { id: 'file.share', zh: '共享此版面…', en: 'Share this page…', enabledWhen: 'notJoined' },
        { id: 'file.publish', zh: '发布到服务器…', en: 'Publish to server…', enabledWhen: 'local' },
        { id: 'file.join', zh: '加入共享版面…', en: 'Join a shared page…', enabledWhen: 'local' },
        { id: 'file.leaveShare', zh: '停止共享 / 离开共享版面', en: 'Stop sharing / leave the shared page', enabledWhen: 'shared' },
        { id: 'file.recoverUnsynced', zh: '恢复未同步的修改', en: 'Recover unsynced edits', enabledWhen: 'unsyncedEdits' },
      ],
    ],
  },
  {
    id: 'edit',
    zh: '编辑',
    en: 'Edit',
    groups: [
      [
        { id: 'edit.undo', zh: '撤销', en: 'Undo', keys: 'Ctrl+Z', enabledWhen: 'canUndo' },
        { id: 'edit.redo', zh: '重做', en: 'Redo', keys: 'Ctrl+Shift+Z', alsoKeys: ['Ctrl+Y'], enabledWhen: 'canRedo' },
      ],
      [
        { id: 'edit.selectAll', zh: '全选块', en: 'Select all blocks', keys: 'Ctrl+A', onCanvas: true },
        { id: 'edit.story', zh: '编辑稿件', en: 'Edit story', keys: 'Enter', enabledWhen: 'blockSelected' },
        { id: 'edit.lock', zh: '锁定/解锁块', en: 'Lock/unlock block', keys: 'Ctrl+L', enabledWhen: 'blockSelected', changesLayout: true },
        { id: 'edit.delete', zh: '删除块', en: 'Delete block', keys: 'Delete', alsoKeys: ['Backspace'], enabledWhen: 'blockSelected', changesLayout: true },
      ],
      [
        { id: 'edit.cut', zh: '剪切块', en: 'Cut blocks', keys: 'Ctrl+X', enabledWhen: 'blockSelected', changesLayout: true, onCanvas: true },
        { id: 'edit.copy', zh: '复制块', en: 'Copy blocks', keys: 'Ctrl+C', enabledWhen: 'blockSelected', onCanvas: true },
        { id: 'edit.paste', zh: '粘贴块', en: 'Paste blocks', keys: 'Ctrl+V', enabledWhen: 'blocksCopied', changesLayout: true, onCanvas: true },
        { id: 'edit.duplicate', zh: '再制块', en: 'Duplicate blocks', keys: 'Ctrl+D', enabledWhen: 'blockSelected', changesLayout: true, onCanvas: true },
      ],
      // K for 可 (kě): 可删, the paragraph may be cut to fit.
      [{ id: 'edit.cuttable', zh: '可删段落', en: 'Cuttable paragraph', keys: 'Ctrl+Shift+K', enabledWhen: 'storyEditable' }],
      [{ id: 'edit.find', zh: '查找替换…', en: 'Find and replace…', keys: 'Ctrl+F' }],
    ],
  },
  {
    id: 'view',
    zh: '视图',
    en: 'View',
    groups: [
      [
        { id: 'view.fitPage', zh: '适合页面', en: 'Fit page', keys: 'Ctrl+0' },
        { id: 'view.fitWidth', zh: '适合宽度', en: 'Fit width', keys: 'Ctrl+9' },
        { id: 'view.actual', zh: '实际大小 100%', en: 'Actual size', keys: 'Ctrl+1' },
        { id: 'view.zoomIn', zh: '放大', en: 'Zoom in', keys: 'Ctrl+=', alsoKeys: ['Ctrl++'] },
        { id: 'view.zoomOut', zh: '缩小', en: 'Zoom out', keys: 'Ctrl+-' },
      ],
      [
        { id: 'view.charGrid', zh: '背景格', en: 'Character grid', keys: "Ctrl+'" },
        { id: 'view.columns', zh: '栏线参考', en: 'Column guides' },
        { id: 'view.baselines', zh: '基线网格', en: 'Baseline grid' },
        { id: 'view.outlines', zh: '块边框', en: 'Block outlines' },
        { id: 'view.trim', zh: '裁切线', en: 'Trim marks' },
        { id: 'view.rulers', zh: '标尺', en: 'Rulers', keys: 'Ctrl+R' },
        // Ctrl+; as InDesign shows and hides guides
        { id: 'view.guides', zh: '参考线', en: 'Guides', keys: 'Ctrl+;' },
        { id: 'view.zoomToSelection', zh: '缩放到所选', en: 'Zoom to selection', keys: 'Ctrl+2', enabledWhen: 'blockSelected' },
      ],
    ],
  },
  {
    id: 'layout',
    zh: '版面',
    en: 'Layout',
    groups: [
      [
        { id: 'layout.makeUp', zh: '自动组版…', en: 'Make up the page…', changesLayout: true },
        { id: 'layout.copyfit', zh: '适配', en: 'Copyfit article', enabledWhen: 'blockSelected', changesLayout: true },
        { id: 'layout.fitText', zh: '块高随文', en: 'Fit block to text', enabledWhen: 'blockSelected', changesLayout: true },
        { id: 'layout.resetSteps', zh: '恢复矩形（取消阶梯）', en: 'Reset to rectangle', enabledWhen: 'steppedArticleSelected', changesLayout: true },
        { id: 'layout.movePart', zh: '移至第 N 版…', en: 'Move to page N…', enabledWhen: 'editionPartSelected', changesLayout: true },
      ],
      [
        // T for text, as the type tool is in 飞腾 and InDesign
        { id: 'layout.textFrame', zh: '文本框工具', en: 'Text frame tool', keys: 'T', changesLayout: true },
        { id: 'layout.addRuleH', zh: '添加横线', en: 'Add horizontal rule', changesLayout: true },
        { id: 'layout.addRuleV', zh: '添加竖线', en: 'Add vertical rule', changesLayout: true },
        { id: 'layout.addBox', zh: '添加底纹框', en: 'Add tinted box', changesLayout: true },
        { id: 'layout.columnRules', zh: '自动栏线', en: 'Automatic column rules', changesLayout: true },
      ],
      [
        { id: 'layout.styles', zh: '样式…', en: 'Styles…' },
        { id: 'layout.pageSettings', zh: '版面设置…', en: 'Page settings…' },
      ],
    ],
  },
  {
    // 排列 as InDesign's 对象 › 排列 and 飞腾's 对齐: blocks of a multi-selection against each other.
    id: 'arrange',
    zh: '排列',
    en: 'Arrange',
    groups: [
      [
        { id: 'arrange.alignLeft', zh: '左对齐', en: 'Align left edges', enabledWhen: 'multiSelected', changesLayout: true },
        { id: 'arrange.alignCentreH', zh: '水平居中对齐', en: 'Align horizontal centres', enabledWhen: 'multiSelected', changesLayout: true },
        { id: 'arrange.alignRight', zh: '右对齐', en: 'Align right edges', enabledWhen: 'multiSelected', changesLayout: true },
        { id: 'arrange.alignTop', zh: '顶对齐', en: 'Align top edges', enabledWhen: 'multiSelected', changesLayout: true },
        { id: 'arrange.alignCentreV', zh: '垂直居中对齐', en: 'Align vertical centres', enabledWhen: 'multiSelected', changesLayout: true },
        { id: 'arrange.alignBottom', zh: '底对齐', en: 'Align bottom edges', enabledWhen: 'multiSelected', changesLayout: true },
      ],
      [
        { id: 'arrange.distributeH', zh: '水平分布', en: 'Distribute horizontally', enabledWhen: 'threeSelected', changesLayout: true },
        { id: 'arrange.distributeV', zh: '垂直分布', en: 'Distribute vertically', enabledWhen: 'threeSelected', changesLayout: true },
      ],
      // Ctrl+] and Ctrl+[ as in InDesign and 飞腾
      [
        { id: 'arrange.front', zh: '置于顶层', en: 'Bring to front', enabledWhen: 'blockSelected', changesLayout: true },
        { id: 'arrange.forward', zh: '上移一层', en: 'Bring forward', keys: 'Ctrl+]', enabledWhen: 'blockSelected', changesLayout: true },
        { id: 'arrange.backward', zh: '下移一层', en: 'Send backward', keys: 'Ctrl+[', enabledWhen: 'blockSelected', changesLayout: true },
        { id: 'arrange.back', zh: '置于底层', en: 'Send to back', enabledWhen: 'blockSelected', changesLayout: true },
      ],
    ],
  },
  {
    id: 'proof',
    zh: '校对',
    en: 'Proof',
    groups: [
      [{ id: 'proof.identity', zh: '身份…', en: 'Role and name…' }],
      [
        { id: 'proof.view', zh: '校样视图', en: 'Proof view' },
        { id: 'proof.panel', zh: '校对面板', en: 'Proof panel' },
      ],
      [
        { id: 'proof.startRound', zh: '开始新校次', en: 'Start a proof round', enabledWhen: 'noRoundOpen' },
        { id: 'proof.finishRound', zh: '结束本校次', en: 'Finish the proof round', enabledWhen: 'roundOpen' },
      ],
      [
        { id: 'proof.acceptAll', zh: '接受全部修改', en: 'Accept all changes', enabledWhen: 'maySettle' },
        { id: 'proof.rejectAll', zh: '拒绝全部修改', en: 'Reject all changes', enabledWhen: 'maySettle' },
      ],
      [{ id: 'proof.exportPdf', zh: '导出校样 PDF…', en: 'Export proof PDF…' }],
    ],
  },
  {
    id: 'help',
    zh: '帮助',
    en: 'Help',
    groups: [[{ id: 'help.shortcuts', zh: '快捷键…', en: 'Keyboard shortcuts…' }]],
  },
] as const satisfies readonly MenuSpec[];

type Row = (typeof MENUS)[number]['groups'][number][number];
export type CommandId = Row['id'];
export type MenuId = (typeof MENUS)[number]['id'];

/** Every command, in menu order. */
export const COMMANDS: readonly CommandSpec[] = MENUS.flatMap((m) => m.groups.flat());

const byId = new Map<string, CommandSpec>(COMMANDS.map((c) => [c.id, c]));
export const commandSpec = (id: string): CommandSpec | undefined => byId.get(id);
export const isCommandId = (id: unknown): id is CommandId => typeof id === 'string' && byId.has(id);

/** A key press as the page sees it (the fields of a DOM KeyboardEvent that matter here). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Shortcut {
  mod: boolean;
  shift: boolean;
  key: string;
}

function parseShortcut(keys: string): Shortcut {
  const [, mods, key] = /^((?:(?:Ctrl|Shift)\+)*)(.+)$/.exec(keys)!;
  return { mod: mods.includes('Ctrl+'), shift: mods.includes('Shift+'), key: key.toLowerCase() };
}

const isLetter = (key: string): boolean => /^[a-z]$/.test(key);

/**
 * Whether a press is this shortcut: Ctrl or ⌘ as asked, never Alt. Shift must match for letters;
 * for other keys the shifted character is already in `key` (Ctrl++ is Ctrl+Shift+= on most layouts).
 */
function matches(s: Shortcut, e: KeyPress): boolean {
  if (e.altKey || s.mod !== (e.ctrlKey || e.metaKey) || s.key !== e.key.toLowerCase()) return false;
  return !isLetter(s.key) || s.shift === e.shiftKey;
}

const SHORTCUTS: [Shortcut, CommandId][] = COMMANDS.flatMap((c) => [c.keys, ...(c.alsoKeys ?? [])].filter((k) => k !== undefined).map((k): [Shortcut, CommandId] => [parseShortcut(k), c.id as CommandId]));

/** The command a key press runs, if any. */
export function commandForKeyPress(e: KeyPress): CommandId | undefined {
  return SHORTCUTS.find(([s]) => matches(s, e))?.[1];
}

/** A key the 快捷键 list names that is handled where it is pressed, not run from the menus. */
export interface KeyHint {
  readonly keys: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Keys the story editor's text handles itself: tiptap's shortcuts and Markdown-style input rules of
 * the extensions in src-core/story/schema.ts (Bold, Italic, Heading levels 2–4, HardBreak), and
 * Escape (StoryEditor). Listed in 快捷键 so that they can be found.
 */
export const STORY_KEYS: readonly KeyHint[] = [
  { keys: 'Ctrl+B', zh: '加粗', en: 'Bold' },
  { keys: 'Ctrl+I', zh: '斜体', en: 'Italic' },
  { keys: '**文字**', zh: '输入时加粗', en: 'Bold as you type' },
  { keys: '*文字*', zh: '输入时斜体', en: 'Italic as you type' },
  { keys: '## ', zh: '行首：小标题', en: 'At a line start: subhead' },
  { keys: '### ', zh: '行首：三级小标题', en: 'At a line start: level-3 subhead' },
  { keys: '#### ', zh: '行首：四级小标题', en: 'At a line start: level-4 subhead' },
  { keys: 'Ctrl+Alt+2', zh: '小标题（3、4 为下级）', en: 'Subhead (3, 4 for lower levels)' },
  { keys: 'Shift+Enter', zh: '换行不分段', en: 'Line break in a paragraph' },
  { keys: 'Escape', zh: '关闭稿件编辑', en: 'Close the story editor' },
];

/** Keys and gestures on the page canvas (Workspace, canvas/viewport.ts, canvas/gestures.ts). */
export const CANVAS_KEYS: readonly KeyHint[] = [
  { keys: '←/→', zh: '块移一栏', en: 'Move the block a column' },
  { keys: '↑/↓', zh: '块移一行（Shift：五行）', en: 'Move the block a line (Shift: five)' },
  { keys: '空格+拖动', zh: '平移版面', en: 'Pan the page' },
  { keys: 'Alt+拖动', zh: '自由移动（不吸附）', en: 'Move freely (no snapping)' },
  { keys: 'Escape', zh: '取消拖动 / 取消选择 / 关闭菜单和对话框', en: 'Cancel a drag / deselect / close menus and dialogs' },
];

export interface ShortcutSection {
  readonly zh: string;
  readonly en: string;
  readonly rows: readonly KeyHint[];
}

/**
 * The 快捷键 list: every command of the table that has keys, by menu (its further keys beside it),
 * then the canvas's and the story editor's own keys.
 */
export function shortcutSections(): ShortcutSection[] {
  const menus = MENUS.map((m): ShortcutSection => {
    const rows = m.groups.flat().flatMap((c: CommandSpec) => (c.keys ? [{ keys: [c.keys, ...(c.alsoKeys ?? [])].join(' / '), zh: c.zh, en: c.en }] : []));
    return { zh: m.zh, en: m.en, rows };
  });
  return [...menus.filter((s) => s.rows.length > 0), { zh: '版面画布', en: 'Page canvas', rows: CANVAS_KEYS }, { zh: '稿件编辑', en: 'Story editor', rows: STORY_KEYS }];
}
