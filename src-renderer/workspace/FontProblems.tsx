import { useEffect, useState } from 'react';
import type { FontListProblem } from '../../src-core/host-api';
import { useLoadedFonts } from '../canvas/use-fonts';
import { useEditorInstance } from '../editor/use-editor';
import './font-problems.css';

/** The line's words, zh first: "3 个字体文件无法使用 · 3 font files cannot be used". */
export function problemCountText(n: number): string {
  return `${n} 个字体文件无法使用 · ${n} font ${n === 1 ? 'file' : 'files'} cannot be used`;
}

/**
 * The installed font files the host could not use (LoadedFonts.problems: damaged, truncated, web or
 * Type 1 fonts, unreadable files and folders), where the user looks at fonts: one line with their
 * count, which opens the list, each file with why, zh first then en. Nothing when every file could
 * be used; a host that cannot say is a warning notice.
 */
export function FontProblems({ testId }: { testId?: string }) {
  const editor = useEditorInstance();
  const loaded = useLoadedFonts();
  const [problems, setProblems] = useState<readonly FontListProblem[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let shown = true;
    void loaded?.problems().then((r) => shown && (r.ok ? setProblems(r.value) : editor.notify(r, 'warning')));
    return () => void (shown = false);
  }, [loaded, editor]);
  if (problems.length === 0) return null;
  return (
    <div className="font-problems" data-testid={testId}>
      <button type="button" className="font-problems-line" aria-expanded={open} onClick={() => setOpen(!open)}>
        {problemCountText(problems.length)}
      </button>
      {open && (
        <ul className="font-problems-list" data-testid={testId && `${testId}-list`}>
          {problems.map((p, i) => (
            <li key={`${i}:${p.file}`} title={p.file}>
              <span className="font-problem-zh">{p.zh}</span>
              <span className="font-problem-en">{p.en}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
