/**
 * The CSV download of one dashboard dataset, for the officers' and the portal's export routes: the
 * same filters as the page (validated, a bad one answers 400 with a localised message naming it),
 * the caller's own client (RLS scopes the rows), the same columns as the chart's table.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { COLUMNS, cells } from '$lib/dashboard/columns';
import { m } from '$lib/paraglide/messages';
import { dashboardFilterSchema, filtersInput } from '$lib/schemas/dashboard';
import { validate } from '$lib/schemas/form';
import { filterMessage } from '$lib/dashboard/filters';
import { isDataset, loadDataset } from './queries';
import { toCsv } from './csv';

/** GET handler body: `params.dataset` names the dataset. */
export async function exportDataset({ params, url, locals }: RequestEvent): Promise<Response> {
	const dataset = params.dataset ?? '';
	if (!isDataset(dataset)) error(404, m.rp_dash_err_dataset());
	const parsed = validate(dashboardFilterSchema, filtersInput(url.searchParams));
	if (!parsed.ok)
		return new Response(filterMessage(parsed.errors), {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	const filters = parsed.data;
	const rows = await loadDataset(locals.supabase, dataset, filters);
	const header = COLUMNS[dataset].map((c) => c.label());
	const body = toCsv(header, cells(dataset, rows, locals.locale));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="clearcall-${dataset}-${filters.from}-${filters.to}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}
