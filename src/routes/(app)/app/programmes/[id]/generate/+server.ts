import { error } from '@sveltejs/kit';
import { generateCalls } from '$lib/server/schedule/generate';
import { getProgramme } from '$lib/server/schedule/programmes';
import type { RequestHandler } from './$types';

/**
 * Plans and writes the programme's calls, streaming one JSON line per batch
 * (`{"type":"progress","done":…,"total":…}`) so the page can show a live progress bar.
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const row = await getProgramme(locals.supabase, params.id);
	if (!row) error(404, 'no such programme');
	const encoder = new TextEncoder();
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (line: object) =>
				controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
			try {
				for await (const step of generateCalls(locals.supabase, row)) send(step);
			} catch (e) {
				send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
			}
			controller.close();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' }
	});
};
