/**
 * The review screens' query strings (queue filters, findings filters), parsed with zod so a bad
 * value in a shared link gives a localised message naming the filter instead of a 500. Issue
 * messages are message keys (`rv_err_*`), localised by the page.
 */
import { z } from 'zod';

export const QUEUE_STATUSES = ['submitted', 'in_progress', 'reviewed', 'closed'] as const;
export const FINDING_STATUSES = ['open', 'in_remediation', 'closed', 'withdrawn'] as const;

const uuid = z.uuid({ error: 'rv_err_filter_invalid' }).optional();
const date = z.iso.date({ error: 'rv_err_filter_date' }).optional();
// An empty select in a GET form sends `name=`; that means "any", not a bad value.
const blank = (v: unknown) => (v === '' ? undefined : v);

export const queueFiltersSchema = z
	.strictObject(
		{
			status: z.preprocess(
				blank,
				z.enum(QUEUE_STATUSES, { error: 'rv_err_filter_invalid' }).optional()
			),
			programme: z.preprocess(blank, uuid),
			site: z.preprocess(blank, uuid),
			scenario: z.preprocess(blank, uuid),
			from: z.preprocess(blank, date),
			to: z.preprocess(blank, date)
		},
		{ error: 'rv_err_filter_unknown' }
	)
	.refine((f) => !f.from || !f.to || f.from <= f.to, {
		error: 'rv_err_filter_range',
		path: ['to']
	});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

export const findingFiltersSchema = z.strictObject(
	{
		status: z.preprocess(
			blank,
			z.enum(FINDING_STATUSES, { error: 'rv_err_filter_invalid' }).optional()
		),
		site: z.preprocess(blank, uuid)
	},
	{ error: 'rv_err_filter_unknown' }
);

/** The query string as a plain object (last value wins), for the schemas above. */
export function queryObject(params: URLSearchParams): Record<string, string> {
	return Object.fromEntries(params.entries());
}
