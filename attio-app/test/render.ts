import { Fragment, isValidElement, type ReactNode } from 'react';

/** An SDK component as rendered: its name, its props, and what it contains. */
export interface HostNode {
  type: string;
  props: Record<string, unknown>;
  children: Rendered[];
}
export type Rendered = HostNode | string;

/**
 * Renders a tree the way Attio would lay it out, without a DOM: the app's own components are
 * called, the SDK's (see mocks/attio-client.ts) stay as named nodes. The app's components use
 * only the SDK's hooks, which the mocks answer, so calling them directly is faithful.
 */
export function render(node: ReactNode): Rendered[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap((child) => render(child as ReactNode));
  if (!isValidElement(node)) throw new Error(`Cannot render ${String(node)}`);
  const { type } = node;
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (type === Fragment) return render(props.children);
  if (typeof type === 'function') return render((type as (p: unknown) => ReactNode)(props));
  if (typeof type === 'string') {
    const { children, ...rest } = props;
    return [{ type, props: rest, children: render(children) }];
  }
  throw new Error('Unsupported element type');
}

export function textOf(nodes: readonly Rendered[]): string {
  return nodes
    .map((node) => (typeof node === 'string' ? node : textOf(node.children)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function findAll(nodes: readonly Rendered[], type: string): HostNode[] {
  const found: HostNode[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node.type === type) found.push(node);
    found.push(...findAll(node.children, type));
  }
  return found;
}

export function findOne(nodes: readonly Rendered[], type: string): HostNode {
  const [first, ...rest] = findAll(nodes, type);
  if (!first || rest.length > 0)
    throw new Error(`Expected one ${type}, found ${rest.length + (first ? 1 : 0)}`);
  return first;
}
