/**
 * Build step (after precompile): loads every vendor's fixture sets as start-up
 * does, which checks them against the contracts with the precompiled
 * validators, and writes the keys of the checks that passed to
 * dist/compiled/fixtures.checked.json. Start-up then skips those checks
 * (core/fixture-checks.ts, decision 0034); fixtures or a contract changed
 * after the build no longer match their key and are checked at start again.
 * The scenario files, each vendor's default settings and its fixture sets likewise (core/build-checks.ts).
 * A fixture that breaks its contract fails the build here.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { BUILD_CHECKS_FILE, BuildChecks } from '../core/build-checks.js';
import { createSandboxApp } from '../core/create-sandbox.js';
import { CHECKED_FIXTURES_FILE } from '../core/fixture-checks.js';
import { DEFAULT_DIRS } from '../core/paths.js';
import { GENERATED_VENDOR_IDS } from '../generated-names.js';
import { VENDORS } from '../vendors/index.js';

// Lists left from an earlier build must not excuse a check now.
rmSync(CHECKED_FIXTURES_FILE, { force: true });
rmSync(BUILD_CHECKS_FILE, { force: true });
const log = pino({ level: 'silent' });
const keys = VENDORS.flatMap((vendor) => vendor.prepare({ contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures, log }).contract.checkedFixtures);
writeFileSync(CHECKED_FIXTURES_FILE, `${JSON.stringify([...new Set(keys)].sort())}\n`);
process.stdout.write(`checked ${keys.length} fixture lists of ${VENDORS.length} vendors against their contracts into ${CHECKED_FIXTURES_FILE}\n`);

// The scenario and settings checks, run as a start-up with the default directories runs them.
const checks = BuildChecks.none();
createSandboxApp({ vendors: VENDORS, knownVendorIds: GENERATED_VENDOR_IDS, logger: log }, checks);
writeFileSync(BUILD_CHECKS_FILE, `${JSON.stringify(checks.passedNow)}\n`);
process.stdout.write(`checked the scenario files, default settings and fixture sets (${checks.passedNow.length} checks) into ${BUILD_CHECKS_FILE}\n`);
