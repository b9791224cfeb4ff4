/**
 * The renderer seam: publishing depends only on `ReportRenderer`; the default builds the report model
 * (src/lib/domain/report) and renders it with the jsPDF renderer (src/lib/server/pdf). The PDF cannot
 * hold its own hash, so every page's footer prints the report ID, version and the /verify URL, and
 * the SHA-256 of the final bytes is recorded in the database.
 */
import { buildReportModel, type ReportLocale } from '$lib/domain/report';
import { renderReportHtml } from '$lib/server/pdf/html';
import { renderReportPdf } from '$lib/server/pdf/render';
import type { ReportData } from './gather';
import { toReportInput } from './input';

export type { ReportLocale };

/** What a published PDF prints so a reader can check it on /verify. */
export interface ReportStamp {
	code: string;
	version: number;
	verifyUrl: string;
	/** ISO instant of publication (also the PDF's creation date). */
	publishedAt: string;
	/** Who published it, for the control and sign-off blocks. */
	author: string;
}

export type ReportRenderer = (
	data: ReportData,
	stamp: ReportStamp,
	locale: ReportLocale
) => Promise<Uint8Array>;

const HASH_NOTE: Record<ReportLocale, (s: ReportStamp) => string> = {
	en: (s) => `${s.code} v${s.version} · SHA-256 recorded at publication · verify: ${s.verifyUrl}`,
	'zh-CN': (s) => `${s.code} 第 ${s.version} 版 · 发布时已记录 SHA-256 · 核验：${s.verifyUrl}`
};

/** The full report PDF. */
export const reportRenderer: ReportRenderer = async (data, stamp, locale) =>
	renderReportPdf(buildReportModel(toReportInput(data, stamp, locale)), {
		createdAt: new Date(stamp.publishedAt),
		hashLine: HASH_NOTE[locale](stamp)
	});

/** The same report as HTML, for the officer's preview before publishing (ID and version not yet known). */
export function reportPreviewHtml(data: ReportData, locale: ReportLocale, author: string): string {
	const stamp = {
		code: 'CC-PREVIEW00',
		version: 0,
		verifyUrl: '',
		publishedAt: new Date().toISOString(),
		author
	};
	return renderReportHtml(buildReportModel(toReportInput(data, stamp, locale)));
}
