/** What every call-screen component gets from the page: the call, the draft and the dispatcher. */
import type { Locale } from '$lib/schemas/scenario-base';
import type { DraftAction } from '$lib/shopper/offline/draft';
import type { CallBundle, CallDraft } from '$lib/shopper/offline/types';

export interface CallScreen {
	bundle: CallBundle;
	draft: CallDraft;
	/** Ticks every second while a timer runs. */
	now: number;
	locale: Locale;
	/** Applies an action: stored in IndexedDB first, then shown, then synced. */
	dispatch: (a: DraftAction) => Promise<void>;
}
