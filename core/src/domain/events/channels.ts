/**
 * Live-event channels on the bus. Every instance publishes and subscribes here, so an event
 * raised by the instance that took a webhook reaches a dialer connected to another one.
 */
export const accountChannel = (accountId: string) => `account:${accountId}`;
export const memberChannel = (accountId: string, memberId: string) =>
  `account:${accountId}:member:${memberId}`;
