/**
 * Small builders the library's content modules share, so each module reads as the scenario it
 * describes rather than as JSON plumbing. They return schema inputs; the library index parses them.
 */
import type { z } from 'zod';
import type {
	Bilingual,
	Condition,
	ScenarioContentInput,
	Severity,
	itemSchema,
	markerDefinitionSchema,
	sectionSchema,
	stepSchema
} from '../../schemas/scenario';

export type ItemInput = z.input<typeof itemSchema>;
export type SectionInput = z.input<typeof sectionSchema>;
export type StepInput = z.input<typeof stepSchema>;
export type MarkerInput = z.input<typeof markerDefinitionSchema>;
export type MysteryCallInput = Extract<ScenarioContentInput, { kind: 'mystery_call' }>;
export type VendorAuditInput = Extract<ScenarioContentInput, { kind: 'vendor_audit' }>;

/** Text in English and Simplified Chinese: every library label carries both. */
export function t(en: string, zh: string): Required<Bilingual> {
	return { en, 'zh-CN': zh };
}

/**
 * Item weights follow severity, so a major lapse costs twice a minor one and a critical item
 * (which fails the call anyway) still dominates the score when the scenario only marks failure.
 */
export const severityWeight: Record<Severity, number> = { C: 3, M: 2, m: 1 };

/** A reference checklist row: its number in the reference, label, clause tags and severity. */
export interface ReferenceRow {
	n: number;
	label: Required<Bilingual>;
	clauses: string[];
	severity: Severity;
	help?: Required<Bilingual>;
}

/** Builds a reference row; `help` says how to judge the item or what evidence to examine. */
export function row(
	n: number,
	label: Required<Bilingual>,
	clauses: string[],
	severity: Severity,
	help?: Required<Bilingual>
): ReferenceRow {
	return { n, label, clauses, severity, help };
}

/** `mc05`, `va28`: reference items keep their number so results compare across scenarios. */
export function refId(prefix: string, n: number): string {
	return `${prefix}${String(n).padStart(2, '0')}`;
}

/** The item input of a reference row; `extra` changes its type or adds visibility. */
export function refItem(
	prefix: string,
	ref: ReferenceRow,
	type: ItemInput['type'],
	extra: Record<string, unknown> = {}
): ItemInput {
	return {
		id: refId(prefix, ref.n),
		type,
		label: ref.label,
		...(ref.help ? { help: ref.help } : {}),
		weight: severityWeight[ref.severity],
		clauses: ref.clauses,
		severity: ref.severity,
		...extra
	} as ItemInput;
}

/** Picks reference rows by number, failing loudly on a typo so a module cannot lose an item. */
export function pick(rows: readonly ReferenceRow[], numbers: number[]): ReferenceRow[] {
	return numbers.map((n) => {
		const found = rows.find((r) => r.n === n);
		if (!found) throw new Error(`no reference row ${n}`);
		return found;
	});
}

/** A checklist item that is not a reference row. */
export function item(
	id: string,
	type: ItemInput['type'],
	label: Required<Bilingual>,
	extra: Record<string, unknown> = {}
): ItemInput {
	return { id, type, label, ...extra } as ItemInput;
}

/** A checklist section. */
export function section(
	id: string,
	title: Required<Bilingual>,
	items: ItemInput[],
	extra: Partial<Omit<SectionInput, 'id' | 'title' | 'items'>> = {}
): SectionInput {
	return { id, title, items, ...extra };
}

/** A script step; `title` names it on the shopper's phone. */
export function step(
	id: string,
	title: Required<Bilingual>,
	fields: Omit<StepInput, 'id' | 'title'>
): StepInput {
	return { id, title, ...fields };
}

/** A branch condition: the marker with this id was (or was not) tapped. */
export function tapped(marker: string, present = true): Condition {
	return { kind: 'marker', marker, present };
}

/** A branch condition: the item was answered with one of these values. */
export function answered(itemId: string, ...values: string[]): Condition {
	return { kind: 'answer', item: itemId, in: values };
}

/** The built-in marker buttons, with the ids every library call uses. */
export const markers = {
	greeting: { id: 'greeting', kind: 'greeting', label: t('Greeting', '问候语') },
	verify: { id: 'verify', kind: 'verification_asked', label: t('Verification asked', '要求核验') },
	holdStart: { id: 'hold_start', kind: 'hold_start', label: t('Hold start', '开始等待') },
	holdEnd: { id: 'hold_end', kind: 'hold_end', label: t('Hold end', '结束等待') },
	transfer: { id: 'transfer', kind: 'transfer', label: t('Transfer', '转接') },
	disclosure: { id: 'disclosure', kind: 'disclosure', label: t('Disclosure', '披露信息') }
} satisfies Record<string, MarkerInput>;

/** All built-in markers, for calls that may need any of them. */
export const builtInMarkers: MarkerInput[] = Object.values(markers);

/**
 * A persona fact; a plain string value is language-neutral (a number or a code) and reads the same
 * in both languages.
 */
export function fact(
	id: string,
	label: Required<Bilingual>,
	value: Required<Bilingual> | string
): { id: string; label: Required<Bilingual>; value: Required<Bilingual> } {
	return { id, label, value: typeof value === 'string' ? t(value, value) : value };
}

/** A scenario-specific marker button. */
export function custom(id: string, label: Required<Bilingual>): MarkerInput {
	return { id, kind: 'custom', label };
}

/** Every call in the library measures the same three timers. */
export const allTimers: MysteryCallInput['timers'] = ['time_to_answer', 'hold', 'talk'];
