/**
 * The evidence a submission references must be a file uploaded into the call's own folder of the
 * evidence bucket with the stated size; anything else is a 400 naming `evidence.N.path`, and the
 * call stays unsubmitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../../src/lib/schemas/submission';
import { submitCall } from '../../src/lib/server/submission';
import type { World } from './fixtures';
import {
	freshCall,
	RECORDING_BYTES,
	recordingPath,
	shopperCaller,
	startSubmissionWorld,
	validSubmission
} from './submission-fixtures';

let w: World;
let otherCall: string;
beforeAll(async () => {
	w = await startSubmissionWorld();
	otherCall = await freshCall(w);
});
afterAll(async () => {
	await w?.close();
});

const ref = (path: string, bytes = RECORDING_BYTES): EvidenceRef => ({
	path,
	bytes,
	sha256: 'b'.repeat(64),
	mime: 'audio/mp4'
});

describe('evidence references', () => {
	it('the call’s own uploaded recording is accepted', async () => {
		const callId = await freshCall(w);
		const outcome = await submitCall(
			shopperCaller(w),
			w.stack.admin(),
			callId,
			validSubmission(callId)
		);
		expect(outcome.status).toBe(200);
	});

	const cases: [string, (callId: string) => EvidenceRef[], string][] = [
		['a file of another call', () => [ref(recordingPath(otherCall))], 'evidence.0.path'],
		[
			'a path under another organisation',
			(c) => [ref(`${w.ids.xAudit}/${c}/recording.m4a`)],
			'evidence.0.path'
		],
		[
			'a path one folder deeper inside the call’s folder',
			(c) => [ref(`${w.ids.audit}/${c}/deeper/recording.m4a`)],
			'evidence.0.path'
		],
		[
			'a file that was never uploaded',
			(c) => [ref(recordingPath(c)), ref(`${w.ids.audit}/${c}/missing.m4a`)],
			'evidence.1.path'
		],
		[
			'a size other than the uploaded file’s',
			(c) => [ref(recordingPath(c), 47_999)],
			'evidence.0.path'
		]
	];
	it.each(cases)('%s is refused, naming the reference', async (_name, refs, field) => {
		const callId = await freshCall(w);
		const outcome = await submitCall(
			shopperCaller(w),
			w.stack.admin(),
			callId,
			validSubmission(callId, { evidence: refs(callId) })
		);
		expect(outcome.status).toBe(400);
		expect(Object.keys((outcome.body as { errors: object }).errors)).toEqual([field]);
		const [call] = await w.sql<{ status: string }>(
			`select status::text from public.test_calls where id = $1`,
			[callId]
		);
		expect(call.status).toBe('scheduled');
	});
});
