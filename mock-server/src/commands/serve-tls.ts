import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { DEFAULT_TLS_DIR, givenCertificate, localCertificate, type ServerCertificate } from '../core/local-certificate.js';

/** The TLS options of `serve` (decision 0621). */
export interface TlsCliOptions {
  tls?: boolean;
  tlsPort?: number;
  tlsCert?: string;
  tlsKey?: string;
  tlsDir: string;
}

/** Adds --tls, --tls-port, --tls-cert, --tls-key and --tls-dir to `serve`. */
export function addTlsOptions(command: Command, port: (value: string) => number): Command {
  return command
    .option('--tls', 'serve HTTPS on --port, with a localhost certificate made on first use (see --tls-dir), or --tls-cert/--tls-key')
    .addOption(new Option('--tls-port <port>', 'serve HTTPS on this port too, HTTP staying on --port (implies --tls; 0 = any free port)').argParser(port))
    .option('--tls-cert <file>', 'your own certificate (PEM) for HTTPS, with --tls-key (implies --tls)')
    .option('--tls-key <file>', 'the private key (PEM) of --tls-cert')
    .addOption(new Option('--tls-dir <dir>', 'where the generated CA (ca.pem, the file to trust once) and localhost certificate are kept').default(DEFAULT_TLS_DIR));
}

/** What to listen on: HTTPS on --tls-port beside HTTP on --port, or on --port alone. No certificate: plain HTTP only. */
export async function resolveTls(options: TlsCliOptions, usage: (message: string) => Error): Promise<{ certificate?: ServerCertificate; httpsOnMainPort: boolean }> {
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) throw usage('--tls-cert and --tls-key go together: give both, or neither for a generated certificate');
  const wanted = options.tls === true || options.tlsPort !== undefined || options.tlsCert !== undefined;
  if (!wanted) return { httpsOnMainPort: false };
  for (const file of [options.tlsCert, options.tlsKey]) if (file !== undefined && !existsSync(file)) throw usage(`no such file: ${file} (--tls-cert, --tls-key)`);
  const certificate = options.tlsCert !== undefined && options.tlsKey !== undefined ? givenCertificate(options.tlsCert, options.tlsKey) : await localCertificate(options.tlsDir);
  return { certificate, httpsOnMainPort: options.tlsPort === undefined };
}
