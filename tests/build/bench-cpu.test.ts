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
  const loop = (n: number) =>
    `for (const s = process.cpuUsage(), u = () => process.cpuUsage(s); u().user + u().system < ${n * 1000};);`;
  return spawn(process.execPath, ['-e', `${loop(ms / 2)} console.log('half'); ${loop(ms / 2)}`]);
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
