/**
 * The renderer seam: publishing depends only on `ReportRenderer`, so the full report (model in
 * src/lib/domain/report, jsPDF renderer in src/lib/server/pdf) plugs in here. Until it exists,
 * `basicRenderer` writes a plain PDF with the cover block, the summary and the call log appendix
 * (evidence hashes, "purged on"), stamped with the report ID, version and verification URL, which is
 * all that publication, download and verification need.
 */
import { jsPDF } from 'jspdf';
import type { ReportData } from './gather';
import { summarise } from './summary';

export type ReportLocale = 'en' | 'zh-CN';

/** What every page of a published PDF prints so a reader can check it on /verify. */
export interface ReportStamp {
	code: string;
	version: number;
	verifyUrl: string;
	/** ISO instant of publication. */
	publishedAt: string;
}

export type ReportRenderer = (
	data: ReportData,
	stamp: ReportStamp,
	locale: ReportLocale
) => Promise<Uint8Array>;

const pct = (v: number | null) => (v == null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

/** A plain jsPDF report; Latin text only (the full renderer embeds a CJK font). */
export const basicRenderer: ReportRenderer = async (data, stamp, locale) => {
	const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
	doc.setProperties({ title: `${stamp.code} v${stamp.version}`, creator: 'Clearcall' });
	const s = summarise(data);
	const lines = [
		`Clearcall compliance report ${stamp.code} version ${stamp.version}`,
		`Scope: ${data.scope.kind} ${data.scope.name}`,
		`Period: ${data.period.start} to ${data.period.end}   Language: ${locale}`,
		`Published: ${stamp.publishedAt}`,
		`Verify this file at ${stamp.verifyUrl}`,
		'',
		`Calls: ${s.calls}   Scored: ${s.scored}   Mean score: ${pct(s.mean)}   Critical failures: ${s.criticalFailed}`,
		s.calls === 0 ? 'No calls took place in this scope and period.' : '',
		'',
		'Call log (times in site time)'
	];
	for (const c of data.calls) {
		lines.push(`${c.id}  ${c.localDay}  ${c.siteName}  ${c.status}  ${pct(c.overall)}`);
		for (const e of c.evidence)
			lines.push(
				`   sha256 ${e.sha256 ?? '-'}${e.purgedAt ? `  purged on ${e.purgedAt.slice(0, 10)}` : ''}`
			);
	}
	let y = 60;
	doc.setFontSize(9);
	for (const line of lines) {
		if (y > 780) {
			doc.addPage();
			y = 60;
		}
		doc.text(line, 40, y);
		y += 14;
	}
	const pages = doc.getNumberOfPages();
	for (let p = 1; p <= pages; p++) {
		doc.setPage(p);
		doc.setFontSize(7);
		doc.text(`${stamp.code} v${stamp.version} · ${stamp.verifyUrl}`, 40, 820);
		doc.text(`${p} / ${pages}`, 540, 820);
	}
	return new Uint8Array(doc.output('arraybuffer'));
};

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An HTML preview of what `basicRenderer` prints, for the officer before publishing. */
export function basicPreviewHtml(data: ReportData, locale: ReportLocale): string {
	const s = summarise(data);
	const rows = data.calls
		.map(
			(c) =>
				`<tr><td>${esc(c.id.slice(0, 8))}</td><td>${esc(c.localDay)}</td><td>${esc(c.siteName)}</td><td>${esc(c.status)}</td><td>${pct(c.overall)}</td></tr>`
		)
		.join('');
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(data.scope.name)}</title></head><body style="font-family:sans-serif">
<h1>${esc(data.scope.name)}</h1><p>${esc(data.period.start)} – ${esc(data.period.end)}</p>
<p>Calls ${s.calls} · scored ${s.scored} · mean ${pct(s.mean)} · critical ${s.criticalFailed}</p>
${s.calls ? `<table><thead><tr><th>Call</th><th>Day</th><th>Site</th><th>Status</th><th>Score</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No calls took place in this scope and period.</p>'}
</body></html>`;
}
