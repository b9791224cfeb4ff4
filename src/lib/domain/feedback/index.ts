/**
 * The feedback sheet of one reviewed call for the vendor's team lead: strengths first, then at most
 * three issues (the worst first: critical, then by severity and points lost), each with the standard
 * it fails and what good looks like, and per category the comparison with the same agent
 * pseudonym's previous result. Pure; the server feeds it the final score and the previous one.
 */
import type { ScenarioContent } from '../../schemas/scenario';
import {
	serviceCategories,
	type ServiceCategory,
	type Severity
} from '../../schemas/scenario-base';
import type { ChecklistItem } from '../../schemas/scenario-checklist';
import { findClause } from '../clauses';
import type { Text2 } from '../findings';

/** The slice of a score the sheet reads (ScoreResult, or vendor_call_results' items/categories). */
export interface FeedbackScore {
	items: readonly {
		id: string;
		status: string;
		passed: boolean | null;
		earned: number;
		possible: number;
		critical: boolean;
	}[];
	categories: Partial<Record<ServiceCategory, { score: number | null }>>;
}

export interface FeedbackIssue {
	itemId: string;
	label: Text2;
	severity: Severity;
	critical: boolean;
	/** The clause codes with their titles: the standard the call failed. */
	standard: { code: string; title: Text2 | null }[];
	/** What good looks like: the item's guidance, else the expectation itself. */
	good: Text2;
}

export interface CategoryComparison {
	category: ServiceCategory;
	name: Text2;
	/** Fractions (1 = 100 %); null where the category was not scored. */
	score: number | null;
	previous: number | null;
	delta: number | null;
}

export interface FeedbackSheet {
	agent: string | null;
	strengths: { itemId: string; label: Text2 }[];
	issues: FeedbackIssue[];
	/** Failed items beyond the three shown. */
	moreIssues: number;
	categories: CategoryComparison[];
}

/** The most issues a sheet shows, so the team lead coaches the few that matter. */
export const MAX_ISSUES = 3;
const RANK: Record<Severity, number> = { C: 0, M: 1, m: 2 };

const both = (t: { en?: string; 'zh-CN'?: string } | undefined): Text2 => ({
	en: t?.en || t?.['zh-CN'] || '',
	'zh-CN': t?.['zh-CN'] || t?.en || ''
});

/** The feedback sheet of `score` on `content` for `agent`, against that agent's `previous` score. */
export function feedbackSheet(
	content: ScenarioContent,
	score: FeedbackScore,
	agent: string | null = null,
	previous: FeedbackScore | null = null
): FeedbackSheet {
	const items = new Map<string, ChecklistItem>();
	for (const s of content.checklist.sections) for (const i of s.items) items.set(i.id, i);
	const strengths: FeedbackSheet['strengths'] = [];
	const failed: (FeedbackIssue & { lost: number })[] = [];
	for (const s of score.items) {
		const item = items.get(s.id);
		if (!item || s.status !== 'scored') continue;
		if (s.passed) {
			strengths.push({ itemId: s.id, label: both(item.label) });
			continue;
		}
		failed.push({
			itemId: s.id,
			label: both(item.label),
			severity: s.critical ? 'C' : (item.severity ?? 'M'),
			critical: s.critical,
			standard: item.clauses.map((code) => {
				const title = findClause(code)?.title;
				return { code, title: title ? both(title) : null };
			}),
			good: both(item.help ?? item.label),
			lost: s.possible - s.earned
		});
	}
	failed.sort(
		(a, b) =>
			RANK[a.severity] - RANK[b.severity] || b.lost - a.lost || a.itemId.localeCompare(b.itemId)
	);
	const categories = (Object.keys(serviceCategories) as ServiceCategory[]).flatMap((category) => {
		const now = score.categories[category]?.score ?? null;
		const before = previous?.categories[category]?.score ?? null;
		if (now === null && before === null) return [];
		return [
			{
				category,
				name: both(serviceCategories[category]),
				score: now,
				previous: before,
				delta: now !== null && before !== null ? now - before : null
			}
		];
	});
	return {
		agent,
		strengths,
		issues: failed.slice(0, MAX_ISSUES).map(({ lost: _lost, ...issue }) => issue),
		moreIssues: Math.max(0, failed.length - MAX_ISSUES),
		categories
	};
}
