/**
 * The same report as one self-contained HTML page (charts inlined as PNG data URLs), for the
 * preview before publishing and for the bench's "print HTML with Chromium" comparison. It renders
 * the very blocks the PDF renders, so the preview cannot disagree with the file.
 */
import type { ReportModel } from '../../domain/report';
import { controlRows, ratingLabel, reportSections, type Block } from './blocks';
import { chartImages } from './render';
import { reportText } from './text';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Escapes and keeps the blocks' explicit line breaks. */
const cell = (s: string) => esc(s).replace(/\n/g, '<br>');

const STYLE = `
body{font-family:'Noto Sans SC',sans-serif;color:#212121;margin:0 auto;max-width:60rem;padding:1rem;font-size:10pt}
h1{color:#2b5c8a;font-size:22pt;margin:0 0 .3em}h2{color:#2b5c8a;border-bottom:1px solid #2b5c8a;break-before:page;font-size:14pt}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}th{background:#2b5c8a;color:#fff;text-align:left}
th,td{padding:3px 5px;vertical-align:top;border-bottom:1px solid #ddd}table.dense{font-size:7pt}
tr{break-inside:avoid}img{width:100%}.rating{color:#fff;background:#555;padding:.5em 1em;border-radius:4px;font-weight:bold}
.rating.high{background:#2e7d32}.rating.reasonable{background:#558b2f}.rating.limited{background:#ef6c00}.rating.very_limited{background:#c62828}
nav ol{line-height:1.8}`;

function block(b: Block, charts: Map<string, Buffer>): string {
	switch (b.kind) {
		case 'p':
			return b.strong ? `<p><strong>${cell(b.text)}</strong></p>` : `<p>${cell(b.text)}</p>`;
		case 'kv':
			return `<table>${b.rows.map(([k, v]) => `<tr><th scope="row">${cell(k)}</th><td>${cell(v)}</td></tr>`).join('')}</table>`;
		case 'table': {
			const head = `<thead><tr>${b.head.map((h) => `<th scope="col">${cell(h)}</th>`).join('')}</tr></thead>`;
			const body = b.rows
				.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`)
				.join('');
			return `<table${b.dense ? ' class="dense"' : ''}>${head}<tbody>${body}</tbody></table>`;
		}
		case 'chart':
			return `<figure><figcaption>${cell(b.title)}</figcaption><img alt="${esc(b.title)}" src="data:image/png;base64,${charts.get(b.chart)!.toString('base64')}"></figure>`;
	}
}

/** The report as an HTML document string, in the model's own locale. */
export function renderReportHtml(model: ReportModel): string {
	const x = reportText(model.locale);
	const sections = reportSections(model, x);
	const charts = chartImages(model, x, sections);
	const c = model.control;
	const toc = sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('');
	const body = sections
		.map(
			(s, i) =>
				`<section id="${s.id}"><h2>${i + 1}. ${esc(s.title)}</h2>${s.blocks.map((b) => block(b, charts)).join('')}</section>`
		)
		.join('');
	return `<!doctype html><html lang="${model.locale}"><head><meta charset="utf-8"><title>${esc(`${x.t('title')} ${c.reportId}`)}</title><style>${STYLE}</style></head><body>
<header><h1>${esc(x.t('title'))}</h1><p><strong>${esc(c.scopeName)}</strong></p><p>${esc(x.t('period_range', { from: c.period.from, to: c.period.to }))}</p>
<p class="rating ${model.summary.rating ?? ''}">${esc(`${x.t('rating')}: ${ratingLabel(model, x)}`)}</p>
<h2 style="break-before:auto">${esc(x.t('s_control'))}</h2>${block({ kind: 'kv', rows: controlRows(model, x) }, charts)}</header>
<nav aria-label="${esc(x.t('toc'))}"><h2>${esc(x.t('toc'))}</h2><ol>${toc}</ol></nav><main>${body}</main></body></html>`;
}
