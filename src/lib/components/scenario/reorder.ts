/** Moving entries of the designer's lists (sections, items, steps, options) in place. */

/**
 * Moves the entry at `from` to `to` (both clamped to the list), mutating `list` so a `$state`
 * proxy keeps its identity; returns the index the entry ended up at, or -1 when nothing moved.
 */
export function moveEntry<T>(list: T[], from: number, to: number): number {
	if (from < 0 || from >= list.length) return -1;
	const target = Math.max(0, Math.min(list.length - 1, to));
	if (target === from) return -1;
	const [entry] = list.splice(from, 1);
	list.splice(target, 0, entry);
	return target;
}

/** The index an arrow or Home/End key sends an entry to, or null for any other key. */
export function keyTarget(key: string, index: number, length: number): number | null {
	switch (key) {
		case 'ArrowUp':
			return index - 1;
		case 'ArrowDown':
			return index + 1;
		case 'Home':
			return 0;
		case 'End':
			return length - 1;
		default:
			return null;
	}
}

/** The smallest `prefix-N` not yet in `taken`, for ids of new entries. */
export function freshId(prefix: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const keys = new WeakMap<object, number>();
let lastKey = 0;

/**
 * A key for an entry that survives edits of its id (keying lists by id would rebuild an editor,
 * and drop its focus, on every keystroke in the id field).
 */
export function entryKey(entry: object): number {
	let key = keys.get(entry);
	if (key === undefined) keys.set(entry, (key = ++lastKey));
	return key;
}

/** A DOM id for the control editing `path` (`checklist.sections[0].title` → `f-checklist-sections-0-title`). */
export function fieldId(path: string): string {
	return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}
