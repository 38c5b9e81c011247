import { isCrmError } from '../core/errors.ts';
import type { HubspotClient } from './client.ts';

const GROUP = { name: 'parley', label: 'Parley' };

/** Parley's properties are unique ids unless said otherwise (a mark, such as the recording's). */
export interface PropertyOptions {
  unique?: boolean;
  description?: string;
}

/**
 * Creates, once per connector, the unique text property Parley upserts on (`hasUniqueValue`, so
 * HubSpot's batch upsert can use it as `idProperty`). A 409 means it already exists, which is the
 * goal; both writes are therefore safe to resend.
 * https://developers.hubspot.com/docs/api/crm/properties
 */
export class ParleyProperties {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(private readonly client: HubspotClient) {}

  ensure(objectType: string, name: string, label: string, options: PropertyOptions = {}): Promise<void> {
    const key = `${objectType}/${name}`;
    let pending = this.ensured.get(key);
    if (!pending) {
      pending = this.create(objectType, name, label, options);
      // A failure is not remembered: the next call tries again.
      pending.catch(() => this.ensured.delete(key));
      this.ensured.set(key, pending);
    }
    return pending;
  }

  private async create(
    objectType: string,
    name: string,
    label: string,
    options: PropertyOptions,
  ): Promise<void> {
    await this.tolerateConflict({
      path: `/crm/v3/properties/${objectType}/groups`,
      json: { ...GROUP, displayOrder: -1 },
    });
    await this.tolerateConflict({
      path: `/crm/v3/properties/${objectType}`,
      json: {
        name,
        label,
        description: options.description ?? 'Set by Parley; Parley finds its records again by this value.',
        groupName: GROUP.name,
        type: 'string',
        fieldType: 'text',
        hasUniqueValue: options.unique ?? true,
        formField: false,
      },
    });
  }

  private async tolerateConflict(request: { path: string; json: unknown }): Promise<void> {
    try {
      await this.client.request({ method: 'POST', idempotent: true, ...request });
    } catch (error) {
      if (isCrmError(error) && error.kind === 'conflict') return;
      throw error;
    }
  }
}
