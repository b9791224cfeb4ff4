/**
 * The server half of a shopper's call submission, free of SvelteKit so the specs drive it against
 * the real stack. The shopper's own client proves the call is theirs and loads its scenario version
 * through RLS; the score is computed here from that version, and only then does the service-role
 * client run the transactional `submit_call` RPC (see the migration's header for why).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { maskPii } from '../../domain/pii';
import { scoreScenario } from '../../domain/scoring';
import { scenarioContentSchema } from '../../schemas/scenario';
import { answersSchemaFor } from '../../schemas/scenario-answers';
import {
	fieldErrors,
	submissionPath,
	submissionSchema,
	type Submission
} from '../../schemas/submission';
import { agentPseudonym } from '../review/pseudonym';
import { evidenceErrors } from './evidence';
import { callKpis } from './kpis';

/** What the route answers: a status and a JSON body. */
export type Outcome =
	| { status: 200; body: { status: string; overall?: number | null; critical_failed?: boolean } }
	| { status: 400; body: { errors: Record<string, string> } }
	| { status: 404 | 409; body: { message: string; reason?: string } };

/** The signed-in caller: their own client (RLS applies) and their user id from the session. */
export interface Caller {
	client: SupabaseClient;
	userId: string;
}

interface RpcError {
	code?: string;
	message: string;
	hint?: string | null;
}

const notFound: Outcome = { status: 404, body: { message: 'no such call' } };
const isUuid = (s: string) => z.uuid().safeParse(s).success;

/** Maps the RPCs' refusals to the route's answers; anything else is a server fault. */
function refusal(error: RpcError): Outcome {
	if (error.code === 'PT404') return notFound;
	// 23505: the idempotency key already belongs to another call's report.
	if (error.code === 'PT409' || error.code === '23505')
		return {
			status: 409,
			body: { message: error.message, reason: error.hint ?? 'newer_version' }
		};
	throw new Error(`submission failed: ${error.message} (${error.code ?? 'no code'})`);
}

/** Masks personal data the phone's masker missed (or a forged client never masked). */
function masked(s: Submission): Submission {
	return {
		...s,
		notes: maskPii(s.notes).text,
		itemNotes: Object.fromEntries(
			Object.entries(s.itemNotes).map(([id, note]) => [id, maskPii(note).text])
		)
	};
}

/**
 * Validates `body` as caller's submission of call `callId`, scores it against the call's scenario
 * version and stores it once through `submit_call` with `admin` (the service-role client).
 */
export async function submitCall(
	caller: Caller,
	admin: SupabaseClient,
	callId: string,
	body: unknown
): Promise<Outcome> {
	if (!isUuid(callId)) return notFound;
	const parsed = submissionSchema.safeParse(body);
	if (!parsed.success) return { status: 400, body: { errors: fieldErrors(parsed.error.issues) } };
	if (parsed.data.callId !== callId)
		return { status: 400, body: { errors: { callId: 'does not match the call addressed' } } };

	const { data: call, error: callError } = await caller.client
		.from('test_calls')
		.select('id, shopper_id, scenario_version_id, site_id, organisation_id')
		.eq('id', callId)
		.maybeSingle();
	if (callError) throw new Error(`loading the call failed: ${callError.message}`);
	if (!call || call.shopper_id !== caller.userId) return notFound;
	const badEvidence = await evidenceErrors(admin, call, parsed.data.evidence);
	if (Object.keys(badEvidence).length > 0) return { status: 400, body: { errors: badEvidence } };
	const { data: version, error: versionError } = await caller.client
		.from('scenario_versions')
		.select('content')
		.eq('id', call.scenario_version_id)
		.single();
	if (versionError) throw new Error(`loading the scenario failed: ${versionError.message}`);
	const content = scenarioContentSchema.parse(version.content);

	const submission = masked(parsed.data);
	const checked = answersSchemaFor(content).safeParse({
		items: submission.answers,
		notes: submission.itemNotes,
		markers: submission.markers,
		timings: submission.timings
	});
	if (!checked.success)
		return { status: 400, body: { errors: fieldErrors(checked.error.issues, submissionPath) } };

	const score = scoreScenario(content, checked.data);
	if (score.missing.length > 0)
		return {
			status: 400,
			body: { errors: Object.fromEntries(score.missing.map((id) => [`answers.${id}`, 'required'])) }
		};

	// The phone's score never reaches the database.
	const { clientScore: _ignored, ...payload } = submission;
	const pseudonym = submission.agent
		? await agentPseudonym(admin, call.organisation_id, call.site_id, submission.agent)
		: null;
	const { data: row, error } = await admin
		.rpc('submit_call', {
			p_shopper_id: caller.userId,
			p_payload: { ...payload, answers: checked.data, agentPseudonym: pseudonym },
			p_score: JSON.parse(JSON.stringify(score)),
			p_overall: score.score,
			p_critical_failed: score.failed,
			p_kpis: { ...callKpis(submission) }
		} as never)
		.single<{ overall: number | string | null; critical_failed: boolean }>();
	if (error) return refusal(error);
	return {
		status: 200,
		body: {
			status: 'submitted',
			overall: row.overall === null ? null : Number(row.overall),
			critical_failed: row.critical_failed
		}
	};
}

/** Starts caller's call `callId` (scheduled → in_progress) through the `start_call` RPC. */
export async function startCall(caller: Caller, callId: string): Promise<Outcome> {
	if (!isUuid(callId)) return notFound;
	const { data, error } = await caller.client
		.rpc('start_call', { p_call_id: callId } as never)
		.single<{ status: string }>();
	if (error) return refusal(error);
	return { status: 200, body: { status: data.status } };
}
