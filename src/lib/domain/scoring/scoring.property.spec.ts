import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScenario, type ScoreResult } from '.';
import { answersSchemaFor, type Answers } from '../../schemas/scenario-answers';
import { scenarioContentSchema, type ScenarioContent } from '../../schemas/scenario';
import { answers, call, en, type ItemInput, type SectionInput } from './test-fixtures';

const types = [
	'yes_no_na',
	'scale',
	'single_choice',
	'number',
	'duration',
	'text',
	'marker_derived'
] as const;
const weight = fc.oneof(
	fc.constant(0),
	fc.integer({ min: 1, max: 10 }),
	fc.double({ min: 0.001, max: 1000, noNaN: true })
);
const points = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1000, noNaN: true }));

/** Everything random about one item; ids and references are filled in by position later. */
const itemSpec = fc.record({
	type: fc.constantFrom(...types),
	weight,
	bonus: fc.boolean(),
	critical: fc.boolean(),
	dependsOn: fc.option(fc.nat(), { nil: undefined }),
	dependsOnYes: fc.boolean(),
	clauses: fc.subarray(['P13', 'G32', 'PCI 3.3.1', 'GB 7.2']),
	category: fc.option(fc.constantFrom('opening' as const, 'voice' as const), { nil: undefined }),
	scaleMin: fc.integer({ min: -3, max: 3 }),
	scaleSpan: fc.integer({ min: 1, max: 5 }),
	options: fc.array(points, { minLength: 1, maxLength: 4 }),
	bands: fc.array(fc.record({ max: fc.integer({ min: 0, max: 40 }), points }), {
		minLength: 1,
		maxLength: 3
	}),
	marker: fc.constantFrom('greeting', 'verify', 'transfer', 'disclosure'),
	answer: fc.constantFrom('value', 'value', 'value', 'na', 'missing'),
	u: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })
});
type ItemSpec = typeof itemSpec extends fc.Arbitrary<infer T> ? T : never;

const scenarioSpec = fc.record({
	sections: fc.array(
		fc.record({
			weight,
			category: fc.option(fc.constant('listening' as const), { nil: undefined }),
			items: fc.array(itemSpec, { maxLength: 6 })
		}),
		{ minLength: 1, maxLength: 4 }
	),
	criticalMode: fc.constantFrom('zero_and_flag' as const, 'show_score_mark_failed' as const),
	capBonusAt100: fc.boolean(),
	markers: fc.array(
		fc.record({
			kind: fc.constantFrom(
				'greeting',
				'verification_asked',
				'transfer',
				'disclosure'
			) as fc.Arbitrary<'greeting'>,
			t: fc.nat(100_000)
		}),
		{ maxLength: 6 }
	)
});
type ScenarioSpec = typeof scenarioSpec extends fc.Arbitrary<infer T> ? T : never;

function buildItem(spec: ItemSpec, id: string, earlierYesNo: string[]): ItemInput {
	const base = {
		id,
		label: en(id),
		weight: spec.weight,
		bonus: spec.bonus,
		critical: spec.critical && !spec.bonus && spec.type !== 'text',
		clauses: spec.clauses,
		category: spec.category,
		visibleWhen:
			spec.dependsOn !== undefined && earlierYesNo.length > 0
				? {
						kind: 'answer' as const,
						item: earlierYesNo[spec.dependsOn % earlierYesNo.length],
						in: [spec.dependsOnYes ? 'yes' : 'no']
					}
				: undefined
	};
	const bands = spec.bands.map((b) => ({ max: b.max, points: b.points }));
	switch (spec.type) {
		case 'scale':
			return { ...base, type: 'scale', min: spec.scaleMin, max: spec.scaleMin + spec.scaleSpan };
		case 'single_choice':
			return {
				...base,
				type: 'single_choice',
				options: spec.options.map((p, k) => ({ id: `o${k}`, label: en(`o${k}`), points: p }))
			};
		case 'number':
		case 'duration':
			return { ...base, type: spec.type, bands, critical: base.critical && bands.length > 0 };
		case 'marker_derived':
			return { ...base, type: 'marker_derived', rule: { kind: 'present', marker: spec.marker } };
		default:
			return { ...base, type: spec.type } as ItemInput;
	}
}

/** A valid answer for the item chosen by `u`, 'na', or nothing. */
function answerFor(spec: ItemSpec, input: ItemInput): string | number | undefined {
	if (spec.answer === 'na') return 'na';
	if (spec.answer === 'missing' || spec.type === 'marker_derived') return undefined;
	switch (input.type) {
		case 'yes_no_na':
			return spec.u < 0.5 ? 'yes' : 'no';
		case 'scale':
			return input.min + spec.u * (input.max - input.min);
		case 'single_choice':
			return `o${Math.floor(spec.u * input.options.length)}`;
		case 'number':
		case 'duration':
			return spec.u * 50;
		default:
			return 'free text';
	}
}

function build(spec: ScenarioSpec): { content: ScenarioContent; answers: Answers } {
	const yesNo: string[] = [];
	const given: Record<string, string | number> = {};
	const sections: SectionInput[] = spec.sections.map((s, si) => ({
		id: `s${si}`,
		title: en(`s${si}`),
		weight: s.weight,
		category: s.category,
		items: s.items.map((itemSpec, ii) => {
			const input = buildItem(itemSpec, `i${si}_${ii}`, yesNo);
			if (input.type === 'yes_no_na') yesNo.push(input.id);
			const value = answerFor(itemSpec, input);
			if (value !== undefined) given[input.id] = value;
			return input;
		})
	}));
	const content = call(sections, {
		scoring: { criticalMode: spec.criticalMode, capBonusAt100: spec.capBonusAt100 }
	});
	return { content, answers: answers(given, { markers: spec.markers }) };
}

/** A seeded shuffle, so fast-check can shrink a failing order to a small seed. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
	const out = [...list];
	let s = seed >>> 0;
	for (let i = out.length - 1; i > 0; i--) {
		s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

function reorder(content: ScenarioContent, seed: number): ScenarioContent {
	const sections = shuffled(content.checklist.sections, seed).map((s, k) => ({
		...s,
		items: shuffled(s.items, seed + k + 1)
	}));
	return { ...content, checklist: { sections } };
}

/** The result with its lists in id order, for comparing scores of reordered scenarios. */
function normalised(r: ScoreResult) {
	const byId = <T extends { id: string }>(list: T[]) =>
		[...list].sort((a, b) => (a.id < b.id ? -1 : 1));
	return {
		...r,
		items: byId(r.items),
		sections: byId(r.sections),
		criticalFailures: [...r.criticalFailures].sort(),
		missing: [...r.missing].sort()
	};
}

function everyNumber(value: unknown, visit: (n: number) => void): void {
	if (typeof value === 'number') visit(value);
	else if (value && typeof value === 'object')
		for (const v of Object.values(value)) everyNumber(v, visit);
}

const runs = { numRuns: 300 };

describe('scoring properties', () => {
	it('keeps every score within [0, max] and every number finite', () => {
		fc.assert(
			fc.property(scenarioSpec, (spec) => {
				const { content, answers } = build(spec);
				const r = scoreScenario(content, answers);
				everyNumber(r, (n) => expect(Number.isFinite(n)).toBe(true));
				expect(r.status === 'no_score').toBe(r.possible === 0);
				if (r.rawScore === null) {
					expect(r.maxScore).toBeNull();
					expect(r.score === null || (r.flagged && r.score === 0)).toBe(true);
					return;
				}
				const bound = 1 + r.bonusPossible / r.possible;
				expect(r.rawScore).toBeGreaterThanOrEqual(0);
				expect(r.rawScore).toBeLessThanOrEqual(r.maxScore!);
				expect(r.maxScore!).toBeLessThanOrEqual(bound * (1 + 1e-12));
				if (r.bonusPossible === 0 || content.scoring.capBonusAt100)
					expect(r.maxScore).toBeLessThanOrEqual(1);
				expect(r.score).toBe(r.flagged ? 0 : r.rawScore);
				for (const item of r.items) {
					expect(item.earned).toBeGreaterThanOrEqual(0);
					expect(item.earned).toBeLessThanOrEqual(item.possible);
				}
				for (const s of [...r.sections, ...Object.values(r.categories)])
					if (s.score !== null) expect(s.score).toBeGreaterThanOrEqual(0);
			}),
			runs
		);
	});

	it('does not depend on the order of sections or of items within them', () => {
		fc.assert(
			fc.property(scenarioSpec, fc.nat(), (spec, seed) => {
				const { content, answers } = build(spec);
				const original = normalised(scoreScenario(content, answers));
				expect(normalised(scoreScenario(reorder(content, seed), answers))).toEqual(original);
			}),
			runs
		);
	});

	it('does not depend on the order markers were stored in', () => {
		fc.assert(
			fc.property(scenarioSpec, fc.nat(), (spec, seed) => {
				const { content, answers } = build(spec);
				const moved = { ...answers, markers: shuffled(answers.markers, seed) };
				expect(scoreScenario(content, moved)).toEqual(scoreScenario(content, answers));
			}),
			runs
		);
	});

	it('re-parses a stored scenario and its answers to themselves', () => {
		fc.assert(
			fc.property(scenarioSpec, (spec) => {
				const { content, answers: given } = build(spec);
				const stored = JSON.parse(JSON.stringify({ content, given }));
				expect(scenarioContentSchema.parse(stored.content)).toEqual(content);
				expect(answersSchemaFor(content).parse(stored.given)).toEqual(given);
			}),
			{ numRuns: 100 }
		);
	});

	it('gives no score rather than NaN when every item is N/A', () => {
		fc.assert(
			fc.property(scenarioSpec, (spec) => {
				const { content } = build(spec);
				const ids = content.checklist.sections.flatMap((s) => s.items.map((i) => i.id));
				const r = scoreScenario(content, answers(Object.fromEntries(ids.map((id) => [id, 'na']))));
				expect(r).toMatchObject({
					status: 'no_score',
					score: null,
					rawScore: null,
					maxScore: null,
					failed: false
				});
				expect(r.sections.every((s) => s.score === null)).toBe(true);
				everyNumber(r, (n) => expect(Number.isNaN(n)).toBe(false));
			}),
			runs
		);
	});
});
