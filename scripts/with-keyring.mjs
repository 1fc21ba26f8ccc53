#!/usr/bin/env node
/**
 * Runs a command with a real, private Secret Service so keytar works in tests and CI
 * (docs/security-requirements.md, "Keychain": the keychain is tested for real in CI).
 *
 *   node scripts/with-keyring.mjs vitest run [args…]
 *
 * On Linux, when `dbus-run-session` and `gnome-keyring-daemon` are installed, the command runs as
 *
 *   XDG_DATA_HOME=<fresh dir> dbus-run-session -- bash -c \
 *     'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && <command>'
 *
 * The fresh XDG_DATA_HOME matters: an existing login keyring with another password gives "Cannot
 * create an item in a locked collection". XDG_RUNTIME_DIR is fresh too, so two runs at the same
 * time do not share gnome-keyring's control socket. Both directories are removed afterwards.
 *
 * Elsewhere (macOS and Windows have a native keychain), or when the tools are missing, the command
 * runs directly after a one-line note; the keychain tests then skip unless CI=true.
 *
 * Idempotent: inside a session this script started (KASSA_KEYRING_SESSION=1) it just runs the
 * command. The exit code is forwarded; SIGINT, SIGTERM and SIGHUP are passed on to the child's
 * process group. The keyring daemon is stopped when the command ends.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import process from 'node:process';

const GUARD = 'KASSA_KEYRING_SESSION';
const FORWARDED_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/** Prints one line to stderr, prefixed so it is easy to find in CI logs. */
function note(message) {
  process.stderr.write(`[with-keyring] ${message}\n`);
}

/** Absolute path of an executable on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Spawns `file args`, forwards signals, and resolves with the exit code the wrapper should use:
 * the child's code, or 128 + signal number when it died from a signal (as a shell reports it).
 *
 * On POSIX the child gets its own process group and signals go to the whole group. Otherwise a
 * SIGTERM sent to this wrapper alone (a CI timeout, `kill <pid>`) would stop only
 * dbus-run-session, which does not pass signals on, and leave the test run orphaned.
 */
function run(file, args, options = {}) {
  const posix = process.platform !== 'win32';
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      stdio: 'inherit',
      detached: posix,
      // npm's .bin shims are .cmd files on Windows, which only a shell can start.
      shell: !posix,
      ...options,
    });
    const forward = (signal) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        if (posix) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const done = (code) => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(code);
    };
    child.on('error', (error) => {
      note(`cannot start ${file}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => {
      if (signal) done(128 + (osConstants.signals[signal] ?? 0));
      else done(code ?? 1);
    });
  });
}

/**
 * The script dbus-run-session runs. It unlocks a new login keyring with the password `pass`
 * (an empty one gives "Object does not exist at path …/collection/login"), runs the command
 * given as "$@" (so the caller's arguments need no quoting), and then stops the daemon by the
 * process id that owns org.freedesktop.secrets on this private bus: gnome-keyring-daemon forks
 * into the background and does not always exit when the bus goes away.
 */
const SESSION_SCRIPT = String.raw`
set -u
keyring_pid=
stop_keyring() { if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null || true; fi; }
trap stop_keyring EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
  { echo "[with-keyring] gnome-keyring-daemon did not start" >&2; exit 1; }
keyring_pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
  /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
  string:org.freedesktop.secrets 2>/dev/null | awk '{ print $2 }') || keyring_pid=
"$@"
`;

/** Runs the command as it is, in the current environment. */
function runDirect(command) {
  const [file, ...args] = command;
  return run(file, args);
}

/** Runs the command inside a private D-Bus session with an unlocked gnome-keyring. */
async function runInKeyringSession(command, dbusRunSession) {
  const dataHome = mkdtempSync(join(tmpdir(), 'kassa-keyring-data-'));
  const runtimeDir = mkdtempSync(join(tmpdir(), 'kassa-keyring-run-')); // mkdtemp: mode 0700
  try {
    return await run(
      dbusRunSession,
      ['--', 'bash', '-c', SESSION_SCRIPT, 'with-keyring', ...command],
      {
        env: {
          ...process.env,
          [GUARD]: '1',
          XDG_DATA_HOME: dataHome,
          XDG_RUNTIME_DIR: runtimeDir,
        },
      },
    );
  } finally {
    rmSync(dataHome, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  }
}

async function main() {
  const command = process.argv.slice(2);
  if (command.length === 0) {
    note('usage: node scripts/with-keyring.mjs <command> [args…]');
    return 2;
  }
  if (process.env[GUARD] === '1') return runDirect(command);
  if (process.platform !== 'linux') {
    note(`${process.platform}: using the OS keychain directly.`);
    return runDirect(command);
  }
  const dbusRunSession = which('dbus-run-session');
  const missing = [
    dbusRunSession ? null : 'dbus-run-session',
    which('gnome-keyring-daemon') ? null : 'gnome-keyring-daemon',
    which('bash') ? null : 'bash',
  ].filter(Boolean);
  if (missing.length > 0 || !dbusRunSession) {
    note(
      `${missing.join(', ')} not found (apt-get install dbus dbus-x11 gnome-keyring): running without a private Secret Service; keychain tests skip unless CI=true.`,
    );
    return runDirect(command);
  }
  return runInKeyringSession(command, dbusRunSession);
}

process.exitCode = await main();
