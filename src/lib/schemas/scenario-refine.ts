/**
 * Cross-field rules of a scenario version, reported with the path of the offending field so the
 * designer and the JSON import can point at it: unique ids, references that resolve (branch
 * targets, visibility and rule references, timers), no visibility cycles, and type/kind fit.
 */
import type { RefinementCtx } from 'zod';
import type { ScenarioContent } from './scenario';
import type { Condition } from './scenario-base';
import { NA } from './scenario-base';
import { acceptsAnswer, isCritical, isScorable, type ChecklistItem } from './scenario-checklist';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

interface Located {
	item: ChecklistItem;
	path: Path;
}

/** Reports every repeat of a key after its first use; `what` names the key in the message. */
function requireUnique(entries: [string, Path][], what: string, report: Report): void {
	const seen = new Set<string>();
	for (const [key, path] of entries) {
		if (seen.has(key)) report(path, `duplicate ${what} "${key}"`);
		seen.add(key);
	}
}

/** `superRefine` body for the scenario content schema. */
export function checkScenario(content: ScenarioContent, ctx: RefinementCtx): void {
	const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
	const call = content.kind === 'mystery_call' ? content : undefined;
	const markerIds = new Set(call?.markers.map((m) => m.id));
	const stepIds = new Set(call?.script.steps.map((s) => s.id));
	const timers = new Set<string>(call?.timers);

	const items = new Map<string, Located>();
	const sectionPaths: Path[] = content.checklist.sections.map((_, i) => [
		'checklist',
		'sections',
		i
	]);
	content.checklist.sections.forEach((section, s) =>
		section.items.forEach((item, i) => {
			const path = [...sectionPaths[s], 'items', i];
			if (!items.has(item.id)) items.set(item.id, { item, path });
		})
	);
	requireUnique(
		content.checklist.sections.map((sec, s) => [sec.id, [...sectionPaths[s], 'id']]),
		'section id',
		report
	);
	requireUnique(
		content.checklist.sections.flatMap((sec, s) =>
			sec.items.map((it, i): [string, Path] => [it.id, [...sectionPaths[s], 'items', i, 'id']])
		),
		'item id',
		report
	);

	const checkCondition = (cond: Condition, path: Path) => {
		if (cond.kind === 'marker' && !markerIds.has(cond.marker))
			report([...path, 'marker'], `unknown marker "${cond.marker}"`);
		if (cond.kind === 'step' && !stepIds.has(cond.step))
			report([...path, 'step'], `unknown step "${cond.step}"`);
		if (cond.kind !== 'answer') return;
		const target = items.get(cond.item)?.item;
		if (!target) return report([...path, 'item'], `unknown item "${cond.item}"`);
		cond.in.forEach((value, k) => {
			if (!acceptsAnswer(target, value))
				report([...path, 'in', k], `"${value}" is not a possible answer of item "${target.id}"`);
		});
	};

	content.checklist.sections.forEach((section, s) => {
		if (section.visibleWhen)
			checkCondition(section.visibleWhen, [...sectionPaths[s], 'visibleWhen']);
		section.items.forEach((item, i) => {
			const path = [...sectionPaths[s], 'items', i];
			if (item.visibleWhen) checkCondition(item.visibleWhen, [...path, 'visibleWhen']);
			checkItem(item, path, content.kind, { markerIds, timers }, report);
		});
	});
	checkVisibilityCycles(content, items, sectionPaths, report);

	if (!call) return;
	requireUnique(
		call.markers.map((m, i) => [m.id, ['markers', i, 'id']]),
		'marker id',
		report
	);
	requireUnique(
		call.markers.flatMap((m, i): [string, Path][] =>
			m.kind === 'custom' ? [] : [[m.kind, ['markers', i, 'kind']]]
		),
		'built-in marker kind (only custom markers may repeat)',
		report
	);
	requireUnique(
		call.timers.map((t, i) => [t, ['timers', i]]),
		'timer',
		report
	);
	requireUnique(
		call.persona.facts.map((f, i) => [f.id, ['persona', 'facts', i, 'id']]),
		'persona fact id',
		report
	);
	requireUnique(
		call.script.steps.map((st, i) => [st.id, ['script', 'steps', i, 'id']]),
		'step id',
		report
	);
	call.script.steps.forEach((step, i) => {
		const path: Path = ['script', 'steps', i];
		if (step.next !== undefined && !stepIds.has(step.next))
			report([...path, 'next'], `unknown step "${step.next}"`);
		if (step.next !== undefined && step.end)
			report([...path, 'next'], 'a final step cannot name a next step');
		step.markers.forEach((m, k) => {
			if (!markerIds.has(m)) report([...path, 'markers', k], `unknown marker "${m}"`);
		});
		step.branches.forEach((branch, b) => {
			const bPath = [...path, 'branches', b];
			if (!stepIds.has(branch.goto)) report([...bPath, 'goto'], `unknown step "${branch.goto}"`);
			checkCondition(branch.when, [...bPath, 'when']);
		});
	});
}

function checkItem(
	item: ChecklistItem,
	path: Path,
	kind: ScenarioContent['kind'],
	refs: { markerIds: Set<string>; timers: Set<string> },
	report: Report
): void {
	if (item.critical && !isScorable(item))
		report([...path, 'critical'], 'only an item that earns points can be critical');
	if (item.bonus && isCritical(item))
		report([...path, 'bonus'], 'a critical item cannot also be a bonus item');
	if (item.type === 'marker_derived' && kind !== 'mystery_call')
		report([...path, 'type'], 'marker-derived items need the markers of a mystery call');
	if (item.type === 'audit_result' && kind !== 'vendor_audit')
		report([...path, 'type'], 'audit results (COM/MAJ/MIN/OBS) belong to vendor audits');
	if (item.type === 'scale' && item.min >= item.max)
		report([...path, 'max'], 'the scale maximum must be above its minimum');
	if (
		item.type === 'number' &&
		item.min !== undefined &&
		item.max !== undefined &&
		item.min > item.max
	)
		report([...path, 'max'], 'the maximum must not be below the minimum');
	if (item.type === 'number' || item.type === 'duration')
		item.bands.forEach((band, k) => {
			if (band.min !== undefined && band.max !== undefined && band.min > band.max)
				report([...path, 'bands', k, 'max'], 'a band maximum must not be below its minimum');
		});
	if (item.type === 'single_choice') {
		requireUnique(
			item.options.map((o, k) => [o.id, [...path, 'options', k, 'id']]),
			'option id',
			report
		);
		item.options.forEach((o, k) => {
			if (o.id === NA)
				report([...path, 'options', k, 'id'], `"${NA}" is reserved for not applicable`);
		});
	}
	const timer = item.type === 'duration' ? item.fromTimer : undefined;
	if (timer && !refs.timers.has(timer))
		report([...path, 'fromTimer'], `timer "${timer}" is not enabled for this scenario`);
	if (item.type !== 'marker_derived') return;
	const rule = item.rule;
	if (rule.kind === 'timer_max') {
		if (!refs.timers.has(rule.timer))
			report([...path, 'rule', 'timer'], `timer "${rule.timer}" is not enabled for this scenario`);
		return;
	}
	const refsOf: Record<string, string> =
		rule.kind === 'before'
			? { first: rule.first, then: rule.then }
			: rule.kind === 'within'
				? { from: rule.from, to: rule.to }
				: { marker: rule.marker };
	for (const [key, id] of Object.entries(refsOf))
		if (!refs.markerIds.has(id)) report([...path, 'rule', key], `unknown marker "${id}"`);
}

/**
 * An item's visibility may depend on another item's answer (directly or through its section's
 * condition); such dependencies must not loop, or no order of evaluation could settle them.
 */
function checkVisibilityCycles(
	content: ScenarioContent,
	items: Map<string, Located>,
	sectionPaths: Path[],
	report: Report
): void {
	const edges = new Map<string, { to: string; path: Path }[]>();
	content.checklist.sections.forEach((section, s) => {
		for (const [i, item] of section.items.entries()) {
			const out: { to: string; path: Path }[] = [];
			if (item.visibleWhen?.kind === 'answer')
				out.push({
					to: item.visibleWhen.item,
					path: [...sectionPaths[s], 'items', i, 'visibleWhen', 'item']
				});
			if (section.visibleWhen?.kind === 'answer')
				out.push({
					to: section.visibleWhen.item,
					path: [...sectionPaths[s], 'visibleWhen', 'item']
				});
			if (!edges.has(item.id)) edges.set(item.id, out);
		}
	});
	const state = new Map<string, 'open' | 'done'>();
	const reported = new Set<string>();
	const visit = (id: string, trail: string[]): void => {
		state.set(id, 'open');
		for (const edge of edges.get(id) ?? []) {
			if (!items.has(edge.to)) continue;
			if (state.get(edge.to) === 'open') {
				const key = edge.path.join('.');
				const walk = [...trail, id];
				const loop = [...walk.slice(walk.indexOf(edge.to)), edge.to].join(' → ');
				if (!reported.has(key)) report(edge.path, `visibility conditions form a cycle: ${loop}`);
				reported.add(key);
			} else if (!state.has(edge.to)) visit(edge.to, [...trail, id]);
		}
		state.set(id, 'done');
	};
	for (const id of edges.keys()) if (!state.has(id)) visit(id, []);
}
