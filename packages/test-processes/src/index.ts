import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One child process with its output kept, so a failing test can show it and a test can search its log. */
export class Child {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<Exit>;
  /** Resolves once stdout and stderr are read to the end (after `exited`, or after a failed spawn). */
  readonly closed: Promise<void>;
  /** Why the process could not be started (e.g. ENOENT: the program is not installed). */
  spawnError: Error | undefined;
  private exit: Exit | undefined;

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    running.add(this);
    const collect = (stream: NodeJS.ReadableStream | null, into: string[]) => {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        into.push(...lines);
      });
      // A last line without a newline still belongs to the output.
      stream?.on('end', () => {
        if (partial !== '') into.push(partial);
        partial = '';
      });
    };
    collect(process.stdout, this.stdout);
    collect(process.stderr, this.stderr);
    this.closed = new Promise((resolve) => process.once('close', () => resolve()));
    this.exited = new Promise((resolve) => {
      const settle = (exit: Exit) => {
        running.delete(this);
        this.exit = exit;
        resolve(exit);
      };
      process.once('exit', (code, signal) => settle({ code, signal }));
      // A process that was never spawned emits 'error' and no 'exit'.
      process.on('error', (error) => {
        if (process.pid !== undefined) return;
        this.spawnError = error;
        settle({ code: null, signal: null });
      });
    });
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** The JSON (pino) lines of stdout. */
  logs(): Record<string, unknown>[] {
    return this.stdout.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** What the process printed, for assertion messages. */
  transcript(): string {
    return `--- ${this.name} stdout ---\n${this.stdout.join('\n')}\n--- ${this.name} stderr ---\n${this.stderr.join('\n')}`;
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.hasExited) this.process.kill(signal);
  }

  /** `signal` (SIGTERM unless the program stops gracefully on another), then SIGKILL if it is still there after `graceMs`. */
  async stop(graceMs = 5000, signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
    if (this.exit !== undefined) return this.exit;
    this.signal(signal);
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** Peak resident set size so far, in bytes (Linux VmHWM); only while the process runs. */
  peakRssBytes(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  }
}

const running = new Set<Child>();
// Whatever happens to the test worker, no child outlives it.
process.once('exit', () => {
  for (const child of running) child.signal('SIGKILL');
});

/** Stops every child this worker started and that still runs: call it in afterAll. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

export interface StartProcessOptions {
  /** Names the process in transcripts and errors. */
  name: string;
  command: string;
  args?: string[];
  /** The whole environment of the process, as spawn takes it; the parent's when left out. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Tried on every stdout line: the process is ready at the first line that matches. */
  ready: RegExp;
  timeoutMs?: number;
}

/**
 * Spawns `command` and waits until a stdout line matches `ready`. A process that cannot be spawned, exits first
 * or is not ready within `timeoutMs` rejects with what it printed and is not left running.
 */
export async function startProcess(options: StartProcessOptions): Promise<{ child: Child; match: RegExpExecArray }> {
  const { name, ready, timeoutMs = 20_000 } = options;
  const child = new Child(
    name,
    spawn(options.command, options.args ?? [], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const match = await waitFor(() => child.stdout.map((line) => ready.exec(line)).find((found) => found !== null) ?? (child.hasExited ? 'exited' : undefined), {
    timeoutMs,
    what: `${name} to start`,
  }).catch(async (error: unknown) => {
    await child.stop(1000);
    throw new Error(`${(error as Error).message}\n${child.transcript()}`);
  });
  if (match !== 'exited') return { child, match };
  // 'exit' can come before the last output: read it all (bounded) so the error shows why.
  await Promise.race([child.closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  if (child.spawnError !== undefined) throw new Error(`cannot run ${options.command} (is it installed?): ${child.spawnError.message}`);
  const exit = await child.exited;
  throw new Error(`${name} exited while starting (${exit.signal ?? `code ${String(exit.code)}`})\n${child.transcript()}`);
}

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, options: { timeoutMs: number; what: string; intervalMs?: number }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}

/** A loopback port that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
