import { z } from 'zod';

/**
 * The fields of the objects Parley touches, as the Salesforce object reference describes them
 * (Task, Contact, Lead, Note, User, Organization, Account). Salesforce publishes no OpenAPI for
 * REST, so this is the emulator's spec: a write naming any other field is refused with
 * INVALID_FIELD and counted as a violation.
 */

const text = (max: number) => z.string().max(max).nullable();
const id = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/)
  .nullable();

const TaskWritable = z.strictObject({
  Subject: text(255),
  TaskSubtype: z.enum(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn']).nullable(),
  Type: text(40),
  CallType: z.enum(['Inbound', 'Outbound', 'Internal']).nullable(),
  CallDurationInSeconds: z.number().int().min(0).nullable(),
  CallDisposition: text(255),
  CallObject: text(255),
  Status: z.enum(['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred']),
  ActivityDate: z.iso.date().nullable(),
  Description: text(32_000),
  WhoId: id,
  WhatId: id,
  OwnerId: id,
  Priority: z.enum(['High', 'Normal', 'Low']),
  Parley_Call_Id__c: text(255),
  // salesforce-package/force-app/main/default/objects/Task/fields: a Url field, a LongTextArea(32000).
  Parley_Recording_Url__c: text(255),
  Parley_Summary__c: text(32_000),
});

const ContactWritable = z.strictObject({
  FirstName: text(40),
  LastName: z.string().min(1).max(80),
  Email: z.email().nullable(),
  Phone: text(40),
  MobilePhone: text(40),
  HomePhone: text(40),
  OtherPhone: text(40),
  AssistantPhone: text(40),
  AccountId: id,
  OwnerId: id,
  Parley_Contact_Id__c: text(255),
});

const LeadWritable = z.strictObject({
  FirstName: text(40),
  LastName: z.string().min(1).max(80),
  Email: z.email().nullable(),
  Phone: text(40),
  MobilePhone: text(40),
  Company: z.string().min(1).max(255),
  Status: text(40),
  OwnerId: id,
});

const NoteWritable = z.strictObject({
  ParentId: z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/),
  Title: z.string().min(1).max(255),
  Body: text(32_000),
  IsPrivate: z.boolean(),
  OwnerId: id,
});

export interface ObjectModel {
  prefix: string;
  /** Partial: an update names only what changes; `required` lists what a create needs. */
  writable: z.ZodObject;
  required: readonly string[];
  /** Set on create only (`TaskSubtype`): Salesforce refuses them on update. */
  createOnly: readonly string[];
  readable: readonly string[];
  /** Relationship fields a SELECT may traverse (`Account.Name`). */
  relations: Readonly<Record<string, readonly string[]>>;
  externalIds: readonly string[];
}

const SYSTEM = ['Id', 'IsDeleted', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp'];

function model(
  prefix: string,
  writable: z.ZodObject,
  options: Partial<Omit<ObjectModel, 'prefix' | 'writable' | 'readable'>> & {
    extra?: readonly string[];
  } = {},
): ObjectModel {
  return {
    prefix,
    writable,
    required: options.required ?? [],
    createOnly: options.createOnly ?? [],
    readable: [...SYSTEM, ...Object.keys(writable.shape), ...(options.extra ?? [])],
    relations: options.relations ?? {},
    externalIds: options.externalIds ?? [],
  };
}

export const MODELS: Readonly<Record<string, ObjectModel>> = {
  Task: model('00T', TaskWritable, {
    createOnly: ['TaskSubtype'],
    externalIds: ['Parley_Call_Id__c'],
  }),
  Contact: model('003', ContactWritable, {
    required: ['LastName'],
    extra: ['Name'],
    relations: { Account: ['Name'] },
    externalIds: ['Parley_Contact_Id__c'],
  }),
  Lead: model('00Q', LeadWritable, { required: ['LastName', 'Company'], extra: ['Name', 'IsConverted'] }),
  Note: model('002', NoteWritable, { required: ['ParentId', 'Title'] }),
  User: model('005', z.strictObject({}), { extra: ['Name', 'Email', 'IsActive', 'Username'] }),
  Account: model('001', z.strictObject({ Name: z.string().min(1).max(255) }), { required: ['Name'] }),
  Organization: model('00D', z.strictObject({}), { extra: ['Name', 'DefaultLocaleSidKey'] }),
};

/** Defaults Salesforce fills on create when the record leaves them out. */
export const DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  Task: { Status: 'Not Started', Priority: 'Normal', TaskSubtype: 'Task' },
  Note: { IsPrivate: false },
  Lead: { Status: 'Open - Not Contacted', IsConverted: false },
};

/** Whether `field` (maybe `Account.Name`) can be selected from `object`. */
export function isReadable(object: ObjectModel, field: string): boolean {
  const [head, child, ...more] = field.split('.');
  if (more.length > 0 || !head) return false;
  if (child === undefined) return object.readable.some((name) => name.toLowerCase() === head.toLowerCase());
  return object.relations[head]?.includes(child) ?? false;
}
