/**
 * Small self-contained SVG charts for the model card (no fonts, scripts or external files): a
 * scatter with an identity line, line charts (ROC, calibration), and horizontal interval charts
 * (importance bars, per-group metrics with whiskers). Every chart has role="img" and a label.
 */
import { fmtNum } from './format';

/** Escape text for XML/HTML content and attributes. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toPrecision(12));
  return out;
}

interface Frame {
  width: number;
  height: number;
  x: (v: number) => number;
  y: (v: number) => number;
  body: string[];
}

const W = 480;
const H = 320;
const M = { left: 56, right: 16, top: 16, bottom: 44 };
const FONT = 'font-family="system-ui, sans-serif" font-size="11" fill="#333"';

/** Axes with ticks and labels for the domain [x0, x1] x [y0, y1]. */
function frame(x0: number, x1: number, y0: number, y1: number, xLabel: string, yLabel: string): Frame {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * pw;
  const y = (v: number) => M.top + ph - ((v - y0) / (y1 - y0 || 1)) * ph;
  const body: string[] = [];
  body.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="#fafafa" stroke="#ccc"/>`);
  for (const t of niceTicks(x0, x1)) {
    body.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${M.top}" y2="${M.top + ph}" stroke="#eee"/>`);
    body.push(`<text x="${x(t)}" y="${M.top + ph + 14}" text-anchor="middle" ${FONT}>${fmtNum(t)}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    body.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>`);
    body.push(`<text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end" ${FONT}>${fmtNum(t)}</text>`);
  }
  body.push(`<text x="${M.left + pw / 2}" y="${H - 8}" text-anchor="middle" ${FONT}>${esc(xLabel)}</text>`);
  body.push(
    `<text transform="translate(14 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" ${FONT}>${esc(yLabel)}</text>`,
  );
  return { width: W, height: H, x, y, body };
}

function wrap(f: { width: number; height: number; body: string[] }, label: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" role="img" aria-label="${esc(label)}">` +
    `<title>${esc(label)}</title>${f.body.join('')}</svg>`
  );
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Scatter of points with the y = x line (for predicted vs actual). */
export function scatterSvg(
  points: { x: number; y: number }[],
  xLabel: string,
  yLabel: string,
  label: string,
): string {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  let lo = Math.min(...pts.map((p) => Math.min(p.x, p.y)));
  let hi = Math.max(...pts.map((p) => Math.max(p.x, p.y)));
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const f = frame(lo, hi, lo, hi, xLabel, yLabel);
  f.body.push(
    `<line x1="${f.x(lo)}" y1="${f.y(lo)}" x2="${f.x(hi)}" y2="${f.y(hi)}" stroke="#999" stroke-dasharray="4 3"/>`,
  );
  for (const p of pts)
    f.body.push(
      `<circle cx="${r2(f.x(p.x))}" cy="${r2(f.y(p.y))}" r="2" fill="#3b6fb6" fill-opacity="0.5"/>`,
    );
  return wrap(f, label);
}

/** Line chart on [0, 1] x [0, 1] with the diagonal (ROC, calibration). */
export function unitLineSvg(
  series: { points: { x: number; y: number }[]; color?: string }[],
  xLabel: string,
  yLabel: string,
  label: string,
): string {
  const f = frame(0, 1, 0, 1, xLabel, yLabel);
  f.body.push(
    `<line x1="${f.x(0)}" y1="${f.y(0)}" x2="${f.x(1)}" y2="${f.y(1)}" stroke="#999" stroke-dasharray="4 3"/>`,
  );
  for (const s of series) {
    const d = s.points
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .map((p, i) => `${i ? 'L' : 'M'}${r2(f.x(p.x))} ${r2(f.y(p.y))}`)
      .join('');
    f.body.push(`<path d="${d}" fill="none" stroke="${s.color ?? '#3b6fb6'}" stroke-width="2"/>`);
  }
  return wrap(f, label);
}

export interface IntervalRow {
  label: string;
  value: number;
  lo?: number;
  hi?: number;
  /** Draw the row in the warning colour. */
  flag?: boolean;
}

/**
 * Horizontal rows with a value (a bar from 0, or a dot) and an optional interval whisker, e.g.
 * importance per feature or MAE per genre. `reference` draws a vertical line (the overall metric).
 */
export function intervalRowsSvg(
  rows: IntervalRow[],
  opts: { xLabel: string; label: string; bars?: boolean; reference?: number },
): string {
  const rowH = 22;
  const left = 150;
  const width = W;
  const height = M.top + rows.length * rowH + 40;
  const vals = rows.flatMap((r) => [r.value, r.lo ?? r.value, r.hi ?? r.value]).filter(Number.isFinite);
  if (opts.bars) vals.push(0);
  if (opts.reference !== undefined && Number.isFinite(opts.reference)) vals.push(opts.reference);
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= opts.bars && lo >= 0 ? 0 : pad;
  hi += pad;
  const pw = width - left - M.right;
  const x = (v: number) => r2(left + ((v - lo) / (hi - lo)) * pw);
  const body: string[] = [];
  const bottom = M.top + rows.length * rowH;
  for (const t of niceTicks(lo, hi)) {
    body.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${M.top}" y2="${bottom}" stroke="#eee"/>`);
    body.push(`<text x="${x(t)}" y="${bottom + 14}" text-anchor="middle" ${FONT}>${fmtNum(t)}</text>`);
  }
  body.push(
    `<text x="${left + pw / 2}" y="${height - 6}" text-anchor="middle" ${FONT}>${esc(opts.xLabel)}</text>`,
  );
  if (opts.reference !== undefined && Number.isFinite(opts.reference)) {
    const rx = x(opts.reference);
    body.push(
      `<line x1="${rx}" x2="${rx}" y1="${M.top}" y2="${bottom}" stroke="#666" stroke-dasharray="4 3"/>`,
    );
  }
  rows.forEach((r, i) => {
    const cy = M.top + i * rowH + rowH / 2;
    const color = r.flag ? '#c0392b' : '#3b6fb6';
    const name = r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label;
    body.push(`<text x="${left - 6}" y="${cy + 4}" text-anchor="end" ${FONT}>${esc(name)}</text>`);
    if (!Number.isFinite(r.value)) return;
    if (opts.bars) {
      const x0 = x(Math.max(lo, 0));
      const x1 = x(r.value);
      body.push(
        `<rect x="${Math.min(x0, x1)}" y="${cy - 7}" width="${r2(Math.abs(x1 - x0))}" height="14" fill="${color}" fill-opacity="0.7"/>`,
      );
    } else body.push(`<circle cx="${x(r.value)}" cy="${cy}" r="4" fill="${color}"/>`);
    if (r.lo !== undefined && r.hi !== undefined && Number.isFinite(r.lo) && Number.isFinite(r.hi)) {
      body.push(
        `<line x1="${x(r.lo)}" x2="${x(r.hi)}" y1="${cy}" y2="${cy}" stroke="#222" stroke-width="1.5"/>`,
      );
      for (const e of [r.lo, r.hi])
        body.push(`<line x1="${x(e)}" x2="${x(e)}" y1="${cy - 4}" y2="${cy + 4}" stroke="#222"/>`);
    }
  });
  return wrap({ width, height, body }, opts.label);
}
