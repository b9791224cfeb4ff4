/** Times written in reviewer text (m:ss, h:mm:ss), found so the page can make them seek the recording. */

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
