/**
 * The crawler benchmark's process plumbing. Parent side: `runCrawlerChild` forks one crawler run
 * (a TypeScript script run through tsx) and waits for its result over IPC. Child side:
 * `startRssSampler` samples the process's resident memory every 50 ms and also reads the kernel's
 * high-water mark (VmHWM in /proc/self/status), and `reportResult` sends the result and exits.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What each crawler child reports. */
export interface CrawlResult {
  /** Pages fetched and processed (HTML pages handled by the crawler's page callback). */
  pages: number;
  /** Wall-clock seconds of the crawl itself (after start-up, before shutdown). */
  seconds: number;
  /** Peak resident set size of the child, in MB (max of VmHWM and the 50 ms samples). */
  peakRssMb: number;
  /** Anything else worth printing (findings, requests, ticks …). */
  extra?: Record<string, unknown>;
}

/**
 * Forks `script` with `env` and resolves with the `CrawlResult` it sends. `nodeArgs` go to node
 * (e.g. `--cpu-prof`). Rejects when the child exits without a result or takes longer than `timeoutMs`.
 */
export function runCrawlerChild(script: string, env: Record<string, string>, nodeArgs: string[] = [], timeoutMs = 15 * 60_000): Promise<CrawlResult> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      execArgv: ['--import', 'tsx', ...nodeArgs],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: CrawlResult | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (msg: { result?: CrawlResult }) => {
      if (msg?.result) result = msg.result;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`${script} exited with code ${code} and no result`));
    });
  });
}

const MB = 1024 * 1024;

/** Kernel's peak RSS of this process in bytes (Linux), or 0 when unavailable. */
function vmHwmBytes(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts sampling RSS every 50 ms; the returned function stops and gives the peak in MB. */
export function startRssSampler(): () => number {
  let max = process.memoryUsage.rss();
  const timer = setInterval(() => {
    max = Math.max(max, process.memoryUsage.rss());
  }, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.round((Math.max(max, process.memoryUsage.rss(), vmHwmBytes()) / MB) * 10) / 10;
  };
}

/** Sends the result to the parent and exits once it is delivered. */
export function reportResult(result: CrawlResult): void {
  if (!process.send) {
    console.log(JSON.stringify(result));
    process.exit(0);
  }
  process.send({ result }, () => process.exit(0));
}
