import type { SandboxIdentity } from '../../core/vendor-module.js';

/** README "Sandbox identities" (shared/notes/sandbox-identities.md): the default fixtures hold both accounts. */
export const identities: readonly SandboxIdentity[] = [
  {
    name: 'sandbox account',
    sentAs: 'headers',
    credentials: {
      'X-Ipay-Client-Id': 'hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=',
      'X-Ipay-Client-Secret': '95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f',
      'X-Ipay-Auth-Code': '1',
    },
    note: 'environment "SANDBOX"; contact 645383ba4acec95a32089822 (Business Name), tags 645381c92c8e9e093406ccb2 and 645b280e95335f08eb021aa2; any X-Ipay-Endpoint-Ip',
  },
  {
    name: 'live account',
    sentAs: 'headers',
    credentials: {
      'X-Ipay-Client-Id': 'g3knLSEQk3FJ2+XwA7U0ubbNkjV00UqJ9LWDmUeMc1c=',
      'X-Ipay-Client-Secret': 'af64400aa8308a6aba8389e07d8a70ebbd3fb2201f5fb2e8525728d24b58e92a',
      'X-Ipay-Auth-Code': '1',
    },
    note: 'environment "LIVE", userId 189590; the same contact and tags, and contact 645b283b9b2e242ec80dd5c2',
  },
];
