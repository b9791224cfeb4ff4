/**
 * Report generation: a synthetic zh-CN vendor report over 200 calls and 40 findings (charts, the
 * call log appendix, about 30 pages), rendered by our jsPDF renderer and, in the same run, the same
 * content as HTML (`renderReportHtml`) printed to PDF by headless Chromium (`page.pdf`), the way
 * many products do it. Median of a few runs each, after one warm-up of each. Chromium is launched
 * once and kept warm, and only setContent + page.pdf is timed, which flatters Chromium: a server
 * that launched a browser per report would pay more.
 *
 * Run: npx tsx bench/report.ts   (BENCH_RUNS=9 for more runs). Goals: speedup ≥ 5, size ≤ 1 MB.
 */
import { chromium } from 'playwright-core';
import { buildReportModel } from '../src/lib/domain/report';
import { syntheticReportInput } from '../src/lib/domain/report/synthetic';
import { renderReportHtml } from '../src/lib/server/pdf/html';
import { pdfPages } from '../src/lib/server/pdf/pdf-text';
import { renderReportPdf } from '../src/lib/server/pdf/render';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const log = (msg: string) => console.log(`[bench report] ${msg}`);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
	const model = buildReportModel(
		syntheticReportInput({ calls: 200, findings: 40, locale: 'zh-CN' })
	);
	const createdAt = new Date('2026-10-15T08:00:00Z');

	const ours = async () => {
		const t0 = performance.now();
		const cpu0 = process.cpuUsage();
		const bytes = await renderReportPdf(model, { createdAt });
		const cpu = process.cpuUsage(cpu0);
		return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, bytes };
	};
	const warm = await ours();
	const pages = (await pdfPages(warm.bytes)).length;
	log(
		`jsPDF: ${pages} pages, ${(warm.bytes.length / 1024).toFixed(0)} KB (warm-up ${warm.ms.toFixed(0)} ms)`
	);
	const oursMs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const r = await ours();
		oursMs.push(r.ms);
		log(`jsPDF run ${i + 1}: ${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms)`);
	}

	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
	try {
		const printed = async () => {
			const t0 = performance.now();
			const html = renderReportHtml(model);
			const page = await browser.newPage();
			await page.setContent(html, { waitUntil: 'load' });
			const bytes = await page.pdf({
				format: 'A4',
				printBackground: true,
				margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
				displayHeaderFooter: true,
				headerTemplate: `<div style="font-size:7px;width:100%;text-align:right;margin-right:15mm">${model.control.reportId}</div>`,
				footerTemplate:
					'<div style="font-size:7px;width:100%;text-align:right;margin-right:15mm"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'
			});
			await page.close();
			return { ms: performance.now() - t0, bytes };
		};
		const warmC = await printed();
		const pagesC = (await pdfPages(warmC.bytes)).length;
		log(
			`Chromium: ${pagesC} pages, ${(warmC.bytes.length / 1024).toFixed(0)} KB (warm-up ${warmC.ms.toFixed(0)} ms)`
		);
		const chromeMs: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const r = await printed();
			chromeMs.push(r.ms);
			log(`Chromium run ${i + 1}: ${r.ms.toFixed(0)} ms`);
		}
		const reportMs = median(oursMs);
		const chromiumMs = median(chromeMs);
		console.log(
			`report_ms=${reportMs.toFixed(0)} report_kb=${(warm.bytes.length / 1024).toFixed(0)} report_pages=${pages} chromium_ms=${chromiumMs.toFixed(0)} chromium_kb=${(warmC.bytes.length / 1024).toFixed(0)} speedup_vs_chromium=${(chromiumMs / reportMs).toFixed(2)}`
		);
	} finally {
		await browser.close();
	}
}

await main();
