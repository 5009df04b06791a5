import * as Comlink from 'comlink';
import { createAudioApi } from './audio.api';

Comlink.expose(createAudioApi());
