/** Plain-language readings of conditions and rules, for the read-only outline and compare view. */
import { m } from '$lib/paraglide/messages';
import type { Condition, MarkerRule, ScenarioContent } from '$lib/schemas/scenario';
import { RULE_KIND, TIMER, local } from './labels';

function markerName(content: ScenarioContent, id: string): string {
	const def =
		content.kind === 'mystery_call' ? content.markers.find((d) => d.id === id) : undefined;
	return (def && local(def.label)) || id;
}

function itemName(content: ScenarioContent, id: string): string {
	const item = content.checklist.sections.flatMap((s) => s.items).find((i) => i.id === id);
	return (item && local(item.label)) || id;
}

/** "“Asked for verification?” is yes or N/A", "marker Greeting was tapped", "step 3 was reached". */
export function describeCondition(content: ScenarioContent, cond: Condition): string {
	switch (cond.kind) {
		case 'answer':
			return m.sc_desc_answer({ item: itemName(content, cond.item), values: cond.in.join(' / ') });
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
