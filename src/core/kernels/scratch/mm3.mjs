import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm');
const R = tf.randomNormal([64, 256]); const a = tf.randomNormal([32,64]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = (label, f, n=500) => { f(); const c = cpu(); for (let i = 0; i < n; i++) f(); console.log(label, 'cpu ms', ((cpu() - c)/n).toFixed(4)); };
for (let r=0;r<2;r++){
time('mm same R', () => { const c = tf.matMul(a, R); c.dispose(); });
time('mm fresh R', () => { const r2 = R.clone(); const c = tf.matMul(a, r2); c.dispose(); r2.dispose(); });
time('mm 32x256 @ 256x64', () => { const c = tf.matMul(R, a, true, true); c.dispose(); });
time('add 32x256', () => { const c = tf.add(R, R); c.dispose(); });
}
