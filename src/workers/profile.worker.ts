/**
 * The profile helper of a big table (see core/prep/profileParallel.ts): started by the thread that holds
 * the table, it profiles the number columns sent to it while that thread profiles the others.
 */
import { profileJobHandler, type ProfileJob } from '../core/prep/profileParallel';

const scope = self as unknown as {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent<ProfileJob>) => void) | null;
};
const handle = profileJobHandler((r) => scope.postMessage(r));
scope.onmessage = (e) => handle(e.data);
