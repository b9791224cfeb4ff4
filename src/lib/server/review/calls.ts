/**
 * Review of one submitted call: override an answer (with a reason), send it back to the shopper, or
 * approve it (final score, findings, alerts). Score-changing steps check the actor with their own
 * client, score with the engine here, and only then call the service-role RPC (see 004200's header).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { generateFindings } from '../../domain/findings';
import { scoreScenario } from '../../domain/scoring';
import { approveSchema, overrideSchema, sendBackSchema } from '../../schemas/review';
import { answersSchemaFor } from '../../schemas/scenario-answers';
import { fail, notFound, parse, refusal, type Actor, type Result } from './result';
import { findItem, loadCall, rescore, scoreJson } from './rescore';

/** Overrides one answer of a submitted call; returns the new current overall score. */
export async function overrideAnswer(
	actor: Actor,
	admin: SupabaseClient,
	input: unknown
): Promise<Result<{ overall: number | null; criticalFailed: boolean }>> {
	const p = parse(overrideSchema, input);
	if (!p.ok) return p;
	const call = await loadCall(actor.client, p.data.callId);
	if (!call) return notFound('callId');
	if (!findItem(call.content, p.data.itemId)) return fail(400, { itemId: 'unknown_item' });
	const next = rescore(call, p.data.itemId, p.data.value);
	if (!next) return fail(400, { value: 'invalid' });
	const { error } = await admin.rpc('override_answer', {
		p_actor: actor.userId,
		p_call_id: call.id,
		p_item_id: p.data.itemId,
		p_value: p.data.value,
		p_reason: p.data.reason,
		p_base: call.base,
		p_answers: next.answers,
		p_score: scoreJson(next.score),
		p_overall: next.score.score,
		p_critical: next.score.failed
	} as never);
	if (error) return refusal(error);
	return { ok: true, overall: next.score.score, criticalFailed: next.score.failed };
}

/** Sends a submitted call back to its shopper with a comment (the shopper's own RPC path). */
export async function sendBack(
	actor: Actor,
	input: unknown
): Promise<Result<{ returnId: string }>> {
	const p = parse(sendBackSchema, input);
	if (!p.ok) return p;
	const { data, error } = await actor.client
		.rpc('send_back_call', { p_call_id: p.data.callId, p_comment: p.data.comment })
		.single<{ id: string }>();
	if (error) return refusal(error);
	return { ok: true, returnId: data.id };
}

/**
 * Approves a submitted call: the engine's score of the current answers becomes final, the failed
 * items are filed as findings (aggregated per site and item) and alert thresholds are checked.
 */
export async function approveCall(
	actor: Actor,
	admin: SupabaseClient,
	input: unknown
): Promise<
	Result<{ overall: number | null; criticalFailed: boolean; findings: string[]; alerts: number }>
> {
	const p = parse(approveSchema, input);
	if (!p.ok) return p;
	const call = await loadCall(actor.client, p.data.callId);
	if (!call) return notFound('callId');
	const answers = answersSchemaFor(call.content).parse(call.base);
	const score = scoreScenario(call.content, answers);
	const { data, error } = await admin.rpc('approve_call', {
		p_actor: actor.userId,
		p_call_id: call.id,
		p_base: call.base,
		p_score: scoreJson(score),
		p_overall: score.score,
		p_critical: score.failed,
		p_findings: generateFindings(call.content, score)
	} as never);
	if (error) return refusal(error);
	const out = data as unknown as { findings: string[]; alerts: number };
	return {
		ok: true,
		overall: score.score,
		criticalFailed: score.failed,
		findings: out.findings,
		alerts: out.alerts
	};
}
