/**
 * The renderer's main-thread work read from a Chromium trace: each task's CPU time (the trace's
 * thread time) beside its wall time. On a shared 2-core machine a frame's wall time also counts
 * the moments the thread was waiting for a core another process held (a 50 ms "Commit" that used
 * 2 ms of CPU); the CPU time is the app's own work, which is what a figure of the app should judge.
 */
import type { Page } from 'playwright-core';
import { recordTrace } from '../tests/support/trace';

export interface Task {
  /** Start, µs on the trace's clock. */
  ts: number;
  wallMs: number;
  cpuMs: number;
}

export interface MainThread {
  tasks: Task[];
  /** Starts (µs) of the input events of this type dispatched on the main thread. */
  inputs: (type: string) => number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

/** Runs `fn` with a trace of the page's renderer on, and reads its main thread (the one with the most task time). */
export async function traceMainThread(page: Page, fn: () => Promise<void>): Promise<MainThread> {
  const events = await recordTrace<TraceEvent>(page, ['devtools.timeline', 'disabled-by-default-devtools.timeline'], fn);
  return mainThreadOf(events.filter((e) => e.ph === 'X' && e.dur));
}

function mainThreadOf(events: TraceEvent[]): MainThread {
  const busy = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.tdur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main);
  return {
    tasks: mine.filter((e) => e.name === 'RunTask').map((e) => ({ ts: e.ts, wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? 0) / 1000 })),
    inputs: (type) => mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === type).map((e) => e.ts),
  };
}

/** The tasks running at `from` (µs) or starting within `ms` after it: one input's whole answer, its frame included. */
export function tasksAfter(thread: MainThread, from: number, ms: number): Task[] {
  return thread.tasks.filter((t) => t.ts + t.wallMs * 1000 > from && t.ts < from + ms * 1000);
}

/** The CPU of every task of the trace. */
export function cpuOf(thread: MainThread): number {
  return thread.tasks.reduce((n, t) => n + t.cpuMs, 0);
}

/** The CPU of tasksAfter. */
export function cpuAfter(thread: MainThread, from: number, ms: number): number {
  return tasksAfter(thread, from, ms).reduce((n, t) => n + t.cpuMs, 0);
}
