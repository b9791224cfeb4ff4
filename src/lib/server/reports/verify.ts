/**
 * What /verify answers about a file's hash: authentic and current, authentic but superseded, or not a
 * Clearcall report. Only the code, version, scope name, period and publication date ever leave here.
 */
import type { AppClient } from '$lib/tenancy';

export interface VerifiedReport {
	code: string;
	version: number;
	scopeName: string;
	periodStart: string;
	periodEnd: string;
	publishedAt: string;
}

export type Verdict =
	| { kind: 'current'; report: VerifiedReport }
	| { kind: 'superseded'; report: VerifiedReport; latestVersion: number }
	| { kind: 'unknown' };

/** Looks `sha256` (claimed to be report `code`, when given) up with the service-role `admin`. */
export async function verifyReport(
	admin: AppClient,
	sha256: string,
	code: string | null
): Promise<Verdict> {
	const { data, error } = await admin.rpc('verify_report', {
		p_sha256: sha256.toLowerCase(),
		...(code ? { p_code: code } : {})
	});
	if (error) throw new Error(`verify_report: ${error.message}`);
	const row = (data ?? [])[0];
	if (!row) return { kind: 'unknown' };
	const report: VerifiedReport = {
		code: row.code,
		version: row.version,
		scopeName: row.scope_name,
		periodStart: row.period_start,
		periodEnd: row.period_end,
		publishedAt: row.published_at
	};
	return row.status === 'published'
		? { kind: 'current', report }
		: { kind: 'superseded', report, latestVersion: row.latest_version };
}
