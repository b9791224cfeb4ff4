/** Programmes and what the wizard offers: clients, their vendors, sites, lines and scenarios. */
import type { Programme } from '$lib/schemas/programme';
import { loose, must } from './db';

export interface ProgrammeRow {
	id: string;
	organisation_id: string;
	client_id: string;
	name: string;
	status: 'draft' | 'active' | 'closed';
	definition: Programme;
	created_at: string;
}

export interface ScopeOptions {
	organisations: { id: string; name: string; name_zh: string | null }[];
	clients: { id: string; name: string; name_zh: string | null; audit_organisation_id: string }[];
	clientVendors: { client_id: string; vendor_id: string }[];
	vendors: { id: string; name: string; name_zh: string | null }[];
	sites: {
		id: string;
		vendor_id: string;
		name: string;
		name_zh: string | null;
		time_zone: string;
		languages: string[];
	}[];
	lines: { id: string; site_id: string; client_id: string; label: string; languages: string[] }[];
	scenarios: { id: string; code: string; title: string; title_zh: string | null }[];
}

/** Everything the wizard can choose from, as the caller may see it. */
export async function scopeOptions(client: unknown): Promise<ScopeOptions> {
	const db = loose(client);
	const [orgs, links, sites, lines, scenarios] = await Promise.all([
		db.from('organisations').select('id, kind, name, name_zh, audit_organisation_id').order('name'),
		db.from('client_vendors').select('client_id, vendor_id'),
		db.from('sites').select('id, vendor_id, name, name_zh, time_zone, languages').order('name'),
		db.from('lines').select('id, site_id, client_id, label, languages').order('label'),
		db
			.from('scenarios')
			.select('id, code, title, title_zh, scenario_versions!inner(status)')
			.eq('scenario_versions.status', 'published')
			.order('code')
	]);
	type Org = ScopeOptions['clients'][number] & { kind: string };
	const all = must<Org[]>('organisations', orgs);
	return {
		organisations: all.filter((o) => o.kind === 'audit'),
		clients: all.filter((o) => o.kind === 'client'),
		vendors: all.filter((o) => o.kind === 'vendor'),
		clientVendors: must('client vendors', links),
		sites: must('sites', sites),
		lines: must('lines', lines),
		scenarios: must<ScopeOptions['scenarios']>('scenarios', scenarios).map(
			({ id, code, title, title_zh }) => ({ id, code, title, title_zh })
		)
	};
}

const COLUMNS = 'id, organisation_id, client_id, name, status, definition, created_at';

/** Programmes the caller may see, newest first. */
export async function listProgrammes(client: unknown): Promise<ProgrammeRow[]> {
	return must(
		'programmes',
		await loose(client).from('programmes').select(COLUMNS).order('created_at', { ascending: false })
	);
}

/** One programme, or null when it does not exist or is not the caller's to see. */
export async function getProgramme(client: unknown, id: string): Promise<ProgrammeRow | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	return must(
		'programme',
		await loose(client).from('programmes').select(COLUMNS).eq('id', id).maybeSingle()
	);
}
