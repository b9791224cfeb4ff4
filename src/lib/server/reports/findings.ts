/**
 * The findings a report lists, read with the publisher's own client: findings at the report's sites
 * that rest on at least one of the report's calls (the calls of its period, and of its audience
 * client only). A finding aggregates every call where the item failed, possibly for several clients,
 * so the report counts only its own calls as occurrences and never prints the others' call IDs.
 * Withdrawn findings (a dispute upheld) are left out; remediation actions come from the finding's
 * latest plan.
 */
import type { Text2 } from '$lib/domain/findings';
import type { AppClient } from '$lib/tenancy';
import type { Database } from '$lib/database.types';

export type DbFindingStatus = Database['public']['Enums']['finding_status'];

export interface ReportPlanAction {
	title: string;
	owner: string;
	due_date: string;
	status: 'planned' | 'in_progress' | 'done';
	evidence?: string;
}

export interface ReportFindingData {
	id: string;
	siteId: string;
	scenarioId: string;
	itemId: string;
	source: 'call' | 'vendor_audit';
	auditResult: 'MAJ' | 'MIN' | 'OBS' | null;
	severity: 'C' | 'M' | 'm';
	clauses: string[];
	condition: Text2;
	criteria: Text2;
	cause: Text2;
	effect: Text2;
	recommendation: Text2;
	status: DbFindingStatus;
	/** How many of the report's calls the finding rests on. */
	occurrences: number;
	/** YYYY-MM-DD */
	raisedOn: string;
	dueOn: string;
	actions: ReportPlanAction[];
}

const text2 = (v: unknown): Text2 => {
	const t = (v ?? {}) as Partial<Text2>;
	return { en: t.en || t['zh-CN'] || '', 'zh-CN': t['zh-CN'] || t.en || '' };
};

/**
 * Findings at `siteIds` first seen before `before` (an ISO instant) that rest on one of `callIds`.
 * Throws on a failed read, so a report never silently drops its findings.
 */
export async function loadFindings(
	client: AppClient,
	siteIds: string[],
	callIds: ReadonlySet<string>,
	before: string
): Promise<ReportFindingData[]> {
	if (!siteIds.length || !callIds.size) return [];
	const out: ReportFindingData[] = [];
	// Batches keep the `in` filter's URL short.
	for (let i = 0; i < siteIds.length; i += 100) {
		const { data, error } = await client
			.from('findings')
			.select(
				'id, site_id, scenario_id, item_id, source, audit_result, severity, clauses, condition, criteria, cause, effect, recommendation, status, call_ids, first_seen_at, due_at, plan'
			)
			.in('site_id', siteIds.slice(i, i + 100))
			.neq('status', 'withdrawn')
			.lt('first_seen_at', before)
			.order('first_seen_at');
		if (error) throw new Error(`findings: ${error.message}`);
		for (const f of data ?? []) {
			const occurrences = (f.call_ids ?? []).filter((id) => callIds.has(id)).length;
			if (occurrences === 0) continue;
			const plan = (f.plan ?? {}) as { actions?: ReportPlanAction[] };
			out.push({
				id: f.id,
				siteId: f.site_id,
				scenarioId: f.scenario_id,
				itemId: f.item_id,
				source: f.source as ReportFindingData['source'],
				auditResult: (f.audit_result as ReportFindingData['auditResult']) ?? null,
				severity: f.severity as ReportFindingData['severity'],
				clauses: f.clauses ?? [],
				condition: text2(f.condition),
				criteria: text2(f.criteria),
				cause: text2(f.cause),
				effect: text2(f.effect),
				recommendation: text2(f.recommendation),
				status: f.status,
				occurrences,
				raisedOn: f.first_seen_at.slice(0, 10),
				dueOn: f.due_at,
				actions: Array.isArray(plan.actions) ? plan.actions : []
			});
		}
	}
	return out;
}
