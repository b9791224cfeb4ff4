/** Display names for enum values the database returns. */
import { m } from '$lib/paraglide/messages';
import type { AppRole, OrganisationKind } from '$lib/auth/roles';

const ROLE: Record<AppRole, () => string> = {
	admin: m.role_admin,
	compliance_officer: m.role_compliance_officer,
	shopper: m.role_shopper,
	vendor_manager: m.role_vendor_manager,
	client_viewer: m.role_client_viewer
};

const KIND: Record<OrganisationKind, () => string> = {
	audit: m.kind_audit,
	client: m.kind_client,
	vendor: m.kind_vendor
};

/** The role's name in the current locale. */
export const roleLabel = (role: AppRole): string => ROLE[role]();

/** The organisation kind's name in the current locale. */
export const kindLabel = (kind: OrganisationKind): string => KIND[kind]();
