/**
 * One `export FILE.banmian -o OUTDIR --force` in a process of its own, as a desk runs it: prints its
 * wall time (from the command's start, the fonts' loading included; loading the modules is not) and
 * the process's peak resident memory as the OS counts it (getrusage's maxrss, not a sample), as JSON.
 * edition.bench.ts runs it, so the figure is not the bench process's own leftovers from the make-up.
 */
import { run as exportCommand } from '../src-main/cli/commands/export';

const [saved, out] = process.argv.slice(2);
const quiet = { log: console.log, error: console.error };
console.log = () => {};
console.error = () => {};
const t = performance.now();
const code = await exportCommand([saved, '-o', out, '--force']);
const ms = performance.now() - t;
Object.assign(console, quiet);
console.log(JSON.stringify({ code, ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
