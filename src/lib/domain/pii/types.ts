/** What a finding is; the UI shows a label per kind so the shopper can judge a false positive. */
export type PiiKind =
	'resident_id' | 'mobile' | 'landline' | 'bank_card' | 'email' | 'hk_id' | 'tw_id' | 'passport';

/** One piece of personal data found in a text. Offsets are UTF-16 indices into the original text. */
export interface PiiFinding {
	/** `${kind}-${n}`: the n-th finding of that kind, counted from the start of the text. */
	id: string;
	kind: PiiKind;
	start: number;
	end: number;
	/** The text as written, separators and full-width characters included. */
	original: string;
	/**
	 * What replaces it: separators kept and enough left to recognise the kind. Numbers keep their
	 * length; an e-mail's local part becomes its first character and '***', hiding its length.
	 */
	masked: string;
}

/** A finding after masking; `kept` ones were undone by the shopper and left as written. */
export interface MaskedFinding extends PiiFinding {
	kept: boolean;
}

export interface MaskResult {
	text: string;
	findings: MaskedFinding[];
}

/**
 * What a detector reports: where, and how many significant characters (ASCII letters and digits)
 * the mask leaves at the start and the end; `findPii` turns spans into numbered findings.
 */
export interface Span {
	kind: PiiKind;
	start: number;
	end: number;
	keep: [head: number, tail: number];
}
