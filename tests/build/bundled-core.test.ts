/**
 * The headless core as the main-process build bundles it (vite.main.config.ts: one CommonJS file,
 * dependencies external) boots in plain Node: decorators keep their metadata, migrations run, and
 * the bcrypt worker finds bcryptjs from the bundle's own location. The unit tests run the source;
 * this runs what ships.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { createCore as CreateCore } from '../../electron/core';
import { APP_ORIGIN } from '../../shared/csp';
import { memorySecrets, silentLogger } from '../helpers/core';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repo, so the bundle's external requires resolve from node_modules.
const outDir = join(root, 'node_modules', '.cache', `kassa-bundled-core-${process.pid}`);

describe('the bundled core', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('boots from the CommonJS bundle, runs migrations and signs the first admin in', async () => {
    await build({
      configFile: join(root, 'vite.main.config.ts'),
      logLevel: 'warn',
      build: {
        ssr: join(root, 'electron/core/index.ts'),
        outDir,
        emptyOutDir: true,
        rolldownOptions: { output: { entryFileNames: 'core.cjs' } },
      },
    });
    const { createCore } = createRequire(import.meta.url)(join(outDir, 'core.cjs')) as {
      createCore: typeof CreateCore;
    };
    const dir = mkdtempSync(join(tmpdir(), 'kassa-bundle-'));
    const core = await createCore({
      databasePath: join(dir, 'kassa.sqlite'),
      secretStore: memorySecrets(),
      appOrigin: APP_ORIGIN,
      terminalName: 'bundle',
      logger: silentLogger,
    });
    const caller = { origin: APP_ORIGIN, isTopFrame: true, windowId: 1 };
    try {
      expect(await core.invoke('app:status', {}, caller)).toMatchObject({
        ok: true,
        data: {
          setupRequired: true,
          terminalName: 'bundle',
          safeMode: false,
          storage: { ok: true },
        },
      });
      const admin = {
        username: 'ada',
        email: 'ada@shop.test',
        displayName: 'Ada',
        password: 'correct horse battery',
      };
      expect(await core.invoke('setup:createAdmin', admin, caller)).toMatchObject({
        ok: true,
        data: { staff: { username: 'ada', role: 'admin' } },
      });
      await core.invoke('auth:logout', {}, caller);
      expect(
        await core.invoke('auth:login', { identifier: 'ada', password: admin.password }, caller),
      ).toMatchObject({ ok: true });
      // The full check's worker resolves better-sqlite3 from the bundle too (D5).
      expect(await core.checkIntegrity()).toMatchObject({ ok: true, integrity: 'ok' });
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
