/**
 * Loads of the calibration screens: sessions with their participants, the people an officer may
 * invite (officers and shoppers of the organisation), calls worth calibrating, and a session's
 * checklist for the blind evaluator form. Blindness itself is RLS's (004400), not this file's.
 */
import { peopleById } from './schedule/calls';
import { scenarioContentSchema } from '$lib/schemas/scenario';

export interface SessionRow {
	id: string;
	title: string;
	status: 'open' | 'revealed';
	call_id: string;
	due_at: string | null;
	created_at: string;
	revealed_at: string | null;
	calibration_participants: { user_id: string; is_benchmark: boolean; scored_at: string | null }[];
}

const SESSION =
	'id, title, status, call_id, due_at, created_at, revealed_at, calibration_participants(user_id, is_benchmark, scored_at)';

/** The caller's audit organisation (the first where they are admin or officer). */
export async function auditOrganisation(locals: App.Locals): Promise<string | null> {
	const ms = await locals.memberships();
	return (
		ms.find((m) => m.role === 'admin' || m.role === 'compliance_officer')?.organisationId ?? null
	);
}

/** Sessions the caller may see, newest first. */
export async function listSessions(locals: App.Locals): Promise<SessionRow[]> {
	const { data, error } = await locals.supabase
		.from('calibration_sessions')
		.select(SESSION)
		.order('created_at', { ascending: false });
	if (error) throw new Error(`calibration sessions failed: ${error.message}`);
	return (data ?? []) as unknown as SessionRow[];
}

/** One session, or null. */
export async function getSession(locals: App.Locals, id: string): Promise<SessionRow | null> {
	const { data } = await locals.supabase
		.from('calibration_sessions')
		.select(SESSION)
		.eq('id', id)
		.maybeSingle();
	return data as unknown as SessionRow | null;
}

/** Officers and shoppers of `org` with a name to show, for the invitation form. */
export async function evaluatorCandidates(locals: App.Locals, org: string) {
	const { data } = await locals.supabase
		.from('memberships')
		.select('user_id, role')
		.eq('organisation_id', org)
		.in('role', ['admin', 'compliance_officer', 'shopper']);
	const rows = (data ?? []) as { user_id: string; role: string }[];
	const names = await peopleById(
		locals.supabase,
		rows.map((r) => r.user_id)
	);
	return rows
		.map((r) => ({
			id: r.user_id,
			role: r.role,
			name: names[r.user_id]?.display_name || names[r.user_id]?.email || r.user_id
		}))
		.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
}

/** Calls an officer may calibrate: submitted or reviewed ones, newest first. */
export async function calibratableCalls(locals: App.Locals) {
	const { data } = await locals.supabase
		.from('test_calls')
		.select('id, status, submitted_at, sites(name), scenario_versions(content)')
		.in('status', ['submitted', 'reviewed', 'closed'])
		.order('submitted_at', { ascending: false })
		.limit(100);
	return (
		(data ?? []) as unknown as {
			id: string;
			status: string;
			submitted_at: string | null;
			sites: { name: string } | null;
			scenario_versions: { content: { title?: { en?: string; 'zh-CN'?: string } } } | null;
		}[]
	).map((c) => ({
		id: c.id,
		submittedAt: c.submitted_at,
		site: c.sites?.name ?? '',
		title: c.scenario_versions?.content?.title ?? {}
	}));
}

/** The checklist of the session's call (the scenario only: never the shopper's answers). */
export async function sessionChecklist(locals: App.Locals, callId: string) {
	const { data } = await locals.supabase
		.from('test_calls')
		.select('scenario_versions(content)')
		.eq('id', callId)
		.maybeSingle();
	const parsed = scenarioContentSchema.safeParse(
		(data as { scenario_versions?: { content: unknown } } | null)?.scenario_versions?.content
	);
	return parsed.success ? parsed.data : null;
}

/** The caller's own blind answers in `sessionId`, if any. */
export async function myAnswers(locals: App.Locals, sessionId: string, userId: string) {
	const { data } = await locals.supabase
		.from('calibration_answers')
		.select('answers')
		.eq('session_id', sessionId)
		.eq('user_id', userId)
		.maybeSingle();
	return ((data?.answers as { items?: Record<string, unknown> } | undefined)?.items ??
		{}) as Record<string, unknown>;
}
