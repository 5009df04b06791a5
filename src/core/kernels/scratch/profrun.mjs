import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
// src/core/kernels/wasmMatMul.ts
/** Product of all but the last two dims (1 for a plain matrix). */
function batchOf(shape) {
	let p = 1;
	for (let i = 0; i < shape.length - 2; i++) p *= shape[i];
	return p;
}
/** Swap the last two axes with the backend's own Transpose kernel. Shape: [..., m, n] -> [..., n, m]. */
function swapLast(transpose, backend, x) {
	const r = x.shape.length;
	const perm = x.shape.map((_, i) => i);
	perm[r - 2] = r - 1;
	perm[r - 1] = r - 2;
	return transpose({
		inputs: { x },
		backend,
		attrs: { perm }
	});
}
/**
* Wrap a wasm matMul kernel (BatchMatMul or _FusedMatMul, inputs `a`, `b`) so transposed single-matrix products
* become an explicit transpose plus a plain product. Batched products (batch > 1) keep tfjs's path.
*/
function untransposedMatMulConfig(orig, transposeKernel) {
	const call = orig.kernelFunc;
	const transpose = transposeKernel.kernelFunc;
	const kernelFunc = (args) => {
		const { inputs, backend, attrs } = args;
		const a = inputs.a;
		const b = inputs.b;
		const ta = attrs.transposeA === true;
		const tb = attrs.transposeB === true;
		if (!ta && !tb || batchOf(a.shape) !== 1 || batchOf(b.shape) !== 1 || a.dtype !== "float32" || b.dtype !== "float32") return call(args);
		const temps = [];
		const a2 = ta ? swapLast(transpose, backend, a) : a;
		if (ta) temps.push(a2);
		const b2 = tb ? swapLast(transpose, backend, b) : b;
		if (tb) temps.push(b2);
		try {
			return call({
				inputs: {
					...inputs,
					a: a2,
					b: b2
				},
				backend,
				attrs: {
					...attrs,
					transposeA: false,
					transposeB: false
				}
			});
		} finally {
			for (const t of temps) backend.disposeData(t.dataId);
		}
	};
	return {
		...orig,
		kernelFunc
	};
}
// src/core/kernels/wasmConvGrad.ts
/**
* Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 does not ship (so neither Conv2D nor
* Conv1D layers could train on wasm: "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'").
*
* Stride 1 (every conv layer in the zoo) uses a transposed im2col on a padded grid and ONE plain XNNPACK matMul:
* lay the zero-padded input out channel-major as xpT [Ci, R] over the R = N * Hp * Wp padded pixels, and place dy
* at the top-left of the same grid (dyp [R', Co]). Then for every tap (kh, kw) the contributing input pixel of grid
* row r is r + kh * Wp + kw, so the shifted windows are contiguous runs of xpT; stacking the KH * KW * Ci runs gives
* colsT [KH * KW * Ci, R'] and dW = colsT @ dyp, already in tfjs's [KH, KW, Ci, Co] filter layout. Other strides
* and NCHW use a direct loop (correct, slower).
*/
/** Read shapes, padding and strides through tfjs's own conv arithmetic (so 'same' padding splits identically). */
function geometry(x, dy, attrs) {
	const filterShape = attrs.filterShape;
	const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? "NHWC");
	const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, dataFormat);
	if (info.outHeight !== dy.shape[dataFormat === "channelsLast" ? 1 : 2]) throw new Error("Conv2DBackpropFilter: dy does not match the conv geometry.");
	return {
		n: info.batchSize,
		h: info.inHeight,
		w: info.inWidth,
		ci: info.inChannels,
		co: info.outChannels,
		kh: info.filterHeight,
		kw: info.filterWidth,
		oh: info.outHeight,
		ow: info.outWidth,
		sh: info.strideHeight,
		sw: info.strideWidth,
		top: info.padInfo.top,
		left: info.padInfo.left
	};
}
/** Stride-1 NHWC filter gradient via colsT @ dyp (see the file comment). Shape: -> [KH * KW * Ci, Co]. */
function stride1(g, x, dy, backend, matMul) {
	const { n, h, w, ci, co, kh, kw, oh, ow, top, left } = g;
	const hp = oh + kh - 1;
	const wp = ow + kw - 1;
	const rows = n * hp * wp;
	const used = rows - ((kh - 1) * wp + (kw - 1));
	const taps = kh * kw * ci;
	const cols = backend.makeOutput([taps, used], "float32");
	const dyp = backend.makeOutput([used, co], "float32");
	try {
		const xv = backend.typedArrayFromHeap(x);
		const dyv = backend.typedArrayFromHeap(dy);
		const cv = backend.typedArrayFromHeap(cols);
		const dv = backend.typedArrayFromHeap(dyp);
		const xpT = new Float32Array(ci * rows);
		const hUse = Math.min(h, hp - top);
		const wUse = Math.min(w, wp - left);
		for (let b = 0; b < n; b++) for (let y = 0; y < hUse; y++) {
			const src = (b * h + y) * w * ci;
			const dst = (b * hp + y + top) * wp + left;
			if (ci === 1) {
				xpT.set(xv.subarray(src, src + wUse), dst);
				continue;
			}
			for (let xx = 0; xx < wUse; xx++) {
				const s = src + xx * ci;
				for (let c = 0; c < ci; c++) xpT[c * rows + dst + xx] = xv[s + c];
			}
		}
		let row = 0;
		for (let a = 0; a < kh; a++) for (let bb = 0; bb < kw; bb++) {
			const shift = a * wp + bb;
			for (let c = 0; c < ci; c++, row++) {
				const s = c * rows + shift;
				cv.set(xpT.subarray(s, s + used), row * used);
			}
		}
		dv.fill(0);
		const run = ow * co;
		for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) {
			const src = (b * oh + y) * run;
			dv.set(dyv.subarray(src, src + run), (b * hp + y) * wp * co);
		}
		return matMul({
			inputs: {
				a: cols,
				b: dyp
			},
			backend,
			attrs: {
				transposeA: false,
				transposeB: false
			}
		});
	} finally {
		backend.disposeData(cols.dataId);
		backend.disposeData(dyp.dataId);
	}
}
/** Any stride, NHWC or NCHW: the textbook sum, accumulated in float64. Shape: -> [KH, KW, Ci, Co]. */
function direct(g, x, dy, backend, nchw) {
	const { n, h, w, ci, co, kh, kw, oh, ow, sh, sw, top, left } = g;
	const acc = new Float64Array(kh * kw * ci * co);
	const out = backend.makeOutput([
		kh,
		kw,
		ci,
		co
	], "float32");
	const xv = backend.typedArrayFromHeap(x);
	const dyv = backend.typedArrayFromHeap(dy);
	const xAt = nchw ? (b, y, xx, c) => ((b * ci + c) * h + y) * w + xx : (b, y, xx, c) => ((b * h + y) * w + xx) * ci + c;
	const dyAt = nchw ? (b, y, xx, c) => ((b * co + c) * oh + y) * ow + xx : (b, y, xx, c) => ((b * oh + y) * ow + xx) * co + c;
	for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) for (let xx = 0; xx < ow; xx++) for (let a = 0; a < kh; a++) {
		const iy = y * sh - top + a;
		if (iy < 0 || iy >= h) continue;
		for (let bb = 0; bb < kw; bb++) {
			const ix = xx * sw - left + bb;
			if (ix < 0 || ix >= w) continue;
			for (let c = 0; c < ci; c++) {
				const xval = xv[xAt(b, iy, ix, c)];
				if (xval === 0) continue;
				const base = ((a * kw + bb) * ci + c) * co;
				for (let o = 0; o < co; o++) acc[base + o] = acc[base + o] + xval * dyv[dyAt(b, y, xx, o)];
			}
		}
	}
	backend.typedArrayFromHeap(out).set(acc);
	return out;
}
/**
* Conv2DBackpropFilter kernel config for wasm. `batchMatMul` is the (already registered) wasm BatchMatMul config.
* Inputs x [N, H, W, Ci] and dy [N, OH, OW, Co] (NHWC); attrs as tfjs's conv2d gradient passes them.
*/
function conv2dBackpropFilterConfig(batchMatMul) {
	const matMul = batchMatMul.kernelFunc;
	const kernelFunc = ({ inputs, backend, attrs }) => {
		const x = inputs.x;
		const dy = inputs.dy;
		const g = geometry(x, dy, attrs);
		const nchw = attrs.dataFormat === "NCHW";
		if (nchw || g.sh !== 1 || g.sw !== 1) return direct(g, x, dy, backend, nchw);
		const out = stride1(g, x, dy, backend, matMul);
		out.shape = [
			g.kh,
			g.kw,
			g.ci,
			g.co
		];
		return out;
	};
	return {
		kernelName: "Conv2DBackpropFilter",
		backendName: "wasm",
		kernelFunc
	};
}
// src/core/kernels/wasmConvInput.ts
/**
* Conv2DBackpropInput for the wasm backend as a forward convolution.
*
* Why: tfjs-backend-wasm 4.22's Conv2DBackpropInput is a scalar C++ loop, about 15x slower here than its XNNPACK
* forward Conv2D on the same sizes (2 s per step for one 3x3, 16 -> 32 layer at batch 32 on 48 x 64 maps). For
* stride 1 the input gradient is a correlation of dy with the filter rotated 180 degrees and its channel axes
* swapped, padded by (k - 1 - pad), which the forward kernel computes. Other strides keep tfjs's kernel.
*/
/**
* Conv2DBackpropInput kernel config for wasm. `orig` is tfjs's kernel (kept for strides > 1 and NCHW), `conv2d`
* the wasm forward Conv2D. Inputs dy [N, OH, OW, Co], filter [KH, KW, Ci, Co]; output dx of attrs.inputShape.
*/
function conv2dBackpropInputConfig(orig, conv2d) {
	const fallback = orig.kernelFunc;
	const forward = conv2d.kernelFunc;
	const kernelFunc = (args) => {
		const { inputs, backend, attrs } = args;
		const dy = inputs.dy;
		const filter = inputs.filter;
		const inputShape = attrs.inputShape;
		if ((attrs.dataFormat ?? "NHWC") !== "NHWC" || dy.dtype !== "float32") return fallback(args);
		const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, "channelsLast");
		if (info.strideHeight !== 1 || info.strideWidth !== 1) return fallback(args);
		const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow } = info;
		const top = kh - 1 - info.padInfo.top;
		const left = kw - 1 - info.padInfo.left;
		const bottom = h - oh + kh - 1 - top;
		const right = w - ow + kw - 1 - left;
		if (top < 0 || left < 0 || bottom < 0 || right < 0) return fallback(args);
		const wr = backend.makeOutput([
			kh,
			kw,
			co,
			ci
		], "float32");
		try {
			const fv = backend.typedArrayFromHeap(filter);
			const wv = backend.typedArrayFromHeap(wr);
			for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) {
				const src = ((kh - 1 - a) * kw + (kw - 1 - b)) * ci * co;
				const dst = (a * kw + b) * co * ci;
				for (let c = 0; c < ci; c++) for (let o = 0; o < co; o++) wv[dst + o * ci + c] = fv[src + c * co + o];
			}
			return forward({
				inputs: {
					x: dy,
					filter: wr
				},
				backend,
				attrs: {
					strides: [1, 1],
					dilations: [1, 1],
					pad: [
						[0, 0],
						[top, bottom],
						[left, right],
						[0, 0]
					],
					dataFormat: "NHWC",
					dimRoundingMode: void 0
				}
			});
		} finally {
			backend.disposeData(wr.dataId);
		}
	};
	return {
		...orig,
		kernelFunc
	};
}
// src/core/kernels/wasmReduce.ts
/**
* Tile, MaxPoolGrad and leading-axis Sum / Mean for the wasm backend, written over heap views.
*
* Why (measured on a CNN step at batch 32 on [96, 128, 16] maps, tfjs-backend-wasm 4.22): Tile of a per-channel
* [1, 1, 1, C] vector to the feature map (batch norm's gradient) took 0.5-1.6 s, MaxPoolGrad 0.46 s, and Sum / Mean
* over the batch and pixel axes (bias and batch-norm gradients) ~0.1 s each. Tile here is block copies doubled with
* copyWithin; MaxPoolGrad is tfjs's CPU algorithm (first maximum in row-major window order wins); the reductions
* are one matMul with a ones vector.
*/
function wrap(orig, own) {
	const fallback = orig.kernelFunc;
	return {
		...orig,
		kernelFunc: ((a) => own(a, fallback))
	};
}
/** Tile kernel config: out[i] = x[i mod x.shape] with out.shape = x.shape * reps. Any numeric dtype. */
function tileConfig(orig) {
	return wrap(orig, (args, fallback) => {
		const x = args.inputs.x;
		if (x.dtype === "string" || x.shape.length === 0) return fallback(args);
		const reps = args.attrs.reps;
		const shape = x.shape;
		const rank = shape.length;
		const outShape = shape.map((s, i) => s * reps[i]);
		const out = args.backend.makeOutput(outShape, x.dtype);
		if (tf.util.sizeFromShape(outShape) === 0) return out;
		const xv = args.backend.typedArrayFromHeap(x);
		const ov = args.backend.typedArrayFromHeap(out);
		const inStr = [...tf.util.computeStrides(shape), 1];
		const outStr = [...tf.util.computeStrides(outShape), 1];
		const fill = (d, inOff, outOff) => {
			const n = shape[d];
			let block;
			if (d === rank - 1) {
				ov.set(xv.subarray(inOff, inOff + n), outOff);
				block = n;
			} else {
				for (let i = 0; i < n; i++) fill(d + 1, inOff + i * inStr[d], outOff + i * outStr[d]);
				block = n * outStr[d];
			}
			const total = block * reps[d];
			for (let done = block; done < total;) {
				const k = Math.min(done, total - done);
				ov.copyWithin(outOff + done, outOff, outOff + k);
				done += k;
			}
		};
		fill(0, 0, 0);
		return out;
	});
}
/** MaxPoolGrad kernel config (NHWC). Inputs dy [N, OH, OW, C], input x [N, H, W, C]; output dx like x. */
function maxPoolGradConfig(orig) {
	return wrap(orig, (args, fallback) => {
		const dy = args.inputs.dy;
		const x = args.inputs.input;
		if (x.dtype !== "float32") return fallback(args);
		const a = args.attrs;
		const info = tf.backend_util.computePool2DInfo(x.shape, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
		const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
		const { effectiveFilterHeight: fh, effectiveFilterWidth: fw, dilationHeight: dh, dilationWidth: dw } = info;
		const out = args.backend.makeOutput(x.shape, "float32");
		const xv = args.backend.typedArrayFromHeap(x);
		const dyv = args.backend.typedArrayFromHeap(dy);
		const dx = args.backend.typedArrayFromHeap(out);
		dx.fill(0);
		const best = new Float32Array(c);
		const at = new Int32Array(c);
		for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) {
			const y0 = y * sh - info.padInfo.top;
			for (let xx = 0; xx < ow; xx++) {
				const x0 = xx * sw - info.padInfo.left;
				best.fill(-Infinity);
				at.fill(-1);
				for (let r = 0; r < fh; r += dh) {
					const iy = y0 + r;
					if (iy < 0 || iy >= h) continue;
					for (let q = 0; q < fw; q += dw) {
						const ix = x0 + q;
						if (ix < 0 || ix >= w) continue;
						const base = ((b * h + iy) * w + ix) * c;
						for (let k = 0; k < c; k++) {
							const v = xv[base + k];
							if (v > best[k]) {
								best[k] = v;
								at[k] = base + k;
							}
						}
					}
				}
				const g = ((b * oh + y) * ow + xx) * c;
				for (let k = 0; k < c; k++) {
					const i = at[k];
					if (i >= 0) dx[i] = dx[i] + dyv[g + k];
				}
			}
		}
		return out;
	});
}
/**
* Sum or Mean kernel config that handles float32 reductions over a leading run of axes [0 .. k-1] (the batch and
* pixel axes of NHWC maps; bias and batch-norm gradients) as ones[1, outer] @ x[outer, inner] on XNNPACK (20x
* faster here than the wasm Sum kernel, which transposes first); other reductions keep tfjs's kernel.
*/
function leadingReduceConfig(orig, batchMatMul, mean) {
	const matMul = batchMatMul.kernelFunc;
	return wrap(orig, (args, fallback) => {
		const { backend } = args;
		const x = args.inputs.x;
		if (x.dtype !== "float32" || x.shape.length < 2) return fallback(args);
		const axes = tf.util.parseAxisParam(args.attrs.axis, x.shape).sort((p, q) => p - q);
		const k = axes.length;
		if (k === 0 || k === x.shape.length || axes.some((v, i) => v !== i)) return fallback(args);
		const outer = tf.util.sizeFromShape(x.shape.slice(0, k));
		const inner = tf.util.sizeFromShape(x.shape.slice(k));
		const outShape = args.attrs.keepDims ? x.shape.map((s, i) => i < k ? 1 : s) : x.shape.slice(k);
		const ones = backend.makeOutput([1, outer], "float32");
		let out;
		try {
			backend.typedArrayFromHeap(ones).fill(1);
			const x2 = {
				dataId: x.dataId,
				dtype: x.dtype,
				shape: [outer, inner]
			};
			out = matMul({
				inputs: {
					a: ones,
					b: x2
				},
				backend,
				attrs: {
					transposeA: false,
					transposeB: false
				}
			});
		} finally {
			backend.disposeData(ones.dataId);
		}
		if (mean) {
			const ov = backend.typedArrayFromHeap(out);
			for (let j = 0; j < inner; j++) ov[j] = ov[j] / outer;
		}
		out.shape = outShape;
		return out;
	});
}
// src/core/kernels/wasmViews.ts
/**
* Slice / SplitV / Unpack for the wasm backend that read the input through a view of the wasm heap.
*
* Why: tfjs-backend-wasm 4.22's Slice calls `backend.readSync(x)`, which copies the WHOLE input out of the heap on
* every call; SplitV and Unpack call Slice once per output, and concat's gradient is a chain of slices. An unrolled
* LSTM over 128 frames therefore copied its [batch, 128, 4 * units] tensors 128 times per step. These kernels copy
* only the bytes each output needs (contiguous runs via TypedArray.set), giving identical values.
*/
/**
* Copy the box `begin`/`size` of `x` into a new heap tensor. Works on any rank; the innermost run is the
* longest contiguous block (trailing dims taken whole plus the first partial dim), so a row or frame slice is one
* `set` per outer index. Shape: x [...dims] -> [...size].
*/
function sliceView(backend, x, begin, size, outShape = size) {
	const out = backend.makeOutput(outShape, x.dtype);
	if (tf.util.sizeFromShape(size) === 0) return out;
	const xv = backend.typedArrayFromHeap(x);
	const ov = backend.typedArrayFromHeap(out);
	const shape = x.shape;
	const rank = shape.length;
	const strides = tf.util.computeStrides(shape);
	const stride = (d) => d === rank - 1 ? 1 : strides[d];
	let inner = rank - 1;
	while (inner > 0 && size[inner] === shape[inner] && begin[inner] === 0) inner--;
	const run = rank === 0 ? 1 : size[inner] * stride(inner);
	const counts = size.slice(0, inner);
	const idx = new Array(inner).fill(0);
	let base = 0;
	for (let d = 0; d < rank; d++) base += begin[d] * stride(d);
	let o = 0;
	for (;;) {
		let off = base;
		for (let d = 0; d < inner; d++) off += idx[d] * stride(d);
		ov.set(xv.subarray(off, off + run), o);
		o += run;
		let d = inner - 1;
		while (d >= 0) {
			idx[d] = idx[d] + 1;
			if (idx[d] < counts[d]) break;
			idx[d] = 0;
			d--;
		}
		if (d < 0) break;
	}
	return out;
}
/** Wrap a kernel so string tensors still go to tfjs's own implementation. */
function stringFallback(orig, input, own) {
	return ((a) => a.inputs[input]?.dtype === "string" ? orig.kernelFunc(a) : own(a));
}
/** Slice kernel config for wasm that copies only the requested box. */
function sliceConfig(orig) {
	return {
		...orig,
		kernelFunc: stringFallback(orig, "x", ({ inputs, backend, attrs }) => {
			const x = inputs.x;
			const [b, s] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
			return sliceView(backend, x, b, s);
		})
	};
}
/** SplitV kernel config for wasm: one sliceView per output instead of one full-input copy per output. */
function splitVConfig(orig) {
	return {
		...orig,
		kernelFunc: stringFallback(orig, "x", ({ inputs, backend, attrs }) => {
			const x = inputs.x;
			const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0];
			const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
			const begin = new Array(x.shape.length).fill(0);
			return sizes.map((s) => {
				const size = x.shape.slice();
				size[axis] = s;
				const out = sliceView(backend, x, begin, size);
				begin[axis] = begin[axis] + s;
				return out;
			});
		})
	};
}
/** Unpack (unstack) kernel config for wasm: each output is a view-copied slice with the axis dropped. */
function unpackConfig(orig) {
	return {
		...orig,
		kernelFunc: stringFallback(orig, "value", ({ inputs, backend, attrs }) => {
			const x = inputs.value;
			const rank = x.shape.length;
			let axis = attrs.axis;
			if (axis < 0) axis += rank;
			const outShape = x.shape.filter((_, i) => i !== axis);
			const size = x.shape.slice();
			size[axis] = 1;
			const begin = new Array(rank).fill(0);
			const outs = [];
			for (let i = 0; i < x.shape[axis]; i++) {
				begin[axis] = i;
				outs.push(sliceView(backend, x, begin, size, outShape));
			}
			return outs;
		})
	};
}
// src/core/kernels/install.ts
/**
* installFastKernels: replace the tfjs kernels that make training slow (or impossible) on a backend.
*
* On 'wasm' (tfjs-backend-wasm 4.22), measured on the 2-core target machine:
* - BatchMatMul, _FusedMatMul: transposed products become explicit transpose + plain XNNPACK product
*   (every dense layer's backward pass; see wasmMatMul.ts);
* - Slice, SplitV, Unpack: copy only what each output needs instead of the whole input per output
*   (recurrent layers, concat gradients; see wasmViews.ts);
* - Conv2DBackpropFilter: registered at all (missing in tfjs-backend-wasm), so Conv1D / Conv2D layers train
*   (see wasmConvGrad.ts); Conv2DBackpropInput as an XNNPACK forward convolution (wasmConvInput.ts);
* - Tile, MaxPoolGrad, Sum / Mean over leading axes: heap-view loops (batch norm, pooling, bias gradients;
*   see wasmReduce.ts).
* Other backends are left alone: nothing here was measured to help them.
*/
/** tfjs's own kernel configs we replaced, per backend, so uninstall can put them back. */
const originals = /* @__PURE__ */ new Map();
/** Names of kernels we added that tfjs did not have (removed on uninstall). */
const added = /* @__PURE__ */ new Map();
function replace(cfg, saved) {
	const old = tf.getKernel(cfg.kernelName, cfg.backendName);
	if (old) {
		saved.push(old);
		tf.unregisterKernel(cfg.kernelName, cfg.backendName);
	}
	tf.registerKernel(cfg);
}
function need(name, backend) {
	const k = tf.getKernel(name, backend);
	if (!k) throw new Error(`installFastKernels('${backend}'): tfjs kernel '${name}' is not registered. Import '@tensorflow/tfjs-backend-${backend}' before installing fast kernels.`);
	return k;
}
function installWasm() {
	const saved = [];
	const mine = [];
	const transpose = need("Transpose", "wasm");
	const batchMatMul = need("BatchMatMul", "wasm");
	replace(untransposedMatMulConfig(batchMatMul, transpose), saved);
	replace(untransposedMatMulConfig(need("_FusedMatMul", "wasm"), transpose), saved);
	replace(sliceConfig(need("Slice", "wasm")), saved);
	replace(splitVConfig(need("SplitV", "wasm")), saved);
	replace(unpackConfig(need("Unpack", "wasm")), saved);
	replace(conv2dBackpropInputConfig(need("Conv2DBackpropInput", "wasm"), need("Conv2D", "wasm")), saved);
	replace(tileConfig(need("Tile", "wasm")), saved);
	replace(maxPoolGradConfig(need("MaxPoolGrad", "wasm")), saved);
	replace(leadingReduceConfig(need("Sum", "wasm"), batchMatMul, false), saved);
	replace(leadingReduceConfig(need("Mean", "wasm"), batchMatMul, true), saved);
	if (!tf.getKernel("Conv2DBackpropFilter", "wasm")) {
		tf.registerKernel(conv2dBackpropFilterConfig(batchMatMul));
		mine.push("Conv2DBackpropFilter");
	}
	originals.set("wasm", saved);
	added.set("wasm", mine);
}
/**
* Register the kernel overrides that speed up training on `backendName` (currently: 'wasm'; a no-op for the
* others). Idempotent; call it after importing the backend package and before training (it may be called before
* or after tf.setBackend). Results match tfjs's own kernels to float rounding. Throws if the backend's package was
* not imported.
*/
function installFastKernels(backendName) {
	if (originals.has(backendName)) return;
	if (backendName === "wasm") installWasm();
}
// src/core/kernels/lstmOp.ts
/**
* A whole-sequence LSTM as ONE custom-gradient op with hand-written backpropagation through time.
*
* Why: tf.layers.lstm runs ~12 tfjs ops per time step forward and ~30 backward (split, activations, concat
* gradients...), each with fixed engine overhead; over 128 frames that overhead, not arithmetic, sets the speed
* (46 samples/s on wasm for LSTM(64) at batch 32). Here the input projection is one big matMul, each step is one
* small matMul (h_{t-1} R) plus the gate arithmetic in plain JS on Float32Arrays, and the backward pass is one small
* matMul per step plus four big ones for dX, dKernel, dRecurrent and dBias.
*
* Same math and weight layout as tfjs's LSTMCell (implementation 2): z = x K + h R + b, gates [i | f | c | o] along
* the last axis, c' = f c + i tanh(z_c), h' = o tanh(c'), i / f / o through hardSigmoid (clip(0.2 z + 0.5, 0, 1),
* gradient 0.2 inside [0, 1] inclusive, as tfjs's clipByValue) or sigmoid. Zero initial state, no dropout or mask.
* Needs a backend whose dataSync is cheap (wasm, cpu).
*/
/**
* Read a tensor made by `f` and dispose it. Never return a TypedArray from tf.tidy: tidy walks its result
* element by element looking for tensors (8 ms for 8k floats here).
*/
function readOnce(f) {
	const t = tf.tidy(f);
	const v = t.dataSync();
	t.dispose();
	return v;
}
/** One tf.matMul over JS data, read back: a [m, k] @ b -> Float32Array [m, n]. */
function mm(a, m, k, b) {
	return readOnce(() => tf.matMul(tf.tensor2d(a, [m, k]), b));
}
/** In place: a[lo..hi) through hardSigmoid (clip(0.2 z + 0.5, 0, 1)) or sigmoid. */
function squash(a, lo, hi, hard) {
	if (hard) for (let j = lo; j < hi; j++) {
		const v = .2 * a[j] + .5;
		a[j] = v < 0 ? 0 : v > 1 ? 1 : v;
	}
	else for (let j = lo; j < hi; j++) a[j] = 1 / (1 + Math.exp(-a[j]));
}
/** In place on one row of pre-activations [i | f | g | o] (each u wide): i, f, o squashed, g through tanh. */
function gateActivations(a, off, u, hard) {
	squash(a, off, off + 2 * u, hard);
	for (let j = off + 2 * u; j < off + 3 * u; j++) a[j] = Math.tanh(a[j]);
	squash(a, off + 3 * u, off + 4 * u, hard);
}
/**
* Run the LSTM over x. Shapes: x [B, T, D], kernel [D, 4u], recurrentKernel [u, 4u], bias [4u] (or null);
* returns [B, T, u] (returnSequences) or [B, u]. Differentiable with respect to all tensor inputs.
*/
function lstmSequence(x, kernel, recurrentKernel, bias, o) {
	const [B, T, D] = x.shape;
	const u = recurrentKernel.shape[0];
	const G = 4 * u;
	const hard = o.recurrentActivation === "hardSigmoid";
	const tIndex = (t) => o.goBackwards ? T - 1 - t : t;
	const forward = (xx, K, R, b) => {
		const xk = readOnce(() => {
			const p = tf.matMul(tf.reshape(xx, [B * T, D]), K);
			return b ? tf.add(p, b) : p;
		});
		const S = B * u;
		const A = new Float32Array(T * B * G);
		const C = new Float32Array(T * S);
		const TC = new Float32Array(T * S);
		const H = new Float32Array(T * S);
		for (let t = 0; t < T; t++) {
			const tt = tIndex(t);
			const hr = t > 0 ? mm(H.subarray((t - 1) * S, t * S), B, u, R) : null;
			for (let n = 0; n < B; n++) {
				const ao = (t * B + n) * G;
				const xo = (n * T + tt) * G;
				if (hr) {
					const ho = n * G;
					for (let j = 0; j < G; j++) A[ao + j] = xk[xo + j] + hr[ho + j];
				} else A.set(xk.subarray(xo, xo + G), ao);
				gateActivations(A, ao, u, hard);
				const so = t * S + n * u;
				for (let j = 0; j < u; j++) {
					const i = A[ao + j];
					const f = A[ao + u + j];
					const g = A[ao + 2 * u + j];
					const c = f * (t > 0 ? C[so - S + j] : 0) + i * g;
					C[so + j] = c;
					const tc = Math.tanh(c);
					TC[so + j] = tc;
					H[so + j] = A[ao + 3 * u + j] * tc;
				}
			}
		}
		let value;
		if (o.returnSequences) {
			const Y = new Float32Array(B * T * u);
			for (let t = 0; t < T; t++) for (let n = 0; n < B; n++) Y.set(H.subarray(t * S + n * u, t * S + n * u + u), (n * T + t) * u);
			value = tf.tensor3d(Y, [
				B,
				T,
				u
			]);
		} else value = tf.tensor2d(H.slice((T - 1) * S), [B, u]);
		const gradFunc = (dy) => {
			const dY = dy.dataSync();
			const RT = tf.transpose(R);
			const dZ = new Float32Array(B * T * G);
			const Hp = new Float32Array(B * T * u);
			let dh = new Float32Array(S);
			const dc = new Float32Array(S);
			const dzStep = new Float32Array(B * G);
			const dgate = hard ? (y) => y > 0 && y < 1 ? .2 : 0 : (y) => y * (1 - y);
			for (let t = T - 1; t >= 0; t--) {
				const tt = tIndex(t);
				for (let n = 0; n < B; n++) {
					const so = t * S + n * u;
					const zo = (t * B + n) * G;
					const ro = (n * T + tt) * G;
					for (let j = 0; j < u; j++) {
						let dhj = dh[n * u + j];
						if (o.returnSequences) dhj += dY[(n * T + t) * u + j];
						else if (t === T - 1) dhj += dY[n * u + j];
						const i = A[zo + j];
						const f = A[zo + u + j];
						const g = A[zo + 2 * u + j];
						const og = A[zo + 3 * u + j];
						const tc = TC[so + j];
						const dcT = dc[n * u + j] + dhj * og * (1 - tc * tc);
						const cPrev = t > 0 ? C[so - S + j] : 0;
						const di = dcT * g * dgate(i);
						const df = dcT * cPrev * dgate(f);
						const dg = dcT * i * (1 - g * g);
						const dO = dhj * tc * dgate(og);
						dzStep[n * G + j] = di;
						dzStep[n * G + u + j] = df;
						dzStep[n * G + 2 * u + j] = dg;
						dzStep[n * G + 3 * u + j] = dO;
						dc[n * u + j] = dcT * f;
						if (t > 0) Hp[(n * T + tt) * u + j] = H[so - S + j];
					}
					dZ.set(dzStep.subarray(n * G, n * G + G), ro);
				}
				dh = t > 0 ? mm(dzStep, B, G, RT) : dh;
			}
			return tf.tidy(() => {
				const dZt = tf.tensor2d(dZ, [B * T, G]);
				const x2 = tf.reshape(xx, [B * T, D]);
				const grads = [
					tf.reshape(tf.matMul(dZt, K, false, true), [
						B,
						T,
						D
					]),
					tf.matMul(x2, dZt, true, false),
					tf.matMul(tf.tensor2d(Hp, [B * T, u]), dZt, true, false)
				];
				if (b) grads.push(tf.sum(dZt, 0));
				RT.dispose();
				return grads;
			});
		};
		return {
			value,
			gradFunc
		};
	};
	if (bias) return tf.customGrad((xx, K, R, b) => forward(xx, K, R, b))(x, kernel, recurrentKernel, bias);
	return tf.customGrad((xx, K, R) => forward(xx, K, R, null))(x, kernel, recurrentKernel);
}
// src/core/kernels/fastLstm.ts
/**
* FastLSTM: tf.layers.lstm with a fast path. A subclass of tfjs's own LSTM layer (same constructor arguments,
* weights, names, config and initialisers), whose call() runs the whole sequence as one custom-gradient op
* (lstmOp.ts) when it can, and defers to tfjs's step-by-step implementation otherwise.
*
* Fast path when: backend is wasm or cpu, activation tanh, recurrentActivation hardSigmoid or sigmoid, no dropout
* or recurrent dropout in training, no mask, no initial state, not stateful, returnState false.
* Registered for serialisation as 'FastLSTM'; works inside tf.layers.bidirectional.
*/
const entry = tf.serialization.SerializationMap.getMap().classNameMap["LSTM"];
if (!entry) throw new Error("tfjs-layers did not register its LSTM layer; import @tensorflow/tfjs before kernels/fastLstm.");
const LSTMBase = entry[0];
/** Backends on which reading small tensors every step is cheap. */
const FAST_BACKENDS = /* @__PURE__ */ new Set(["wasm", "cpu"]);
/**
* Drop-in replacement for tf.layers.lstm(args): `new FastLSTM({ units: 64, returnSequences: false, ... })`.
* Shape: [batch, steps, features] -> [batch, units] or [batch, steps, units].
*/
var FastLSTM = class extends LSTMBase {
	static className = "FastLSTM";
	call(inputs, kwargs) {
		if (!(this.fastPathReason(inputs, kwargs) === null)) return super.call(inputs, kwargs);
		return tf.tidy(() => {
			const x = Array.isArray(inputs) ? inputs[0] : inputs;
			const cell = this.cell;
			const self = this;
			return lstmSequence(x, cell.kernel.read(), cell.recurrentKernel.read(), cell.useBias && cell.bias ? cell.bias.read() : null, {
				recurrentActivation: cell.recurrentActivation.getClassName(),
				goBackwards: self.goBackwards,
				returnSequences: self.returnSequences
			});
		});
	}
	/** Why the fast path cannot run for this call (null when it can). Exposed for tests and diagnostics. */
	fastPathReason(inputs, kwargs) {
		const cell = this.cell;
		const self = this;
		if (!FAST_BACKENDS.has(tf.getBackend())) return `backend ${tf.getBackend()}`;
		if (Array.isArray(inputs) && inputs.length !== 1) return "initial state passed as inputs";
		if (kwargs?.mask != null) return "mask";
		if (kwargs?.initialState != null) return "initial state";
		if (self.stateful || self.returnState) return "stateful or returnState";
		if (cell.activation.getClassName() !== "tanh") return "activation";
		const ra = cell.recurrentActivation.getClassName();
		if (ra !== "hardSigmoid" && ra !== "sigmoid") return "recurrentActivation";
		if (kwargs?.training && (cell.dropout > 0 || cell.recurrentDropout > 0)) return "dropout";
		return null;
	}
};
tf.serialization.registerClass(FastLSTM);
// src/core/kernels/measureModels.ts
/** The three benchmark models of issue 5 (plus FastLSTM), built with fixed seeds for measurements and tests. */
/**
* Build one benchmark model and a random batch. Shapes: mlp x [256, 30]; cnn x [32, 96, 128, 1];
* lstm / fastlstm x [32, 128, 20]; y [batch, 1]. `scale` < 1 shrinks batch and sizes for unit tests.
*/
function buildMeasureModel(kind, scale) {
	const s = (v) => Math.max(2, Math.round(v * scale));
	const init = (seed) => tf.initializers.glorotUniform({ seed });
	let model;
	let xShape;
	let batch;
	if (kind === "mlp") {
		batch = s(256);
		xShape = [batch, 30];
		const inp = tf.input({ shape: [30] });
		let h = tf.layers.dense({
			units: 128,
			activation: "relu",
			kernelInitializer: init(1)
		}).apply(inp);
		h = tf.layers.dense({
			units: 64,
			activation: "relu",
			kernelInitializer: init(2)
		}).apply(h);
		model = tf.model({
			inputs: inp,
			outputs: tf.layers.dense({
				units: 1,
				kernelInitializer: init(3)
			}).apply(h)
		});
	} else if (kind === "cnn") {
		batch = s(32);
		const hw = [s(96), s(128)];
		xShape = [
			batch,
			hw[0],
			hw[1],
			1
		];
		const inp = tf.input({ shape: xShape.slice(1) });
		let h = inp;
		[
			16,
			32,
			64
		].forEach((f, i) => {
			h = tf.layers.conv2d({
				filters: f,
				kernelSize: 3,
				padding: "same",
				useBias: false,
				kernelInitializer: init(10 + i)
			}).apply(h);
			h = tf.layers.batchNormalization().apply(h);
			h = tf.layers.activation({ activation: "relu" }).apply(h);
			if ((h.shape[1] ?? 0) >= 2 && (h.shape[2] ?? 0) >= 2) h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h);
		});
		h = tf.layers.globalAveragePooling2d({}).apply(h);
		h = tf.layers.dense({
			units: 32,
			activation: "relu",
			kernelInitializer: init(20)
		}).apply(h);
		model = tf.model({
			inputs: inp,
			outputs: tf.layers.dense({
				units: 1,
				kernelInitializer: init(21)
			}).apply(h)
		});
	} else {
		batch = s(32);
		xShape = [
			batch,
			s(128),
			20
		];
		const inp = tf.input({ shape: xShape.slice(1) });
		const args = {
			units: 64,
			kernelInitializer: init(30),
			recurrentInitializer: tf.initializers.orthogonal({ seed: 31 })
		};
		const h = (kind === "fastlstm" ? new FastLSTM(args) : tf.layers.lstm(args)).apply(inp);
		model = tf.model({
			inputs: inp,
			outputs: tf.layers.dense({
				units: 1,
				kernelInitializer: init(32)
			}).apply(h)
		});
	}
	const x = tf.randomNormal(xShape, 0, 1, "float32", 7);
	const y = tf.randomNormal([batch, 1], 0, 1, "float32", 8);
	return {
		model,
		x,
		y,
		batch
	};
}
// src/core/kernels/scratch/profrun.ts
await tf.setBackend(process.env.BK ?? "wasm");
installFastKernels("wasm");
const kind = process.env.KIND ?? "fastlstm";
const { model, x, y, batch } = buildMeasureModel(kind, 1);
const opt = tf.train.adam(.001);
const step = () => {
	const l = opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x, { training: true })), true);
	l?.dataSync();
	l?.dispose();
};
step();
step();
const n = Number(process.env.N ?? 10);
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) step();
const c = process.cpuUsage(c0);
console.log(kind, "wall samples/s", (n * batch / ((performance.now() - t0) / 1e3)).toFixed(0), "cpu samples/s", (n * batch / ((c.user + c.system) / 1e6)).toFixed(0));
export {};
