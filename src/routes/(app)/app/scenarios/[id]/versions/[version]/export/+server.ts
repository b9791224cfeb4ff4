import { exportScenarioJson } from '$lib/schemas/scenario-import';
import { loadScenario, loadVersion } from '../../../../scenarios.server';
import type { RequestHandler } from './$types';

/** The version's content as the JSON that import reads back, as a download. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { scenario } = await loadScenario(locals.supabase, params.id);
	const version = await loadVersion(locals.supabase, params.id, params.version);
	const name = `${scenario.code.replace(/[^A-Za-z0-9_.-]/g, '_')}-v${version.version}.json`;
	return new Response(exportScenarioJson(version.content), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
