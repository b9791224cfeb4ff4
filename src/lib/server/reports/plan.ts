/**
 * The sampling figures a report prints, from the plans of the programmes whose calls it covers
 * (programmes.definition, see src/lib/schemas/programme.ts): the planned sample per site (a fixed
 * `calls`, else the sample size for the programme's target and the site's call volume), the
 * population (the sites' call volumes, unknown when any site lacks one), the confidence and the
 * target margin. The model then computes the achieved margin from the calls actually reviewed.
 */
import type { ReportSampling } from '$lib/domain/report';
import { sampleSize } from '$lib/domain/sampling';

interface PlanSite {
	siteId?: string;
	callVolume?: number;
	calls?: number;
}
interface PlanDefinition {
	sites?: PlanSite[];
	sampling?: { confidence?: number; margin?: number; passRate?: number };
}

/** What a programme's stored definition says about sampling; missing parts fall back to defaults. */
export interface ProgrammePlan {
	id: string;
	definition: unknown;
}

const DEFAULT = { confidence: 0.95, margin: 0.1 };

/**
 * The sampling of `plans` restricted to `siteIds` (null: every site of the plans). Several
 * programmes add up their sites' samples and volumes; the target (confidence, margin) is the first
 * programme's, by id, so the choice does not depend on read order. Without any plan, the calls that
 * were scheduled stand in for the plan at the default target.
 */
export function samplingFromPlans(
	plans: ProgrammePlan[],
	siteIds: ReadonlySet<string> | null,
	scheduledCalls: number
): ReportSampling {
	const sorted = [...plans].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	let planned = 0;
	let population: number | undefined = 0;
	let sites = 0;
	let target: { confidence: number; margin: number; passRate?: number } | null = null;
	for (const p of sorted) {
		const def = (p.definition ?? {}) as PlanDefinition;
		const t = { ...DEFAULT, ...(def.sampling ?? {}) };
		target ??= t;
		for (const s of def.sites ?? []) {
			if (siteIds && (!s.siteId || !siteIds.has(s.siteId))) continue;
			sites++;
			planned += s.calls ?? sampleSize(t, s.callVolume).calls;
			population =
				population === undefined || s.callVolume === undefined
					? undefined
					: population + s.callVolume;
		}
	}
	if (!target || sites === 0)
		return {
			plannedCalls: scheduledCalls,
			confidence: (target ?? DEFAULT).confidence,
			targetMargin: (target ?? DEFAULT).margin
		};
	return {
		plannedCalls: planned,
		...(population === undefined ? {} : { population }),
		confidence: target.confidence,
		targetMargin: target.margin
	};
}
