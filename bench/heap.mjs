// Samples the V8 heap of a dedicated worker from outside, over the DevTools protocol (Runtime.getHeapUsage on the
// worker's target). Inside a dedicated worker Chromium exposes neither performance.memory nor
// performance.measureUserAgentSpecificMemory, so this is the only way to see a worker's peak while it runs.
// The inspector answers through V8 interrupts, so samples arrive even while the worker runs long synchronous code.

/**
 * Start sampling the first worker whose URL contains `urlPart` (waits for it to appear).
 * Returns { stop() } resolving to { samples, peakUsedBytes, peakWithBuffersBytes, firstUsedBytes }:
 * usedSize is the V8 heap in use; backingStorageSize adds ArrayBuffer (typed array) memory outside that heap.
 */
export async function sampleWorkerHeap(browser, urlPart, intervalMs = 50) {
  const cdp = await browser.newBrowserCDPSession();
  const stats = { samples: 0, peakUsedBytes: 0, peakWithBuffersBytes: 0, firstUsedBytes: undefined };
  const pending = new Map();
  let sessionId;
  let nextId = 0;
  let running = true;

  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    const p = pending.get(m.id);
    if (p) {
      pending.delete(m.id);
      p(m);
    }
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId === sessionId) running = false;
  });

  const call = (method) =>
    new Promise((resolve) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(undefined);
      }, 2000);
      pending.set(id, (m) => {
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
        if (!sessionId) {
          const { targetInfos } = await cdp.send('Target.getTargets');
          const t = targetInfos.find((x) => x.type === 'worker' && x.url.includes(urlPart));
          // flatten: false keeps the old message-passing mode, which Playwright's CDPSession can drive.
          if (t)
            ({ sessionId } = await cdp.send('Target.attachToTarget', {
              targetId: t.targetId,
              flatten: false,
            }));
        } else {
          const m = await call('Runtime.getHeapUsage');
          const r = m?.result;
          if (r && typeof r.usedSize === 'number') {
            stats.samples++;
            stats.firstUsedBytes ??= r.usedSize;
            stats.peakUsedBytes = Math.max(stats.peakUsedBytes, r.usedSize);
            stats.peakWithBuffersBytes = Math.max(
              stats.peakWithBuffersBytes,
              r.usedSize + (r.backingStorageSize ?? 0),
            );
          }
        }
      } catch {
        // The target went away between listing and attaching, or the session closed: stop quietly.
        if (sessionId) running = false;
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
