import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm');
const a = tf.randomNormal([32,64]);
const R = tf.randomNormal([64, 256]);
const T = (label, f) => { const t0 = performance.now(); for (let i=0;i<1000;i++) f(); console.log(label, ((performance.now()-t0)/1000).toFixed(4)); };
for (let r=0;r<2;r++){
T('add dispose', () => { const c = tf.add(a,a); c.dataSync(); c.dispose(); });
T('add tidy', () => tf.tidy(() => tf.add(a,a).dataSync()));
T('mm dispose', () => { const c = tf.matMul(a,R); c.dataSync(); c.dispose(); });
T('mm tidy', () => tf.tidy(() => tf.matMul(a,R).dataSync()));
T('mm nosync', () => { const c = tf.matMul(a,R); c.dispose(); });
T('upload', () => { const c = tf.tensor2d(new Float32Array(32*64), [32,64]); c.dispose(); });
}
