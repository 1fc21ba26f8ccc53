/** Till settings as key/value text rows; typed by settings-service.ts. */
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'settings' })
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 1000 })
  value: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
