/**
 * Zopfli on every core. `@gfx/zopfli` runs its WebAssembly on the calling thread and returns
 * only when done (its `gzipAsync` merely wraps the call in a promise), and a site's text files
 * take seconds of CPU: a pool of worker threads (zopfli-worker.mjs), one per core, each with its
 * own instance, compresses that many files at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ZopfliOptions } from '@gfx/zopfli';

export interface ZopfliPool {
  /** How many threads compress at once. */
  readonly threads: number;
  /** `bytes` in the gzip format, compressed by Zopfli with `options`. */
  gzip(bytes: Uint8Array, options: ZopfliOptions): Promise<Uint8Array>;
  /** Ends the threads; pending calls fail. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  options: ZopfliOptions;
  resolve(gz: Uint8Array): void;
  reject(error: Error): void;
}

type Reply = { id: number; gz: Uint8Array; error?: undefined } | { id: number; error: string };

/** A pool of `threads` workers (default: one per core); jobs start in the order they are given. */
export function zopfliPool(threads = availableParallelism()): ZopfliPool {
  const waiting: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let nextId = 0;

  const dispatch = () => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop()!;
      const job = waiting.shift()!;
      running.set(worker, job);
      worker.postMessage({ id: job.id, bytes: job.bytes, options: job.options });
    }
  };

  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(new URL('./zopfli-worker.mjs', import.meta.url));
    worker.on('message', (reply: Reply) => {
      const job = running.get(worker)!;
      running.delete(worker);
      idle.push(worker);
      if (reply.error !== undefined) job.reject(new Error(reply.error));
      else job.resolve(reply.gz);
      dispatch();
    });
    // A thread that dies fails its job and every job still waiting: the build stops rather
    // than wait for threads that are gone.
    worker.on('error', (error) => {
      running.get(worker)?.reject(error);
      running.delete(worker);
      for (const job of waiting.splice(0)) job.reject(error);
    });
    idle.push(worker);
    return worker;
  });

  return {
    threads: workers.length,
    gzip: (bytes, options) =>
      new Promise((resolve, reject) => {
        waiting.push({ id: nextId++, bytes, options, resolve, reject });
        dispatch();
      }),
    async close() {
      for (const job of waiting.splice(0)) job.reject(new Error('Zopfli 线程池已关闭'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
