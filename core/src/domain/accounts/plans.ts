import { AppError } from '../../errors.ts';

export type Plan = 'starter' | 'business';
export type Feature = 'web_dialer' | 'dashboard' | 'supervision' | 'ai_receptionist';

/** Plans as data: what each includes and its list price per seat and month. */
export const PLANS: Record<Plan, { label: string; listPriceCents: number; features: readonly Feature[] }> = {
  starter: { label: 'Starter', listPriceCents: 1900, features: [] },
  business: {
    label: 'Business',
    listPriceCents: 3900,
    features: ['web_dialer', 'dashboard', 'supervision', 'ai_receptionist'],
  },
};

const FEATURE_LABELS: Record<Feature, string> = {
  web_dialer: 'The web and desktop dialer',
  dashboard: 'The dashboard',
  supervision: 'Supervision',
  ai_receptionist: 'The AI receptionist',
};

export function hasFeature(plan: Plan, feature: Feature): boolean {
  return PLANS[plan].features.includes(feature);
}

export function requireFeature(plan: Plan, feature: Feature): void {
  if (hasFeature(plan, feature)) return;
  throw new AppError(
    'plan_required',
    'plan_required',
    `${FEATURE_LABELS[feature]} is part of the Business plan; this account is on ${PLANS[plan].label}. An admin can upgrade in Billing.`,
    { feature, plan, requiredPlan: 'business' },
  );
}
