/** The demo accounts the seed creates (design.md, "Fixed interfaces"); printed on start, used by e2e. */
export const DEMO_PASSWORD = 'clearcall-demo';

export type DemoRole =
	'admin' | 'compliance_officer' | 'shopper' | 'vendor_manager' | 'client_viewer';

export interface DemoAccount {
	email: string;
	role: DemoRole;
	/** Where the app sends this account after sign-in. */
	home: '/app' | '/shopper' | '/portal';
}

const at = (name: string) => `${name}@demo.clearcall.test`;

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: at('admin'), role: 'admin', home: '/app' },
	{ email: at('officer'), role: 'compliance_officer', home: '/app' },
	...Array.from({ length: 10 }, (_, i) => ({
		email: at(`shopper${i + 1}`),
		role: 'shopper' as const,
		home: '/shopper' as const
	})),
	...['a', 'b', 'c'].map((v) => ({
		email: at(`vendor-${v}`),
		role: 'vendor_manager' as const,
		home: '/portal' as const
	})),
	{ email: at('client-bank'), role: 'client_viewer', home: '/portal' },
	{ email: at('client-telecom'), role: 'client_viewer', home: '/portal' }
];

/** A short table for the console: one line per role, shoppers and vendors folded into ranges. */
export function demoLoginLines(): string[] {
	return [
		`admin               ${at('admin')}`,
		`compliance officer  ${at('officer')}`,
		`shopper             ${at('shopper1')} … ${at('shopper10')}`,
		`vendor manager      ${at('vendor-a')}, -b, -c`,
		`client viewer       ${at('client-bank')}, ${at('client-telecom')}`,
		`password            ${DEMO_PASSWORD}`
	];
}
