/** Roll-ups of item scores: tallies, per-clause results, service categories, audit codes. */
import {
	auditResultCodes,
	serviceCategories,
	type ServiceCategory
} from '../../schemas/scenario-constants';
import type { ChecklistItem, ChecklistSection } from '../../schemas/scenario-checklist';
import { compare } from './facts';
import type { AuditTally, ClauseResult, ItemScore, Tally } from './types';

/** One item's score with the definitions it came from; lists of these are kept sorted by id. */
export interface Scored {
	score: ItemScore;
	item: ChecklistItem;
	section: ChecklistSection;
	/** Points weighted by the item weight only, for section scores. */
	inSection: { earned: number; possible: number };
}

/** Adds in list order, which callers keep sorted by id so the float result is order-free. */
export function sum(values: number[]): number {
	let total = 0;
	for (const v of values) total += v;
	return total;
}

/** Earned (bonus included) over possible (bonus excluded) of the scored entries. */
export function tally(
	entries: Scored[],
	pick: (s: Scored) => { earned: number; possible: number } = (s) => s.score
): Tally {
	const scored = entries.filter((e) => e.score.status === 'scored');
	const earned = sum(scored.map((e) => pick(e).earned));
	const possible = sum(scored.filter((e) => !e.item.bonus).map((e) => pick(e).possible));
	return { earned, possible, score: possible > 0 ? earned / possible : null };
}

/** Per clause code: scored items tagged with it that earned full points, and those that did not. */
export function clauseResults(sorted: Scored[]): Record<string, ClauseResult> {
	const byCode = new Map<string, ClauseResult>();
	for (const { score, item } of sorted) {
		if (score.status !== 'scored') continue;
		for (const code of new Set(item.clauses)) {
			const r = byCode.get(code) ?? { passed: 0, failed: 0, rate: null, failedItems: [] };
			if (score.passed) r.passed++;
			else {
				r.failed++;
				r.failedItems.push(score.id);
			}
			byCode.set(code, r);
		}
	}
	const out: Record<string, ClauseResult> = {};
	for (const code of [...byCode.keys()].sort(compare)) {
		const r = byCode.get(code)!;
		out[code] = { ...r, rate: r.passed / (r.passed + r.failed) };
	}
	return out;
}

/** Per service-quality category (the item's, else its section's) present in the scenario. */
export function categoryScores(sorted: Scored[]): Partial<Record<ServiceCategory, Tally>> {
	const out: Partial<Record<ServiceCategory, Tally>> = {};
	for (const category of Object.keys(serviceCategories) as ServiceCategory[]) {
		const members = sorted.filter((e) => (e.item.category ?? e.section.category) === category);
		if (members.length > 0) out[category] = tally(members);
	}
	return out;
}

/** COM / MAJ / MIN / OBS / N/A counts over visible, answered audit items. */
export function auditTally(sorted: Scored[]): AuditTally {
	const out: AuditTally = { COM: 0, MAJ: 0, MIN: 0, OBS: 0, na: 0 };
	for (const { score, item } of sorted) {
		if (item.type !== 'audit_result' || score.status === 'hidden') continue;
		const code = score.value;
		if (code === 'na') out.na++;
		else if ((auditResultCodes as readonly unknown[]).includes(code)) out[code as 'COM']++;
	}
	return out;
}
