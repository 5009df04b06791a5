import * as Comlink from 'comlink';
import { createDataApi } from './data.api';

Comlink.expose(createDataApi());
