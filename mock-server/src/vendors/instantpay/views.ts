import type { Contact, Person, Tag } from './fixtures.js';

/*
 * Records in the field order of each vendor sample: Laravel's MongoDB models
 * serialise attributes in the order they were set, so a record just inserted
 * ends with `_id`, one read back starts with it.
 */

/** List Contact (vendor sample /data-list-contact). */
export function listedContact(c: Contact): Contact {
  return {
    _id: c._id,
    userId: c.userId,
    name: c.name,
    email: c.email,
    mobile: c.mobile,
    callingCode: c.callingCode,
    ...(c.companyName === undefined ? {} : { companyName: c.companyName }),
    tagId: c.tagId,
    updated_at: c.updated_at,
    created_at: c.created_at,
  };
}

/** Update Contact (seed 000): `tagId` last. */
export function updatedContact(c: Contact): Contact {
  const { tagId, ...rest } = listedContact(c);
  return { ...rest, tagId };
}

/** Add Contact (vendor sample /data-add-contact): no `tagId`, `_id` last. */
export function addedContact(c: Contact): Omit<Contact, 'tagId'> {
  const { _id, tagId: _tags, ...rest } = listedContact(c);
  return { ...rest, _id };
}

/** Add Tag (vendor sample /data-add-tag): `_id` last. */
export function addedTag(t: Tag): Tag {
  return { userId: t.userId, name: t.name, hexColorCode: t.hexColorCode, updated_at: t.updated_at, created_at: t.created_at, _id: t._id };
}

/** List Tag (vendor sample /data-list-tag). */
export function listedTag(t: Tag): Pick<Tag, '_id' | 'name' | 'hexColorCode'> {
  return { _id: t._id, name: t.name, hexColorCode: t.hexColorCode };
}

/** List Person (vendor sample /list-address). */
export function listedPerson(p: Person): Person {
  return {
    _id: p._id,
    gcId: p.gcId,
    contactPersonName: p.contactPersonName,
    email: p.email,
    mobile: p.mobile,
    description: p.description,
    callingCode: p.callingCode,
    updated_at: p.updated_at,
    created_at: p.created_at,
  };
}

/** Add/Update Person: the samples start with `gcId` and are cut off after `mobile`; the rest is the List Person order with `_id` last (docs/decisions/0100). */
export function writtenPerson(p: Person): Person {
  const { _id, ...rest } = listedPerson(p);
  return { ...rest, _id };
}
