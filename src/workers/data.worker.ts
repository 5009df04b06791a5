import * as Comlink from 'comlink';
import { createDataApi } from './data.api';
import { startDecodeWorker, startProfileWorker } from './helperWorkers';

// Nested workers: one reads and decodes a big CSV file while this worker parses it
// (core/ingest/decodePipe.ts), one profiles half of a big table's columns (core/prep/profileParallel.ts).
Comlink.expose(createDataApi({ decodeWorker: startDecodeWorker, profileWorker: startProfileWorker }));
