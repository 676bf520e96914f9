import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ui/error-state.tsx';

/** Shown while a page's code is still downloading. */
export function RoutePending() {
  const { t } = useTranslation();
  return (
    <p className="route-pending" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A page that threw while rendering or loading: say so and offer to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <ErrorState
      error={error}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}
