import { error } from '@sveltejs/kit';
import {
	calibrationResults,
	revealCalibration,
	submitCalibrationAnswers
} from '$lib/server/review';
import { peopleById } from '$lib/server/schedule/calls';
import { getSession, myAnswers, sessionChecklist } from '$lib/server/calibration-screens';
import { actorOf, refused } from '$lib/server/review-screens';
import { sessionChecklistItems } from '$lib/server/calibration-items';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!UUID.test(params.id)) error(404, 'no such session');
	const actor = actorOf(locals);
	const session = await getSession(locals, params.id);
	if (!session) error(404, 'no such session');
	const me = session.calibration_participants.find((p) => p.user_id === actor.userId);
	const content = await sessionChecklist(locals, session.call_id);
	const names = await peopleById(
		locals.supabase,
		session.calibration_participants.map((p) => p.user_id)
	);
	const results =
		session.status === 'revealed' ? await calibrationResults(actor, session.id) : null;
	return {
		session,
		participant: me ? { benchmark: me.is_benchmark, scored: !!me.scored_at } : null,
		// The scenario only: the shopper's answers and the other evaluators' never reach this page.
		content,
		mine: me ? await myAnswers(locals, session.id, actor.userId) : {},
		names: Object.fromEntries(
			Object.entries(names).map(([id, p]) => [id, p.display_name || p.email || id])
		),
		summary: results?.ok ? results.summary : null
	};
};

export const actions: Actions = {
	answer: async ({ locals, params, request }) => {
		const form = await request.formData();
		const session = await getSession(locals, params.id);
		const content = session ? await sessionChecklist(locals, session.call_id) : null;
		const items = sessionChecklistItems(content, form);
		const r = await submitCalibrationAnswers(actorOf(locals), { sessionId: params.id, items });
		if (!r.ok) return refused('answer', r);
		return { action: 'answer' };
	},
	reveal: async ({ locals, params }) => {
		const r = await revealCalibration(actorOf(locals), params.id);
		if (!r.ok) return refused('reveal', r);
		return { action: 'reveal' };
	}
};
