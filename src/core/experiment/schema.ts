/**
 * A tiny schema language for plain JSON configs: one description gives both the validator (with
 * messages that name the field, e.g. "split.seed must be a number, found "abc"") and the JSON
 * Schema file shipped for other tools. Why not a JSON Schema library: the common ones compile
 * validators with `new Function`, which a strict Content-Security-Policy forbids, and a config
 * this size needs only these few node kinds.
 */

export type Schema =
  | { kind: 'string'; enum?: readonly string[]; description?: string }
  | {
      kind: 'number';
      integer?: boolean;
      min?: number;
      max?: number;
      exclusiveMin?: number;
      description?: string;
    }
  | { kind: 'boolean'; description?: string }
  | { kind: 'literal'; value: number | string; description?: string }
  | { kind: 'array'; items: Schema; minItems?: number; maxItems?: number; description?: string }
  | { kind: 'tuple'; items: Schema[]; description?: string }
  | {
      kind: 'object';
      fields: Record<string, Schema>;
      optional?: readonly string[];
      /** Keys not in `fields` are allowed (and not checked) when true. */
      open?: boolean;
      description?: string;
    }
  | { kind: 'record'; values: Schema; description?: string }
  | { kind: 'oneOf'; options: Schema[]; description?: string }
  | { kind: 'any'; description?: string };

export const str = (e?: readonly string[], description?: string): Schema => ({
  kind: 'string',
  enum: e,
  description,
});
export const num = (o: Omit<Extract<Schema, { kind: 'number' }>, 'kind'> = {}): Schema => ({
  kind: 'number',
  ...o,
});
export const int = (o: Omit<Extract<Schema, { kind: 'number' }>, 'kind' | 'integer'> = {}): Schema => ({
  kind: 'number',
  integer: true,
  ...o,
});
export const bool = (description?: string): Schema => ({ kind: 'boolean', description });
export const arr = (items: Schema, o: { minItems?: number; maxItems?: number } = {}): Schema => ({
  kind: 'array',
  items,
  ...o,
});
export const obj = (
  fields: Record<string, Schema>,
  optional: readonly string[] = [],
  o: { open?: boolean; description?: string } = {},
): Schema => ({ kind: 'object', fields, optional, ...o });

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function describe(s: Schema): string {
  switch (s.kind) {
    case 'string':
      return s.enum ? `one of ${s.enum.map((e) => `"${e}"`).join(', ')}` : 'a string';
    case 'number':
      return s.integer ? 'an integer' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'literal':
      return JSON.stringify(s.value);
    case 'array':
    case 'tuple':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    case 'oneOf':
      return s.options.map(describe).join(' or ');
    case 'any':
      return 'any value';
  }
}

/** The first problem of `v` against `s`, as a message naming the field path, or undefined when it fits. */
export function check(s: Schema, v: unknown, path: string): string | undefined {
  const bad = () => `${path} must be ${describe(s)}, found ${typeName(v)}.`;
  switch (s.kind) {
    case 'any':
      return undefined;
    case 'string':
      if (typeof v !== 'string' || (s.enum && !s.enum.includes(v))) return bad();
      return undefined;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || (s.integer && !Number.isInteger(v))) return bad();
      if (s.min !== undefined && v < s.min) return `${path} must be at least ${s.min}, found ${v}.`;
      if (s.max !== undefined && v > s.max) return `${path} must be at most ${s.max}, found ${v}.`;
      if (s.exclusiveMin !== undefined && v <= s.exclusiveMin)
        return `${path} must be more than ${s.exclusiveMin}, found ${v}.`;
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : bad();
    case 'literal':
      return v === s.value ? undefined : bad();
    case 'array': {
      if (!Array.isArray(v)) return bad();
      if (s.minItems !== undefined && v.length < s.minItems)
        return `${path} must have at least ${s.minItems} entries, found ${v.length}.`;
      if (s.maxItems !== undefined && v.length > s.maxItems)
        return `${path} must have at most ${s.maxItems} entries, found ${v.length}.`;
      for (let i = 0; i < v.length; i++) {
        const m = check(s.items, v[i], `${path}[${i}]`);
        if (m) return m;
      }
      return undefined;
    }
    case 'tuple': {
      if (!Array.isArray(v) || v.length !== s.items.length)
        return `${path} must be an array of ${s.items.length} values, found ${typeName(v)}.`;
      for (let i = 0; i < v.length; i++) {
        const m = check(s.items[i]!, v[i], `${path}[${i}]`);
        if (m) return m;
      }
      return undefined;
    }
    case 'record': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad();
      for (const [k, x] of Object.entries(v)) {
        const m = check(s.values, x, `${path}.${k}`);
        if (m) return m;
      }
      return undefined;
    }
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad();
      const o = v as Record<string, unknown>;
      for (const [k, fs] of Object.entries(s.fields)) {
        const here = path ? `${path}.${k}` : k;
        if (!(k in o) || o[k] === undefined) {
          if (s.optional?.includes(k)) continue;
          return `${here} is missing.`;
        }
        const m = check(fs, o[k], here);
        if (m) return m;
      }
      if (!s.open)
        for (const k of Object.keys(o))
          if (!(k in s.fields)) return `${path ? `${path}.${k}` : k} is not a known field.`;
      return undefined;
    }
    case 'oneOf':
      return s.options.some((o) => check(o, v, path) === undefined) ? undefined : bad();
  }
}

/** The JSON Schema (draft 2020-12) equivalent of `s`. */
export function toJsonSchema(s: Schema): Record<string, unknown> {
  const d = s.description ? { description: s.description } : {};
  switch (s.kind) {
    case 'any':
      return { ...d };
    case 'string':
      return s.enum ? { ...d, enum: [...s.enum] } : { ...d, type: 'string' };
    case 'number':
      return {
        ...d,
        type: s.integer ? 'integer' : 'number',
        ...(s.min !== undefined ? { minimum: s.min } : {}),
        ...(s.max !== undefined ? { maximum: s.max } : {}),
        ...(s.exclusiveMin !== undefined ? { exclusiveMinimum: s.exclusiveMin } : {}),
      };
    case 'boolean':
      return { ...d, type: 'boolean' };
    case 'literal':
      return { ...d, const: s.value };
    case 'array':
      return {
        ...d,
        type: 'array',
        items: toJsonSchema(s.items),
        ...(s.minItems !== undefined ? { minItems: s.minItems } : {}),
        ...(s.maxItems !== undefined ? { maxItems: s.maxItems } : {}),
      };
    case 'tuple':
      return {
        ...d,
        type: 'array',
        prefixItems: s.items.map(toJsonSchema),
        minItems: s.items.length,
        maxItems: s.items.length,
      };
    case 'record':
      return { ...d, type: 'object', additionalProperties: toJsonSchema(s.values) };
    case 'object':
      return {
        ...d,
        type: 'object',
        properties: Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, toJsonSchema(f)])),
        required: Object.keys(s.fields).filter((k) => !s.optional?.includes(k)),
        additionalProperties: !!s.open,
      };
    case 'oneOf':
      return { ...d, oneOf: s.options.map(toJsonSchema) };
  }
}
