/** A product category (issue 11, section 1); see migrations/1790000009000-ProductCategories.ts. */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'categories' })
@Index('IDX_categories_parent', ['parentId'])
// One live name per parent whatever its case: an expression and partial index on
// (COALESCE(parent_id, 0), name_key) that TypeORM cannot describe, so it leaves it alone.
@Index('UQ_categories_sibling_name', { synchronize: false })
export class CategoryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** `name` in NFC, lower case: the sibling check's key (categories/category-name.ts). */
  @Column({ name: 'name_key', type: 'varchar', length: 120 })
  nameKey: string;

  /** NULL for a top-level category. */
  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne('CategoryEntity', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_categories_parent' })
  parent?: CategoryEntity | null;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;

  /** UTC; set when archived (soft delete: reports group by category). */
  @Column({ name: 'archived_at', type: 'varchar', length: 24, nullable: true })
  archivedAt: string | null;
}
