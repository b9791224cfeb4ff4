/** Raw points of one answered item, before weights. */
import type { AnswerValue } from '../../schemas/scenario-answers';
import type { ScoringSettings } from '../../schemas/scenario';
import { NA } from '../../schemas/scenario-constants';
import { isScorable } from '../../schemas/scenario-items';
import type { ChecklistItem } from '../../schemas/scenario-checklist';

export type RawPoints = { earned: number; possible: number } | 'na' | 'unscored';

type Band = { min?: number; max?: number; points: number };

function banded(bands: Band[], value: number): { earned: number; possible: number } {
	const hit = bands.find(
		(b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max)
	);
	return { earned: hit?.points ?? 0, possible: Math.max(...bands.map((b) => b.points)) };
}

/**
 * Earned and possible raw points for an answer the item accepts (see `acceptsAnswer`):
 * yes/no and marker rules 1 or 0 of 1; scale (v − min) / (max − min) of 1; single choice the
 * option's points of the best option's; number and duration the first matching band's points of
 * the best band's (0 when no band matches); audit results the scenario's points per code of 1.
 * An item whose best is 0 points cannot be scored.
 */
export function rawPoints(
	item: ChecklistItem,
	value: AnswerValue,
	settings: ScoringSettings
): RawPoints {
	if (!isScorable(item)) return 'unscored';
	if (value === NA) return 'na';
	const result = ((): { earned: number; possible: number } => {
		switch (item.type) {
			case 'yes_no_na':
				return { earned: value === item.passAnswer ? 1 : 0, possible: 1 };
			case 'marker_derived':
				return { earned: value === 'yes' ? 1 : 0, possible: 1 };
			case 'scale':
				return { earned: ((value as number) - item.min) / (item.max - item.min), possible: 1 };
			case 'single_choice':
				return {
					earned: item.options.find((o) => o.id === value)?.points ?? 0,
					possible: Math.max(...item.options.map((o) => o.points))
				};
			case 'number':
			case 'duration':
				return banded(item.bands, value as number);
			case 'audit_result':
				return { earned: settings.auditPoints[value as 'COM'], possible: 1 };
			case 'text':
				return { earned: 0, possible: 0 };
		}
	})();
	return result.possible > 0 ? result : 'unscored';
}
