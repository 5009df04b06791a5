/**
 * A tiny request/response protocol between the bench page and its workers: every request carries an id, the
 * worker answers with a result or an error for that id and may send log lines at any time. Kept separate from
 * src/workers (the app's Comlink client) so the bench measures core code with nothing else in the way.
 */

/** What a bench worker posts back. */
export type WorkerReply =
  | { type: 'log'; text: string }
  | { type: 'partial'; value: unknown }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string };

/** Worker side: send one log line to the page (the page prints it on its console, which run.mjs shows). */
export function log(text: string): void {
  self.postMessage({ type: 'log', text } satisfies WorkerReply);
}

/** Worker side: figures so far, so the page still has something if it must terminate the worker on timeout. */
export function partial(value: unknown): void {
  self.postMessage({ type: 'partial', value } satisfies WorkerReply);
}

/**
 * Worker side: answer each request `{ id, ...payload }` with `handler(payload)`. Requests are handled one at a
 * time in arrival order; a thrown Error becomes an error reply with its message.
 */
export function serve<Req extends object>(
  handler: (req: Req) => Promise<{ value: unknown; transfer?: Transferable[] }>,
): void {
  let queue: Promise<void> = Promise.resolve();
  self.onmessage = (e: MessageEvent<Req & { id: number }>) => {
    const { id } = e.data;
    queue = queue.then(async () => {
      try {
        const { value, transfer } = await handler(e.data);
        self.postMessage({ type: 'result', id, result: value } satisfies WorkerReply, {
          transfer: transfer ?? [],
        });
      } catch (err) {
        const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        self.postMessage({ type: 'error', id, message } satisfies WorkerReply);
      }
    });
  };
}

/** Page side: a worker with promise-returning calls; log lines go to `onLog`; `lastPartial` keeps the latest figures. */
export class WorkerClient {
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  lastPartial: unknown;

  constructor(
    readonly worker: Worker,
    onLog: (text: string) => void,
  ) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'log') return onLog(m.text);
      if (m.type === 'partial') {
        this.lastPartial = m.value;
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.type === 'result') p.resolve(m.result);
      else p.reject(new Error(m.message));
    };
    worker.onerror = (e: ErrorEvent) =>
      this.failAll(new Error(`worker crashed: ${e.message || 'unknown error'}`));
  }

  /** Send a request; rejects on a worker error, a crash, or after `timeoutMs` (then the worker is terminated). */
  call<T>(req: object, timeoutMs: number, transfer: Transferable[] = []): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.worker.terminate();
        reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s (worker terminated)`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('worker terminated'));
  }
}
