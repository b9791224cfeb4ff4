import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { openOnJobBoard } from '$lib/server/schedule/open';
import { getProgramme } from '$lib/server/schedule/programmes';
import { peopleById, programmeCalls, unfillableCalls } from '$lib/server/schedule/calls';
import { listSites } from '$lib/server/tenancy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:programme');
	const programme = await getProgramme(locals.supabase, params.id);
	if (!programme) error(404, 'no such programme');
	const [calls, unfillable, sites] = await Promise.all([
		programmeCalls(locals.supabase, programme.id),
		unfillableCalls(locals.supabase, programme.id),
		listSites(locals.supabase)
	]);
	const people = await peopleById(
		locals.supabase,
		calls.map((c) => c.shopper_id)
	);
	return { programme, calls, unfillable, sites, people };
};

export const actions: Actions = {
	open: async ({ locals, request }) => {
		const id = String((await request.formData()).get('unfillable_id') ?? '');
		const problem = await openOnJobBoard(locals.supabase, id);
		if (problem) return fail(400, { openError: m.sch_error_open_denied({ message: problem }) });
		return { opened: true };
	}
};
