/**
 * The designer's shared state: the draft content being edited (deeply reactive, so editors bind
 * straight into it), its live validation, and the announcements screen readers hear after a move.
 * Components reach it through `draftContext()`.
 */
import { getContext, setContext } from 'svelte';
import { m } from '$lib/paraglide/messages';
import type { ChecklistItem, ScenarioContent } from '$lib/schemas/scenario';
import type { FieldError } from '$lib/schemas/scenario-import';
import { cleanContent } from './clean';
import { checkContent, firstByPath, mergeErrors, type Checked } from './issues';
import { moveEntry } from './reorder';

export class ScenarioDraft {
	content: ScenarioContent = $state() as ScenarioContent;
	/** Errors the server returned for the last save, shown until the next edit changes them. */
	serverErrors: FieldError[] = $state([]);
	/** The last thing moved, for the aria-live region. */
	announcement = $state('');
	#lastValid: ScenarioContent;

	constructor(content: ScenarioContent) {
		this.content = content;
		this.#lastValid = content;
	}

	/** The document as it would be saved: cleaned and plain. */
	readonly document = $derived(cleanContent($state.snapshot(this.content)) as ScenarioContent);

	/** `scenarioContentSchema` run on every edit. */
	readonly checked: Checked = $derived(checkContent(this.document));

	/** Every error, client-side first, then the server's for paths the client does not flag. */
	readonly errorList: FieldError[] = $derived(
		mergeErrors(this.checked.ok ? [] : this.checked.errors, this.serverErrors)
	);

	/** The first error per path (`checklist.sections[0].items[2].weight`). */
	readonly errors: Map<string, string> = $derived(firstByPath(this.errorList));

	/** The latest valid content: what the phone preview renders while the draft has errors. */
	readonly previewContent: ScenarioContent = $derived.by(() => {
		if (this.checked.ok) this.#lastValid = this.checked.content;
		return this.#lastValid;
	});

	/** The error for one path, if any. */
	errorAt(path: string): string | undefined {
		return this.errors.get(path);
	}

	/** Every item of the checklist, in order, for condition and answer pickers. */
	get items(): ChecklistItem[] {
		return this.content.checklist.sections.flatMap((s) => s.items);
	}

	/** Ids in use for one kind of entry, for picking fresh ones. */
	get stepIds(): string[] {
		return this.content.kind === 'mystery_call' ? this.content.script.steps.map((s) => s.id) : [];
	}

	get markerIds(): string[] {
		return this.content.kind === 'mystery_call' ? this.content.markers.map((s) => s.id) : [];
	}

	/** Moves an entry of `list` and tells screen readers where it went. */
	move<T>(list: T[], from: number, to: number, label: string): number {
		const at = moveEntry(list, from, to);
		if (at >= 0) this.announcement = m.sc_moved({ label, position: at + 1, count: list.length });
		return at;
	}

	/** Removes an entry and says so. */
	remove<T>(list: T[], index: number, label: string): void {
		list.splice(index, 1);
		this.announcement = m.sc_removed({ label });
	}
}

const KEY = Symbol('scenario-draft');

/** Makes `draft` available to the designer's components. */
export function provideDraft(draft: ScenarioDraft): ScenarioDraft {
	return setContext(KEY, draft);
}

/** The draft of the enclosing designer. */
export function draftContext(): ScenarioDraft {
	const draft = getContext<ScenarioDraft | undefined>(KEY);
	if (!draft) throw new Error('scenario editors must sit inside the designer');
	return draft;
}
