/**
 * Issue 12, section 1 in Chromium: a new till joins a store server from the first-run screen.
 * The window is bridged to a real core that starts on its own SQLite file, and a real throwaway
 * PostgreSQL server. "Test connection" names what failed (a database that does not exist), then
 * passes; "Join the store server" claims the till's name and reopens the core on the server,
 * whose store has no staff yet, so the screen asks for the store's first admin and no longer
 * offers the choice. axe-core finds no critical or serious violation on the choice, the form
 * with its test result, or the first-admin step. Skipped where PostgreSQL is not installed.
 */
import {
  findPostgres,
  createDatabase,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { axeSerious, gone, startHarness, visible, type Harness, type KassaPage } from './harness';

const bin = findPostgres();

describe.skipIf(!bin)('a new till joins a store server from first run (issue 12)', () => {
  let pg: PgServer;
  let till: Harness;
  let w: KassaPage;
  let url: string;

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    url = await createDatabase(pg, 'store');
    till = await startHarness({ firstScreenshot: 260 });
    w = await till.newPage();
    await w.open();
  }, 90_000);
  afterAll(async () => {
    await till?.close();
    pg?.stop();
  });

  it('tests the connection, joins, and asks for the store’s first admin', async () => {
    const { page } = w;
    await visible(page.getByRole('heading', { name: 'Set up Kassa' }));
    expect(await axeSerious(page)).toEqual([]);

    await page.getByText('Join a store server', { exact: true }).click();
    await page.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(pg.port));
    await page.getByLabel('Database', { exact: true }).fill('no_such_store');
    await page.getByLabel('User', { exact: true }).fill('kassa');
    await page.getByLabel('Password', { exact: true }).fill('unused with trust');
    await page.getByLabel('Secure connection (TLS)', { exact: true }).first().click();
    await page.getByRole('option', { name: /^Off/ }).click();
    await page.getByLabel("This till's name").fill('Till 1');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await visible(page.getByText('That database does not exist on the server'));

    await page.getByLabel('Database', { exact: true }).fill('store');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await visible(page.getByText(/^Connected to PostgreSQL 1\d/));
    expect(await axeSerious(page)).toEqual([]);
    await till.screenshot(w, 'join-store-server');

    await page.getByRole('button', { name: 'Join the store server' }).click();
    await visible(page.getByText(/This till has joined the store server/));
    await gone(page.getByText('Join a store server', { exact: true }));
    await visible(page.getByRole('button', { name: 'Create admin' }));
    expect(await axeSerious(page)).toEqual([]);
    await till.screenshot(w, 'joined-first-admin');
    expect(await sqlOn(url, 'SELECT name FROM tills')).toEqual([{ name: 'Till 1' }]);
    w.assertClean();
  }, 60_000);
});
