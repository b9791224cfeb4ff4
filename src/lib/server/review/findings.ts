/**
 * What happens to findings: a vendor manager proposes a remediation plan or disputes one call's part
 * (their own RPCs, no score involved); an officer decides a dispute (accepting one overrides the
 * answer and re-scores the call with the engine, then the service-role RPC stores it) or moves the
 * finding along its lifecycle.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	decisionSchema,
	disputeSchema,
	findingStatusSchema,
	planSchema
} from '../../schemas/review';
import { fail, notFound, parse, refusal, type Actor, type Result } from './result';
import { findItem, loadCall, passingValue, rescore, scoreJson } from './rescore';

/** A vendor manager's remediation plan for their finding. */
export async function proposeRemediation(actor: Actor, input: unknown): Promise<Result> {
	const p = parse(planSchema, input);
	if (!p.ok) return p;
	const { error } = await actor.client.rpc('propose_remediation', {
		p_finding_id: p.data.findingId,
		p_plan: { actions: p.data.actions }
	} as never);
	return error ? refusal(error) : { ok: true };
}

/** A vendor manager's dispute of one call of their finding; 409 `deadline` once the window closed. */
export async function disputeFinding(
	actor: Actor,
	input: unknown
): Promise<Result<{ disputeId: string }>> {
	const p = parse(disputeSchema, input);
	if (!p.ok) return p;
	const { data, error } = await actor.client
		.rpc('dispute_finding', {
			p_finding_id: p.data.findingId,
			p_call_id: p.data.callId,
			p_reason_code: p.data.reasonCode,
			p_comment: p.data.comment,
			p_evidence: p.data.evidence
		} as never)
		.single<{ id: string }>();
	if (error) return refusal(error);
	return { ok: true, disputeId: data.id };
}

/**
 * An officer's decision on a dispute. Accepted: the item is set to its passing answer (or
 * `newValue`); partly accepted: to `newValue` (required). Either way the call is re-scored and,
 * when the item now passes, the call leaves the finding (withdrawn when none remain).
 */
export async function decideDispute(
	actor: Actor,
	admin: SupabaseClient,
	input: unknown
): Promise<Result<{ findingStatus: string; overall: number | null }>> {
	const p = parse(decisionSchema, input);
	if (!p.ok) return p;
	const { data: dispute, error: dErr } = await actor.client
		.from('finding_disputes')
		.select('id, call_id, findings(item_id)')
		.eq('id', p.data.disputeId)
		.maybeSingle();
	if (dErr) throw new Error(`loading the dispute failed: ${dErr.message}`);
	const d = dispute as unknown as { call_id: string; findings: { item_id: string } } | null;
	if (!d) return notFound('disputeId');
	const rpc: Record<string, unknown> = {
		p_actor: actor.userId,
		p_dispute_id: p.data.disputeId,
		p_decision: p.data.decision,
		p_comment: p.data.comment
	};
	let overall: number | null = null;
	if (p.data.decision !== 'rejected') {
		const call = await loadCall(actor.client, d.call_id);
		if (!call) return notFound('disputeId');
		const item = findItem(call.content, d.findings.item_id);
		const value =
			p.data.newValue ?? (p.data.decision === 'accepted' && item ? passingValue(item) : undefined);
		if (value === undefined) return fail(400, { newValue: 'required' });
		const next = rescore(call, d.findings.item_id, value);
		if (!next) return fail(400, { newValue: 'invalid' });
		const scored = next.score.items.find((i) => i.id === d.findings.item_id);
		overall = next.score.score;
		Object.assign(rpc, {
			p_new_value: value,
			p_base: call.base,
			p_answers: next.answers,
			p_score: scoreJson(next.score),
			p_overall: next.score.score,
			p_critical: next.score.failed,
			p_item_passes: scored?.passed !== false
		});
	}
	const { data, error } = await admin
		.rpc('decide_dispute', rpc as never)
		.single<{ status: string }>();
	if (error) return refusal(error);
	return { ok: true, findingStatus: data.status, overall };
}

/** An officer moves a finding: accept the plan (in_remediation), reopen, close or withdraw it. */
export async function setFindingStatus(
	actor: Actor,
	input: unknown
): Promise<Result<{ status: string; verificationCallId: string | null }>> {
	const p = parse(findingStatusSchema, input);
	if (!p.ok) return p;
	const { data, error } = await actor.client
		.rpc('set_finding_status', {
			p_finding_id: p.data.findingId,
			p_status: p.data.status,
			p_comment: p.data.comment || null
		} as never)
		.single<{ status: string; verification_call_id: string | null }>();
	if (error) return refusal(error);
	return { ok: true, status: data.status, verificationCallId: data.verification_call_id };
}
