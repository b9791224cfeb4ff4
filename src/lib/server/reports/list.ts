/** The published report versions the caller may read (RLS decides), newest first. */
import type { AppClient } from '$lib/tenancy';

export interface ReportListRow {
	id: string;
	code: string;
	version: number;
	scope_kind: 'site' | 'vendor' | 'programme';
	scope_name: string;
	period_start: string;
	period_end: string;
	locale: string;
	status: 'published' | 'superseded';
	sha256: string;
	published_at: string;
}

/** Up to `limit` report versions visible to `client`. */
export async function listReports(client: AppClient, limit = 200): Promise<ReportListRow[]> {
	const { data, error } = await client
		.from('reports')
		.select(
			'id, code, version, scope_kind, scope_name, period_start, period_end, locale, status, sha256, published_at'
		)
		.order('published_at', { ascending: false })
		.limit(limit);
	if (error) throw new Error(`reports: ${error.message}`);
	return data;
}
