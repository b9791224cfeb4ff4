import { disputeFinding, proposeRemediation } from '$lib/server/review';
import { findingPage } from '$lib/server/findings-screens';
import { actorOf, formFields, refused } from '$lib/server/review-screens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await findingPage(locals, params.id);
	const ids = page.callOrder;
	const calls = page.results
		.filter((c) => ids.includes(c.call_id))
		.map((c) => ({
			id: c.call_id,
			reviewedAt: c.reviewed_at,
			agent: c.agent_pseudonym,
			overall: c.overall
		}));
	return { ...page, calls };
};

/** The plan form's rows (`title.0`, `owner.0`, …), skipping rows left entirely blank. */
function planActions(f: Record<string, string>) {
	const rows = [];
	for (let i = 0; i < 50 && `title.${i}` in f; i++) {
		const row = {
			title: f[`title.${i}`] ?? '',
			owner: f[`owner.${i}`] ?? '',
			due_date: f[`due.${i}`] ?? '',
			status: f[`status.${i}`] || 'planned'
		};
		if (row.title || row.owner || row.due_date) rows.push(row);
	}
	return rows;
}

export const actions: Actions = {
	plan: async ({ locals, params, request }) => {
		const f = await formFields(request);
		const r = await proposeRemediation(actorOf(locals), {
			findingId: params.id,
			actions: planActions(f)
		});
		if (!r.ok) return refused('plan', r);
		return { action: 'plan' };
	},
	dispute: async ({ locals, params, request }) => {
		const f = await formFields(request);
		const r = await disputeFinding(actorOf(locals), {
			findingId: params.id,
			callId: f.callId,
			reasonCode: f.reasonCode,
			comment: f.comment ?? ''
		});
		if (!r.ok) return refused('dispute', r, { comment: f.comment });
		return { action: 'dispute' };
	}
};
