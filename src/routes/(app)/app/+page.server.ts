import { fail } from '@sveltejs/kit';
import { localName } from '$lib/i18n/names';
import { m } from '$lib/paraglide/messages';
import { siteRecordingFormSchema } from '$lib/schemas/recording';
import { listLines, listOrganisations, listSites } from '$lib/server/tenancy';
import { attentionCalls } from '$lib/server/schedule/calls';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// One instant for the whole page, so server and browser render the same local times.
	const now = new Date().toISOString();
	const [organisations, sites, lines, attention] = await Promise.all([
		listOrganisations(locals.supabase),
		listSites(locals.supabase),
		listLines(locals.supabase),
		attentionCalls(locals.supabase, now)
	]);
	return { organisations, sites, lineCount: lines.length, now, attention };
};

export const actions: Actions = {
	/** An admin sets a site's recording rule; RLS lets only admins of the managing audit organisation. */
	recording: async ({ locals, request }) => {
		const parsed = siteRecordingFormSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { recordingError: m.sch_rec_error_invalid() });
		const { data, error } = await locals.supabase
			.from('sites')
			.update({ recording_policy: parsed.data.recording_policy })
			.eq('id', parsed.data.site_id)
			.select('name, name_zh');
		if (error || !data?.length) return fail(403, { recordingError: m.sch_rec_error_denied() });
		return { recordingSaved: m.sch_rec_saved({ site: localName(data[0], locals.locale) }) };
	}
};
