/**
 * Drawing the small display grids extractFeatures returns onto canvases: a waveform envelope,
 * and 8-bit images (log-mel, chroma) with row 0 (the lowest band) at the bottom.
 */
import type { Uint8Grid, WaveformEnvelope } from '../../core/audio';

/** A perceptual-ish dark-to-bright ramp (black → purple → orange → pale yellow), 256 RGB entries. */
const RAMP: Uint8Array = (() => {
  const stops: Array<[number, number, number, number]> = [
    [0, 0, 0, 4],
    [0.35, 110, 30, 130],
    [0.7, 240, 110, 40],
    [1, 252, 250, 180],
  ];
  const out = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1]![0]) k++;
    const [t0, r0, g0, b0] = stops[k]!;
    const [t1, r1, g1, b1] = stops[k + 1]!;
    const u = (t - t0) / (t1 - t0);
    out[i * 3] = Math.round(r0 + (r1 - r0) * u);
    out[i * 3 + 1] = Math.round(g0 + (g1 - g0) * u);
    out[i * 3 + 2] = Math.round(b0 + (b1 - b0) * u);
  }
  return out;
})();

/** Draw a grid at its own resolution (the canvas is scaled by CSS). */
export function drawGrid(canvas: HTMLCanvasElement, grid: Uint8Grid): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  canvas.width = grid.cols;
  canvas.height = grid.rows;
  const img = ctx.createImageData(grid.cols, grid.rows);
  for (let r = 0; r < grid.rows; r++) {
    const y = grid.rows - 1 - r; // row 0 = lowest band, drawn at the bottom
    for (let c = 0; c < grid.cols; c++) {
      const v = grid.data[r * grid.cols + c]!;
      const o = (y * grid.cols + c) * 4;
      img.data[o] = RAMP[v * 3]!;
      img.data[o + 1] = RAMP[v * 3 + 1]!;
      img.data[o + 2] = RAMP[v * 3 + 2]!;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}

/** Draw a min/max envelope as vertical bars, full scale = ±max|x| (at least ±1e-6). */
export function drawWaveform(canvas: HTMLCanvasElement, env: WaveformEnvelope, color = '#6d28d9'): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const w = (canvas.width = env.points);
  const h = (canvas.height = 96);
  ctx.clearRect(0, 0, w, h);
  let peak = 1e-6;
  for (let i = 0; i < env.points; i++) peak = Math.max(peak, Math.abs(env.min[i]!), Math.abs(env.max[i]!));
  const mid = h / 2;
  const scale = (h / 2 - 1) / peak;
  ctx.fillStyle = color;
  for (let i = 0; i < env.points; i++) {
    const top = mid - env.max[i]! * scale;
    const bottom = mid - env.min[i]! * scale;
    ctx.fillRect(i, top, 1, Math.max(1, bottom - top));
  }
}
