/**
 * The submission world: the scenario world of ./scenarios-fixtures plus a published version with
 * markers, timers, a critical item and an optional one, and a helper that gives shopper 1 a fresh
 * call on it, so every spec submits against a call nobody else touched.
 */
import { randomUUID } from 'node:crypto';
import { call, en, item, section, yesNo } from '../../src/lib/domain/scoring/test-fixtures';
import type { SubmissionInput } from '../../src/lib/schemas/submission';
import type { Caller } from '../../src/lib/server/submission';
import { SEEDED, type World } from './fixtures';
import { addCall, addScenario, startScenarioWorld } from './scenarios-fixtures';

/** The scenario every submission spec answers. */
export const SUBMIT_CONTENT = call(
	[
		section('opening', [
			yesNo('greeted'),
			yesNo('asked_verification', { critical: true }),
			item('comment', 'text', { required: false })
		])
	],
	{ title: { en: 'Submission fixture', 'zh-CN': '提交测试' }, description: en('fixture') }
);

/** Starts the scenario world and adds the submission version `verSubmit` of its own scenario `scnSubmit`. */
export async function startSubmissionWorld(): Promise<World> {
	const w = await startScenarioWorld();
	await addScenario(w, 'scnSubmit', 'audit');
	const [r] = await w.sql<{ id: string }>(
		`insert into public.scenario_versions (scenario_id, version, status, content)
		 values ($1, 1, 'published', $2) returning id::text`,
		[w.ids.scnSubmit, JSON.stringify(SUBMIT_CONTENT)]
	);
	w.ids.verSubmit = r.id;
	return w;
}

/** Where `validSubmission` says the call's recording is (the evidence bucket's folder layout). */
export const recordingPath = (callId: string) => `${SEEDED.audit}/${callId}/recording.m4a`;
export const RECORDING_BYTES = 48_000;

let calls = 0;
/**
 * A fresh scheduled call on `at.version` (default `verSubmit`) at `at.site`/`at.line` (default site
 * A1, the bank's line) assigned to `shopper` (default shopper 1), with the recording
 * `validSubmission` references already in the evidence bucket.
 */
export async function freshCall(
	w: World,
	shopper = 'shopper1',
	at: { version?: string; site?: string; line?: string } = {}
): Promise<string> {
	const id = await addCall(w, `callSubmit${++calls}`, {
		org: 'audit',
		version: at.version ?? 'verSubmit',
		site: at.site ?? 'siteA1',
		line: at.line ?? 'lineBankA1',
		shopper
	});
	const recording = new Blob([new Uint8Array(RECORDING_BYTES)], { type: 'audio/mp4' });
	const { error } = await w.stack
		.admin()
		.storage.from('evidence')
		.upload(recordingPath(id), recording);
	if (error) throw new Error(`fixture recording upload failed: ${error.message}`);
	return id;
}

/** Shopper 1 as the server module sees them: their own client and user id. */
export const shopperCaller = (w: World): Caller => ({
	client: w.as.shopper,
	userId: w.ids['u:shopper1']
});

/** A complete, valid submission of `callId` that passes every item. */
export function validSubmission(callId: string, extra: Partial<SubmissionInput> = {}) {
	return {
		callId,
		idempotencyKey: randomUUID(),
		answers: { greeted: 'yes', asked_verification: 'yes', comment: 'polite and quick' },
		itemNotes: { greeted: 'said the bank name first' },
		markers: [
			{ kind: 'greeting', t: 1200 },
			{ kind: 'hold_start', t: 5000 },
			{ kind: 'hold_end', t: 35_000 },
			{ kind: 'transfer', t: 40_000 },
			{ kind: 'custom', id: 'dob_led', t: 41_000 }
		],
		timings: { time_to_answer: 8000, talk: 180_000 },
		notes: 'Agent was helpful.',
		evidence: [
			{
				path: recordingPath(callId),
				sha256: 'a'.repeat(64),
				bytes: RECORDING_BYTES,
				mime: 'audio/mp4'
			}
		],
		clientVersion: 3,
		...extra
	} satisfies SubmissionInput;
}
