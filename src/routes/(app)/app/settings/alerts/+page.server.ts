import { fail } from '@sveltejs/kit';
import { auditOrganisation } from '$lib/server/calibration-screens';
import { issueKeys } from '$lib/schemas/form';
import { alertThresholdSchema } from '$lib/schemas/alert-thresholds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [clients, thresholds] = await Promise.all([
		locals.supabase
			.from('organisations')
			.select('id, name, name_zh')
			.eq('kind', 'client')
			.order('name'),
		locals.supabase
			.from('alert_thresholds')
			.select('client_id, min_overall, on_critical_fail, active')
	]);
	return { clients: clients.data ?? [], thresholds: thresholds.data ?? [] };
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const raw = Object.fromEntries(
			[...(await request.formData())].filter(([, v]) => typeof v === 'string')
		) as Record<string, string>;
		const p = alertThresholdSchema.safeParse({
			clientId: raw.clientId,
			minPercent: raw.minPercent,
			onCriticalFail: raw.onCriticalFail ?? '',
			active: raw.active ?? ''
		});
		if (!p.success) return fail(400, { clientId: raw.clientId, errorFields: issueKeys(p.error) });
		const org = await auditOrganisation(locals);
		// RLS lets only this organisation's admins and officers write its thresholds.
		const { error } = await locals.supabase.from('alert_thresholds').upsert(
			{
				organisation_id: org!,
				client_id: p.data.clientId,
				min_overall: p.data.minPercent === null ? null : p.data.minPercent / 100,
				on_critical_fail: p.data.onCriticalFail,
				active: p.data.active
			},
			{ onConflict: 'organisation_id,client_id' }
		);
		if (error)
			return fail(403, { clientId: raw.clientId, errorFields: { _form: 'rv_err_forbidden' } });
		return { saved: p.data.clientId };
	}
};
