import { describe, expect, it } from 'vitest';
import { buildReportModel, type ReportInput } from '../../domain/report';
import { syntheticReportInput } from '../../domain/report/synthetic';
import { pdfPages } from './pdf-text';
import { renderReportHtml } from './html';
import { renderReportPdf } from './render';

const createdAt = new Date('2026-10-15T08:00:00Z');
const small = (locale: 'en' | 'zh-CN'): ReportInput =>
	syntheticReportInput({ locale, calls: 24, findings: 6, previousPeriods: 2 });

async function render(input: ReportInput) {
	const model = buildReportModel(input);
	const bytes = await renderReportPdf(model, { createdAt });
	return { model, bytes, pages: await pdfPages(bytes) };
}

/** pdfjs splits runs at font and position changes; compare without spaces. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the PDF report', () => {
	it('is a PDF whose text a parser reads back: vendor, scores, clause IDs, findings, pages, contents', async () => {
		const { model, bytes, pages } = await render(small('en'));
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		const all = squash(pages.join('\n'));
		expect(all).toContain(squash('Huaxin Outsourcing'));
		expect(all).toContain(squash(model.control.reportId));
		const score = new Intl.NumberFormat('en', {
			style: 'percent',
			minimumFractionDigits: 1
		}).format(model.summary.domains.callScore!);
		expect(all).toContain(squash(`Mystery-call score ${score}`));
		expect(all).toContain('PCI3.3.1');
		expect(all).toContain(squash(model.findings[0].title));
		expect(squash(pages[0])).toContain(`Page1of${pages.length}`);
		expect(squash(pages.at(-1)!)).toContain(`Page${pages.length}of${pages.length}`);
		// The contents page lists each section with the page it starts on.
		const toc = squash(pages[1]);
		expect(toc).toContain('Contents');
		const start = pages.findIndex((p, i) => i > 1 && squash(p).includes('9.Appendix:calllog'));
		expect(toc).toContain(`9.Appendix:calllog${start + 1}`);
	});

	it('prints Chinese text as real, searchable text in a zh-CN report', async () => {
		const { model, pages } = await render(small('zh-CN'));
		const all = squash(pages.join('\n'));
		expect(all).toContain('合规审计报告');
		expect(all).toContain('华信外包服务');
		expect(all).toContain('按条款的个人信息保护结果');
		expect(all).toContain(squash(model.findings[0].title));
		expect(squash(pages[0])).toContain(`第1页，共${pages.length}页`);
	});

	it('says so when there are no calls', async () => {
		const input = { ...small('en'), calls: [], previousPeriods: [] };
		const { pages } = await render(input);
		const all = squash(pages.join('\n'));
		expect(all).toContain(squash('No calls were reviewed in this period'));
		expect(all).not.toMatch(/NaN|Infinity|undefined/);
	});

	it('renders the same bytes for the same model and creation date, and stamps the hash line', async () => {
		const model = buildReportModel(small('zh-CN'));
		const a = await renderReportPdf(model, { createdAt, hashLine: 'SHA-256 abc123' });
		const b = await renderReportPdf(model, { createdAt, hashLine: 'SHA-256 abc123' });
		expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
		expect(squash((await pdfPages(a))[3])).toContain('SHA-256abc123');
	});

	it('embeds only a TrueType subset of the CJK font', async () => {
		const { bytes } = await render(small('zh-CN'));
		const text = Buffer.from(bytes).toString('latin1');
		expect(text).toMatch(/\/FontFile2 /);
		expect(text).not.toMatch(/\/FontFile3 /);
		expect(bytes.length).toBeLessThan(600_000);
	});
});

describe('the HTML preview', () => {
	it('shows the same sections and figures as the PDF, escaped, with charts inlined', () => {
		const model = buildReportModel({ ...small('zh-CN'), organisation: 'A&B <Audit>' });
		const html = renderReportHtml(model);
		expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
		expect(html).toContain('A&amp;B &lt;Audit&gt;');
		expect(html).not.toContain('<Audit>');
		expect(html).toContain('按条款的个人信息保护结果');
		expect(html).toContain(model.findings[0].title);
		expect(html.match(/data:image\/png;base64,/g)).toHaveLength(3);
	});
});
