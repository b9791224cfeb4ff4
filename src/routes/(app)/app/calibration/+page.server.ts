import { redirect } from '@sveltejs/kit';
import { calibrationHistory, createCalibrationSession } from '$lib/server/review';
import {
	auditOrganisation,
	calibratableCalls,
	evaluatorCandidates,
	listSessions
} from '$lib/server/calibration-screens';
import { actorOf, refused } from '$lib/server/review-screens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const org = await auditOrganisation(locals);
	const [sessions, people, calls, history] = await Promise.all([
		listSessions(locals),
		org ? evaluatorCandidates(locals, org) : [],
		calibratableCalls(locals),
		org ? calibrationHistory(actorOf(locals), org) : []
	]);
	return { sessions, people, calls, history, preselected: url.searchParams.get('call') ?? '' };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const form = await request.formData();
		const text = (k: string) => String(form.get(k) ?? '');
		const due = text('dueAt');
		const r = await createCalibrationSession(actorOf(locals), {
			callId: text('callId'),
			title: text('title'),
			evaluators: form.getAll('evaluators').map(String),
			benchmark: text('benchmark'),
			...(due ? { dueAt: new Date(due).toISOString() } : {})
		});
		if (!r.ok) return refused('create', r, { title: text('title') });
		redirect(303, `/app/calibration/${r.sessionId}`);
	}
};
