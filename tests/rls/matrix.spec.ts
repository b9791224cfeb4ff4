/**
 * The RLS matrix: every table × every operation × each demo role (and anon), against a row of the role's
 * own tenant and a row of another tenant, through supabase-js as that signed-in user. Each case asserts
 * the rows the API returned and what the database holds afterwards, not merely the absence of an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type Role, type World } from './fixtures';
import { WHO, matrixOps } from './matrix-ops';
import { TABLES, type Row, type TableName } from './tables';

type Verdict = 'YY' | 'YN' | 'NY' | 'NN';
type Case = [TableName, Role, string, string, Verdict, Verdict, Verdict, Verdict];

// Y = allowed, N = denied; first letter for the row in the role's own tenant, second for another's.
//  table             role          own tenant         another tenant       select insert update delete
// prettier-ignore
const MATRIX: Case[] = [
	['organisations', 'admin',      'bank',            'xClient',           'YN', 'YN', 'YN', 'YN'],
	['organisations', 'officer',    'bank',            'xClient',           'YN', 'NN', 'NN', 'NN'],
	['organisations', 'shopper',    'bank',            'xClient',           'YN', 'NN', 'NN', 'NN'],
	['organisations', 'vendorA',    'vendorA',         'vendorB',           'YN', 'NN', 'NN', 'NN'],
	['organisations', 'clientBank', 'bank',            'telecom',           'YN', 'NN', 'NN', 'NN'],
	['organisations', 'anon',       'bank',            'xClient',           'NN', 'NN', 'NN', 'NN'],
	['client_vendors', 'admin',      'bank/vendorA',    'xClient/xVendor',   'YN', 'YN', 'YN', 'YN'],
	['client_vendors', 'officer',    'bank/vendorA',    'xClient/xVendor',   'YN', 'NN', 'NN', 'NN'],
	['client_vendors', 'shopper',    'bank/vendorA',    'xClient/xVendor',   'NN', 'NN', 'NN', 'NN'],
	['client_vendors', 'vendorA',    'telecom/vendorA', 'bank/vendorB',      'YN', 'NN', 'NN', 'NN'],
	['client_vendors', 'clientBank', 'bank/vendorB',    'telecom/vendorC',   'YN', 'NN', 'NN', 'NN'],
	['client_vendors', 'anon',       'bank/vendorA',    'xClient/xVendor',   'NN', 'NN', 'NN', 'NN'],
	['sites',         'admin',      'siteA1',          'xSite',             'YN', 'YN', 'YN', 'YN'],
	['sites',         'officer',    'siteA1',          'xSite',             'YN', 'NN', 'NN', 'NN'],
	['sites',         'shopper',    'siteA1',          'xSite',             'YN', 'NN', 'NN', 'NN'],
	['sites',         'vendorA',    'siteA2',          'siteB1',            'YN', 'NN', 'NN', 'NN'],
	['sites',         'clientBank', 'siteB1',          'siteC1',            'YN', 'NN', 'NN', 'NN'],
	['sites',         'anon',       'siteA1',          'xSite',             'NN', 'NN', 'NN', 'NN'],
	['lines',         'admin',      'lineBankA1',      'xLine',             'YN', 'YN', 'YN', 'YN'],
	['lines',         'officer',    'lineBankA1',      'xLine',             'YN', 'NN', 'NN', 'NN'],
	['lines',         'shopper',    'lineBankA1',      'xLine',             'YN', 'NN', 'NN', 'NN'],
	['lines',         'vendorA',    'lineTelA2',       'lineBankB1',        'YN', 'NN', 'NN', 'NN'],
	['lines',         'clientBank', 'lineBankB2',      'lineTelC1',         'YN', 'NN', 'NN', 'NN'],
	['lines',         'anon',       'lineBankA1',      'xLine',             'NN', 'NN', 'NN', 'NN'],
	['memberships',   'admin',      'm:client-bank',   'm:xAdmin',          'YN', 'YN', 'YN', 'YN'],
	['memberships',   'officer',    'm:client-bank',   'm:xAdmin',          'YN', 'NN', 'NN', 'NN'],
	['memberships',   'shopper',    'm:shopper1',      'm:shopper2',        'YN', 'NN', 'NN', 'NN'],
	['memberships',   'vendorA',    'm:vendor-a',      'm:vendor-b',        'YN', 'NN', 'NN', 'NN'],
	['memberships',   'clientBank', 'm:client-bank',   'm:client-telecom',  'YN', 'NN', 'NN', 'NN'],
	['memberships',   'anon',       'm:client-bank',   'm:xAdmin',          'NN', 'NN', 'NN', 'NN'],
	['profiles',      'admin',      'p:admin',         'p:xAdmin',          'YN', 'NN', 'YN', 'NN'],
	['profiles',      'officer',    'p:officer',       'p:xAdmin',          'YN', 'NN', 'YN', 'NN'],
	['profiles',      'shopper',    'p:shopper1',      'p:shopper2',        'YN', 'NN', 'YN', 'NN'],
	['profiles',      'vendorA',    'p:vendor-a',      'p:shopper1',        'YN', 'NN', 'YN', 'NN'],
	['profiles',      'clientBank', 'p:client-bank',   'p:client-telecom',  'YN', 'NN', 'YN', 'NN'],
	['profiles',      'anon',       'p:admin',         'p:xAdmin',          'NN', 'NN', 'NN', 'NN'],
	['audit_log',     'admin',      'log:own',         'log:other',         'YN', 'NN', 'NN', 'NN'],
	['audit_log',     'officer',    'log:own',         'log:other',         'YN', 'NN', 'NN', 'NN'],
	['audit_log',     'shopper',    'log:own',         'log:other',         'NN', 'NN', 'NN', 'NN'],
	['audit_log',     'vendorA',    'log:own',         'log:other',         'NN', 'NN', 'NN', 'NN'],
	['audit_log',     'clientBank', 'log:own',         'log:other',         'NN', 'NN', 'NN', 'NN'],
	['audit_log',     'anon',       'log:own',         'log:other',         'NN', 'NN', 'NN', 'NN']
];

const SEEDED_ORGS = ['audit', 'bank', 'telecom', 'vendorA', 'vendorB', 'vendorC', 'spareVendor'];
const LINKS = ['bank/vendorA', 'bank/vendorB', 'telecom/vendorA', 'telecom/vendorC'];
const SITES = ['siteA1', 'siteA2', 'siteB1', 'siteB2', 'siteC1', 'siteC2'];
const BANK_LINES = ['lineBankA1', 'lineBankA2', 'lineBankB1', 'lineBankB2'];
const LINES = [...BANK_LINES, 'lineTelA1', 'lineTelA2', 'lineTelC1', 'lineTelC2'];
const PEOPLE = [
	'admin',
	'officer',
	...Array.from({ length: 10 }, (_, i) => `shopper${i + 1}`)
].concat(['vendor-a', 'vendor-b', 'vendor-c', 'client-bank', 'client-telecom']);
const M = (names: string[]) => names.map((n) => `m:${n}`);
const P = (names: string[]) => names.map((n) => `p:${n}`);

// Exactly what a full `select` returns per role (audit_log: the organisations its entries belong to).
// anon is refused on every table.
const VISIBLE: Record<TableName, Record<Exclude<Role, 'anon'>, string[]>> = {
	organisations: {
		admin: SEEDED_ORGS,
		officer: SEEDED_ORGS,
		shopper: SEEDED_ORGS,
		vendorA: ['vendorA', 'bank', 'telecom'],
		clientBank: ['bank', 'vendorA', 'vendorB']
	},
	client_vendors: {
		admin: LINKS,
		officer: LINKS,
		shopper: [],
		vendorA: ['bank/vendorA', 'telecom/vendorA'],
		clientBank: ['bank/vendorA', 'bank/vendorB']
	},
	sites: {
		admin: SITES,
		officer: SITES,
		shopper: SITES,
		vendorA: ['siteA1', 'siteA2'],
		clientBank: ['siteA1', 'siteA2', 'siteB1', 'siteB2']
	},
	lines: {
		admin: LINES,
		officer: LINES,
		shopper: LINES,
		vendorA: ['lineBankA1', 'lineBankA2', 'lineTelA1', 'lineTelA2'],
		clientBank: BANK_LINES
	},
	memberships: {
		admin: M(PEOPLE),
		officer: M(PEOPLE),
		shopper: ['m:shopper1'],
		vendorA: ['m:vendor-a'],
		clientBank: ['m:client-bank']
	},
	profiles: {
		admin: P(PEOPLE),
		officer: P(PEOPLE),
		shopper: ['p:shopper1'],
		vendorA: ['p:vendor-a'],
		clientBank: ['p:client-bank']
	},
	audit_log: { admin: ['audit'], officer: ['audit'], shopper: [], vendorA: [], clientBank: [] }
};

let w: World;
beforeAll(async () => {
	w = await startWorld();
});
afterAll(() => w?.close());

const OPS = matrixOps(() => w, TABLES);

for (const table of Object.keys(TABLES) as TableName[]) {
	describe(`${table}`, () => {
		for (const [t, role, own, other, ...verdicts] of MATRIX.filter((c) => c[0] === table)) {
			for (const [i, op] of (['select', 'insert', 'update', 'delete'] as const).entries()) {
				for (const [side, label] of [
					[0, own],
					[1, other]
				] as const) {
					const allowed = verdicts[i][side] === 'Y';
					const where =
						side === 0 ? (role === 'anon' ? 'a demo tenant' : 'its own tenant') : 'another tenant';
					it(`${WHO[role]} ${allowed ? 'can' : 'cannot'} ${op} ${t} in ${where} (${label})`, () =>
						OPS[op](role, t, label, allowed));
				}
			}
		}

		for (const role of Object.keys(VISIBLE[table]) as Exclude<Role, 'anon'>[]) {
			const expected = VISIBLE[table][role];
			it(`${WHO[role]} sees exactly ${expected.length ? expected.join(', ') : 'no rows'} in ${table}`, async () => {
				const spec = TABLES[table];
				const { data, error } = await w.as[role].from(table).select('*');
				expect(error).toBeNull();
				const seen = [...new Set((data as Row[]).map((r) => spec.labelOf(w, r)))].sort();
				expect(seen).toEqual([...expected].sort());
			});
		}

		it(`an anonymous caller is refused any read of ${table}`, async () => {
			const { data, error } = await w.as.anon.from(table).select('*');
			expect(error?.code).toBe('42501');
			expect(data).toBeNull();
		});
	});
}
