import * as Comlink from 'comlink';
import { createDataApi } from './data.api';

// Nested worker: reads and decodes big CSV files while this worker parses (core/ingest/decodePipe.ts).
const decodeWorker = () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });

Comlink.expose(createDataApi({ decodeWorker }));
