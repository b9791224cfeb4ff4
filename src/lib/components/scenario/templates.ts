/**
 * Fresh entries for the designer: a new scenario's first draft and new sections, items, steps,
 * markers and facts, each with every default the schema would fill in, so the draft state always
 * has the parsed shape the editors bind to.
 */
import { m } from '$lib/paraglide/messages';
import type {
	Bilingual,
	ChecklistItem,
	ChecklistSection,
	ItemType,
	MarkerDefinition,
	MarkerKind,
	ScenarioContent,
	ScenarioKind,
	ScriptStep
} from '$lib/schemas/scenario';

type Message = (inputs?: Record<string, never>, options?: { locale?: 'en' | 'zh-CN' }) => string;

/** A message in both languages, for text the draft stores bilingually. */
export const both = (message: Message): Bilingual => ({
	en: message({}, { locale: 'en' }),
	'zh-CN': message({}, { locale: 'zh-CN' })
});

const MARKER_LABEL: Record<Exclude<MarkerKind, 'custom'>, Message> = {
	greeting: m.sc_marker_greeting,
	verification_asked: m.sc_marker_verification_asked,
	hold_start: m.sc_marker_hold_start,
	hold_end: m.sc_marker_hold_end,
	transfer: m.sc_marker_transfer,
	disclosure: m.sc_marker_disclosure
};

/** The first draft of a new scenario: the standard markers and timers and an opening step. */
export function newContent(kind: ScenarioKind, title: Bilingual): ScenarioContent {
	const common = {
		schemaVersion: 1 as const,
		title,
		checklist: { sections: [] },
		scoring: {
			criticalMode: 'zero_and_flag' as const,
			capBonusAt100: false,
			auditPoints: { COM: 1, OBS: 1, MIN: 0.5, MAJ: 0 }
		}
	};
	if (kind === 'vendor_audit') return { ...common, kind, auditMode: 'site_visit' };
	return {
		...common,
		kind,
		persona: {
			name: both(m.sc_tpl_persona_name),
			pretext: both(m.sc_tpl_persona_pretext),
			facts: [],
			synthetic: true
		},
		script: { steps: [{ ...newStep('open'), say: both(m.sc_tpl_step_say) }] },
		markers: Object.keys(MARKER_LABEL).map((k) => newMarker(k as MarkerKind, k)),
		timers: ['time_to_answer', 'hold', 'talk']
	};
}

/** A marker button; built-in kinds come labelled in both languages. */
export function newMarker(kind: MarkerKind, id: string): MarkerDefinition {
	const label = kind === 'custom' ? { en: '', 'zh-CN': '' } : both(MARKER_LABEL[kind]);
	return { id, kind, label };
}

/** An empty script step. */
export function newStep(id: string): ScriptStep {
	return {
		id,
		say: { en: '', 'zh-CN': '' },
		listenFor: { en: '', 'zh-CN': '' },
		markers: [],
		branches: [],
		end: false
	};
}

/** An empty checklist section. */
export function newSection(id: string): ChecklistSection {
	return { id, title: { en: '', 'zh-CN': '' }, weight: 1, items: [] };
}

type Base = Omit<Extract<ChecklistItem, { type: 'text' }>, 'type' | 'multiline'>;

/** The fields every item type adds, with their defaults. */
export function typeFields(type: ItemType): Record<string, unknown> {
	switch (type) {
		case 'yes_no_na':
			return { passAnswer: 'yes' };
		case 'scale':
			return { min: 1, max: 5 };
		case 'single_choice':
			return { options: [{ id: 'a', label: { en: '', 'zh-CN': '' }, points: 1 }] };
		case 'number':
			return { bands: [] };
		case 'duration':
			return { bands: [] };
		case 'text':
			return { multiline: false };
		case 'marker_derived':
			return { rule: { kind: 'present', marker: '' } };
		case 'audit_result':
			return {};
	}
}

const TYPE_KEYS = [
	'passAnswer',
	'min',
	'max',
	'options',
	'unit',
	'bands',
	'fromTimer',
	'multiline',
	'rule'
];

/** A new item of `type`. */
export function newItem(id: string, type: ItemType): ChecklistItem {
	const base: Base = {
		id,
		label: { en: '', 'zh-CN': '' },
		weight: 1,
		clauses: [],
		bonus: false,
		required: true,
		allowNa: true
	};
	return { ...base, type, ...typeFields(type) } as ChecklistItem;
}

/**
 * Turns `item` into another type in place: the shared fields (label, weight, clauses, flags…)
 * stay, the old type's own fields go and the new type's defaults come in.
 */
export function changeType(item: ChecklistItem, type: ItemType): void {
	const record = item as unknown as Record<string, unknown>;
	for (const key of TYPE_KEYS) delete record[key];
	Object.assign(record, { type }, typeFields(type));
}
