// Samples the V8 heap of dedicated workers from outside, over the DevTools protocol (Runtime.getHeapUsage on the
// worker's target). Inside a dedicated worker Chromium exposes neither performance.memory nor
// performance.measureUserAgentSpecificMemory, so this is the only way to see a worker's peak while it runs.
// The inspector answers through V8 interrupts, so samples arrive even while the worker runs long synchronous code.

/**
 * Start sampling every worker whose URL contains one of `urlParts` (attaching to each as it appears;
 * a big CSV load runs in the ingest worker and a helper worker it starts). Each sample is the sum over
 * the workers alive at that moment. Returns { stop() } resolving to { samples, workers, peakUsedBytes,
 * peakWithBuffersBytes, firstUsedBytes }: usedSize is the V8 heap in use; backingStorageSize adds
 * ArrayBuffer (typed array) memory outside that heap.
 */
export async function sampleWorkerHeap(browser, urlParts, intervalMs = 50) {
  const parts = Array.isArray(urlParts) ? urlParts : [urlParts];
  const cdp = await browser.newBrowserCDPSession();
  const stats = {
    samples: 0,
    workers: 0,
    peakUsedBytes: 0,
    peakWithBuffersBytes: 0,
    firstUsedBytes: undefined,
  };
  const pending = new Map();
  /** targetId -> sessionId of the workers attached so far (removed when they go away). */
  const sessions = new Map();
  let nextId = 0;
  let running = true;

  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const p = pending.get(`${e.sessionId}:${m.id}`);
    if (p) {
      pending.delete(`${e.sessionId}:${m.id}`);
      p(m);
    }
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    for (const [t, sid] of sessions) if (sid === e.sessionId) sessions.delete(t);
  });

  const call = (sessionId, method) =>
    new Promise((resolve) => {
      const id = ++nextId;
      const key = `${sessionId}:${id}`;
      const timer = setTimeout(() => {
        pending.delete(key);
        resolve(undefined);
      }, 2000);
      pending.set(key, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        })
        .catch(() => resolve(undefined));
    });

  const loop = (async () => {
    while (running) {
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        for (const t of targetInfos) {
          if (t.type !== 'worker' || sessions.has(t.targetId) || !parts.some((u) => t.url.includes(u)))
            continue;
          // flatten: false keeps the old message-passing mode, which Playwright's CDPSession can drive.
          const { sessionId } = await cdp.send('Target.attachToTarget', {
            targetId: t.targetId,
            flatten: false,
          });
          sessions.set(t.targetId, sessionId);
          stats.workers++;
        }
        const answers = await Promise.all(
          [...sessions.values()].map((sid) => call(sid, 'Runtime.getHeapUsage')),
        );
        let used = 0;
        let withBuffers = 0;
        let any = false;
        for (const m of answers) {
          const r = m?.result;
          if (!r || typeof r.usedSize !== 'number') continue;
          any = true;
          used += r.usedSize;
          withBuffers += r.usedSize + (r.backingStorageSize ?? 0);
        }
        if (any) {
          stats.samples++;
          stats.firstUsedBytes ??= used;
          stats.peakUsedBytes = Math.max(stats.peakUsedBytes, used);
          stats.peakWithBuffersBytes = Math.max(stats.peakWithBuffersBytes, withBuffers);
        }
      } catch {
        // A target went away between listing and attaching: try again next tick.
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => {});
      return stats;
    },
  };
}
