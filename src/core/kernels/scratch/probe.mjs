import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
const t0=Date.now();
await tf.setBackend('wasm'); await tf.ready();
console.log(tf.getBackend(), Date.now()-t0, 'ms');
const b = tf.backend();
console.log(Object.keys(b).slice(0,30));
console.log(tf.env().getFlags());
const x = tf.randomNormal([256,128]); const w = tf.randomNormal([128,64]);
for (const [ta,tb] of [[false,false],[true,false],[false,true]]) {
  const a = ta? x.transpose(): x; 
  let t=performance.now(); let r;
  for (let i=0;i<50;i++){ r = ta? tf.matMul(x.transpose().clone(), w, true, false) : tb ? tf.matMul(x, w.transpose().clone(), false, true): tf.matMul(x,w); r.dataSync(); r.dispose();}
  console.log(ta,tb,(performance.now()-t)/50,'ms');
}
