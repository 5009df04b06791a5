import * as Comlink from 'comlink';
import { createDataApi } from './data.api';
import { startDecodeWorker } from './decodeWorker';

// Nested worker: reads and decodes big CSV files while this worker parses (core/ingest/decodePipe.ts).
Comlink.expose(createDataApi({ decodeWorker: startDecodeWorker }));
