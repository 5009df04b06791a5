import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm');
function bench(name, f, n=5){ tf.tidy(()=>f().dataSync()); let t=performance.now(); for(let i=0;i<n;i++) tf.tidy(()=>{f().dataSync()}); console.log(name, ((performance.now()-t)/n).toFixed(3),'ms'); }
const x = tf.randomNormal([393216,16]); const ones = tf.ones([1,393216]); const x2 = x.reshape([393216/64, 64*16]); const ones2=tf.ones([1,393216/64]);
bench('sum axis0', ()=> x.sum(0));
bench('ones@x', ()=> tf.matMul(ones, x));
bench('ones2@x2', ()=> tf.matMul(ones2, x2));
bench('x2^T@ones2^T transA', ()=> tf.matMul(x2, ones2, true, true));
bench('reshape [6144,64,16] sum axis [0,1]', ()=> x.reshape([6144,64,16]).sum([0,1]));
bench('sum axis1 of x2 transposed', ()=> x2.sum(0));
