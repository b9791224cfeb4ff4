import { error } from '@sveltejs/kit';
import { approveCall, overrideAnswer, reviewView, sendBack } from '$lib/server/review';
import { findItem } from '$lib/server/review/rescore';
import { actorOf, formFields, refused } from '$lib/server/review-screens';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import { scenarioContentSchema, type ChecklistItem } from '$lib/schemas/scenario';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!UUID.test(params.id)) error(404, 'no such call');
	const view = await reviewView(actorOf(locals), params.id);
	if (!view.ok) error(404, 'no such call');
	const call = view.call as Record<string, unknown> & {
		scenario_versions: { content: unknown } | null;
	};
	const content = scenarioContentSchema.safeParse(call.scenario_versions?.content);
	if (!content.success) error(500, 'the call has no readable scenario');
	return { ...view, content: content.data };
};

/** A form's answer as the item takes it: numbers for numeric items, null for "no answer". */
function answerValue(item: ChecklistItem, raw: string): string | number | null {
	if (raw === '') return null;
	if ((item.type === 'scale' || item.type === 'number' || item.type === 'duration') && raw !== 'na')
		return Number.isFinite(Number(raw)) ? Number(raw) : raw;
	return raw;
}

export const actions: Actions = {
	override: async ({ locals, params, request }) => {
		const f = await formFields(request);
		const { data } = await locals.supabase
			.from('test_calls')
			.select('scenario_versions(content)')
			.eq('id', params.id)
			.maybeSingle();
		const content = scenarioContentSchema.safeParse(
			(data as { scenario_versions?: { content: unknown } } | null)?.scenario_versions?.content
		);
		const item = content.success ? findItem(content.data, f.itemId) : undefined;
		const r = await overrideAnswer(actorOf(locals), supabaseAdmin() as never, {
			callId: params.id,
			itemId: f.itemId,
			value: item ? answerValue(item, f.value ?? '') : f.value,
			reason: f.reason ?? ''
		});
		if (!r.ok) return refused('override', r, { itemId: f.itemId, reason: f.reason });
		return { action: 'override', itemId: f.itemId, overall: r.overall };
	},
	sendBack: async ({ locals, params, request }) => {
		const f = await formFields(request);
		const r = await sendBack(actorOf(locals), { callId: params.id, comment: f.comment ?? '' });
		if (!r.ok) return refused('sendBack', r, { comment: f.comment });
		return { action: 'sendBack' };
	},
	approve: async ({ locals, params }) => {
		const r = await approveCall(actorOf(locals), supabaseAdmin() as never, { callId: params.id });
		if (!r.ok) return refused('approve', r);
		return { action: 'approve', findings: r.findings.length, alerts: r.alerts };
	}
};
