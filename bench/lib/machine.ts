/**
 * Describes the machine a benchmark ran on (CPU count and model, memory, Node version) and
 * how busy it was: on a shared box, other work skews figures, so we wait for a quiet moment.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** One line such as "2 CPUs (AMD EPYC …), 8 GB RAM, Node v20.20.2, linux x64". */
export function machineSummary(): string {
  const model = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const gb = Math.round(totalmem() / 1024 ** 3);
  return `${availableParallelism()} CPUs (${model}), ${gb} GB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}

/** The 1-minute load average, rounded to two decimals. */
export function loadNow(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}

/**
 * Waits (polling every 5 s) until the 1-minute load average is at most `maxLoad`, or
 * `maxWaitSeconds` have passed. Returns the load when it stopped waiting.
 */
export async function waitForQuietMachine(maxLoad: number, maxWaitSeconds: number, onWait?: (load: number) => void): Promise<number> {
  const deadline = Date.now() + maxWaitSeconds * 1000;
  let load = loadNow();
  while (load > maxLoad && Date.now() < deadline) {
    onWait?.(load);
    await new Promise((r) => setTimeout(r, 5000));
    load = loadNow();
  }
  return load;
}
