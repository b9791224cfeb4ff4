import { error, redirect } from '@sveltejs/kit';
import { currentVersion, loadScenario, versionPath } from '../scenarios.server';
import type { RequestHandler } from './$types';

/** A scenario's address opens its draft, or its newest version when there is no draft. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { versions } = await loadScenario(locals.supabase, params.id);
	const open = currentVersion(versions);
	if (!open) error(404, 'scenario has no versions');
	redirect(303, versionPath(params.id, open.version));
};
