import type { Dispatch, SetStateAction } from 'react';
import type { HostResult } from '../../src-core/host-api';
import type { DialogState } from './FileDialogs';

/** How the file command hooks show or change the one dialog the file commands have open. */
export type SetDialog = Dispatch<SetStateAction<DialogState | null>>;

/** Shows a failed host call's message and says it failed (the caller stops). */
export type Failed = <T>(r: HostResult<T>) => r is { ok: false; zh: string; en: string };
