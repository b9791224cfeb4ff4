/** The seeded "relative's account" pretext as parsed content, and drafts made on it, for specs. */
import { findLibraryEntry, libraryContent } from '../../domain/library';
import type { MysteryCallContent } from '../../schemas/scenario';
import { newDraft, reduceDraft, type DraftAction } from './draft';
import type { CallDraft } from './types';

export const CALL_ID = '11111111-1111-4111-8111-111111111111';
export const KEY = '22222222-2222-4222-8222-222222222222';

/** SE-RELATIVE: branches on `rel_asked`, every built-in marker, all three timers. */
export const relative = libraryContent(findLibraryEntry('SE-RELATIVE')!) as MysteryCallContent;

export const marker = (id: string) => relative.markers.find((m) => m.id === id)!;

/** A fresh draft with `actions` applied at t = 1000, 2000, … ms. */
export function played(...actions: DraftAction[]): CallDraft {
	return actions.reduce((d, a, i) => reduceDraft(d, a, (i + 1) * 1000), newDraft(CALL_ID, KEY, 0));
}
