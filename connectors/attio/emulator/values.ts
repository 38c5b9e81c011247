import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { AttioState, AttributeDef, StoredRecord, StoredValue } from './state.ts';

/** A write Attio refuses, with the code and status it answers. */
export class WriteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Actor {
  type: 'api-token' | 'workspace-member';
  id: string;
}

const Text = z.union([z.string(), z.object({ value: z.string() }).transform((v) => v.value)]);
const NumberInput = z.union([z.number(), z.object({ value: z.number() }).transform((v) => v.value)]);
const Phone = z.union([
  z.string().transform((raw) => ({ original_phone_number: raw, country_code: null })),
  z.object({ original_phone_number: z.string(), country_code: z.string().nullable().optional() }),
]);
const Email = z.union([
  z.string().transform((email_address) => ({ email_address })),
  z.object({ email_address: z.string() }),
]);
const Name = z.union([
  z.string().transform((full) => ({ full_name: full, first_name: full, last_name: '' })),
  z.object({ first_name: z.string(), last_name: z.string(), full_name: z.string() }),
]);
const Reference = z.object({ target_object: z.string(), target_record_id: z.string() });
const ActorRef = z.object({
  referenced_actor_type: z.literal('workspace-member'),
  referenced_actor_id: z.string(),
});
const Select = z.union([z.string(), z.object({ option: z.string() }).transform((v) => v.option)]);

function parse<T extends z.ZodType>(schema: T, raw: unknown, attribute: AttributeDef): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new WriteError(400, 'validation_type', `Invalid value for attribute "${attribute.slug}".`);
  }
  return parsed.data;
}

/** One input value to the value Attio stores, as its docs describe each attribute type. */
export function toStored(
  state: AttioState,
  objectId: string,
  attribute: AttributeDef,
  raw: unknown,
  at: string,
  actor: Actor,
  defaultCountry?: string,
): StoredValue {
  const base = {
    active_from: at,
    active_until: null,
    created_by_actor: actor,
    attribute_type: attribute.type,
  };
  switch (attribute.type) {
    case 'text':
      return { ...base, value: parse(Text, raw, attribute) };
    case 'number':
      return { ...base, value: parse(NumberInput, raw, attribute) };
    case 'timestamp': {
      const value = parse(Text, raw, attribute);
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) throw new WriteError(400, 'validation_type', `"${value}" is not a timestamp.`);
      return { ...base, value: new Date(ms).toISOString().replace('Z', '000000Z') };
    }
    case 'personal-name':
      return { ...base, ...parse(Name, raw, attribute) };
    case 'email-address': {
      const { email_address } = parse(Email, raw, attribute);
      const [local = '', domain = ''] = email_address.split('@');
      return {
        ...base,
        original_email_address: email_address,
        email_address: email_address.toLowerCase(),
        email_domain: domain.toLowerCase(),
        email_root_domain: domain.toLowerCase().split('.').slice(-2).join('.'),
        email_local_specifier: local,
      };
    }
    case 'phone-number': {
      const phone = parse(Phone, raw, attribute);
      const given =
        phone.country_code ?? (phone.original_phone_number.startsWith('+') ? undefined : defaultCountry);
      const country = given && isSupportedCountry(given) ? given : undefined;
      const parsed = parsePhoneNumberFromString(phone.original_phone_number, country);
      if (!parsed?.isPossible() || !parsed.country) {
        throw new WriteError(
          400,
          'validation_type',
          `"${phone.original_phone_number}" is not a valid phone number.`,
        );
      }
      return {
        ...base,
        original_phone_number: phone.original_phone_number,
        country_code: parsed.country,
        phone_number: parsed.number,
      };
    }
    case 'record-reference': {
      const reference = parse(Reference, raw, attribute);
      const target = state.objects.get(reference.target_object)?.records.get(reference.target_record_id);
      if (!target) {
        throw new WriteError(
          400,
          'value_not_found',
          `Record with ID "${reference.target_record_id}" not found on object "${reference.target_object}".`,
        );
      }
      return { ...base, ...reference };
    }
    case 'actor-reference': {
      const reference = parse(ActorRef, raw, attribute);
      if (!state.members.some((member) => member.id === reference.referenced_actor_id)) {
        throw new WriteError(
          400,
          'value_not_found',
          `Workspace member "${reference.referenced_actor_id}" not found.`,
        );
      }
      return { ...base, ...reference };
    }
    case 'select': {
      const title = parse(Select, raw, attribute);
      const option = attribute.options.get(title);
      if (!option) {
        throw new WriteError(
          400,
          'value_not_found',
          `Select option "${title}" not found on "${attribute.slug}".`,
        );
      }
      return {
        ...base,
        option: {
          id: {
            workspace_id: state.workspaceId,
            object_id: objectId,
            attribute_id: attribute.id,
            option_id: option.id,
          },
          title: option.title,
          is_archived: false,
        },
      };
    }
    default:
      throw new WriteError(400, 'validation_type', `Attribute type "${attribute.type}" is not emulated.`);
  }
}

/** Two values hold the same data (an unchanged write keeps the old value and its `active_from`). */
export function sameContent(a: StoredValue, b: StoredValue): boolean {
  const strip = ({ active_from: _, active_until: __, created_by_actor: ___, ...rest }: StoredValue) =>
    JSON.stringify(rest);
  return strip(a) === strip(b);
}

export function renderRecord(state: AttioState, record: StoredRecord, webBase: string) {
  const object = state.objects.get(record.object);
  const segment =
    record.object === 'people' ? 'person' : record.object === 'companies' ? 'company' : record.object;
  return {
    id: { workspace_id: state.workspaceId, object_id: object?.id ?? '', record_id: record.id },
    created_at: record.createdAt,
    web_url: `${webBase}/${state.workspaceSlug}/${segment}/${record.id}`,
    values: Object.fromEntries(record.values),
  };
}
