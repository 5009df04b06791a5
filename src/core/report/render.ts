/** Markdown and self-contained HTML renderings of the model card's blocks. */
import type { Block } from './blocks';
import { esc } from './svg';

/** Escape Markdown table cells (pipes, newlines). */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * Markdown. Charts become images with an inline SVG data URI (shown by most Markdown viewers
 * and editors); `charts: false` leaves them out.
 */
export function renderMarkdown(blocks: Block[], opts: { charts?: boolean } = {}): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h':
        out.push(`${'#'.repeat(b.level)} ${b.text}`);
        break;
      case 'p':
        out.push(b.text);
        break;
      case 'list':
        out.push(b.items.map((i) => `- ${b.warn ? '⚠ ' : ''}${i.replace(/\r?\n/g, ' ')}`).join('\n'));
        break;
      case 'table':
        out.push(
          [
            `*${b.caption}*`,
            '',
            `| ${b.head.map(cell).join(' | ')} |`,
            `| ${b.head.map(() => '---').join(' | ')} |`,
            ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
          ].join('\n'),
        );
        break;
      case 'chart':
        if (opts.charts !== false) {
          out.push(
            `![${b.caption.replace(/[[\]]/g, '')}](data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.svg)})`,
          );
        }
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:920px;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{border-bottom:2px solid #3b6fb6;padding-bottom:.3rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}caption{text-align:left;font-style:italic;padding:.3rem 0}
th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f3f5f8}
td:not(:first-child){font-variant-numeric:tabular-nums}ul.warn li{color:#8a4b00}
figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}svg{max-width:100%;height:auto}
@media print{body{margin:0}}`;

/** A complete HTML document with inline CSS and inline SVG charts: no scripts, no external files. */
export function renderHtml(blocks: Block[], title: string): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h':
        body.push(`<h${b.level}>${esc(b.text)}</h${b.level}>`);
        break;
      case 'p':
        body.push(`<p>${esc(b.text)}</p>`);
        break;
      case 'list':
        body.push(
          `<ul${b.warn ? ' class="warn"' : ''}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`,
        );
        break;
      case 'table':
        body.push(
          `<table><caption>${esc(b.caption)}</caption><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
            `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`,
        );
        break;
      case 'chart':
        body.push(`<figure>${b.svg}<figcaption>${esc(b.caption)}</figcaption></figure>`);
        break;
    }
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
