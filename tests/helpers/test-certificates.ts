/**
 * Certificates for TLS tests, made with the openssl command line: a CA, and a server certificate
 * it signed for 127.0.0.1 (subjectAltName IP, as verify-full checks; RFC 6125). Each call makes
 * a new CA, so a second call's CA does not vouch for the first call's server.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificates {
  /** The CA's certificate, PEM. */
  ca: string;
  /** Paths of the server's certificate and private key (PEM), in `dir`. */
  certFile: string;
  keyFile: string;
}

/** Writes a CA and a 127.0.0.1 server certificate into `dir`; answers the CA's PEM and the paths. */
export function makeTestCertificates(dir: string): TestCertificates {
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const key = ['-newkey', 'rsa:2048', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...key,
    '-days',
    '2',
    '-subj',
    '/CN=Kassa test CA',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.crt'),
  );
  openssl(
    'req',
    '-new',
    ...key,
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(at('san.ext'), 'subjectAltName = IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    at('san.ext'),
    '-out',
    at('server.crt'),
  );
  return {
    ca: readFileSync(at('ca.crt'), 'utf8'),
    certFile: at('server.crt'),
    keyFile: at('server.key'),
  };
}
