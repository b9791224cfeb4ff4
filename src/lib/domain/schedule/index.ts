/**
 * The call planner: `planProgramme(programme, shoppers, options)` turns a parsed programme into
 * dated calls with a scenario and a shopper each, deterministic for the programme's seed.
 * Pure: no I/O and no clock; the caller stores the plan (and passes earlier calls as `history`).
 */
import type { Programme, Shopper } from '../../schemas/programme';
import { Assigner } from './assign';
import { draftCalls } from './drafts';
import type { Plan, PlanOptions, SitePlan } from './types';

export type * from './types';
export { largestRemainder, interleave } from './mix';

/** Plans every call of `programme`: calls + unfillable always add up to the requested number. */
export function planProgramme(
	programme: Programme,
	shoppers: readonly Shopper[],
	options: PlanOptions = {}
): Plan {
	const drafts = draftCalls(programme);
	const { calls, unfillable } = new Assigner(programme, drafts, shoppers, options).run();
	const bySite = new Map<string, SitePlan>(
		drafts.sites.map(({ site, requested, sample }) => [
			site.siteId,
			{ siteId: site.siteId, requested, planned: 0, unfillable: 0, sample }
		])
	);
	for (const c of calls) bySite.get(c.siteId)!.planned++;
	for (const u of unfillable) bySite.get(u.siteId)!.unfillable++;
	const scenarioCounts: Record<string, number> = {};
	programme.scenarios.forEach((s, i) => (scenarioCounts[s.scenarioId] = drafts.scenarioCounts[i]));
	return {
		seed: programme.seed,
		requested: drafts.drafts.length,
		calls,
		unfillable,
		sites: [...bySite.values()],
		scenarioCounts
	};
}
