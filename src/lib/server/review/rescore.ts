/**
 * Re-scoring a call on the server: load it through the actor's own client (RLS proves they are its
 * audit staff), apply a changed answer, validate against the scenario version and score with the
 * engine. The RPCs then take the result with `base`, the answers scored from, to refuse a stale one.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { scoreScenario, type ScoreResult } from '../../domain/scoring';
import { scenarioContentSchema, type ScenarioContent } from '../../schemas/scenario';
import { answersSchemaFor, type AnswerValue, type Answers } from '../../schemas/scenario-answers';
import type { ChecklistItem } from '../../schemas/scenario-checklist';

export interface LoadedCall {
	id: string;
	organisation_id: string;
	status: string;
	content: ScenarioContent;
	/** The current answers (overrides applied), as stored: the `p_base` of the next RPC. */
	base: Answers;
}

/** Call `callId` with its scenario and current answers, or null when `client` may not read it. */
export async function loadCall(client: SupabaseClient, callId: string): Promise<LoadedCall | null> {
	const { data, error } = await client
		.from('test_calls')
		.select(
			'id, organisation_id, status, scenario_versions(content), call_submissions(answers, current_answers)'
		)
		.eq('id', callId)
		.maybeSingle();
	if (error) throw new Error(`loading the call failed: ${error.message}`);
	const row = data as unknown as {
		id: string;
		organisation_id: string;
		status: string;
		scenario_versions: { content: unknown } | null;
		call_submissions: { answers: Answers; current_answers: Answers | null } | null;
	} | null;
	if (!row?.scenario_versions || !row.call_submissions) return null;
	return {
		id: row.id,
		organisation_id: row.organisation_id,
		status: row.status,
		content: scenarioContentSchema.parse(row.scenario_versions.content),
		base: row.call_submissions.current_answers ?? row.call_submissions.answers
	};
}

/** The item `itemId` of `content`, if any. */
export function findItem(content: ScenarioContent, itemId: string): ChecklistItem | undefined {
	for (const s of content.checklist.sections)
		for (const i of s.items) if (i.id === itemId) return i;
}

/** The answer that earns `item` full points (what an accepted dispute sets by default). */
export function passingValue(item: ChecklistItem): AnswerValue | undefined {
	switch (item.type) {
		case 'yes_no_na':
			return item.passAnswer;
		case 'marker_derived':
			return 'yes';
		case 'scale':
			return item.max;
		case 'audit_result':
			return 'COM';
		case 'single_choice':
			return [...item.options].sort((a, b) => b.points - a.points)[0]?.id;
	}
}

/** `call`'s answers with `itemId` set to `value`, scored; null when the value does not fit. */
export function rescore(
	call: LoadedCall,
	itemId: string,
	value: AnswerValue
): { answers: Answers; score: ScoreResult } | null {
	const next = { ...call.base, items: { ...call.base.items, [itemId]: value } };
	const parsed = answersSchemaFor(call.content).safeParse(next);
	if (!parsed.success) return null;
	return { answers: parsed.data, score: scoreScenario(call.content, parsed.data) };
}

/** The JSON the RPCs store of a score. */
export const scoreJson = (score: ScoreResult) => JSON.parse(JSON.stringify(score)) as object;
