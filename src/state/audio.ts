/** The Audio panel's view of the one store: `useAudioStore(selector)` reads the audio slice. */
import type { AudioState } from './slices/audioTypes';
import { useStore } from './store';

export type * from './slices/audioTypes';
export type { IncomingFile } from './audioIntake';
export type { AudioErrorKind } from './audioDecode';
export type { JoinReport } from '../workers/protocol/audio';
export { joinBaseOf } from './slices/audioView';

/** Select from the audio slice (a hook, like useStore). */
export function useAudioStore<T>(selector: (s: AudioState) => T): T {
  return useStore((s) => selector(s.audio));
}
useAudioStore.getState = (): AudioState => useStore.getState().audio;
