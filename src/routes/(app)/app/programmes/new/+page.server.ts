import { fail, redirect } from '@sveltejs/kit';
import { checkProgramme } from '$lib/components/schedule/wizard-issues';
import { m } from '$lib/paraglide/messages';
import { programmeRecordingSchema } from '$lib/schemas/recording';
import { scopeOptions } from '$lib/server/schedule/programmes';
import { loose } from '$lib/server/schedule/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	options: await scopeOptions(locals.supabase),
	// One "today" for server and browser; the wizard starts on it.
	now: new Date().toISOString()
});

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const form = await request.formData();
		const raw = String(form.get('definition') ?? '');
		const recording = programmeRecordingSchema.safeParse(form.get('recording_policy') ?? '');
		if (!recording.success) return fail(400, { issues: { _form: m.sch_rec_error_invalid() } });
		let input: unknown;
		try {
			input = JSON.parse(raw);
		} catch {
			return fail(400, { issues: { _form: m.sch_error_invalid() } });
		}
		const parsed = checkProgramme(input);
		if (!parsed.ok) return fail(400, { issues: parsed.issues });
		const db = loose(locals.supabase);
		const { data: client } = await db
			.from('organisations')
			.select('audit_organisation_id')
			.eq('id', parsed.programme.clientId)
			.maybeSingle<{ audit_organisation_id: string }>();
		const { data, error } = await db
			.from('programmes')
			.insert({
				organisation_id: client?.audit_organisation_id,
				client_id: parsed.programme.clientId,
				name: parsed.programme.name,
				definition: parsed.programme,
				recording_policy: recording.data
			})
			.select('id')
			.single<{ id: string }>();
		if (error || !data) return fail(403, { issues: { _form: m.sch_error_create_denied() } });
		redirect(303, `/app/programmes/${data.id}`);
	}
};
