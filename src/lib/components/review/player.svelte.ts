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

/** `text` split into plain parts and m:ss (or h:mm:ss) times, each time in ms. */
export function timeParts(text: string): ({ text: string } | { text: string; ms: number })[] {
	const out: ({ text: string } | { text: string; ms: number })[] = [];
	const re = /\b(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)\b/g;
	let last = 0;
	for (const hit of text.matchAll(re)) {
		if (hit.index > last) out.push({ text: text.slice(last, hit.index) });
		const [h, mnt, s] = [Number(hit[1] ?? 0), Number(hit[2]), Number(hit[3])];
		out.push({ text: hit[0], ms: ((h * 60 + mnt) * 60 + s) * 1000 });
		last = hit.index + hit[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last) });
	return out;
}
