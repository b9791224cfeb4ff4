/** Plain-language readings of conditions and rules, for the read-only outline and compare view. */
import { m } from '$lib/paraglide/messages';
import type { Condition, MarkerRule, ScenarioContent } from '$lib/schemas/scenario';
import { choicesOf } from './answers';
import { RULE_KIND, TIMER, local } from './labels';

function markerName(content: ScenarioContent, id: string): string {
	const def =
		content.kind === 'mystery_call' ? content.markers.find((d) => d.id === id) : undefined;
	return (def && local(def.label)) || id;
}

function findItem(content: ScenarioContent, id: string) {
	return content.checklist.sections.flatMap((s) => s.items).find((i) => i.id === id);
}

/** Answer values as the shopper reads them ("Yes / N/A"), raw where the item has no list. */
function valueNames(content: ScenarioContent, id: string, values: (string | number)[]): string {
	const item = findItem(content, id);
	const choices = item ? choicesOf(item) : null;
	return values.map((v) => choices?.find((c) => c.value === v)?.label ?? String(v)).join(' / ');
}

/** "“Asked for verification?” is yes or N/A", "marker Greeting was tapped", "step 3 was reached". */
export function describeCondition(content: ScenarioContent, cond: Condition): string {
	switch (cond.kind) {
		case 'answer':
			return m.sc_desc_answer({
				item: local(findItem(content, cond.item)?.label) || cond.item,
				values: valueNames(content, cond.item, cond.in)
			});
		case 'marker':
			return cond.present
				? m.sc_desc_marker({ marker: markerName(content, cond.marker) })
				: m.sc_desc_no_marker({ marker: markerName(content, cond.marker) });
		case 'step':
			return m.sc_desc_step({ step: cond.step });
	}
}

/** The rule of a marker-derived item in one line. */
export function describeRule(content: ScenarioContent, rule: MarkerRule): string {
	const name = (id: string) => markerName(content, id);
	switch (rule.kind) {
		case 'before':
			return `${RULE_KIND.before()}: ${name(rule.first)} → ${name(rule.then)}`;
		case 'within':
			return `${RULE_KIND.within()}: ${name(rule.from)} → ${name(rule.to)} ≤ ${rule.maxSeconds} s`;
		case 'present':
		case 'absent':
			return `${RULE_KIND[rule.kind]()}: ${name(rule.marker)}`;
		case 'max_count':
			return `${RULE_KIND.max_count()}: ${name(rule.marker)} ≤ ${rule.max}`;
		case 'timer_max':
			return `${RULE_KIND.timer_max()}: ${TIMER[rule.timer]()} ≤ ${rule.maxSeconds} s`;
	}
}
