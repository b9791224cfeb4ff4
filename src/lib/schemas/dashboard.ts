/**
 * The dashboards' filters as they arrive in the query string: a period (two calendar dates, at most
 * three years apart) and optional client, vendor, site and scenario ids. Issues carry message keys
 * (see ./form), so a bad link shows a localised message naming the filter, never a 500.
 */
import { z } from 'zod';

const MAX_DAYS = 3 * 366;
const DAY = 86_400_000;

const date = z.iso.date({ error: 'rp_dash_err_date' });
const id = z
	.union([z.uuid({ error: 'rp_dash_err_id' }), z.literal('')])
	.optional()
	.transform((v) => v || undefined);

export const dashboardFilterSchema = z
	.object({
		from: date.optional(),
		to: date.optional(),
		client: id,
		vendor: id,
		site: id,
		scenario: id
	})
	.transform((f, ctx) => {
		// Results are dated in each site's time zone, so "today" is the latest date anywhere (UTC+14);
		// the UTC date would leave out this morning's calls in Shanghai.
		const to = f.to ?? new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
		const from = f.from ?? new Date(Date.parse(to) - 89 * DAY).toISOString().slice(0, 10);
		const days = (Date.parse(to) - Date.parse(from)) / DAY;
		if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'rp_dash_err_order' });
		else if (days > MAX_DAYS)
			ctx.addIssue({ code: 'custom', path: ['from'], message: 'rp_dash_err_span' });
		return { ...f, from, to };
	});
export type DashboardFilters = z.output<typeof dashboardFilterSchema>;

/** The filters a URL's query string gives (repeated keys: the first wins). */
export function filtersInput(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of params) out[k] ??= v;
	return out;
}
