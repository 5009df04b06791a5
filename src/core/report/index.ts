/**
 * The model card: a downloadable report covering data, split, model, metrics with intervals,
 * baselines, feature importance and bias findings, as Markdown or as one self-contained HTML file.
 */
import { cardBlocks } from './blocks';
import { renderHtml, renderMarkdown } from './render';
import type { ModelCardInput } from './types';

export type { ModelCardInput, MetricValue } from './types';
export type { Block } from './blocks';
export { cardBlocks, biasBlocks } from './blocks';
export { scatterSvg, unitLineSvg, intervalRowsSvg, niceTicks, esc } from './svg';

/** The model card as Markdown (charts as inline SVG data-URI images unless charts is false). */
export function modelCardMarkdown(input: ModelCardInput, opts: { charts?: boolean } = {}): string {
  return renderMarkdown(cardBlocks(input), opts);
}

/** The model card as a self-contained HTML document (inline CSS and SVG charts, no scripts). */
export function modelCardHtml(input: ModelCardInput): string {
  return renderHtml(cardBlocks(input), input.title ?? 'Model card');
}
