/**
 * The report as a PDF: jsPDF + jspdf-autotable, A4 portrait. Cover with the control block, a table
 * of contents with page numbers (filled in after the body is laid out), PDF bookmarks, a running
 * header and footer carrying the report ID, a hash line and "page X of Y". Deterministic: the
 * creation date and file ID come from the caller and the model, so the same model and date give
 * byte-identical files (and a stable SHA-256).
 */
import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import type { ReportModel } from '../../domain/report';
import {
	controlRows,
	ratingLabel,
	reportSections,
	type Block,
	type ChartId,
	type Section
} from './blocks';
import { CHART_SIZE, drawChart } from './charts';
import { charactersOf, subsetTtf } from './fonts';
import {
	fastFontDirectory,
	freezeFontList,
	indexedWidths,
	dedupeUsedGlyphs,
	linearGlyfEncode
} from './jspdf-speed';
import { allReportStrings, reportText, type ReportText } from './text';

export interface RenderOptions {
	/** Written as the PDF's creation date; fixed by the caller so re-rendering gives the same bytes. */
	createdAt: Date;
	/** The footer's hash line, e.g. the publication hash note; defaults to the "/verify" note. */
	hashLine?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 42, top: 62, bottom: 56 } as const;
const CONTENT_W = PAGE.width - 2 * PAGE.margin;
const FONT = 'cc';
const INK: [number, number, number] = [33, 33, 33];
const ACCENT: [number, number, number] = [43, 92, 138];
const RATING_COLOUR: Record<string, [number, number, number]> = {
	high: [46, 125, 50],
	reasonable: [85, 139, 47],
	limited: [239, 108, 0],
	very_limited: [198, 40, 40]
};

type Doc = jsPDF & { lastAutoTable?: { finalY: number } };

/** Everything a report prints, for the font subsets (bold: headings, table heads, strong text). */
function glyphs(model: ReportModel, x: ReportText, sections: Section[]) {
	const messages = allReportStrings(x.locale);
	const regular: string[] = [...messages, ...controlRows(model, x).flat(), model.control.scopeName];
	const bold: string[] = [...messages, model.control.scopeName, ratingLabel(model, x)];
	for (const s of sections) {
		bold.push(s.title);
		for (const b of s.blocks) {
			if (b.kind === 'p') (b.strong ? bold : regular).push(b.text);
			else if (b.kind === 'kv') regular.push(...b.rows.flat());
			else if (b.kind === 'table') {
				bold.push(...b.head);
				for (const row of b.rows) regular.push(...row);
				regular.push(...b.rows.map((r) => r[0]));
				bold.push(...b.rows.map((r) => r[0]));
			} else regular.push(b.title);
		}
	}
	return { regular: charactersOf(regular), bold: charactersOf(bold) };
}

async function embedFonts(doc: Doc, chars: { regular: string; bold: string }) {
	const [regular, bold] = await Promise.all([
		subsetTtf('regular', chars.regular),
		subsetTtf('bold', chars.bold)
	]);
	doc.addFileToVFS('cc-regular.ttf', regular.toString('base64'));
	doc.addFont('cc-regular.ttf', FONT, 'normal');
	doc.addFileToVFS('cc-bold.ttf', bold.toString('base64'));
	doc.addFont('cc-bold.ttf', FONT, 'bold');
	linearGlyfEncode(doc, FONT, 'normal');
	fastFontDirectory(doc, FONT, 'normal');
	for (const style of ['normal', 'bold']) {
		indexedWidths(doc, FONT, style);
		dedupeUsedGlyphs(doc, FONT, style);
	}
	freezeFontList(doc);
}

/** Lays out blocks top to bottom, breaking pages; returns nothing, tracks `y`. */
class Writer {
	y: number = PAGE.top;
	constructor(
		private doc: Doc,
		private charts: Map<ChartId, Buffer>
	) {}

	newPage() {
		this.doc.addPage();
		this.y = PAGE.top;
	}

	ensure(height: number) {
		if (this.y + height > PAGE.height - PAGE.bottom) this.newPage();
	}

	heading(text: string) {
		this.ensure(60);
		this.doc
			.setFont(FONT, 'bold')
			.setFontSize(15)
			.setTextColor(...ACCENT);
		this.doc.text(text, PAGE.margin, this.y + 14);
		this.doc.setDrawColor(...ACCENT).setLineWidth(0.8);
		this.doc.line(PAGE.margin, this.y + 20, PAGE.width - PAGE.margin, this.y + 20);
		this.y += 32;
	}

	paragraph(text: string, strong = false) {
		this.doc
			.setFont(FONT, strong ? 'bold' : 'normal')
			.setFontSize(10)
			.setTextColor(...INK);
		const lines: string[] = this.doc.splitTextToSize(text, CONTENT_W);
		for (const line of lines) {
			this.ensure(15);
			this.doc.text(line, PAGE.margin, this.y + 10);
			this.y += 14.5;
		}
		this.y += 5;
	}

	table(head: string[] | null, rows: string[][], widths: number[], dense = false) {
		const total = widths.reduce((a, b) => a + b, 0);
		autoTable(this.doc, {
			startY: this.y,
			margin: { left: PAGE.margin, right: PAGE.margin, top: PAGE.top, bottom: PAGE.bottom },
			head: head ? [head] : undefined,
			body: rows,
			theme: head ? 'striped' : 'plain',
			styles: {
				font: FONT,
				fontStyle: 'normal',
				fontSize: dense ? 7 : 9,
				cellPadding: dense ? 3 : 4,
				textColor: INK,
				overflow: 'linebreak'
			},
			headStyles: { font: FONT, fontStyle: 'bold', fillColor: ACCENT, textColor: 255 },
			columnStyles: Object.fromEntries(
				widths.map((w, i) => [i, { cellWidth: (w / total) * CONTENT_W }])
			),
			rowPageBreak: 'avoid'
		});
		this.y = (this.doc.lastAutoTable?.finalY ?? this.y) + 12;
	}

	chart(id: ChartId, title: string) {
		const height = (CONTENT_W * CHART_SIZE.height) / CHART_SIZE.width;
		this.ensure(height + 22);
		this.doc
			.setFont(FONT, 'bold')
			.setFontSize(10)
			.setTextColor(...INK);
		this.doc.text(title, PAGE.margin, this.y + 10);
		this.doc.addImage(
			this.charts.get(id)!,
			'JPEG',
			PAGE.margin,
			this.y + 16,
			CONTENT_W,
			height,
			id,
			'FAST'
		);
		this.y += height + 26;
	}

	block(b: Block) {
		if (b.kind === 'p') this.paragraph(b.text, b.strong);
		else if (b.kind === 'kv') this.table(null, b.rows, [2, 3]);
		else if (b.kind === 'table') this.table(b.head, b.rows, b.widths, b.dense);
		else this.chart(b.chart, b.title);
	}
}

function cover(doc: Doc, w: Writer, model: ReportModel, x: ReportText) {
	doc
		.setFont(FONT, 'bold')
		.setFontSize(26)
		.setTextColor(...ACCENT);
	doc.text(x.t('title'), PAGE.margin, 120);
	doc.setFontSize(16).setTextColor(...INK);
	doc.text(doc.splitTextToSize(model.control.scopeName, CONTENT_W), PAGE.margin, 156);
	doc.setFont(FONT, 'normal').setFontSize(11);
	const c = model.control;
	doc.text(x.t('period_range', { from: c.period.from, to: c.period.to }), PAGE.margin, 184);
	const colour = model.summary.rating ? RATING_COLOUR[model.summary.rating] : [120, 120, 120];
	doc
		.setFillColor(colour[0], colour[1], colour[2])
		.roundedRect(PAGE.margin, 200, CONTENT_W, 34, 4, 4, 'F');
	doc.setFont(FONT, 'bold').setFontSize(13).setTextColor(255, 255, 255);
	doc.text(`${x.t('rating')}: ${ratingLabel(model, x)}`, PAGE.margin + 12, 222);
	w.y = 252;
	w.heading(x.t('s_control'));
	w.table(null, controlRows(model, x), [2, 3]);
}

function furniture(doc: Doc, model: ReportModel, x: ReportText, hashLine: string) {
	const pages = doc.getNumberOfPages();
	const c = model.control;
	const left = PAGE.margin;
	const right = PAGE.width - PAGE.margin;
	for (let page = 1; page <= pages; page++) {
		doc.setPage(page);
		doc.setFont(FONT, 'normal').setFontSize(8).setTextColor(110, 110, 110);
		doc.setDrawColor(190, 190, 190).setLineWidth(0.4);
		if (page > 1) {
			doc.text(`${c.organisation} · ${x.t('title')}`, left, 30);
			doc.text(`${c.reportId} v${c.version} · ${x.t(`class_${c.classification}`)}`, right, 30, {
				align: 'right'
			});
			doc.line(left, 36, right, 36);
		}
		const base = PAGE.height - 30;
		doc.line(left, base - 12, right, base - 12);
		doc.text(`${c.reportId} v${c.version}`, left, base);
		doc.text(x.t('page', { page, pages }), right, base, { align: 'right' });
		doc.setFontSize(6.5);
		doc.text(doc.splitTextToSize(hashLine, CONTENT_W)[0], left, base + 10);
	}
}

function contents(doc: Doc, x: ReportText, entries: { title: string; page: number }[]) {
	doc.setPage(2);
	doc
		.setFont(FONT, 'bold')
		.setFontSize(15)
		.setTextColor(...ACCENT);
	doc.text(x.t('toc'), PAGE.margin, PAGE.top + 14);
	doc
		.setFont(FONT, 'normal')
		.setFontSize(11)
		.setTextColor(...INK);
	entries.forEach((e, i) => {
		const y = PAGE.top + 50 + i * 22;
		doc.text(e.title, PAGE.margin, y);
		doc.text(String(e.page), PAGE.width - PAGE.margin, y, { align: 'right' });
		doc
			.setDrawColor(210, 210, 210)
			.setLineWidth(0.3)
			.line(PAGE.margin, y + 5, PAGE.width - PAGE.margin, y + 5);
	});
}

/** The charts the sections ask for, drawn once each. */
export function chartImages(
	model: ReportModel,
	x: ReportText,
	sections: Section[],
	format: 'png' | 'jpeg' = 'png'
): Map<ChartId, Buffer> {
	const ids = new Set(
		sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])))
	);
	return new Map([...ids].map((id) => [id, drawChart(id, model, x, format)]));
}

/** Renders the report PDF in the model's own locale. */
export async function renderReportPdf(
	model: ReportModel,
	options: RenderOptions
): Promise<Uint8Array<ArrayBuffer>> {
	const x = reportText(model.locale);
	const sections = reportSections(model, x);
	const doc: Doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
	const c = model.control;
	doc.setCreationDate(options.createdAt);
	doc.setFileId(
		createHash('sha256')
			.update(`${c.reportId}\u0000${c.version}\u0000${options.createdAt.toISOString()}`)
			.digest('hex')
			.slice(0, 32)
			.toUpperCase()
	);
	doc.setDocumentProperties({
		title: `${x.t('title')} ${c.reportId} v${c.version}`,
		subject: c.scopeName,
		author: c.organisation,
		keywords: `${c.reportId} ${c.period.from} ${c.period.to}`,
		creator: 'Clearcall'
	});
	doc.setLanguage(model.locale);
	await embedFonts(doc, glyphs(model, x, sections));
	const writer = new Writer(doc, chartImages(model, x, sections, 'jpeg'));
	cover(doc, writer, model, x);
	writer.newPage(); // the table of contents, written once the body's pages are known
	const entries: { title: string; page: number }[] = [];
	sections.forEach((s, i) => {
		writer.newPage();
		const title = `${i + 1}. ${s.title}`;
		entries.push({ title, page: doc.getNumberOfPages() });
		writer.heading(title);
		for (const b of s.blocks) writer.block(b);
	});
	contents(doc, x, entries);
	for (const e of entries) doc.outline.add(null, e.title, { pageNumber: e.page });
	furniture(doc, model, x, options.hashLine ?? x.t('hash_note'));
	return new Uint8Array(doc.output('arraybuffer'));
}
