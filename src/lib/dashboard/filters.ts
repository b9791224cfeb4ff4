/** The dashboards' filter fields as people read them, and filter errors as one localised sentence. */
import { m } from '$lib/paraglide/messages';
import { t } from '$lib/i18n/localise';
import type { FieldErrors } from '$lib/schemas/form';

export const FILTER_FIELDS = ['from', 'to', 'client', 'vendor', 'site', 'scenario'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const FILTER_LABELS: Record<FilterField, () => string> = {
	from: m.rp_dash_filter_from,
	to: m.rp_dash_filter_to,
	client: m.rp_dash_filter_client,
	vendor: m.rp_dash_filter_vendor,
	site: m.rp_dash_filter_site,
	scenario: m.rp_dash_filter_scenario
};

const label = (field: string) =>
	field in FILTER_LABELS ? FILTER_LABELS[field as FilterField]() : field;

/** Field → message key errors as "Filter “From”: use a date as YYYY-MM-DD." sentences. */
export function filterMessage(errors: FieldErrors): string {
	return Object.entries(errors)
		.map(([field, key]) =>
			field === '_form' ? t(key) : m.rp_dash_err_field({ field: label(field), problem: t(key) })
		)
		.join(' ');
}
