import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm');
const a = tf.scalar(1), b = tf.scalar(2);
for (let rep=0;rep<3;rep++){
let t=performance.now(); for(let i=0;i<20000;i++){ const c = tf.add(a,b); c.dispose(); } console.log('add scalar us', (performance.now()-t)/20);
t=performance.now(); for(let i=0;i<20000;i++){ tf.tidy(()=>tf.add(a,b)); } console.log('tidy add us', (performance.now()-t)/20);
const v = tf.variable(tf.zeros([128,64])); const g = tf.ones([128,64]);
const opt = tf.train.adam(1e-3);
t=performance.now(); for(let i=0;i<500;i++){ opt.applyGradients({[v.name]: g}); } console.log('adam 1 var us', (performance.now()-t)/0.5);
}
