/** The blind evaluator form's answers (`item.<id>` fields) as the calibration API takes them. */
import type { ScenarioContent } from '$lib/schemas/scenario';

const NUMERIC = new Set(['scale', 'number', 'duration']);

/** Answers by item id; empty fields are left out, numeric items become numbers. */
export function sessionChecklistItems(
	content: ScenarioContent | null,
	form: FormData
): Record<string, string | number> {
	const out: Record<string, string | number> = {};
	for (const section of content?.checklist.sections ?? [])
		for (const item of section.items) {
			const raw = form.get(`item.${item.id}`);
			if (typeof raw !== 'string' || raw === '') continue;
			out[item.id] =
				NUMERIC.has(item.type) && raw !== 'na' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
		}
	return out;
}
