import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';

describe('contact-sandbox CLI edges', () => {
  it.each([['frobnicate'], ['frobnicate', '--port', '0'], ['serv']])('names an unknown command as such (%j), exit 2', async (...args) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: unknown command '${args[0]}' (commands: serve, verify, proxy, drift, replay, coverage, check-pact, help)\n`);
    expect(stdout).toBe('');
  });

  it('still takes options without a command as serve, and the known commands', async () => {
    expect((await runCli(['verify', '--help'])).code).toBe(0);
    expect((await runCli(['help', 'verify'])).stdout).toContain('Usage: contact-sandbox verify [options]');
    expect((await runCli(['help', 'check-pact'])).stdout).toContain('Usage: contact-sandbox check-pact [options]');
    expect((await runCli(['serve', '--port', 'abc'])).stderr).toMatch(/--port must be an integer/);
  });

  it('ends quietly (exit 0, nothing on stderr) when the reader of its output has gone (`help verify | head -1`)', async () => {
    const child = spawn(process.execPath, [CLI, 'help', 'verify'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Close the read end before the CLI has written a byte: its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
