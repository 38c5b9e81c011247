import { IVR_DIGITS } from '../domain/routing-policy/policy.ts';
import type { GatherStep, MenuKey, Plan, Speech, Step } from './plan.ts';

/**
 * Step paths name a node by the edges from the root, joined by dots: "0" is the root, then
 * `n` follows a ring's, say's or forward's continuation, `d<key>` a menu key (`ds` for *, `dh`
 * for #), `i<index>` an intent, and `o` a gather's `otherwise`. "0.d1.n" is what follows when the
 * member behind key 1 does not answer. Paths use only URL-safe characters, so an action URL can
 * carry one and any instance holding the plan can continue from it.
 */
export const ROOT_PATH = '0';

const NEXT = 'n';
const OTHERWISE = 'o';

const KEY_LABELS: Record<MenuKey, string> = {
  '0': '0',
  '1': '1',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5',
  '6': '6',
  '7': '7',
  '8': '8',
  '9': '9',
  '*': 's',
  '#': 'h',
};

function isMenuKey(value: string): value is MenuKey {
  return Object.hasOwn(KEY_LABELS, value);
}

/** The step's children with the edge that leads to each: keys in keypad order, then intents, then `otherwise`. */
export function childrenOf(step: Step): [edge: string, child: Step][] {
  switch (step.kind) {
    case 'ring':
    case 'forward':
      return [[NEXT, step.onNoAnswer]];
    case 'say':
      return [[NEXT, step.next]];
    case 'gather': {
      const children: [string, Step][] = [];
      for (const key of IVR_DIGITS) {
        const child = step.digits?.[key];
        if (child) children.push([`d${KEY_LABELS[key]}`, child]);
      }
      step.intents?.forEach((intent, index) => {
        children.push([`i${index}`, intent.next]);
      });
      children.push([OTHERWISE, step.otherwise]);
      return children;
    }
    case 'voicemail':
    case 'hangup':
      return [];
  }
}

/** The step at `path`, or undefined when the path does not name one (it may come from a URL). */
export function stepAt(plan: Plan, path: string): Step | undefined {
  const [root, ...edges] = path.split('.');
  if (root !== ROOT_PATH) return undefined;
  let step: Step | undefined = plan.root;
  for (const edge of edges) {
    step = childrenOf(step).find(([label]) => label === edge)?.[1];
    if (!step) return undefined;
  }
  return step;
}

/** Every step's path, parents before children. */
export function pathsOf(plan: Plan): string[] {
  const paths: string[] = [];
  const pending: [string, Step][] = [[ROOT_PATH, plan.root]];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [path, step] = entry;
    paths.push(path);
    const children = childrenOf(step);
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const [edge, child] = children[index]!;
      pending.push([`${path}.${edge}`, child]);
    }
  }
  return paths;
}

/** Where a ring or forward nobody answered, or a say once spoken, continues. */
export function nextPath(path: string): string {
  return `${path}.${NEXT}`;
}

/** What the caller gave a gather: nothing, keys, or speech already matched to an intent (or to none). */
export type GatherAnswer =
  | { kind: 'none' }
  | { kind: 'digits'; digits: string }
  | { kind: 'intent'; name: string | null };

/**
 * Where a gather at `path` continues after `answer`, with the notice to say first when the
 * answer matched no branch.
 */
export function afterGather(
  path: string,
  step: GatherStep,
  answer: GatherAnswer,
): { path: string; notice?: Speech } {
  if (answer.kind === 'digits' && isMenuKey(answer.digits) && step.digits?.[answer.digits]) {
    return { path: `${path}.d${KEY_LABELS[answer.digits]}` };
  }
  if (answer.kind === 'intent' && answer.name !== null) {
    const index = step.intents?.findIndex((intent) => intent.name === answer.name) ?? -1;
    if (index >= 0) return { path: `${path}.i${index}` };
  }
  const otherwise = `${path}.${OTHERWISE}`;
  if (answer.kind === 'none' || !step.noMatchNotice) return { path: otherwise };
  return { path: otherwise, notice: step.noMatchNotice };
}
