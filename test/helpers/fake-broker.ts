import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake broker received. */
export interface BrokerRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

export interface FakeBroker {
  readonly url: string;
  readonly requests: BrokerRequest[];
  close(): Promise<void>;
}

export interface FakeBrokerOptions {
  /** Pacts served for verification, by provider name. */
  readonly pacts?: Readonly<Record<string, readonly object[]>>;
  /** Indexes (into `pacts`) of the pacts that are pending for their provider: no successful verification yet. */
  readonly pending?: Readonly<Record<string, readonly number[]>>;
  /** Work-in-progress pacts, by provider: served (pending) only when the verifier sends `includeWipPactsSince`. */
  readonly wip?: Readonly<Record<string, readonly object[]>>;
}

/** A pact the broker holds: given at start, or published through `pb:publish-contracts`. */
interface HeldPact {
  readonly content: object;
  readonly consumer: string;
  readonly consumerVersion: string | undefined;
}

/** What the broker has recorded, which its can-i-deploy answer is computed from. */
interface Records {
  readonly pacts: Map<string, HeldPact[]>;
  /** Verification results by `provider/index` of the pact. */
  readonly verifications: Map<string, { readonly success: boolean; readonly providerVersion: string }[]>;
  /** `pacticipant@version` → environments it is deployed to (or released in). */
  readonly deployments: Map<string, Set<string>>;
}

/**
 * A stand-in for a Pact Broker (a real one cannot be installed here): the
 * documented endpoints the official CLI and the verifier call (HAL index,
 * `pb:publish-contracts`, pacts for verification, verification results, the
 * matrix, environments, recorded deployments and releases, and PactFlow's
 * `pf:publish-provider-contract`), answering in the
 * shapes pact_broker v2.120 documents, recording every request for the test
 * to assert on, and computing can-i-deploy from the pacts, verification
 * results and deployments it has recorded.
 */
/** WIP pacts are served at indexes from here, after the ordinary ones. */
const WIP_OFFSET = 1000;

export async function startFakeBroker(options: FakeBrokerOptions = {}): Promise<FakeBroker> {
  const requests: BrokerRequest[] = [];
  let base = '';
  const records: Records = { pacts: new Map(), verifications: new Map(), deployments: new Map() };
  for (const [provider, pacts] of Object.entries(options.pacts ?? {})) {
    records.pacts.set(
      provider,
      pacts.map((content) => ({ content, consumer: (content as { consumer?: { name?: string } }).consumer?.name ?? '', consumerVersion: undefined })),
    );
  }
  const held = (provider: string): HeldPact[] => records.pacts.get(provider) ?? [];
  const hal = (status: number, body: unknown) => ({ status, body, type: 'application/hal+json;charset=utf-8' });

  const route = (method: string, path: string, body: unknown, query: URLSearchParams): { status: number; body: unknown; type: string } => {
    if (method === 'GET' && path === '/') {
      return hal(200, {
        _links: {
          self: { href: base },
          'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts' },
          'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, templated: true, title: 'Pact versions to be verified' },
          'pb:matrix': { href: `${base}/matrix`, title: 'Matrix' },
          'pb:pacticipant': { href: `${base}/pacticipants/{pacticipant}`, templated: true },
          'pb:environments': { href: `${base}/environments`, title: 'Environments' },
          // PactFlow's, as its index lists it for the CLI's `pactflow publish-provider-contract`.
          'pf:publish-provider-contract': { href: `${base}/provider-contracts/provider/{provider}/publish`, templated: true, title: 'Publish provider contract' },
        },
      });
    }
    if (method === 'POST' && path === '/contracts/publish') return publish(body);
    const providerContract = /^\/provider-contracts\/provider\/([^/]+)\/publish$/.exec(path);
    if (method === 'POST' && providerContract) return publishProviderContract(decodeURIComponent(providerContract[1]!), body);
    const forVerification = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(path);
    if (forVerification) {
      const provider = decodeURIComponent(forVerification[1]!);
      if (method === 'GET') return hal(200, { _links: { self: { href: `${base}${path}` } } });
      // As the broker does: `pending` is reported only to a verifier that asks (includePendingStatus), WIP pacts only to one that sends includeWipPactsSince.
      const ask = (body ?? {}) as { includePendingStatus?: boolean; includeWipPactsSince?: string };
      const served = held(provider).map((_, i) => ({ i, pending: options.pending?.[provider]?.includes(i) ?? false, wip: false }));
      if (ask.includeWipPactsSince) served.push(...(options.wip?.[provider] ?? []).map((_, j) => ({ i: WIP_OFFSET + j, pending: true, wip: true })));
      const pacts = served.map(({ i, pending, wip }) => ({
        shortDescription: wip ? `WIP pact ${i}` : `pact ${i}`,
        verificationProperties: {
          ...(ask.includePendingStatus ? { pending } : {}),
          ...(wip ? { wip: true } : {}),
          notices: [
            { when: 'before_verification', text: `The pact at ${base}/pacts/${provider}/${i} is being verified${ask.includePendingStatus && pending ? ' (pending)' : ''}` },
            ...(ask.includePendingStatus && pending
              ? [
                  {
                    when: 'after_verification:success_false_published_false',
                    text: 'This pact is in pending state for this version; a failure will not cause the overall verification to fail.',
                  },
                ]
              : []),
          ],
        },
        _links: { self: { href: `${base}/pacts/${encodeURIComponent(provider)}/${i}`, name: `Pact ${i} for ${provider}` } },
      }));
      return hal(200, { _embedded: { pacts }, _links: { self: { href: `${base}${path}` } } });
    }
    const pact = /^\/pacts\/([^/]+)\/(\d+)$/.exec(path);
    if (pact && method === 'GET') {
      const provider = decodeURIComponent(pact[1]!);
      const n = Number(pact[2]);
      const content = n >= WIP_OFFSET ? options.wip?.[provider]?.[n - WIP_OFFSET] : held(provider)[n]?.content;
      if (!content) return hal(404, { error: 'no such pact' });
      return hal(200, {
        ...content,
        _links: {
          self: { href: `${base}${path}` },
          'pb:provider': { href: `${base}/pacticipants/${encodeURIComponent(provider)}`, name: provider },
          'pb:publish-verification-results': { href: `${base}${path}/verification-results`, title: 'Publish verification results' },
        },
      });
    }
    const pacticipant = /^\/pacticipants\/([^/]+)$/.exec(path);
    if (pacticipant && method === 'GET') {
      const name = pacticipant[1]!;
      return hal(200, {
        name: decodeURIComponent(name),
        _links: {
          self: { href: `${base}${path}` },
          'pb:branch-version': { href: `${base}/pacticipants/${name}/branches/{branch}/versions/{version}`, templated: true },
          'pb:version-tag': { href: `${base}/pacticipants/${name}/versions/{version}/tags/{tag}`, templated: true },
        },
      });
    }
    if (method === 'PUT' && /^\/pacticipants\/[^/]+\/branches\/[^/]+\/versions\/[^/]+$/.test(path)) return hal(200, { _links: { self: { href: `${base}${path}` } } });
    const tag = /^\/pacticipants\/[^/]+\/versions\/[^/]+\/tags\/([^/]+)$/.exec(path);
    if (method === 'PUT' && tag) return hal(201, { name: decodeURIComponent(tag[1]!), _links: { self: { href: `${base}${path}` } } });
    const verification = /^\/pacts\/([^/]+)\/(\d+)\/verification-results$/.exec(path);
    if (method === 'POST' && verification) {
      const result = (body ?? {}) as { success?: boolean; providerApplicationVersion?: string };
      const key = `${decodeURIComponent(verification[1]!)}/${verification[2]!}`;
      records.verifications.set(key, [...(records.verifications.get(key) ?? []), { success: result.success ?? false, providerVersion: result.providerApplicationVersion ?? '' }]);
      return hal(201, { success: result.success ?? false, _links: { self: { href: `${base}${path}/1` } } });
    }
    if (method === 'GET' && path === '/environments') {
      const names = ['test', 'staging', 'production'];
      return hal(200, {
        _embedded: {
          environments: names.map((name) => ({
            uuid: `env-${name}`,
            name,
            displayName: name,
            production: name === 'production',
            _links: { self: { href: `${base}/environments/env-${name}` } },
          })),
        },
      });
    }
    const environment = /^\/environments\/env-([^/]+)$/.exec(path);
    if (method === 'GET' && environment) {
      const name = environment[1]!;
      return hal(200, { uuid: `env-${name}`, name, displayName: name, production: name === 'production', _links: { self: { href: `${base}${path}` } } });
    }
    const version = /^\/pacticipants\/([^/]+)\/versions\/([^/]+)$/.exec(path);
    if (method === 'GET' && version) {
      const [name, number] = [decodeURIComponent(version[1]!), decodeURIComponent(version[2]!)];
      return hal(200, {
        number,
        _links: {
          self: { href: `${base}${path}` },
          'pb:record-deployment': [
            { name: 'production', href: `${base}${path}/deployed-versions/environment/env-production` },
            { name: 'staging', href: `${base}${path}/deployed-versions/environment/env-staging` },
            { name: 'test', href: `${base}${path}/deployed-versions/environment/env-test` },
          ],
          'pb:record-release': [
            { name: 'production', href: `${base}${path}/released-versions/environment/env-production` },
            { name: 'staging', href: `${base}${path}/released-versions/environment/env-staging` },
            { name: 'test', href: `${base}${path}/released-versions/environment/env-test` },
          ],
          'pb:pacticipant': { name, href: `${base}/pacticipants/${version[1]!}` },
        },
      });
    }
    const deployment = /^\/pacticipants\/([^/]+)\/versions\/([^/]+)\/(deployed|released)-versions\/environment\/env-([^/]+)$/.exec(path);
    if (method === 'POST' && deployment) {
      const key = `${decodeURIComponent(deployment[1]!)}@${decodeURIComponent(deployment[2]!)}`;
      records.deployments.set(key, new Set([...(records.deployments.get(key) ?? []), deployment[4]!]));
      return hal(201, {
        uuid: `${deployment[3]}-1`,
        currentlyDeployed: true,
        _embedded: { environment: { name: deployment[4]!, displayName: deployment[4]! } },
        _links: { self: { href: `${base}${path}` } },
      });
    }
    if (method === 'GET' && path === '/matrix') return hal(200, matrix(query));
    return hal(404, { error: `the fake broker has no ${method} ${path}` });
  };

  /**
   * can-i-deploy, from what the broker recorded: a consumer version may go to
   * an environment when each pact it published was verified successfully by
   * a provider version deployed (or released) there.
   */
  const matrix = (query: URLSearchParams) => {
    const pacticipant = query.get('q[][pacticipant]') ?? '';
    const version = query.get('q[][version]') ?? '';
    const to = query.get('environment') ?? '';
    const pending: string[] = [];
    const published = [...records.pacts.entries()].flatMap(([provider, pacts]) =>
      pacts.flatMap((p, i) => (p.consumer === pacticipant && p.consumerVersion === version ? [{ provider, i }] : [])),
    );
    if (published.length === 0) pending.push(`There is no pact published by ${pacticipant} version ${version}`);
    for (const { provider, i } of published) {
      const ok = (records.verifications.get(`${provider}/${i}`) ?? []).filter((r) => r.success);
      if (ok.length === 0) pending.push(`There is no verified pact between ${pacticipant} (${version}) and ${provider}`);
      else if (!ok.some((r) => records.deployments.get(`${provider}@${r.providerVersion}`)?.has(to)))
        pending.push(`No version of ${provider} that verified it is deployed to ${to}`);
    }
    const deployable = pending.length === 0;
    const reason = deployable ? 'All required verification results are published and successful' : pending.join('; ');
    return {
      summary: { deployable, reason, success: published.length - pending.length, failed: 0, unknown: pending.length },
      notices: [{ type: deployable ? 'success' : 'error', text: reason }],
      matrix: [],
    };
  };

  const publish = (body: unknown) => {
    const b = body as { pacticipantName?: string; pacticipantVersionNumber?: string; branch?: string; contracts?: { consumerName?: string }[] } | undefined;
    const errors: Record<string, string[]> = {};
    if (!b?.pacticipantName) errors['pacticipantName'] = ['is missing'];
    if (!b?.pacticipantVersionNumber) errors['pacticipantVersionNumber'] = ['is missing'];
    if (b?.contracts?.some((c) => c.consumerName !== b.pacticipantName)) errors['contracts'] = ['consumerName must match pacticipantName'];
    if (Object.keys(errors).length) return { status: 400, body: { errors }, type: 'application/json' };
    const name = b!.pacticipantName!;
    const version = b!.pacticipantVersionNumber!;
    const versionHref = `${base}/pacticipants/${name}/versions/${version}`;
    const contracts = (b!.contracts ?? []).map((c) => {
      const provider = (c as { providerName?: string }).providerName ?? '';
      const content = (c as { content?: string }).content;
      if (content !== undefined) {
        records.pacts.set(provider, [
          ...held(provider),
          { content: JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as object, consumer: name, consumerVersion: version },
        ]);
      }
      return { title: 'Pact', name: `Pact between ${name} (${version}) and ${provider}`, href: `${base}/pacts/provider/${provider}/consumer/${name}/version/${version}` };
    });
    return hal(200, {
      logs: contracts.map((c) => ({ level: 'info', message: `Published ${c.name}`, deprecationWarning: 'Replaced by notices' })),
      notices: contracts.map((c) => ({ type: 'success', text: `Published ${c.name}` })),
      _embedded: {
        pacticipant: { name, _links: { self: { href: `${base}/pacticipants/${name}` } } },
        version: { number: version, ...(b!.branch ? { branch: b!.branch } : {}), _links: { self: { title: 'Version', name: version, href: versionHref } } },
      },
      _links: {
        'pb:pacticipant': { title: 'Pacticipant', name, href: `${base}/pacticipants/${name}` },
        'pb:pacticipant-version': { title: 'Pacticipant version', name: version, href: versionHref },
        'pb:pacticipant-version-tags': [],
        'pb:contracts': contracts,
      },
    });
  };

  /**
   * PactFlow's provider-contract publication (bi-directional contract testing), as
   * PactFlow's pact with the Pact Broker client shows it ("a request to publish a
   * provider contract", pact_broker-client doc/pacts/markdown/Pact Broker Client -
   * PactFlow.md): the provider version, branch, tags and build URL, and the
   * contract (base64 content, content type, specification `oas`) with its
   * self-verification results (success, base64 content, content type, format,
   * verifier and its version). Answers 200 with notices, the version and its links.
   */
  const publishProviderContract = (provider: string, body: unknown) => {
    const b = body as
      { pacticipantVersionNumber?: string; branch?: string; tags?: string[]; contract?: { content?: string; contentType?: string; specification?: string } } | undefined;
    const errors: Record<string, string[]> = {};
    if (!b?.pacticipantVersionNumber) errors['pacticipantVersionNumber'] = ['is missing'];
    if (!b?.contract?.content) errors['contract.content'] = ['is missing'];
    if (b?.contract?.specification !== 'oas') errors['contract.specification'] = ['must be oas'];
    if (Object.keys(errors).length) return { status: 400, body: { errors }, type: 'application/json' };
    const version = b!.pacticipantVersionNumber!;
    const versionHref = `${base}/pacticipants/${encodeURIComponent(provider)}/versions/${encodeURIComponent(version)}`;
    return hal(200, {
      notices: [{ type: 'success', text: `Published provider contract for ${provider} version ${version}` }],
      _embedded: { version: { number: version, ...(b!.branch ? { branch: b!.branch } : {}) } },
      _links: {
        'pb:pacticipant-version': { href: versionHref, name: version },
        'pb:pacticipant-version-tags': (b!.tags ?? []).map((tag) => ({ name: tag, href: `${versionHref}/tags/${encodeURIComponent(tag)}` })),
        ...(b!.branch
          ? {
              'pb:branch-version': {
                href: `${base}/pacticipants/${encodeURIComponent(provider)}/branches/${encodeURIComponent(b!.branch)}/versions/${encodeURIComponent(version)}`,
              },
            }
          : {}),
        'pf:provider-contract': {
          href: `${base}/contracts/bi-directional/provider/${encodeURIComponent(provider)}/version/${encodeURIComponent(version)}/provider-contract`,
          title: 'Provider contract',
        },
      },
    });
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        body = raw;
      }
    }
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
    const answer = route(req.method ?? '', url.pathname, body, url.searchParams);
    res.writeHead(answer.status, { 'Content-Type': answer.type }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}
