import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where `--tls` keeps its certificates unless `--tls-dir` says otherwise (decision 0621). */
export const DEFAULT_TLS_DIR = join(homedir(), '.contact-sandbox', 'tls');

/** A key pair to serve HTTPS with, and the file a client should trust. */
export interface ServerCertificate {
  readonly cert: string;
  readonly key: string;
  /** The CA file to trust once (`ca.pem` of the directory), or the given certificate for `--tls-cert`. */
  readonly trustFile: string;
  /** True when this start made a new certificate (first use, or the old one was near expiry). */
  readonly generated: boolean;
}

const NAMES = { caCert: 'ca.pem', caKey: 'ca-key.pem', cert: 'localhost.pem', key: 'localhost-key.pem' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A leaf lives 397 days (the longest browsers accept) and is replaced a month before it ends; the CA lives 10 years. */
const LEAF_DAYS = 397;
const RENEW_BEFORE_MS = 30 * DAY_MS;

/**
 * The sandbox's local CA and a localhost certificate it signed, made on first
 * use in `dir`. The CA is what a user trusts once; the leaf is renewed under
 * it without asking again. Both keys are written readable by the owner only.
 */
export async function localCertificate(dir: string = DEFAULT_TLS_DIR, now: Date = new Date()): Promise<ServerCertificate> {
  const path = (name: keyof typeof NAMES) => join(dir, NAMES[name]);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Loaded only here: certificate generation pulls in an X.509 library the plain HTTP server never needs.
  const { generate } = await import('selfsigned');
  let generated = false;
  if (!existsSync(path('caCert')) || !existsSync(path('caKey')) || expiresSoon(readFileSync(path('caCert'), 'utf8'), now)) {
    const ca = await generate([{ name: 'commonName', value: 'contact-sandbox local CA' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + 3650 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    });
    writeSecret(path('caKey'), ca.private);
    writeFileSync(path('caCert'), ca.cert);
    generated = true;
  }
  const caCert = readFileSync(path('caCert'), 'utf8');
  if (
    generated ||
    !existsSync(path('cert')) ||
    !existsSync(path('key')) ||
    expiresSoon(readFileSync(path('cert'), 'utf8'), now) ||
    !signedBy(readFileSync(path('cert'), 'utf8'), caCert)
  ) {
    const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + LEAF_DAYS * DAY_MS),
      ca: { key: readFileSync(path('caKey'), 'utf8'), cert: caCert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    writeSecret(path('key'), leaf.private);
    writeFileSync(path('cert'), leaf.cert);
    generated = true;
  }
  return { cert: readFileSync(path('cert'), 'utf8'), key: readFileSync(path('key'), 'utf8'), trustFile: path('caCert'), generated };
}

/** `--tls-cert` / `--tls-key`: the user's own pair, read as given. */
export function givenCertificate(certFile: string, keyFile: string): ServerCertificate {
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), trustFile: certFile, generated: false };
}

function expiresSoon(pem: string, now: Date): boolean {
  return new Date(new X509Certificate(pem).validTo).getTime() - now.getTime() < RENEW_BEFORE_MS;
}

function signedBy(leafPem: string, caPem: string): boolean {
  return new X509Certificate(leafPem).verify(new X509Certificate(caPem).publicKey);
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}
