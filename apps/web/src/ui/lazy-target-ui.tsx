import { Suspense, lazy } from 'react';

// The target switcher and the "Acting on" mark wait for GET /api/targets anyway: loading their code
// alongside keeps them out of the list page's first-paint JavaScript (issue 7's budget).
const Mark = lazy(() => import('../features/fleet/target-mark.tsx').then((m) => ({ default: m.CurrentTargetMark })));
const Switcher = lazy(() => import('../features/fleet/target-switcher.tsx').then((m) => ({ default: m.TargetSwitcher })));

/** "Acting on <target>": page headers and confirmation dialogs. */
export function CurrentTargetMarkSlot() {
  return (
    <Suspense fallback={null}>
      <Mark />
    </Suspense>
  );
}

/** The header's target switcher. */
export function TargetSwitcherSlot() {
  return (
    <Suspense fallback={null}>
      <Switcher />
    </Suspense>
  );
}
