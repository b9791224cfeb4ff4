/**
 * Reads of the tenancy tables with the caller's own client: what comes back is exactly what RLS lets
 * them see, so the same functions serve officers, vendors and clients.
 */
import { error } from '@sveltejs/kit';
import type { AppClient, Line, Organisation, Site } from '$lib/tenancy';

function must<T>(what: string, result: { data: T | null; error: { message: string } | null }): T {
	// A failed read is an error page, never an empty list that looks like "nothing here".
	if (result.error) error(500, `${what}: ${result.error.message}`);
	return result.data as T;
}

/** Organisations the caller may see, by kind then name. */
export async function listOrganisations(supabase: AppClient): Promise<Organisation[]> {
	return must(
		'organisations',
		await supabase
			.from('organisations')
			.select('id, kind, name, name_zh, audit_organisation_id')
			.order('kind')
			.order('name')
	);
}

/** Sites the caller may see, by name. */
export async function listSites(supabase: AppClient): Promise<Site[]> {
	const rows = must(
		'sites',
		await supabase
			.from('sites')
			.select('id, vendor_id, name, name_zh, city, country, time_zone, languages, recording_policy')
			.order('name')
	);
	// The column's check constraint admits only the three rules; the generated type says text.
	return rows as Site[];
}

/** Lines the caller may see, by label. */
export async function listLines(supabase: AppClient): Promise<Line[]> {
	return must(
		'lines',
		await supabase
			.from('lines')
			.select('id, site_id, client_id, label, phone_number, queue, languages')
			.order('label')
	);
}
