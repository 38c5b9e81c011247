import type { ReactNode } from 'react';
import { UpgradeNotice } from '../notice.tsx';
import type { ConsoleMe, Feature } from '../types.ts';

/**
 * A Business screen: on Starter, its title and the upgrade message instead (not an error), and the
 * screen itself is never mounted, so it polls and loads nothing the plan does not include.
 */
export function BusinessOnly({
  me,
  feature,
  title,
  children,
}: {
  me: ConsoleMe;
  feature: Feature;
  title: string;
  children: ReactNode;
}) {
  if (me.account.features.includes(feature)) return children;
  return (
    <section aria-labelledby="upgrade-title">
      <h1 id="upgrade-title">{title}</h1>
      <UpgradeNotice />
    </section>
  );
}
