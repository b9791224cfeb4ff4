/**
 * The call review page's one audio player, shared through context so a marker, a note or a
 * reviewer comment anywhere on the page can seek the recording to its time.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('review-player');

export class Player {
	el = $state<HTMLAudioElement | null>(null);
	/** Where the last seek went, in ms, for the page to say so (and for tests). */
	at = $state<number | null>(null);

	/** Moves the recording to `ms` and plays from there (a browser may refuse autoplay; that is fine). */
	seek(ms: number) {
		this.at = ms;
		if (!this.el) return;
		this.el.currentTime = ms / 1000;
		this.el.play().catch(() => {});
	}
}

export const providePlayer = (p: Player) => setContext(KEY, p);
export const usePlayer = () => getContext<Player | undefined>(KEY);
