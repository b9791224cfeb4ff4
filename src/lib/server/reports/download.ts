/**
 * A published PDF for the signed-in caller, read with their OWN client twice over: the reports row
 * (table RLS) and then the object (the bucket's policy mirrors the table's). Either refusal is "not
 * found", so a report of another tenant cannot even be told apart from one that does not exist.
 */
import type { AppClient } from '$lib/tenancy';
import { REPORTS_BUCKET } from './publish';

export interface ReportFile {
	filename: string;
	bytes: Blob;
}

/** The file of report version `id`, or null when the caller may not read it. */
export async function openReport(client: AppClient, id: string): Promise<ReportFile | null> {
	const { data: row } = await client
		.from('reports')
		.select('code, version, storage_path')
		.eq('id', id)
		.maybeSingle();
	if (!row) return null;
	const { data: bytes } = await client.storage.from(REPORTS_BUCKET).download(row.storage_path);
	if (!bytes) return null;
	return { filename: `${row.code}-v${row.version}.pdf`, bytes };
}
