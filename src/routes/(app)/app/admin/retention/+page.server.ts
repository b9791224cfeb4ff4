import { fail, redirect } from '@sveltejs/kit';
import { localiseErrors } from '$lib/i18n/localise';
import { m } from '$lib/paraglide/messages';
import { formObject, validate } from '$lib/schemas/form';
import { retentionSchema } from '$lib/schemas/report-publication';
import { rolesOf } from '$lib/server/memberships';
import type { Actions, PageServerLoad } from './$types';

const DEFAULTS = { recordings_months: 6, call_sheets_months: 12 };

/** The audit organisation the signed-in admin administers (the first, as the app's home does). */
async function adminOrganisation(locals: App.Locals) {
	const memberships = await locals.memberships();
	return memberships.find((mm) => mm.role === 'admin' && mm.organisation?.kind === 'audit')
		?.organisationId;
}

export const load: PageServerLoad = async ({ locals }) => {
	if (!rolesOf(await locals.memberships()).includes('admin')) redirect(303, '/app');
	const organisationId = await adminOrganisation(locals);
	const { data } = await locals.supabase
		.from('retention_settings')
		.select('recordings_months, call_sheets_months')
		.eq('organisation_id', organisationId ?? '')
		.maybeSingle();
	return { settings: data ?? DEFAULTS };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = formObject(await request.formData());
		const values = {
			recordings_months: String(input.recordings_months ?? ''),
			call_sheets_months: String(input.call_sheets_months ?? '')
		};
		const organisationId = await adminOrganisation(locals);
		if (!organisationId) return fail(403, { values, errorMessage: m.rp_pub_retention_denied() });
		const parsed = validate(retentionSchema, input);
		if (!parsed.ok) return fail(400, { values, errorFields: localiseErrors(parsed.errors) });
		// The admin's own client: the policies decide, so a non-admin is refused by the database too.
		const { error } = await locals.supabase
			.from('retention_settings')
			.upsert(
				{ organisation_id: organisationId, ...parsed.data },
				{ onConflict: 'organisation_id' }
			);
		if (error) return fail(403, { values, errorMessage: m.rp_pub_retention_denied() });
		return { saved: true, values };
	}
};
