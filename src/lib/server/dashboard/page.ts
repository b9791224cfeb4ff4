/**
 * The load shared by the officers' and the portal's dashboard pages: filters from the query string
 * (a bad one gives a localised message and no charts, never a 500), what the filter menus offer,
 * and every dataset, all read with the caller's own client so RLS decides the scope.
 */
import { dashboardFilterSchema, filtersInput } from '$lib/schemas/dashboard';
import { validate } from '$lib/schemas/form';
import { filterMessage } from '$lib/dashboard/filters';
import { listOrganisations, listSites } from '$lib/server/tenancy';
import { loadDashboard } from './queries';

export interface Option {
	id: string;
	name: string;
	name_zh: string | null;
}

/** Everything a dashboard page shows for the request's URL. */
export async function dashboardPage(locals: App.Locals, url: URL) {
	const input = filtersInput(url.searchParams);
	const parsed = validate(dashboardFilterSchema, input);
	const [organisations, sites, scenarios] = await Promise.all([
		listOrganisations(locals.supabase),
		listSites(locals.supabase),
		locals.supabase.from('scenarios').select('id, name:title, name_zh:title_zh').order('title')
	]);
	const options = {
		client: organisations.filter((o) => o.kind === 'client') as Option[],
		vendor: organisations.filter((o) => o.kind === 'vendor') as Option[],
		site: sites as Option[],
		scenario: (scenarios.data ?? []) as Option[]
	};
	if (!parsed.ok)
		return { input, error: filterMessage(parsed.errors), query: '', data: null, options };
	const f = parsed.data;
	const query = new URLSearchParams(
		Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string')
	).toString();
	return {
		input: { ...input, from: f.from, to: f.to },
		error: null,
		query,
		data: await loadDashboard(locals.supabase, f),
		options
	};
}
