/**
 * Chinese input methods type full-width digits, letters and punctuation (１３８, ＠, （）, －) and
 * ideographic spaces. Detection runs on a copy where those are folded to ASCII; every replacement is
 * one UTF-16 unit for one, so offsets found in the copy are offsets in the original.
 */
export function normalize(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// the full-width comma and stop are Chinese punctuation, never a decimal or thousands mark
		if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c && c !== 0xff0e) {
			out += String.fromCharCode(c - 0xfee0);
		} else if (c === 0x3000 || c === 0xa0) out += ' ';
		else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) out += '-';
		else out += text[i];
	}
	return out;
}

/** True for an ASCII letter or digit: a number touching one is part of a code, not a number. */
export function isAlnum(ch: string | undefined): boolean {
	return ch !== undefined && /[0-9A-Za-z]/.test(ch);
}
