/**
 * The category tree built from its rows, without the database: display order, depth, paths and
 * product counts (issue 11, section 1). The tree is small (a shop has tens, at most a few hundred
 * categories), so it is read whole.
 */
import type { CategoryView } from '../../../shared/contract/categories';

/** A categories row as raw SQL returns it. */
export interface CategoryRow {
  id: number;
  name: string;
  parent_id: number | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** More levels than any sound tree has: where a walk up or down the tree gives up. */
const WALK_LIMIT = 16;

/** The key two sibling names must not share: NFC, lower case ("Getränke" = "GETRÄNKE"). */
export function categoryNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export class CategoryTree {
  private readonly byId = new Map<number, CategoryRow>();
  private readonly children = new Map<number | null, CategoryRow[]>();

  constructor(rows: CategoryRow[]) {
    for (const raw of rows) {
      const r = {
        ...raw,
        id: Number(raw.id),
        parent_id: raw.parent_id === null ? null : Number(raw.parent_id),
      };
      this.byId.set(r.id, r);
      const siblings = this.children.get(r.parent_id) ?? [];
      siblings.push(r);
      this.children.set(r.parent_id, siblings);
    }
    // A fixed collation (not the machine's locale), so every till lists the tree in one order.
    const order = (a: CategoryRow, b: CategoryRow) =>
      categoryNameKey(a.name).localeCompare(categoryNameKey(b.name), 'en') || a.id - b.id;
    for (const list of this.children.values()) list.sort(order);
  }

  get(id: number): CategoryRow | undefined {
    return this.byId.get(id);
  }

  /**
   * The category and its ancestors, from the top down. The walk stops at WALK_LIMIT steps, so a
   * cycle (which the service never writes) cannot hang the process.
   */
  private chain(id: number): CategoryRow[] {
    const rows: CategoryRow[] = [];
    let r = this.byId.get(id);
    while (r && rows.length < WALK_LIMIT) {
      rows.unshift(r);
      r = r.parent_id === null ? undefined : this.byId.get(r.parent_id);
    }
    return rows;
  }

  /** 1 for a top-level category. */
  depth(id: number): number {
    return this.chain(id).length;
  }

  /** The names from the top down. */
  path(id: number): string[] {
    return this.chain(id).map((r) => r.name);
  }

  /** The category and every category below it. */
  subtree(id: number): number[] {
    const out = [id];
    for (let i = 0; i < out.length; i++)
      for (const c of this.children.get(out[i]!) ?? []) if (!out.includes(c.id)) out.push(c.id);
    return out;
  }

  /** Levels from the category down to its deepest descendant: 1 for a leaf. */
  height(id: number, limit = WALK_LIMIT): number {
    const kids = limit > 1 ? (this.children.get(id) ?? []) : [];
    return 1 + Math.max(0, ...kids.map((k) => this.height(k.id, limit - 1)));
  }

  /** Live (not archived) direct sub-categories. */
  liveChildren(id: number): CategoryRow[] {
    return (this.children.get(id) ?? []).filter((c) => c.archived_at === null);
  }

  /**
   * Every category as a view, depth first with siblings by name. `counts` maps a category id to
   * its products that are not archived. Archived categories are left out unless `includeArchived`.
   */
  views(counts: Map<number, number>, includeArchived: boolean): CategoryView[] {
    const out: CategoryView[] = [];
    const visit = (parent: number | null): void => {
      for (const r of this.children.get(parent) ?? []) {
        if (r.archived_at !== null && !includeArchived) continue;
        out.push(this.view(r.id, counts));
        visit(r.id);
      }
    };
    visit(null);
    return out;
  }

  /** One category's view; `totalProductCount` counts its whole subtree. */
  view(id: number, counts: Map<number, number>): CategoryView {
    const r = this.byId.get(id)!;
    const own = counts.get(id) ?? 0;
    return {
      id: r.id,
      name: r.name,
      parentId: r.parent_id,
      depth: this.depth(id),
      path: this.path(id),
      productCount: own,
      totalProductCount: this.subtree(id).reduce((n, c) => n + (counts.get(c) ?? 0), 0),
      archived: r.archived_at !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }
}
