/**
 * The slice of Odoo 17's data model the connector touches, as the emulator checks it: a field or
 * method outside it answers Odoo's own fault and fails the test. Field facts follow
 * research/odoo.md §1.3, §2.1 and `odoo/addons/base/models/res_partner.py`.
 */
export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'boolean'
  | 'datetime'
  | 'many2one'
  | 'selection';

export interface FieldDef {
  type: FieldType;
  string: string;
  comodel?: string;
  selection?: Array<[string, string]>;
  required?: boolean;
  readonly?: boolean;
  /** Not stored: only searchable (`phone_mobile_search`). */
  searchOnly?: boolean;
}

export interface ModelDef {
  name: string;
  description: string;
  fields: Record<string, FieldDef>;
  methods: ReadonlySet<string>;
}

const READ = ['search_read', 'search', 'search_count', 'read', 'fields_get'];
const WRITE = [...READ, 'create', 'write'];

const common: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  display_name: { type: 'char', string: 'Display Name', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
};

/** Results of the Parley module's `parley.call` (call_values.py RESULTS). */
export const PARLEY_RESULTS: Array<[string, string]> = [
  ['answered', 'Answered'],
  ['missed', 'Missed'],
  ['voicemail', 'Voicemail'],
  ['abandoned', 'Abandoned'],
  ['busy', 'Busy'],
  ['failed', 'Failed'],
  ['after_hours', 'After hours'],
];

/** Outcomes the Parley module ships (call_values.py OUTCOMES); admins map Parley's dispositions onto them. */
export const PARLEY_OUTCOMES: Array<[string, string]> = [
  ['interested', 'Interested'],
  ['not_interested', 'Not interested'],
  ['callback', 'Call back'],
  ['wrong_number', 'Wrong number'],
];

export interface SchemaOptions {
  withParleyModule: boolean;
  /** `sms` (auto-installed with mail) adds the phone mixin to res.partner. */
  withSmsModule: boolean;
}

export function buildSchema(options: SchemaOptions): Map<string, ModelDef> {
  const partnerFields: Record<string, FieldDef> = {
    ...common,
    name: { type: 'char', string: 'Name' },
    email: { type: 'char', string: 'Email' },
    phone: { type: 'char', string: 'Phone' },
    mobile: { type: 'char', string: 'Mobile' },
    ref: { type: 'char', string: 'Reference' },
    is_company: { type: 'boolean', string: 'Is a Company' },
    parent_id: { type: 'many2one', string: 'Related Company', comodel: 'res.partner' },
    user_id: { type: 'many2one', string: 'Salesperson', comodel: 'res.users' },
    active: { type: 'boolean', string: 'Active' },
    ...(options.withSmsModule
      ? {
          phone_sanitized: { type: 'char', string: 'Sanitized Number', readonly: true },
          phone_mobile_search: { type: 'char', string: 'Phone/Mobile', searchOnly: true },
        }
      : {}),
  };
  const models: ModelDef[] = [
    {
      name: 'res.partner',
      description: 'Contact',
      fields: partnerFields,
      methods: new Set([...WRITE, 'message_post']),
    },
    {
      name: 'res.users',
      description: 'User',
      fields: {
        ...common,
        name: { type: 'char', string: 'Name' },
        login: { type: 'char', string: 'Login', required: true },
        email: { type: 'char', string: 'Email' },
        share: { type: 'boolean', string: 'Share User', readonly: true },
        active: { type: 'boolean', string: 'Active' },
      },
      methods: new Set(READ),
    },
    {
      name: 'mail.message',
      description: 'Message',
      fields: {
        ...common,
        model: { type: 'char', string: 'Related Document Model' },
        res_id: { type: 'integer', string: 'Related Document ID' },
        body: { type: 'html', string: 'Contents' },
        message_type: {
          type: 'selection',
          string: 'Type',
          selection: [
            ['email', 'Incoming Email'],
            ['comment', 'Comment'],
            ['notification', 'System notification'],
          ],
        },
      },
      methods: new Set(READ),
    },
    {
      name: 'ir.model',
      description: 'Models',
      fields: {
        ...common,
        model: { type: 'char', string: 'Model' },
        name: { type: 'char', string: 'Model Description' },
      },
      methods: new Set(READ),
    },
  ];
  if (options.withParleyModule) {
    models.push({
      name: 'parley.call',
      description: 'Parley call',
      fields: {
        ...common,
        call_id: { type: 'char', string: 'Call', required: true },
        partner_id: { type: 'many2one', string: 'Contact', comodel: 'res.partner' },
        user_id: { type: 'many2one', string: 'User', comodel: 'res.users' },
        direction: {
          type: 'selection',
          string: 'Direction',
          selection: [
            ['inbound', 'Inbound'],
            ['outbound', 'Outbound'],
          ],
        },
        from_number: { type: 'char', string: 'From' },
        to_number: { type: 'char', string: 'To' },
        started_at: { type: 'datetime', string: 'Started at' },
        duration: { type: 'integer', string: 'Duration (s)' },
        result: { type: 'selection', string: 'Result', selection: PARLEY_RESULTS },
        outcome: { type: 'selection', string: 'Outcome', selection: PARLEY_OUTCOMES },
        disposition: { type: 'char', string: 'Disposition' },
        recording_url: { type: 'char', string: 'Recording' },
        transcript: { type: 'text', string: 'Transcript' },
        summary: { type: 'text', string: 'AI summary' },
        notes: { type: 'text', string: 'Notes' },
      },
      methods: new Set([...WRITE, 'message_post', 'upsert_calls']),
    });
  }
  return new Map(models.map((model) => [model.name, model]));
}
