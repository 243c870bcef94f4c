import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type StartedCli } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { OCAMBA } from '../helpers/identities.js';
import { findNginx, startNginx, type RunningNginx } from '../helpers/nginx.js';

// A test needing nginx skips only when it is absent and CI is unset; under CI a missing nginx fails (.ci/run installs it).
const nginx = findNginx();
const missing = nginx === undefined && !process.env['CI'];
if (missing) console.warn('test/e2e/replicas.test.ts skipped: nginx is not installed (apt-get install nginx); under CI=true this fails');

const SEEDS = [101, 202, 303];
const CONTACT = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const AUTH = { Authorization: `Bearer ${OCAMBA.keyA}` };

describe.skipIf(missing)('three replicas behind the shipped deploy/nginx.conf, sharded by session', () => {
  let replicas: StartedCli[] = [];
  let balancer: RunningNginx;
  const session = (id: string) => ({ 'X-Sandbox-Session': id });
  /** The replica that answered: each runs with its own seed, which /__admin/health reports. */
  const replicaOf = async (headers: Record<string, string>, prefix = '') => {
    const health = (await (await fetch(`${balancer.url}${prefix}/__admin/health`, { headers })).json()) as { seed: number };
    return SEEDS.indexOf(health.seed);
  };

  beforeAll(async () => {
    if (nginx === undefined) throw new Error('nginx is not installed, and CI is set: .ci/run installs it (apt-get install -y nginx)');
    replicas = await Promise.all(SEEDS.map((seed) => startCli(['--port', '0', '--seed', String(seed), '--trust-proxy', '--log-level', 'warn', '--log-format', 'json'])));
    balancer = await startNginx(
      nginx,
      replicas.map((r) => new URL(r.url).host),
      await freePort(),
    );
  });
  afterAll(async () => {
    await balancer?.stop();
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
  });

  it("keeps a session's writes, journal and scenario on one replica (header and /__session/<id>/ prefix alike), and spreads sessions over all three", async () => {
    const owners = new Map<string, number>();
    for (let i = 0; i < 24; i++) owners.set(`shard-${i}`, await replicaOf(session(`shard-${i}`)));
    // Every replica holds some of the sessions; the same id always lands on the same one, by header or by prefix.
    expect(new Set(owners.values())).toEqual(new Set([0, 1, 2]));
    for (const [id, owner] of [...owners].slice(0, 6)) {
      expect(await replicaOf(session(id))).toBe(owner);
      expect(await replicaOf({}, `/__session/${id}`)).toBe(owner);
    }
    // Requests without a session reach one replica too (its default session), not a different one each time.
    const unsessioned = await replicaOf({});
    for (let i = 0; i < 5; i++) expect(await replicaOf({})).toBe(unsessioned);

    const id = 'shard-0';
    const patched = await fetch(`${balancer.url}${CONTACT}`, {
      method: 'PATCH',
      headers: { ...AUTH, ...session(id), 'Content-Type': 'application/json' },
      body: '{"value":"sharded@example.org"}',
    });
    expect(patched.status).toBe(204);
    // The write is read back through the prefix form of the same session.
    const read = await fetch(`${balancer.url}/__session/${id}/v1/hood/partners/${OCAMBA.partner}/contacts?type=email`, { headers: AUTH });
    expect(((await read.json()) as { items: { value: string }[] }).items[0]?.value).toBe('sharded@example.org');
    const journal = (await (await fetch(`${balancer.url}/__admin/requests`, { headers: session(id) })).json()) as { requests: { method: string; status: number }[] };
    expect(journal.requests.map((r) => [r.method, r.status])).toEqual([
      ['PATCH', 204],
      ['GET', 200],
    ]);
    const activated = await fetch(`${balancer.url}/__session/${id}/__admin/scenario`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"ocamba/bad-gateway"}',
    });
    expect(activated.status).toBe(200);
    // The scenario's own 502 passes through as the replica wrote it: only nginx's failures are rewritten.
    const faulted = await fetch(`${balancer.url}${CONTACT}`, { headers: { ...AUTH, ...session(id) } });
    expect([faulted.status, faulted.headers.get('content-type'), faulted.headers.get('x-sandbox-error')]).toEqual([502, 'text/html', null]);
    expect(await faulted.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it("stopping one replica loses only its sessions: theirs get a prompt 502 replica_unavailable in the sandbox's error shape, the others keep their state", async () => {
    const owned = async (replica: number) => {
      for (let i = 0; ; i++) if ((await replicaOf(session(`stop-${i}`))) === replica) return `stop-${i}`;
    };
    const [lost, kept] = [await owned(1), await owned(2)];
    for (const id of [lost, kept])
      await fetch(`${balancer.url}${CONTACT}`, {
        method: 'PATCH',
        headers: { ...AUTH, ...session(id), 'Content-Type': 'application/json' },
        body: '{"value":"before@example.org"}',
      });

    replicas[1]!.child.kill('SIGTERM');
    await replicas[1]!.exited;

    const started = Date.now();
    const gone = await fetch(`${balancer.url}${CONTACT}`, { headers: { ...AUTH, ...session(lost) } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect([gone.status, gone.headers.get('x-sandbox-error'), gone.headers.get('content-type')]).toEqual([502, 'replica_unavailable', 'application/json; charset=utf-8']);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('replica_unavailable');
    // Not moved to another replica either: a second try fails the same way.
    expect((await fetch(`${balancer.url}/__admin/requests`, { headers: session(lost) })).status).toBe(502);

    const journal = (await (await fetch(`${balancer.url}/__admin/requests`, { headers: session(kept) })).json()) as { session: string; requests: { method: string }[] };
    expect([journal.session, journal.requests.map((r) => r.method)]).toEqual([kept, ['PATCH']]);
  });
});
