import { error } from '@sveltejs/kit';
import { localiseErrors } from '$lib/i18n/localise';
import { formObject, validate } from '$lib/schemas/form';
import { publishSchema } from '$lib/schemas/report-publication';
import { publishReport } from '$lib/server/reports/publish';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { RequestHandler } from './$types';

/**
 * Publishes a report, streaming one JSON line per stage (`{"type":"progress","stage":…,"done":…,
 * "total":…}`, then `done` or `error`) so the page shows live progress. A bad form is a 400 with the
 * localised field errors; who may publish what is decided by the officer's client and publish_report.
 */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	if (!locals.user) error(401, 'sign in');
	const parsed = validate(publishSchema, formObject(await request.formData()));
	if (!parsed.ok)
		return Response.json({ errorFields: localiseErrors(parsed.errors) }, { status: 400 });
	const who = {
		client: locals.supabase,
		userId: locals.user.id,
		name: locals.user.email ?? ''
	};
	const encoder = new TextEncoder();
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (line: object) =>
				controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
			try {
				for await (const step of publishReport(who, supabaseAdmin(), parsed.data, url.origin))
					send(step);
			} catch (e) {
				send({
					type: 'error',
					code: 'failed',
					message: e instanceof Error ? e.message : String(e)
				});
			}
			controller.close();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' }
	});
};
