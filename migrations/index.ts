/**
 * Every migration, in the order it runs. Pass classes, not a glob: globs of .ts files fail under
 * Vitest and do not survive bundling. Each class has an explicit `name` so minifiers can't break it.
 */
import { InitialStaffAuthAudit1764000000000 } from './1764000000000-InitialStaffAuthAudit';
import { RetailSales1764100000000 } from './1764100000000-RetailSales';
import { NoReplaceAndAuditSeal1790000001000 } from './1790000001000-NoReplaceAndAuditSeal';

export const MIGRATIONS = [
  InitialStaffAuthAudit1764000000000,
  RetailSales1764100000000,
  NoReplaceAndAuditSeal1790000001000,
];
