/**
 * Issue 12, section 2, on a SQLite till: the audited writes that change the catalogue, settings or
 * staff announce their topic in-process once committed (`Core.onStoreChange`), a write that fails
 * announces nothing, and the audit actions map onto the closed list of topics.
 */
import type { StoreChangeTopic } from '../../shared/contract/store-changes';
import { changedTopics } from '../../electron/core/db/store-changes';
import { ADMIN, makeTestCore, resultCode, withAdmin } from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';

// SQLite only: on a server the notices are postgres-notify's.
describe.skipIf(ON_POSTGRES)('store changes on one till (SQLite)', () => {
  it('maps audit actions onto topics', () => {
    expect(changedTopics('product.update')).toEqual(['catalogue']);
    expect(changedTopics('category.archive')).toEqual(['catalogue']);
    expect(changedTopics('settings.update')).toEqual(['settings']);
    expect(changedTopics('settings.sms_test')).toEqual([]);
    expect(changedTopics('role.update')).toEqual(['staff']);
    expect(changedTopics('import.online_retail')).toEqual(['catalogue', 'staff']);
    expect(changedTopics('sale.complete')).toEqual([]);
    expect(changedTopics('auth.login')).toEqual([]);
  });

  it('announces committed changes once each, and nothing for a failed write', async () => {
    const t = await makeTestCore();
    try {
      await withAdmin(t);
      const topics: StoreChangeTopic[] = [];
      let wake = () => {};
      t.core.onStoreChange((topic) => {
        topics.push(topic);
        wake();
      });
      const heard = (topic: StoreChangeTopic) =>
        new Promise<void>((resolve) => {
          wake = () => topics.includes(topic) && resolve();
          wake();
        });
      await t.must('products:create', { sku: 'MUG', name: 'Mug', price: 250, taxRateBps: 2000 });
      await heard('catalogue');
      const taken = await t.call('products:create', {
        sku: 'MUG',
        name: 'Mug again',
        price: 250,
        taxRateBps: 2000,
      });
      expect(resultCode(taken)).toBe('CONFLICT');
      await t.must('auth:reauthenticate', { password: ADMIN.password });
      // Two settings in one write: one announcement.
      await t.must('settings:update', { storeName: 'Corner Shop', idleLockMinutes: 7 });
      await heard('settings');
      expect(topics).toEqual(['catalogue', 'settings']);
    } finally {
      await t.close();
    }
  });
});
