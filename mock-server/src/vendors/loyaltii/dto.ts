import type { IncomingHttpHeaders } from 'node:http';
import type { BodyFormat } from '../../core/body.js';
import { isObject } from '../../core/contract.js';
import type { components } from './generated/contract.js';
import { normalizeDateInput } from './dates.js';
import { AN_ERROR_HAS_OCCURRED, invalidModelError, modelStateKey } from './model-state.js';

type Schemas = components['schemas'];
export type PatchContactDto = Schemas['PatchContactDto'];
export type UpdateContactDto = Schemas['UpdateContactDto'];
export type CreateContactDto = Schemas['CreateContactDto'];
export type PatchContactsDto = Schemas['PatchContactsDto'];

/** What a write changes on a stored contact; a present key is written (null clears), an absent one is kept. */
export interface ContactChanges {
  Email?: string | null;
  PhoneCountryCode?: string | null;
  Phone?: string | null;
  FirstName?: string | null;
  LastName?: string | null;
  LimitMailsPermanently?: boolean;
  LimitMailsTemporarilyUntil?: string | null;
  ProfileLastUpdated?: string | null;
  PreferredStoreId?: number | null;
  ContactCompanyId?: number | null;
  LatestPermissionSource?: string | null;
  Password?: string | null;
}

/** Seed: "The following properties will be set to null if the patch value is "" (empty string): PhoneCountryCode, Phone and Email". */
const NULLED_BY_EMPTY = new Set(['Email', 'PhoneCountryCode', 'Phone']);
/** Fields PATCH, PUT and the bulk PATCH can write, in the DTOs' order. */
const WRITABLE = [
  'Email',
  'PhoneCountryCode',
  'Phone',
  'FirstName',
  'LastName',
  'LimitMailsPermanently',
  'LimitMailsTemporarilyUntil',
  'ProfileLastUpdated',
  'PreferredStoreId',
  'ContactCompanyId',
  'LatestPermissionSource',
] as const;
type Writable = (typeof WRITABLE)[number];
const DATES = new Set(['LimitMailsTemporarilyUntil', 'ProfileLastUpdated', 'RegistrationDateTime']);

type FieldKind = 'string' | 'int' | 'bool' | 'date' | 'bytes';
const KINDS: Readonly<Record<string, FieldKind>> = {
  Version: 'bytes',
  LimitMailsPermanently: 'bool',
  LimitMailsTemporarilyUntil: 'date',
  ProfileLastUpdated: 'date',
  RegistrationDateTime: 'date',
  PreferredStoreId: 'int',
  ContactCompanyId: 'int',
  RegistrationStoreId: 'int',
};

/** One form value as the JSON body would carry it; "" binds as null (Web API's ConvertEmptyStringToNull). */
function fromForm(name: string, value: string): unknown {
  if (value === '') return null;
  switch (KINDS[name] ?? 'string') {
    case 'int':
      return Number(value.trim());
    case 'bool':
      return value.trim().toLowerCase() === 'true';
    default:
      return value;
  }
}

const first = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''));

/** A body (already checked against the contract) as its JSON DTO, whichever format it came in. */
export function dtoOf(body: unknown, format: BodyFormat): Record<string, unknown> {
  if (!isObject(body)) return {};
  if (format !== 'form') return body;
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, fromForm(name, first(value))]));
}

/** The bulk PATCH's form: `KeyType=Id&Keys=1&Keys=2` (or `Keys[0]=1`) and `Fields[FirstName]=Ann`, as MVC-style binders read them. */
export function bulkDtoOf(body: unknown, format: BodyFormat): PatchContactsDto {
  if (!isObject(body)) return {};
  if (format !== 'form') return body as PatchContactsDto;
  const keys: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const field = /^Fields\[(\w+)\]$/.exec(name)?.[1];
    if (name === 'Keys' || /^Keys\[\d+\]$/.test(name)) keys.push(...(Array.isArray(value) ? value.map(String) : [String(value)]));
    else if (field !== undefined) fields[field] = fromForm(field, first(value));
  }
  const keyType = first(body['KeyType']);
  return { ...(keyType === '' ? {} : { KeyType: keyType === '0' ? 0 : 'Id' }), Keys: keys, Fields: fields as PatchContactsDto['Fields'] };
}

/**
 * Dates in round-trip format. The contract's pattern lets through what only a
 * calendar refuses (30 February); Json.NET fails to convert those, so they get
 * the same ModelState entry as any other unconvertible value.
 */
function normalizeDates(values: Record<string, unknown>, keyPath: readonly string[], utcOffset: string, headers: IncomingHttpHeaders): Record<string, unknown> {
  const out = { ...values };
  const bad: Record<string, string[]> = {};
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (!DATES.has(name) || typeof value !== 'string') continue;
    const normalized = normalizeDateInput(value, utcOffset);
    if (normalized === undefined) bad[modelStateKey(keyPath[0] ?? '', [...keyPath.slice(1), name])] = [AN_ERROR_HAS_OCCURRED];
    else out[name] = normalized;
  }
  if (Object.keys(bad).length > 0) throw invalidModelError(headers, bad);
  return out;
}

export function withDates(dto: Record<string, unknown>, parameter: string, utcOffset: string, headers: IncomingHttpHeaders): Record<string, unknown> {
  return normalizeDates(dto, [parameter], utcOffset, headers);
}

export function bulkWithDates(dto: PatchContactsDto, utcOffset: string, headers: IncomingHttpHeaders): PatchContactsDto {
  if (!isObject(dto.Fields)) return dto;
  return { ...dto, Fields: normalizeDates(dto.Fields, ['patchContactsDto', 'Fields'], utcOffset, headers) as PatchContactsDto['Fields'] };
}

const cleared = (name: string, value: unknown): unknown => (NULLED_BY_EMPTY.has(name) && value === '' ? null : value);

/** PATCH: only non-null properties change; "" clears Email, Phone and PhoneCountryCode, other strings store "" (seed; docs/vendors/loyaltii.md L-4). */
export function patchChanges(dto: Record<string, unknown>): ContactChanges {
  const changes: Record<string, unknown> = {};
  for (const name of WRITABLE) if (dto[name] !== undefined && dto[name] !== null) changes[name] = cleared(name, dto[name]);
  if (typeof dto['NewPassword'] === 'string') changes['Password'] = dto['NewPassword'];
  return changes as ContactChanges;
}

/** PUT: every UpdateContactDto field is replaced (absent = null, LimitMailsPermanently false); NewPassword null keeps the password. */
export function updateChanges(dto: Record<string, unknown>): ContactChanges {
  const changes: Record<string, unknown> = {};
  for (const name of WRITABLE) {
    if (name === 'ProfileLastUpdated') continue; // not part of UpdateContactDto
    changes[name] = name === 'LimitMailsPermanently' ? (dto[name] ?? false) : cleared(name, dto[name] ?? null);
  }
  if (typeof dto['NewPassword'] === 'string') changes['Password'] = dto['NewPassword'];
  return changes as ContactChanges;
}

/** The bulk PATCH's Fields: each named field is written as given (null clears; "" clears Email, Phone, PhoneCountryCode). */
export function bulkChanges(fields: PatchContactsDto['Fields']): ContactChanges {
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields ?? {})) if ((WRITABLE as readonly string[]).includes(name)) changes[name as Writable] = cleared(name, value);
  return changes as ContactChanges;
}
