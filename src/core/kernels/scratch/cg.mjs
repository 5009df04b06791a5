import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend(process.env.BK ?? 'wasm');
const R = tf.randomNormal([64, 256]);
const R2 = tf.randomNormal([256, 64]);
const run = (label, B=R, k=64) => { const t = performance.now(); for (let i = 0; i < 128; i++) tf.tidy(() => tf.matMul(tf.tensor2d(new Float32Array(32 * k), [32, k]), B).dataSync()); console.log(label, (performance.now() - t)/128); };
for (let r = 0; r < 3; r++) { run('h@R'); run('dz@RT', R2, 256); }
const a = tf.randomNormal([32,64]);
let t = performance.now(); for (let i = 0; i < 128; i++) tf.tidy(() => tf.matMul(a, R).dataSync()); console.log('no upload', (performance.now() - t)/128);
t = performance.now(); for (let i = 0; i < 128; i++) tf.tidy(() => tf.add(a, a).dataSync()); console.log('add', (performance.now() - t)/128);
