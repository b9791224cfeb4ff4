/**
 * The reads the review, vendor-portal and calibration screens need, all through the actor's own
 * client so RLS decides what each role sees (vendor managers: their sites' findings, no shopper).
 */
import { feedbackSheet, type FeedbackSheet } from '../../domain/feedback';
import { scenarioContentSchema } from '../../schemas/scenario';
import { reviewQueueSchema } from '../../schemas/review';
import type { SupabaseClient } from '@supabase/supabase-js';
import { parse, notFound, type Actor, type Result } from './result';

/** Officers' review queue: calls with their submission, filtered by status, programme, site, scenario, dates. */
export async function reviewQueue(
	actor: Actor,
	filters: unknown
): Promise<Result<{ calls: unknown[] }>> {
	const p = parse(reviewQueueSchema, filters ?? {});
	if (!p.ok) return p;
	const f = p.data;
	let q = actor.client
		.from('test_calls')
		.select(
			'id, status, site_id, programme_id, window_start, submitted_at, sites(name, time_zone), scenario_versions!inner(scenario_id, version), call_submissions!inner(overall, critical_failed, current_overall, version, submitted_at)'
		)
		.in('status', f.status)
		.order('submitted_at', { ascending: true })
		.limit(f.limit);
	if (f.programmeId) q = q.eq('programme_id', f.programmeId);
	if (f.siteId) q = q.eq('site_id', f.siteId);
	if (f.scenarioId) q = q.eq('scenario_versions.scenario_id', f.scenarioId);
	if (f.from) q = q.gte('submitted_at', f.from);
	if (f.to) q = q.lt('submitted_at', `${f.to}T23:59:59.999Z`);
	const { data, error } = await q;
	if (error) throw new Error(`review queue failed: ${error.message}`);
	return { ok: true, calls: data ?? [] };
}

/** One call's full review view: call, scenario content, submission (answers, markers, timings, notes, evidence, both scores), overrides, send-backs, findings. */
export async function reviewView(actor: Actor, callId: string) {
	const { data: call } = await actor.client
		.from('test_calls')
		.select(
			'*, sites(name, time_zone), scenario_versions(id, version, content), call_submissions(*)'
		)
		.eq('id', callId)
		.maybeSingle();
	if (!call) return notFound('callId');
	const [overrides, returns, versions, findings] = await Promise.all([
		actor.client.from('answer_overrides').select('*').eq('call_id', callId).order('id'),
		actor.client.from('call_returns').select('*').eq('call_id', callId).order('created_at'),
		actor.client
			.from('call_submission_versions')
			.select('*')
			.eq('call_id', callId)
			.order('version'),
		actor.client.from('findings').select('*').contains('call_ids', [callId])
	]);
	return {
		ok: true as const,
		call,
		overrides: overrides.data ?? [],
		returns: returns.data ?? [],
		versions: versions.data ?? [],
		findings: findings.data ?? []
	};
}

/** Findings the actor may see (audit staff: their organisation's; vendor managers: their sites'). */
export async function listFindings(
	actor: Actor,
	filters: { status?: string[]; siteId?: string } = {}
) {
	let q = actor.client.from('findings').select('*, sites(name)').order('due_at');
	if (filters.status?.length) q = q.in('status', filters.status as never);
	if (filters.siteId) q = q.eq('site_id', filters.siteId);
	const { data, error } = await q;
	if (error) throw new Error(`findings failed: ${error.message}`);
	return data ?? [];
}

/** A finding with its whole thread and disputes. */
export async function findingThread(actor: Actor, findingId: string) {
	const { data: finding } = await actor.client
		.from('findings')
		.select('*, sites(name)')
		.eq('id', findingId)
		.maybeSingle();
	if (!finding) return notFound('findingId');
	const [messages, disputes] = await Promise.all([
		actor.client.from('finding_messages').select('*').eq('finding_id', findingId).order('id'),
		actor.client
			.from('finding_disputes')
			.select('*')
			.eq('finding_id', findingId)
			.order('created_at')
	]);
	return {
		ok: true as const,
		finding,
		messages: messages.data ?? [],
		disputes: disputes.data ?? []
	};
}

/**
 * The feedback sheet of reviewed call `callId` for a vendor manager or audit staff: results come
 * from vendor_call_results (pseudonymous), the scenario through `admin` once the actor's own read
 * proved access.
 */
export async function feedbackData(
	actor: Actor,
	admin: SupabaseClient,
	callId: string
): Promise<Result<{ sheet: FeedbackSheet }>> {
	const { data } = await actor.client.rpc('vendor_call_results', {} as never);
	type Row = {
		call_id: string;
		site_id: string;
		scenario_version_id: string;
		reviewed_at: string;
		agent_pseudonym: string | null;
		categories: object;
		items: never[];
	};
	const rows = (data ?? []) as unknown as Row[];
	const row = rows.find((r) => r.call_id === callId);
	if (!row) return notFound('callId');
	const previous = row.agent_pseudonym
		? rows.find(
				(r) =>
					r.agent_pseudonym === row.agent_pseudonym &&
					r.site_id === row.site_id &&
					r.call_id !== callId &&
					r.reviewed_at < row.reviewed_at
			)
		: undefined;
	const { data: version } = await admin
		.from('scenario_versions')
		.select('content')
		.eq('id', row.scenario_version_id)
		.single();
	const content = scenarioContentSchema.parse(version?.content);
	const asScore = (r: Row) => ({ items: r.items ?? [], categories: r.categories ?? {} });
	return {
		ok: true,
		sheet: feedbackSheet(
			content,
			asScore(row),
			row.agent_pseudonym,
			previous ? asScore(previous) : null
		)
	};
}
