/**
 * Calibration sessions: create one (officer), record blind answers (evaluator), reveal (officer),
 * and the results and history. Blindness is enforced by RLS (004400), so every read here uses the
 * actor's own client; answers are scored with the engine for the overall spread, never stored as
 * official scores.
 */
import { summarizeCalibration, type CalibrationSummary } from '../../domain/calibration';
import { scoreScenario } from '../../domain/scoring';
import { calibrationAnswersSchema, calibrationSessionSchema } from '../../schemas/review';
import { answersSchema } from '../../schemas/scenario-answers';
import { scenarioContentSchema } from '../../schemas/scenario';
import { notFound, parse, refusal, type Actor, type Result } from './result';

/** Creates a session on a call with ≥ 2 evaluators and a benchmark (who are told at once). */
export async function createCalibrationSession(
	actor: Actor,
	input: unknown
): Promise<Result<{ sessionId: string }>> {
	const p = parse(calibrationSessionSchema, input);
	if (!p.ok) return p;
	const { data: call } = await actor.client
		.from('test_calls')
		.select('organisation_id')
		.eq('id', p.data.callId)
		.maybeSingle();
	if (!call) return notFound('callId');
	const { data: session, error } = await actor.client
		.from('calibration_sessions')
		.insert({
			organisation_id: call.organisation_id,
			call_id: p.data.callId,
			title: p.data.title,
			due_at: p.data.dueAt ?? null,
			created_by: actor.userId
		} as never)
		.select('id')
		.single<{ id: string }>();
	if (error) return refusal(error);
	const rows = [
		...p.data.evaluators.map((user_id) => ({
			session_id: session.id,
			user_id,
			is_benchmark: false
		})),
		{ session_id: session.id, user_id: p.data.benchmark, is_benchmark: true }
	];
	const { error: pErr } = await actor.client.from('calibration_participants').insert(rows as never);
	if (pErr) {
		await actor.client.from('calibration_sessions').delete().eq('id', session.id);
		return pErr.code === '23514'
			? { ok: false, status: 400, errors: { evaluators: 'invalid' } }
			: refusal(pErr);
	}
	return { ok: true, sessionId: session.id };
}

/** The evaluator's own blind answers (insert or update until the reveal). */
export async function submitCalibrationAnswers(actor: Actor, input: unknown): Promise<Result> {
	const p = parse(calibrationAnswersSchema, input);
	if (!p.ok) return p;
	// Insert, else update: evaluators may update only the answers column, which an upsert exceeds.
	const answers = { items: p.data.items };
	const first = await actor.client.from('calibration_answers').insert({
		session_id: p.data.sessionId,
		user_id: actor.userId,
		answers
	} as never);
	if (first.error?.code !== '23505') return first.error ? refusal(first.error) : { ok: true };
	const { data, error } = await actor.client
		.from('calibration_answers')
		.update({ answers } as never)
		.eq('session_id', p.data.sessionId)
		.eq('user_id', actor.userId)
		.select('user_id');
	if (!error && data?.length === 0) return { ok: false, status: 409, errors: { _: 'revealed' } };
	return error ? refusal(error) : { ok: true };
}

/** Reveals a session (officer); 409 `evaluators` while fewer than two have scored. */
export async function revealCalibration(actor: Actor, sessionId: string): Promise<Result> {
	const { error } = await actor.client.rpc('reveal_calibration', {
		p_session_id: sessionId
	} as never);
	return error ? refusal(error) : { ok: true };
}

/**
 * A revealed session's results: per-item agreement, Fleiss' kappa, spread and deviation from the
 * benchmark (summarizeCalibration), overall scores from the engine in points (0–100).
 */
export async function calibrationResults(
	actor: Actor,
	sessionId: string
): Promise<Result<{ summary: CalibrationSummary; revealed: boolean }>> {
	const { data: s } = await actor.client
		.from('calibration_sessions')
		.select('status, test_calls(scenario_versions(content))')
		.eq('id', sessionId)
		.maybeSingle();
	const session = s as unknown as {
		status: string;
		test_calls: { scenario_versions: { content: unknown } | null } | null;
	} | null;
	if (!session) return notFound('sessionId');
	if (session.status !== 'revealed')
		return { ok: false, status: 409, errors: { _: 'not_revealed' } };
	const { data: people } = await actor.client
		.from('calibration_participants')
		.select('user_id, is_benchmark')
		.eq('session_id', sessionId);
	const { data: answers } = await actor.client
		.from('calibration_answers')
		.select('user_id, answers')
		.eq('session_id', sessionId);
	const content = session.test_calls?.scenario_versions
		? scenarioContentSchema.parse(session.test_calls.scenario_versions.content)
		: null;
	const evaluators = (people ?? []).map((p) => p.user_id as string);
	const benchmark = (people ?? []).find((p) => p.is_benchmark)?.user_id as string | undefined;
	const byUser = new Map(
		(answers ?? []).map((a) => [
			a.user_id as string,
			a.answers as { items: Record<string, string | number | null> }
		])
	);
	const scores = new Map(
		[...byUser].map(([u, a]) => {
			const parsed = answersSchema.safeParse({ items: a.items });
			return [u, content && parsed.success ? scoreScenario(content, parsed.data) : null] as const;
		})
	);
	const categorical = content
		? content.checklist.sections.flatMap((sec) =>
				sec.items.filter((i) =>
					['yes_no_na', 'single_choice', 'audit_result', 'marker_derived'].includes(i.type)
				)
			)
		: [];
	const summary = summarizeCalibration({
		evaluators,
		benchmark,
		items: categorical.map((item) => ({
			id: item.id,
			answers: Object.fromEntries(
				evaluators.map((u) => [u, stringOrNull(byUser.get(u)?.items[item.id])])
			),
			points: Object.fromEntries(
				evaluators.map((u) => [
					u,
					scores.get(u)?.items.find((i) => i.id === item.id)?.earned ?? null
				])
			)
		})),
		overall: Object.fromEntries(
			evaluators.map((u) => {
				const sc = scores.get(u)?.score;
				return [u, sc === null || sc === undefined ? null : sc * 100];
			})
		)
	});
	return { ok: true, summary, revealed: true };
}

const stringOrNull = (v: unknown) => (v === undefined || v === null ? null : String(v));

/** Fleiss' kappa per revealed session of `organisationId`, oldest first, for the history chart. */
export async function calibrationHistory(
	actor: Actor,
	organisationId: string
): Promise<{ sessionId: string; revealedAt: string; kappa: number | null }[]> {
	const { data } = await actor.client
		.from('calibration_sessions')
		.select('id, revealed_at')
		.eq('organisation_id', organisationId)
		.eq('status', 'revealed')
		.order('revealed_at');
	const out = [];
	for (const s of data ?? []) {
		const r = await calibrationResults(actor, s.id as string);
		out.push({
			sessionId: s.id as string,
			revealedAt: s.revealed_at as string,
			kappa: r.ok ? r.summary.fleiss.kappa : null
		});
	}
	return out;
}
