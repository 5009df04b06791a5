import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm');
const a = tf.randomNormal([32,64]);
const b = tf.backend();
const t0 = performance.now();
for (let i=0;i<2000;i++) { const c = tf.add(a,a); c.dataSync(); c.dispose(); }
console.log('ms/iter', (performance.now()-t0)/2000);
let t1 = performance.now();
for (let i=0;i<2000;i++) { b.readSync(a.dataId); }
console.log('readSync ms', (performance.now()-t1)/2000);
t1 = performance.now();
for (let i=0;i<2000;i++) { b.wasm.HEAPU8.slice(1000, 9192); }
console.log('slice ms', (performance.now()-t1)/2000, b.wasm.HEAPU8.buffer.byteLength, b.wasm.HEAPU8.buffer.constructor.name);
