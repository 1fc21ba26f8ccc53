/**
 * Keeps the fuzz oracle (F4) in step with the contract's field NAMES, at every depth: a field the
 * oracle does not know would never be fuzzed, and one the contract dropped would make every valid
 * payload fail. Only the names and nesting are read from the zod schemas (through zod 4's `_zod.def`
 * introspection); what is valid stays the oracle's own, hand-written business.
 */
import { joinPath, type Rule } from './fuzz-oracle-rules';

interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  innerType?: ZodLike;
  in?: ZodLike;
  element?: ZodLike;
  options?: ZodLike[];
  values?: unknown[];
}
interface ZodLike {
  _zod: { def: ZodDef };
}

/** Wrappers that change presence or the output, not the shape of what is sent. */
const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'pipe'];

function unwrap(s: ZodLike): ZodDef {
  let d = s._zod.def;
  while (WRAPPERS.includes(d.type)) d = (d.type === 'pipe' ? d.in! : d.innerType!)._zod.def;
  return d;
}

function sameKeys(path: string, inContract: string[], inOracle: string[]): string[] {
  const a = [...inContract].sort().join();
  const b = [...inOracle].sort().join();
  return a === b ? [] : [`${path || '(input)'}: contract fields [${a}], oracle fields [${b}]`];
}

/** Where the contract's schema and the oracle's rule name different fields; [] when in step. */
export function fieldDrift(schema: unknown, rule: Rule, path = ''): string[] {
  const d = unwrap(schema as ZodLike);
  switch (rule.kind) {
    case 'object': {
      if (d.type !== 'object' || !d.shape) return [`${path || '(input)'}: not an object`];
      const shape = d.shape;
      return [
        ...sameKeys(path, Object.keys(shape), Object.keys(rule.fields)),
        ...Object.entries(rule.fields).flatMap(([k, r]) =>
          shape[k] ? fieldDrift(shape[k], r, joinPath(path, k)) : [],
        ),
      ];
    }
    case 'array':
      return d.type === 'array' && d.element
        ? fieldDrift(d.element, rule.of, joinPath(path, 0))
        : [`${path}: not an array`];
    case 'variants': {
      if (d.type !== 'union' || !d.options) return [`${path}: not a union of objects`];
      const byTag = new Map(
        d.options.map((o) => [String(unwrap(o).shape?.[rule.tag]?._zod.def.values?.[0]), o]),
      );
      const tags = sameKeys(`${path} ${rule.tag}`, [...byTag.keys()], Object.keys(rule.variants));
      return [
        ...tags,
        ...Object.entries(rule.variants).flatMap(([tag, fields]) => {
          const option = byTag.get(tag);
          return option
            ? fieldDrift(
                option,
                { kind: 'object', fields: { ...fields, [rule.tag]: { kind: 'bool' } } },
                path,
              )
            : [];
        }),
      ];
    }
    default:
      return [];
  }
}
