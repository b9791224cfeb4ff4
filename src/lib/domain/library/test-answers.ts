/**
 * Answer sets for the library specs: the best and the worst answer each item accepts, built from
 * the item definitions so that a new library item is covered without touching the specs.
 */
import { answersSchemaFor, type Answers, type AnswersInput } from '../../schemas/scenario-answers';
import type { ScenarioContent } from '../../schemas/scenario';
import type { ChecklistItem } from '../../schemas/scenario-checklist';

type Band = { min?: number; max?: number; points: number };

/** A value that lands in the best band under first-match order, or undefined when none does. */
function bestBandValue(bands: Band[]): number | undefined {
	const best = Math.max(...bands.map((b) => b.points));
	const lands = (v: number) =>
		bands.find((b) => (b.min === undefined || v >= b.min) && (b.max === undefined || v <= b.max))
			?.points === best;
	return bands
		.filter((b) => b.points === best)
		.flatMap((b) => [b.min, b.max, 0])
		.find((v): v is number => v !== undefined && lands(v));
}

/** The answer that earns an item's full points. */
export function bestAnswer(item: ChecklistItem): string | number {
	switch (item.type) {
		case 'yes_no_na':
			return item.passAnswer;
		case 'marker_derived':
			return 'yes';
		case 'scale':
			return item.max;
		case 'single_choice':
			return [...item.options].sort((a, b) => b.points - a.points)[0].id;
		case 'number':
		case 'duration': {
			const value = item.bands.length > 0 ? bestBandValue(item.bands) : 30;
			if (value === undefined) throw new Error(`no value reaches the best band of ${item.id}`);
			return value;
		}
		case 'text':
			return 'Noted.';
		case 'audit_result':
			return 'COM';
	}
}

/** The answer that earns an item the fewest points (yes/no items: the other answer). */
export function worstAnswer(item: ChecklistItem): string | number {
	switch (item.type) {
		case 'yes_no_na':
			return item.passAnswer === 'yes' ? 'no' : 'yes';
		case 'marker_derived':
			return 'no';
		case 'scale':
			return item.min;
		case 'single_choice':
			return [...item.options].sort((a, b) => a.points - b.points)[0].id;
		case 'audit_result':
			return 'MAJ';
		default:
			throw new Error(`no failing answer defined for ${item.type} item ${item.id}`);
	}
}

export function allItems(content: ScenarioContent): ChecklistItem[] {
	return content.checklist.sections.flatMap((s) => s.items);
}

/**
 * Every item answered at its best (bonus items too when `bonus`), with every defined marker
 * tapped once so that marker-conditioned items show; `overrides` replace single answers. The
 * result is validated against the scenario, as the server would.
 */
export function perfectAnswers(
	content: ScenarioContent,
	options: { bonus?: boolean; overrides?: Record<string, string | number> } = {}
): Answers {
	const items: Record<string, string | number> = {};
	for (const item of allItems(content))
		items[item.id] = item.bonus && !options.bonus ? worstAnswer(item) : bestAnswer(item);
	const markers: AnswersInput['markers'] =
		content.kind === 'mystery_call'
			? content.markers.map((m, i) => ({
					kind: m.kind,
					t: (i + 1) * 1000,
					...(m.kind === 'custom' ? { id: m.id } : {})
				}))
			: [];
	return answersSchemaFor(content).parse({
		items: { ...items, ...options.overrides },
		markers
	});
}

/** Parsed answers from item values, markers and timings, validated against the scenario. */
export function callAnswers(content: ScenarioContent, input: AnswersInput): Answers {
	return answersSchemaFor(content).parse(input);
}
