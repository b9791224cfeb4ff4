import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, maskPii } from '.';
import { luhnCheckDigit } from './checks';
import { residentId } from './test-data';

const digits = (n: number) =>
	fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** A birth date from 1900 to 2099 as YYYYMMDD, by day offset so every value is a real date. */
const birth = fc.integer({ min: 0, max: 73048 }).map((d) => {
	const date = new Date(Date.UTC(1900, 0, 1) + d * 86_400_000);
	return date.toISOString().slice(0, 10).replaceAll('-', '');
});

const id18 = fc
	.tuple(
		pick('110105', '310104', '440305', '510107', '650102', '810000', '911000'),
		birth,
		digits(3)
	)
	.map(([region, date, seq]) => residentId(region, date, seq))
	.chain((id) =>
		pick(
			id,
			id.toLowerCase(),
			`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
			`${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`
		)
	);

const cardNumber = fc
	.tuple(
		pick('4', '51', '55', '62', '6222', '9558', '35', '37'),
		fc.integer({ min: 13, max: 19 }),
		digits(19)
	)
	.map(([prefix, length, fill]) => {
		const body = (prefix + fill).slice(0, length - 1);
		return body + luhnCheckDigit(body);
	})
	.filter((n) => !/^(\d)\1+$/.test(n))
	.chain((n) => pick(n, n.replace(/(\d{4})(?=\d)/g, '$1 '), n.replace(/(\d{4})(?=\d)/g, '$1-')));

const mobileNumber = fc
	.tuple(pick(...'3456789'), digits(9))
	.map(([second, rest]) => `1${second}${rest}`)
	.chain((m) => {
		const grouped = (sep: string) => `${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
		return pick(
			m,
			grouped(' '),
			grouped('-'),
			`+86 ${grouped(' ')}`,
			`+86${m}`,
			`0086-${grouped('-')}`
		);
	});

const secret = fc.oneof(id18, cardNumber, mobileNumber);

/** Words a shopper's note is made of, ordinary numbers included; none of them is personal data. */
const filler = pick(
	'客服态度很好',
	'等待了38秒',
	'2024-05-01',
	'13:45',
	'¥1,380.00',
	'共3次',
	'评分98.5分',
	'订单号20240501123456789',
	'the agent asked for my date of birth',
	'No. 7',
	'转接2次',
	'护照'
);
const joiner = pick('，', '。', '是', ' 和 ', '：', '\n', '（', '）', '、', '；');

/** A note of fillers and secrets with a joiner between every two parts. */
const note = fc
	.array(
		fc.record({
			part: fc.oneof(
				secret.map((s) => ({ s })),
				filler.map((f) => ({ f }))
			),
			join: joiner
		}),
		{
			maxLength: 8
		}
	)
	.map((parts) => ({
		text: parts.map(({ part, join }) => ('s' in part ? part.s : part.f) + join).join(''),
		secrets: parts.flatMap(({ part }) => ('s' in part ? [part.s] : []))
	}));

describe('pii: properties', () => {
	it('finds every embedded ID, card and mobile exactly as written', () => {
		fc.assert(
			fc.property(note, ({ text, secrets }) => {
				const originals = findPii(text).map((f) => f.original);
				for (const s of secrets) expect(originals).toContain(s);
				expect(originals).toHaveLength(secrets.length);
			})
		);
	});

	it('leaves no valid ID, card or mobile in the masked text', () => {
		fc.assert(
			fc.property(note, ({ text, secrets }) => {
				const masked = maskPii(text).text;
				for (const s of secrets) expect(masked).not.toContain(s);
				expect(findPii(masked)).toEqual([]);
			})
		);
	});

	it('is idempotent on notes and on arbitrary text', () => {
		const once = (t: string) => maskPii(t).text;
		fc.assert(
			fc.property(note, ({ text }) => {
				expect(once(once(text))).toBe(once(text));
			})
		);
		const noisy = fc.string({
			unit: fc.oneof(
				pick(...'0123456789 -+()@.*xX'),
				fc.constantFrom('A', 'E', '护', '照', '，', 'a')
			)
		});
		fc.assert(
			fc.property(noisy, (t) => {
				expect(once(once(t))).toBe(once(t));
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives back the original text when every finding is undone', () => {
		fc.assert(
			fc.property(note, ({ text }) => {
				const ids = findPii(text).map((f) => f.id);
				expect(maskPii(text, { keep: ids }).text).toBe(text);
			})
		);
	});

	it('keeps the length of every number it masks', () => {
		fc.assert(
			fc.property(note, ({ text }) => {
				for (const f of findPii(text)) expect(f.masked).toHaveLength(f.original.length);
			})
		);
	});
});
