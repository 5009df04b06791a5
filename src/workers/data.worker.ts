import * as Comlink from 'comlink';
import { createDataApi } from './data.api';
import { prestartHelpers, startDecodeWorker, startProfileWorker } from './helperWorkers';

// Nested workers: one reads and decodes a big CSV file while this worker parses it
// (core/ingest/decodePipe.ts), one profiles half of a big table's columns (core/prep/profileParallel.ts).
// A spare of each is started now and after every load, so a dropped file does not wait for them.
void prestartHelpers();
Comlink.expose(
  createDataApi({
    decodeWorker: startDecodeWorker,
    profileWorker: startProfileWorker,
    prestart: () => void prestartHelpers(),
  }),
);
