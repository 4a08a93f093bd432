import { describe, expect, it } from 'vitest';
import { EditCount } from '../../src-renderer/collab/session/edit-count';
import { Heartbeat, type Clock } from '../../src-renderer/collab/session/heartbeat';

/** A clock the test moves by hand: `advance` runs every tick that falls due, in order. */
function handClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  const tickers: { every: number; next: number; run: () => void }[] = [];
  return {
    now: () => now,
    every(ms, run) {
      const t = { every: ms, next: now + ms, run };
      tickers.push(t);
      return () => tickers.splice(tickers.indexOf(t), 1);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = tickers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.run();
      }
      now = end;
    },
  };
}

const TIMING = { checkMs: 500, pingMs: 1000, silentMs: 3000 };

function link(state: 'connected' | 'connecting' | 'idle' = 'connected') {
  const l = { state, pings: 0, deaths: 0 };
  return { l, io: { state: () => l.state, ping: () => void l.pings++, dead: () => void l.deaths++ } };
}

describe('heartbeat', () => {
  it('pings a connected server and, while it answers, never calls the connection dead', () => {
    const clock = handClock();
    const { l, io } = link();
    const hb = new Heartbeat(io, clock, TIMING);
    hb.start();
    for (let i = 0; i < 20; i++) {
      clock.advance(1000);
      hb.heard(); // the pong
    }
    expect(l.deaths).toBe(0);
    expect(l.pings).toBe(20);
  });

  it('allows a server busy with this desk\'s large unacknowledged change more silence, and only that long', () => {
    const clock = handClock();
    const { l, io } = link();
    let grace = 8000; // 8 MB in flight at 1 s per MB
    const hb = new Heartbeat({ ...io, grace: () => grace }, clock, TIMING);
    hb.start();
    clock.advance(TIMING.silentMs + 7000);
    expect(l.deaths).toBe(0);
    clock.advance(1000 + TIMING.checkMs);
    expect(l.deaths).toBe(1);
    grace = 0; // acknowledged: back to the plain limit
    clock.advance(TIMING.silentMs + TIMING.checkMs);
    expect(l.deaths).toBe(2);
  });

  it('calls a silent connection dead within silentMs + checkMs, once, then watches the next attempt afresh', () => {
    const clock = handClock();
    const { l, io } = link();
    const hb = new Heartbeat(io, clock, TIMING);
    hb.start();
    clock.advance(TIMING.silentMs - TIMING.checkMs);
    expect(l.deaths).toBe(0);
    clock.advance(TIMING.checkMs * 2);
    expect(l.deaths).toBe(1);
    // the retry starts: a hanging attempt is dropped as well, silence counted from its start
    l.state = 'connecting';
    hb.heard();
    clock.advance(TIMING.silentMs - TIMING.checkMs);
    expect(l.deaths).toBe(1);
    clock.advance(TIMING.checkMs * 2);
    expect(l.deaths).toBe(2);
  });

  it('leaves an idle desk alone (gone offline on purpose, or between attempts) and pings nothing while connecting', () => {
    const clock = handClock();
    const { l, io } = link('idle');
    const hb = new Heartbeat(io, clock, TIMING);
    hb.start();
    clock.advance(60_000);
    expect(l).toMatchObject({ deaths: 0, pings: 0 });
    l.state = 'connecting';
    hb.heard();
    clock.advance(2000);
    expect(l.pings).toBe(0);
    hb.stop();
    clock.advance(60_000);
    expect(l.deaths).toBe(0);
  });
});

describe('pending edits', () => {
  it('counts bursts of changes (one undo step each), not keystrokes, and starts again once everything is acknowledged', () => {
    let now = 0;
    const count = new EditCount(() => now, 500);
    // three words typed, a keystroke every 100 ms, a pause of two seconds between words
    for (const word of ['离线', '修改', '三处']) {
      for (let i = 0; i < word.length + 2; i++) {
        count.changed();
        now += 100;
      }
      now += 2000;
    }
    expect(count.pending).toBe(3);
    count.settled();
    expect(count.pending).toBe(0);
    count.changed();
    expect(count.pending).toBe(1);
  });
});
