import type { RoutingPolicy, Target } from './policy.ts';

/**
 * Every member id the policy mentions, each once, in order of first mention: the ids to check
 * against the account's members before saving.
 */
export function memberIdsIn(policy: RoutingPolicy): string[] {
  return [...new Set(policyMemberIds(policy))];
}

function policyMemberIds(policy: RoutingPolicy): string[] {
  switch (policy.strategy) {
    case 'simultaneous':
      return policy.members;
    case 'cascade':
      return policy.steps.map((step) => step.memberId);
    case 'ivr':
      return policy.options.flatMap((option) => targetMemberIds(option.target));
    case 'ai_receptionist':
      return policy.intents.flatMap((intent) => targetMemberIds(intent.target));
  }
}

function targetMemberIds(target: Target): string[] {
  switch (target.kind) {
    case 'member':
      return [target.memberId];
    case 'members':
      return target.memberIds;
    default:
      return [];
  }
}

/** The AI receptionist is a Business plan feature; the other strategies come with every plan. */
export function requiresBusinessPlan(policy: RoutingPolicy): boolean {
  return policy.strategy === 'ai_receptionist';
}
