import { decideDispute, setFindingStatus } from '$lib/server/review';
import { findingItem, findingPage } from '$lib/server/findings-screens';
import { actorOf, formFields, refused } from '$lib/server/review-screens';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:finding');
	const page = await findingPage(locals, params.id);
	const f = page.finding as { call_ids: string[]; item_id: string };
	return { ...page, item: await findingItem(locals, f.call_ids, f.item_id) };
};

/** A scale or number answer arrives as text; everything else stays text ('' means none chosen). */
const valueOf = (raw: string | undefined) =>
	raw === undefined || raw === '' ? undefined : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;

export const actions: Actions = {
	decide: async ({ locals, request }) => {
		const f = await formFields(request);
		const r = await decideDispute(actorOf(locals), supabaseAdmin() as never, {
			disputeId: f.disputeId,
			decision: f.decision,
			comment: f.comment ?? '',
			newValue: valueOf(f.newValue)
		});
		if (!r.ok) return refused('decide', r, { disputeId: f.disputeId, comment: f.comment });
		return { action: 'decide', findingStatus: r.findingStatus, overall: r.overall };
	},
	status: async ({ locals, params, request }) => {
		const f = await formFields(request);
		const r = await setFindingStatus(actorOf(locals), {
			findingId: params.id,
			status: f.status,
			comment: f.comment ?? ''
		});
		if (!r.ok) return refused('status', r, { comment: f.comment });
		return { action: 'status', status: r.status, verification: !!r.verificationCallId };
	}
};
