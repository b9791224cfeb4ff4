/**
 * What changed between two versions of a scenario, for the side-by-side compare view. Sections,
 * items, steps, markers and persona facts are matched by id (ids key the answers, so an entry that
 * keeps its id is the same question); items are matched across the whole checklist, so an item
 * moved to another section reads as changed, not as removed and added.
 */
import type { ScenarioContent } from '$lib/schemas/scenario';

export type Change = 'added' | 'removed' | 'changed' | 'same';

/** Marks keyed `section:ID`, `item:ID`, `step:ID`, `marker:ID`, `fact:ID`, `persona`, `settings`. */
export type Marks = Map<string, Change>;

export interface ScenarioDiff {
	/** Marks for the older version: removed, changed or same. */
	before: Marks;
	/** Marks for the newer version: added, changed or same. */
	after: Marks;
	counts: Record<Exclude<Change, 'same'>, number>;
}

/** JSON with sorted keys, so two equal documents compare equal whatever their key order. */
export function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

type Keyed = Map<string, string>;

function omit(value: object, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

/** Every comparable entry of a version as key → stable JSON of what it holds. */
function entries(content: ScenarioContent): Keyed {
	const out: Keyed = new Map();
	content.checklist.sections.forEach((section) => {
		const { items, ...own } = section;
		out.set(`section:${section.id}`, stableJson({ ...own, items: items.map((i) => i.id) }));
		for (const item of items)
			if (!out.has(`item:${item.id}`))
				out.set(`item:${item.id}`, stableJson({ ...item, section: section.id }));
	});
	out.set('settings', stableJson(omit(content, ['checklist', 'persona', 'script', 'markers'])));
	if (content.kind !== 'mystery_call') return out;
	const { facts, ...who } = content.persona;
	out.set('persona', stableJson(who));
	for (const fact of facts) out.set(`fact:${fact.id}`, stableJson(fact));
	for (const step of content.script.steps) out.set(`step:${step.id}`, stableJson(step));
	for (const marker of content.markers) out.set(`marker:${marker.id}`, stableJson(marker));
	return out;
}

/** Compares an older version `a` with a newer version `b`. */
export function diffScenarios(a: ScenarioContent, b: ScenarioContent): ScenarioDiff {
	const left = entries(a);
	const right = entries(b);
	const before: Marks = new Map();
	const after: Marks = new Map();
	const counts = { added: 0, removed: 0, changed: 0 };
	for (const [key, json] of left) {
		const other = right.get(key);
		const change: Change = other === undefined ? 'removed' : other === json ? 'same' : 'changed';
		before.set(key, change);
		if (change !== 'same') counts[change]++;
	}
	for (const [key, json] of right) {
		const other = left.get(key);
		const change: Change = other === undefined ? 'added' : other === json ? 'same' : 'changed';
		after.set(key, change);
		if (change === 'added') counts.added++;
	}
	return { before, after, counts };
}
