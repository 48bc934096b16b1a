/**
 * Runs a benchmark server in its own Node process (so it never shares an event loop with
 * the load generator) and waits until it reports its URL over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  url: string;
  /** Whatever the child sent along with its URL (e.g. page sizes). */
  info: Record<string, unknown>;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Forks `script` (TypeScript, run through tsx) with `env`; the script must call
 * `process.send({ ready: url, ... })` once it listens. `nodeArgs` go to node (e.g. --cpu-prof).
 */
export function startChildServer(script: string, env: Record<string, string>, nodeArgs: string[] = [], timeoutMs = 120_000): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(script, [], {
      execArgv: ['--import', 'tsx', ...nodeArgs],
      env: { ...process.env, ...env },
      // Request logs go nowhere (like a log shipper that keeps up); errors stay visible.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not report ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited early with code ${code}`));
    });
    child.on('message', (msg: { ready?: string } & Record<string, unknown>) => {
      if (!msg?.ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const { ready, ...info } = msg;
      resolve({
        url: ready,
        info,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
