/**
 * GET /rest/v1/ — the OpenAPI 2.0 (Swagger) description PostgREST serves at its root: the tables,
 * views and functions of `public` the caller has privileges on, their columns as definitions, and
 * the shared query parameters.
 */
import type { ApiRequest, ApiResponse } from '../http/types';
import { pgrst } from './errors';
import { callerRows, withSchema, type RestContext } from './exec';
import { acceptList } from './negotiate';
import type { Column, Relation, Routine, SchemaCache } from './schema';

type Json = Record<string, unknown>;

function swaggerType(type: string): Json {
	if (type.endsWith('[]')) return { type: 'array', items: swaggerType(type.slice(0, -2)) };
	if (/^(smallint|integer|bigint)$/.test(type)) return { type: 'integer', format: type };
	if (/^(real|double precision|numeric)/.test(type)) return { type: 'number', format: type };
	if (type === 'boolean') return { type: 'boolean', format: type };
	if (type === 'json' || type === 'jsonb') return { format: type };
	return { type: 'string', format: type };
}

function property(cache: SchemaCache, rel: Relation, c: Column): Json {
	const notes: string[] = [];
	if (rel.pk.includes(c.name)) notes.push('This is a Primary Key.<pk/>');
	const fk = cache.fks.find(
		(f) => f.table === rel.name && f.columns.length === 1 && f.columns[0] === c.name
	);
	if (fk)
		notes.push(
			`This is a Foreign Key to \`${fk.refTable}.${fk.refColumns[0]}\`.<fk table='${fk.refTable}' column='${fk.refColumns[0]}'/>`
		);
	const description = [c.description, notes.length ? `Note:\n${notes.join('\n')}` : null]
		.filter(Boolean)
		.join('\n\n');
	return {
		...swaggerType(c.type),
		...(c.default !== null ? { default: c.default } : {}),
		...(c.enum ? { enum: c.enum } : {}),
		...(description ? { description } : {})
	};
}

const ref = (name: string) => ({ $ref: `#/parameters/${name}` });
const ok = (description: string, schema?: Json) => ({ description, ...(schema ? { schema } : {}) });

function tablePaths(rel: Relation, can: Set<string>): Json {
	const filters = rel.columns.map((c) => ref(`rowFilter.${rel.name}.${c.name}`));
	const tags = [rel.name];
	const path: Json = {};
	if (can.has('SELECT'))
		path.get = {
			tags,
			summary: rel.description ?? undefined,
			parameters: [
				...filters,
				ref('select'),
				ref('order'),
				ref('range'),
				ref('rangeUnit'),
				ref('offset'),
				ref('limit'),
				ref('preferCount')
			],
			responses: {
				'200': ok('OK', { type: 'array', items: { $ref: `#/definitions/${rel.name}` } }),
				'206': ok('Partial Content')
			}
		};
	if (can.has('INSERT') && rel.insertable)
		path.post = {
			tags,
			parameters: [ref(`body.${rel.name}`), ref('select'), ref('preferPost')],
			responses: { '201': ok('Created') }
		};
	if (can.has('UPDATE') && rel.updatable)
		path.patch = {
			tags,
			parameters: [...filters, ref(`body.${rel.name}`), ref('preferReturn')],
			responses: { '204': ok('No Content') }
		};
	if (can.has('DELETE') && rel.deletable)
		path.delete = {
			tags,
			parameters: [...filters, ref('preferReturn')],
			responses: { '204': ok('No Content') }
		};
	return path;
}

function rpcPaths(r: Routine): Json {
	const required = r.args.filter((a) => !a.hasDefault).map((a) => a.name);
	const tags = [`(rpc) ${r.name}`];
	const post: Json = {
		tags,
		summary: r.description ?? undefined,
		parameters: [
			{
				in: 'body',
				name: 'args',
				required: true,
				schema: {
					type: 'object',
					required,
					properties: Object.fromEntries(r.args.map((a) => [a.name, swaggerType(a.type)]))
				}
			},
			ref('preferParams')
		],
		responses: { '200': ok('OK') }
	};
	const get: Json = {
		tags,
		summary: r.description ?? undefined,
		parameters: r.args.map((a) => ({
			in: 'query',
			name: a.name,
			required: !a.hasDefault,
			...swaggerType(a.type)
		})),
		responses: { '200': ok('OK') }
	};
	return { get, post };
}

const sharedParameters: Json = {
	preferParams: {
		name: 'Prefer',
		description: 'Preference',
		required: false,
		in: 'header',
		type: 'string',
		enum: ['params=single-object']
	},
	preferReturn: {
		name: 'Prefer',
		description: 'Preference',
		required: false,
		in: 'header',
		type: 'string',
		enum: ['return=representation', 'return=minimal', 'return=none']
	},
	preferCount: {
		name: 'Prefer',
		description: 'Preference',
		required: false,
		in: 'header',
		type: 'string',
		enum: ['count=none']
	},
	preferPost: {
		name: 'Prefer',
		description: 'Preference',
		required: false,
		in: 'header',
		type: 'string',
		enum: [
			'return=representation',
			'return=minimal',
			'return=none',
			'resolution=ignore-duplicates',
			'resolution=merge-duplicates'
		]
	},
	select: {
		name: 'select',
		description: 'Filtering Columns',
		required: false,
		in: 'query',
		type: 'string'
	},
	on_conflict: {
		name: 'on_conflict',
		description: 'On Conflict',
		required: false,
		in: 'query',
		type: 'string'
	},
	order: { name: 'order', description: 'Ordering', required: false, in: 'query', type: 'string' },
	range: {
		name: 'Range',
		description: 'Limiting and Pagination',
		required: false,
		in: 'header',
		type: 'string'
	},
	rangeUnit: {
		name: 'Range-Unit',
		description: 'Limiting and Pagination',
		required: false,
		default: 'items',
		in: 'header',
		type: 'string'
	},
	offset: {
		name: 'offset',
		description: 'Limiting and Pagination',
		required: false,
		in: 'query',
		type: 'string'
	},
	limit: {
		name: 'limit',
		description: 'Limiting and Pagination',
		required: false,
		in: 'query',
		type: 'string'
	}
};

/** Which relations and functions the caller may use, as PostgREST's follow-privileges mode shows. */
const PRIVILEGES_SQL = `select c.relname as name, array_remove(array[
	case when has_table_privilege(c.oid, 'SELECT') then 'SELECT' end,
	case when has_table_privilege(c.oid, 'INSERT') then 'INSERT' end,
	case when has_table_privilege(c.oid, 'UPDATE') then 'UPDATE' end,
	case when has_table_privilege(c.oid, 'DELETE') then 'DELETE' end], null) as privs
	from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'm', 'f', 'p')
	union all
	select 'rpc/' || p.proname, array['EXECUTE'] from pg_proc p
	where p.pronamespace = 'public'::regnamespace and p.prokind = 'f' and has_function_privilege(p.oid, 'EXECUTE')`;

/** GET /rest/v1/: the Swagger 2.0 document for what the caller may use. */
export async function openApi(req: ApiRequest, ctx: RestContext): Promise<ApiResponse> {
	const accept = acceptList(req.header('accept'));
	const okType = accept.some((m) =>
		['*/*', 'application/*', 'application/json', 'application/openapi+json'].includes(m.type)
	);
	if (!okType) {
		throw pgrst(
			406,
			'PGRST107',
			`None of these media types are available: ${accept.map((m) => m.type).join(', ')}`
		);
	}
	return withSchema(ctx.db, async (cache) => {
		const rows = await callerRows<{ name: string; privs: string[] }>(ctx, PRIVILEGES_SQL);
		const privs = new Map(rows.map((r) => [r.name, new Set(r.privs)]));
		const paths: Json = {
			'/': {
				get: {
					tags: ['Introspection'],
					summary: 'OpenAPI description (this document)',
					produces: ['application/openapi+json', 'application/json'],
					responses: { '200': ok('OK') }
				}
			}
		};
		const definitions: Json = {};
		const parameters: Json = { ...sharedParameters };
		for (const rel of [...cache.relations.values()].sort((a, b) => a.name.localeCompare(b.name))) {
			const can = privs.get(rel.name);
			if (!can?.size) continue;
			paths[`/${rel.name}`] = tablePaths(rel, can);
			definitions[rel.name] = {
				type: 'object',
				...(rel.description ? { description: rel.description } : {}),
				required: rel.columns.filter((c) => !c.nullable && !c.hasDefault).map((c) => c.name),
				properties: Object.fromEntries(rel.columns.map((c) => [c.name, property(cache, rel, c)]))
			};
			parameters[`body.${rel.name}`] = {
				name: rel.name,
				description: rel.name,
				required: false,
				in: 'body',
				schema: { $ref: `#/definitions/${rel.name}` }
			};
			for (const c of rel.columns) {
				parameters[`rowFilter.${rel.name}.${c.name}`] = {
					name: c.name,
					required: false,
					in: 'query',
					type: 'string',
					format: c.type
				};
			}
		}
		for (const [name, list] of [...cache.routines].sort((a, b) => a[0].localeCompare(b[0]))) {
			if (!privs.has(`rpc/${name}`)) continue;
			const r = list.find((x) => x.args.every((a) => a.name !== '')) ?? list[0];
			paths[`/rpc/${name}`] = rpcPaths(r);
		}
		const doc = {
			swagger: '2.0',
			info: { title: 'standard public schema', description: '', version: 'supabase/local' },
			host: req.header('host') ?? '',
			basePath: '/',
			schemes: ['http'],
			consumes: ['application/json', 'application/vnd.pgrst.object+json', 'text/csv'],
			produces: ['application/json', 'application/vnd.pgrst.object+json', 'text/csv'],
			paths,
			definitions,
			parameters,
			externalDocs: {
				description: 'PostgREST Documentation',
				url: 'https://postgrest.org/en/v12/references/api.html'
			}
		};
		return {
			status: 200,
			headers: { 'content-type': 'application/openapi+json; charset=utf-8', ...ctx.headers },
			body: JSON.stringify(doc)
		};
	});
}
