import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake broker received. */
export interface BrokerRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
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
  /** What `can-i-deploy` is told. */
  readonly deployable?: boolean;
}

/**
 * A stand-in for a Pact Broker (a real one cannot be installed here): the
 * documented endpoints the official CLI and the verifier call (HAL index,
 * `pb:publish-contracts`, pacts for verification, verification results, the
 * matrix), answering in the shapes pact_broker v2.120 documents, and
 * recording every request for the test to assert on.
 */
export async function startFakeBroker(options: FakeBrokerOptions = {}): Promise<FakeBroker> {
  const requests: BrokerRequest[] = [];
  let base = '';
  const hal = (status: number, body: unknown) => ({ status, body, type: 'application/hal+json;charset=utf-8' });

  const route = (method: string, path: string, body: unknown): { status: number; body: unknown; type: string } => {
    if (method === 'GET' && path === '/') {
      return hal(200, {
        _links: {
          self: { href: base },
          'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts' },
          'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, templated: true, title: 'Pact versions to be verified' },
          'pb:matrix': { href: `${base}/matrix`, title: 'Matrix' },
          'pb:pacticipant': { href: `${base}/pacticipants/{pacticipant}`, templated: true },
        },
      });
    }
    if (method === 'POST' && path === '/contracts/publish') return publish(body);
    const forVerification = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(path);
    if (forVerification) {
      const provider = decodeURIComponent(forVerification[1]!);
      if (method === 'GET') return hal(200, { _links: { self: { href: `${base}${path}` } } });
      const pacts = (options.pacts?.[provider] ?? []).map((_, i) => ({
        shortDescription: `pact ${i}`,
        verificationProperties: { pending: false, notices: [{ when: 'before_verification', text: `The pact at ${base}/pacts/${provider}/${i} is being verified` }] },
        _links: { self: { href: `${base}/pacts/${encodeURIComponent(provider)}/${i}`, name: `Pact ${i} for ${provider}` } },
      }));
      return hal(200, { _embedded: { pacts }, _links: { self: { href: `${base}${path}` } } });
    }
    const pact = /^\/pacts\/([^/]+)\/(\d+)$/.exec(path);
    if (pact && method === 'GET') {
      const provider = decodeURIComponent(pact[1]!);
      const content = options.pacts?.[provider]?.[Number(pact[2])];
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
    if (method === 'POST' && /^\/pacts\/[^/]+\/\d+\/verification-results$/.test(path)) {
      return hal(201, { success: (body as { success?: boolean } | undefined)?.success ?? false, _links: { self: { href: `${base}${path}/1` } } });
    }
    if (method === 'GET' && path === '/matrix') {
      const deployable = options.deployable ?? true;
      return hal(200, {
        summary: {
          deployable,
          reason: deployable ? 'All required verification results are published and successful' : 'The verification failed',
          success: deployable ? 1 : 0,
          failed: deployable ? 0 : 1,
          unknown: 0,
        },
        notices: [{ type: deployable ? 'success' : 'error', text: deployable ? 'All required verification results are published and successful' : 'The verification failed' }],
        matrix: [],
      });
    }
    return hal(404, { error: `the fake broker has no ${method} ${path}` });
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
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, body });
    const answer = route(req.method ?? '', url.pathname, body);
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
