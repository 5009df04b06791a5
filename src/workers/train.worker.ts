import * as Comlink from 'comlink';
import { createTrainApi } from './train.api';

Comlink.expose(createTrainApi());
