/** The phone preview's pretend call: answers and taps that exist only in the designer's browser. */
import { scoreScenario, type ScoreResult } from '$lib/domain/scoring';
import {
	answersSchema,
	type AnswerValue,
	type RecordedMarker
} from '$lib/schemas/scenario-answers';
import { acceptsAnswer, type ScenarioContent } from '$lib/schemas/scenario';

export interface PreviewAnswers {
	items: Record<string, AnswerValue>;
	markers: RecordedMarker[];
}

/**
 * Scores the pretend call with the real engine. Answers left over from an earlier state of the
 * draft (a removed option, a changed scale) are dropped instead of failing the preview.
 */
export function previewScore(content: ScenarioContent, answers: PreviewAnswers): ScoreResult {
	const items = new Map(content.checklist.sections.flatMap((s) => s.items.map((i) => [i.id, i])));
	const kept = Object.fromEntries(
		Object.entries(answers.items).filter(([id, value]) => {
			const item = items.get(id);
			return item && value !== null && acceptsAnswer(item, value);
		})
	);
	const defined = content.kind === 'mystery_call' ? content.markers : [];
	const markers = answers.markers.filter((mk) =>
		defined.some((d) => d.kind === mk.kind && (mk.id === undefined || d.id === mk.id))
	);
	return scoreScenario(content, answersSchema.parse({ items: kept, markers }));
}

/** Records a tap on marker definition `id`, a second after the previous tap. */
export function tap(answers: PreviewAnswers, content: ScenarioContent, id: string): void {
	if (content.kind !== 'mystery_call') return;
	const def = content.markers.find((d) => d.id === id);
	if (!def) return;
	const t = (answers.markers.at(-1)?.t ?? 0) + 1000;
	answers.markers.push({ kind: def.kind, t, id: def.id });
}

/** How often marker definition `id` was tapped. */
export function taps(answers: PreviewAnswers, id: string): number {
	return answers.markers.filter((mk) => mk.id === id).length;
}

/** A score fraction as a percentage in the reader's locale. */
export function percent(value: number | null, locale: string): string {
	if (value === null) return '—';
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
		value
	);
}
