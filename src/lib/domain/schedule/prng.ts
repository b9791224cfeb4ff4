/**
 * Seeded randomness for the planner. Plans must be reproducible from their seed (an officer can
 * regenerate and get the same calls; a test can pin a plan), so nothing here touches Math.random.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** A 32-bit hash of a string (MurmurHash3's mixing), used to turn seeds and ids into state. */
export function hashString(text: string, salt = 0): number {
	let h = (0x811c9dc5 ^ salt) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
		h ^= h >>> 15;
	}
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** Chris Doty-Humphrey's sfc32: small, fast, and passes PractRand far beyond what a plan draws. */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
	return () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
}

/**
 * An independent stream for one purpose of one plan, e.g. `seededRng(seed, 'site', siteId)`, so
 * adding a site does not reshuffle the times of every other site.
 */
export function seededRng(...parts: (string | number)[]): Rng {
	const key = parts.join('\u0001');
	const rng = sfc32(hashString(key, 1), hashString(key, 2), hashString(key, 3), hashString(key, 4));
	// The first outputs of sfc32 still echo the seed words; discard them.
	for (let i = 0; i < 12; i++) rng();
	return rng;
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		const t = items[i];
		items[i] = items[j];
		items[j] = t;
	}
	return items;
}
