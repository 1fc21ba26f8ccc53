/**
 * The bench's CPU accounting (scripts/bench/cpu.ts), which the store-server rows divide by the
 * sales to say where the CPU went (issue 12, section 5): a process tree's CPU time counts its
 * children while they run and after they have exited, as a PostgreSQL server's sessions do.
 */
import { spawn } from 'node:child_process';
import { machineCpuMs, processTreeCpuMs } from '../../scripts/bench/cpu';

/**
 * A child of this process that uses `ms` of CPU time (not wall time: a loaded machine only makes
 * it take longer), says "half" halfway, then exits.
 */
function burn(ms: number) {
  return spawn(process.execPath, [
    '-e',
    `${burnCode(ms / 2)} console.log('half'); ${burnCode(ms / 2)}`,
  ]);
}

/** Code that uses `ms` of CPU time (user + system). */
function burnCode(ms: number): string {
  return `for (const s = process.cpuUsage(), u = () => process.cpuUsage(s); u().user + u().system < ${ms * 1000};);`;
}

const exited = (child: ReturnType<typeof spawn>) =>
  new Promise((resolve) => child.once('exit', resolve));

describe('the bench CPU accounting', () => {
  it('counts a child while it runs and after it has exited', async () => {
    const before = processTreeCpuMs(process.pid);
    const child = burn(600);
    const gone = exited(child);
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    const running = processTreeCpuMs(process.pid);
    await gone;
    // Node reaps its children at once; the kernel then adds their time to this process's cutime.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = processTreeCpuMs(process.pid);
    expect(running - before).toBeGreaterThanOrEqual(250);
    expect(after - before).toBeGreaterThanOrEqual(550);
  });

  it('never goes back while the process reaps children during the read', async () => {
    // A parent of its own (as the postmaster is) that starts 20 short children one after another
    // and reaps each as it exits, while this process reads the tree as often as it can.
    const parent = spawn(process.execPath, [
      '-e',
      `const { spawnSync } = require('node:child_process');
       for (let i = 0; i < 20; i++) spawnSync(process.execPath, ['-e', ${JSON.stringify(
         burnCode(15),
       )}]);`,
    ]);
    const gone = exited(parent);
    let done = false;
    void gone.then(() => (done = true));
    const samples: number[] = [];
    while (!done) {
      samples.push(processTreeCpuMs(parent.pid!));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const drops = samples.filter((v, i) => i > 0 && v > 0 && v < samples[i - 1]!);
    expect(samples.length).toBeGreaterThan(100);
    expect(drops).toEqual([]);
  });

  it('answers 0 for a process that is not there', () => {
    expect(processTreeCpuMs(2 ** 22 + 1)).toBe(0);
  });

  it("reads the machine's busy time within its total, both growing", async () => {
    const a = machineCpuMs();
    await exited(burn(200));
    const b = machineCpuMs();
    expect(b.busy - a.busy).toBeGreaterThanOrEqual(150);
    expect(b.total - a.total).toBeGreaterThanOrEqual(b.busy - a.busy);
    expect(b.ioWait).toBeGreaterThanOrEqual(a.ioWait);
  });
});
