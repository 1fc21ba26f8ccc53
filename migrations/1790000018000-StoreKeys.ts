/**
 * Issue 12: one key for the secrets a store's tills share, held by every till and by no server.
 *
 * On a store server the TOTP seeds, the SMTP password and the SMS provider's credentials live in
 * shared tables, but each till sealed them with its own keychain's data-protection key: a member
 * who enrolled 2FA on till 1 could not sign in on till 2, and e-mail or SMS set up on one till
 * failed on every other. They are sealed with the store key instead (electron/core/secrets/
 * store-key.ts):
 * - `tills.public_key`: each till's X25519 public key (base64), its private key in its keychain;
 * - `store_keys`: the store key, wrapped for one till with HPKE (RFC 9180) to its public key, one
 *   row per till. A till that holds the key wraps it for each till that has none. The server thus
 *   holds the key only in forms that a till's keychain opens.
 * SQLite files keep sealing with the till's own data key and never use the table.
 */
import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

export class StoreKeys1790000018000 implements MigrationInterface {
  name = 'StoreKeys1790000018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tills ADD COLUMN public_key varchar(64)');
    await q.createTable(
      new Table({
        name: 'store_keys',
        columns: [
          { name: 'till_id', type: 'integer', isPrimary: true },
          { name: 'wrapped', type: 'varchar', length: '200' },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_store_keys_till',
            columnNames: ['till_id'],
            referencedTableName: 'tills',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('store_keys');
    await q.query('ALTER TABLE tills DROP COLUMN public_key');
  }
}
