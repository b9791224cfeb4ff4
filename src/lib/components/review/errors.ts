/** The review API's error codes (required, too_long, deadline, …) in the reader's language. */
import { t } from '$lib/i18n/localise';
import { m } from '$lib/paraglide/messages';

/** The message of review error `code` (`rv_err_<code>`), or the code itself when unknown. */
export function errorText(code: string | undefined): string | undefined {
	if (!code) return undefined;
	return code.startsWith('rv_') ? t(code) : t(`rv_err_${code}`);
}

/** The field errors of a failed action when it was `action`'s, else none. */
export function errorsOf(
	form: { action?: string; errorFields?: Record<string, string> } | null | undefined,
	action: string
): Record<string, string | undefined> {
	if (!form || form.action !== action || !form.errorFields) return {};
	return Object.fromEntries(Object.entries(form.errorFields).map(([k, v]) => [k, errorText(v)]));
}

const FIELD: Record<string, () => string> = {
	status: m.rv_col_status,
	programme: m.rv_filter_programme,
	site: m.rv_filter_site,
	scenario: m.rv_filter_scenario,
	from: m.rv_filter_from,
	to: m.rv_filter_to,
	_form: m.rv_filters
};

/** A filter's name in the reader's language, for "Site: this value is not one of the choices". */
export function filterLabel(field: string): string {
	return FIELD[field]?.() ?? field;
}
