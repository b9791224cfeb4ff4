import { error } from '@sveltejs/kit';
import { openReport } from '$lib/server/reports/download';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Streams one published report version to a signed-in reader. Access is decided by the reader's own
 * client (table and bucket policies), never by the service role; anything they may not read is a 404,
 * so another tenant's report cannot be told apart from one that does not exist.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, 'sign in to download reports');
	if (!UUID.test(params.id)) error(404, 'no such report');
	const file = await openReport(locals.supabase, params.id);
	if (!file) error(404, 'no such report');
	return new Response(file.bytes.stream(), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(file.bytes.size),
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
