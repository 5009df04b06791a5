/**
 * The profile helper of a big table (see core/prep/profileParallel.ts): started by the thread that holds
 * the table, it profiles the number columns sent to it while that thread profiles the others.
 */
import { profileJobHandler, warmUpProfiling, type ProfileJob } from '../core/prep/profileParallel';

const scope = self as unknown as {
  postMessage(m: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ProfileJob>) => void) | null;
};
const handle = profileJobHandler((r, transfer) => scope.postMessage(r, transfer));
scope.onmessage = (e) => handle(e.data);
// Started ahead of a load (see helperWorkers.ts), it has time to get the profiling code optimized first.
warmUpProfiling();
scope.postMessage({ kind: 'ready' }, []);
