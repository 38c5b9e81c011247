import { createElement, type ReactNode } from 'react';
import { vi } from 'vitest';

/** Each SDK component renders as a host element named after it, for `test/render.ts` to read. */
function host(name: string) {
  const component = (props: Record<string, unknown> & { children?: ReactNode }) => createElement(name, props);
  component.displayName = name;
  return component;
}

export const Widget = {
  TextWidget: host('Widget.TextWidget'),
  Title: host('Widget.Title'),
  Decoration: host('Widget.Decoration'),
  Loading: host('Widget.Loading'),
  Text: { Primary: host('Widget.Text.Primary'), Secondary: host('Widget.Text.Secondary') },
};
export const DialogList = Object.assign(host('DialogList'), { Item: host('DialogList.Item') });
export const Section = host('Section');
export const TextBlock = host('TextBlock');
export const Link = host('Link');

export const Extensions = { defineExtension: <T>(extension: T): T => extension };
export const Forms = { string: () => ({ multiline: () => ({ type: 'string', isMultiline: true }) }) };

export const showToast = vi.fn();
export const showDialog = vi.fn();
export const runQuery = vi.fn();
export const useQuery = vi.fn();
export const useAsyncCache = vi.fn();
export const useForm = vi.fn();
