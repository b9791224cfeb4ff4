import { fail } from '@sveltejs/kit';
import { localiseErrors } from '$lib/i18n/localise';
import { m } from '$lib/paraglide/messages';
import { formObject, validate } from '$lib/schemas/form';
import { parseScope, publishSchema } from '$lib/schemas/report-publication';
import { gatherReportData } from '$lib/server/reports/gather';
import { listReports } from '$lib/server/reports/list';
import { reportPreviewHtml } from '$lib/server/reports/render';
import { listOrganisations, listSites } from '$lib/server/tenancy';
import type { Actions, PageServerLoad } from './$types';

/** The first and last day of the previous calendar month: the usual reporting period. */
function lastMonth(now = new Date()) {
	const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
	const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
	return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

export const load: PageServerLoad = async ({ locals }) => {
	const [organisations, sites, programmes, reports] = await Promise.all([
		listOrganisations(locals.supabase),
		listSites(locals.supabase),
		locals.supabase.from('programmes').select('id, name').order('name'),
		listReports(locals.supabase)
	]);
	return {
		vendors: organisations.filter((o) => o.kind === 'vendor'),
		clients: organisations.filter((o) => o.kind === 'client'),
		sites,
		programmes: programmes.data ?? [],
		reports,
		period: lastMonth()
	};
};

export const actions: Actions = {
	/** The report as HTML, from the same data the PDF would be built from. */
	preview: async ({ locals, request }) => {
		const input = formObject(await request.formData());
		const values = {
			scope: String(input.scope ?? ''),
			period_start: String(input.period_start ?? ''),
			period_end: String(input.period_end ?? ''),
			locale: String(input.locale ?? ''),
			client: String(input.client ?? '')
		};
		const parsed = validate(publishSchema, input);
		if (!parsed.ok) return fail(400, { values, errorFields: localiseErrors(parsed.errors) });
		const { kind, id } = parseScope(parsed.data.scope);
		const data = await gatherReportData(
			locals.supabase,
			kind,
			id,
			parsed.data.period_start,
			parsed.data.period_end,
			kind === 'programme' ? null : parsed.data.client
		);
		if (!data) return fail(400, { values, errorFields: { scope: m.rp_pub_not_found() } });
		return {
			values,
			preview: reportPreviewHtml(data, parsed.data.locale, locals.user?.email ?? '')
		};
	}
};
