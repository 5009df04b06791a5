import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend(process.env.BK ?? 'wasm');
const R = tf.randomNormal([64, 256]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = (label, f, n=128) => { const w = performance.now(), c = cpu(); for (let i = 0; i < n; i++) f(); console.log(label, 'wall', ((performance.now() - w)/n).toFixed(3), 'cpu', ((cpu() - c)/n).toFixed(3)); };
const a = tf.randomNormal([32,64]);
for (let r=0;r<3;r++){
time('upload+mm+read', () => tf.tidy(() => tf.matMul(tf.tensor2d(new Float32Array(32 * 64), [32, 64]), R).dataSync()));
time('mm+read', () => tf.tidy(() => tf.matMul(a, R).dataSync()));
time('mm only', () => tf.tidy(() => { tf.matMul(a, R); }));
time('add+read', () => tf.tidy(() => tf.add(a, a).dataSync()));
time('add only', () => tf.tidy(() => { tf.add(a, a) }));
}
