import { Writable } from 'node:stream';
import { pino } from 'pino';
import pretty from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { prettyMessage, prettyOptions } from '../../mock-server/src/core/logger.js';

describe('the pretty (terminal) log line', () => {
  it('shows session, vendor, operation, status, ms and scenario on the one request line', () => {
    let out = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString('utf8');
        done();
      },
    });
    const log = pino({ base: null }, pretty({ ...prettyOptions(false), destination }));
    log.info({ session: 'ci-7', vendor: 'ocamba', operation: 'listPartners', status: 200, ms: 1.234, scenario: 'default' }, 'GET /v1/hood/partners 200');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/v1\/hood\/partners 200 session=ci-7 vendor=ocamba operation=listPartners status=200 ms=1.234 scenario=default$/,
    );
  });

  it('names a fault, and leaves out fields a line does not have', () => {
    expect(
      prettyMessage(
        {
          msg: 'PATCH /x connection-reset',
          session: 'default',
          vendor: 'ocamba',
          operation: 'updatePartnerContact',
          status: 0,
          ms: 2,
          scenario: 'ocamba/flaky-network',
          fault: 'connection-reset',
        },
        'msg',
      ),
    ).toBe('PATCH /x connection-reset session=default vendor=ocamba operation=updatePartnerContact status=0 ms=2 scenario=ocamba/flaky-network fault=connection-reset');
    expect(prettyMessage({ msg: 'GET /nope 404', session: 'default', vendor: null, operation: null, status: 404, ms: 0.5, scenario: null }, 'msg')).toBe(
      'GET /nope 404 session=default status=404 ms=0.5',
    );
    expect(prettyMessage({ msg: 'stopping', signal: 'SIGTERM' }, 'msg')).toBe('stopping');
  });
});
