/**
 * bcrypt hashes made by ANOTHER implementation: Debian's python3-bcrypt (the C code of OpenBSD's
 * bcrypt), run as `/usr/bin/python3` (a plain `python3` may be a pyenv build without bcrypt).
 * For the staff import (issue 9, section 7): Kassa must verify hashes it did not make.
 *
 * Python's bcrypt writes `$2b$` by default and `$2a$` with `gensalt(prefix=b"2a")`; `$2y$` (PHP's
 * name for the same fixed algorithm) is made by swapping the prefix of a `$2b$` hash, which is
 * exactly what PHP's crypt_blowfish produces for the same salt.
 */
import { spawnSync } from 'node:child_process';

export interface ForeignHashRequest {
  password: string;
  cost: number;
  variant: '2a' | '2b' | '2y';
}

const SCRIPT = `
import bcrypt, json, sys
out = []
for r in json.load(sys.stdin):
    prefix = b"2a" if r["variant"] == "2a" else b"2b"
    h = bcrypt.hashpw(r["password"].encode("utf-8"), bcrypt.gensalt(r["cost"], prefix=prefix)).decode()
    if r["variant"] == "2y":
        h = "$2y$" + h[4:]
    out.append(h)
json.dump(out, sys.stdout)
`;

/** One hash per request, in order, made in one Python process. */
export function foreignBcrypt(requests: ForeignHashRequest[]): string[] {
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT], {
    input: JSON.stringify(requests),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`python3-bcrypt failed: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as string[];
}

/** Whether python3-bcrypt's own checkpw accepts `password` against `hash` (the reference answer). */
export function foreignCheck(password: string, hash: string): boolean {
  const r = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      'import bcrypt,sys,json; p,h=json.load(sys.stdin); print(bcrypt.checkpw(p.encode("utf-8"), h.replace("$2y$","$2b$",1).encode()))',
    ],
    { input: JSON.stringify([password, hash]), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`python3-bcrypt failed: ${r.stderr}`);
  return r.stdout.trim() === 'True';
}
