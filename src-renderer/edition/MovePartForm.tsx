import type { FormEvent, KeyboardEvent } from 'react';
import type { HostApi } from '../../src-core/host-api';
import type { Editor } from '../editor/editor';
import type { EditionSession } from './edition-session';
import { useCollabDesk } from '../collab/use-collab';

/** 版面 → 移至第 N 版…: the page number asked for in the edition bar; 移动 (or Enter) moves the part, 取消 (or Esc) leaves it. */
export function MovePartForm({ session, editor, host, suggested }: { session: EditionSession; editor: Editor; host: HostApi; suggested: number }) {
  const desk = useCollabDesk();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const to = Number(new FormData(e.currentTarget).get('to'));
    // the page's id on the server, when it is there (published or joined): the server moves the part
    const shared = desk?.getState();
    void session.movePart(editor, host, to, shared?.mode === 'joined' ? shared.pageId : null);
  };
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && session.cancelMove();
  return (
    <form className="edition-move" onSubmit={submit} onKeyDown={onKey} data-testid="edition-move" aria-label="移至第 N 版 Move to page N">
      <label>
        这一部分移至第 <input name="to" type="number" min={1} step={1} defaultValue={suggested} autoFocus data-testid="edition-move-to" aria-label="版次 Page number" /> 版
        <small> Move this part to page</small>
      </label>
      <button type="submit" data-testid="edition-move-ok">
        移动 <small>Move</small>
      </button>
      <button type="button" data-testid="edition-move-cancel" onClick={() => session.cancelMove()}>
        取消 <small>Cancel</small>
      </button>
    </form>
  );
}
