import { error } from '@sveltejs/kit';
import { loadScenario, loadVersion } from '../../scenarios.server';
import type { PageServerLoad } from './$types';

/** Two versions of one scenario, older first, for the side-by-side view. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { scenario, versions } = await loadScenario(locals.supabase, params.id);
	const a = url.searchParams.get('a') ?? String(versions.at(-2)?.version ?? '');
	const b = url.searchParams.get('b') ?? String(versions.at(-1)?.version ?? '');
	if (!a || !b) error(404, 'nothing to compare');
	const [left, right] = await Promise.all([
		loadVersion(locals.supabase, params.id, a),
		loadVersion(locals.supabase, params.id, b)
	]);
	const [older, newer] = left.version <= right.version ? [left, right] : [right, left];
	return { scenario, versions, older, newer };
};
