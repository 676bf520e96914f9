// The session's module alone: '@dsc/api-types' would bring the whole catalogue and zod with the form.
import { SignInBody, type SessionUser } from '@dsc/api-types/session';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../lib/session.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { formatWait, signInProblem, type SignInProblem } from './sign-in-problem.ts';

export interface SignInFormProps {
  /** Runs after the BFF accepted the credentials; the button stays disabled meanwhile. */
  onSignedIn: (user: SessionUser) => void | Promise<void>;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const { t } = useTranslation('auth');
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<SignInBody>({
    resolver: zodResolver(SignInBody),
    defaultValues: { username: '', password: '' },
  });
  const mutation = useMutation({ mutationFn: signIn, onSuccess: onSignedIn });
  const problem = mutation.isError ? signInProblem(mutation.error) : undefined;
  const busy = mutation.isPending || mutation.isSuccess;

  return (
    <form
      className="sign-in__form"
      noValidate
      onSubmit={(e) =>
        void handleSubmit((values) =>
          mutation.mutate(values, {
            onError: (error) => {
              if (signInProblem(error).kind !== 'credentials') return;
              resetField('password');
              setFocus('password');
            },
          }),
        )(e)
      }
    >
      {/* Remounted per attempt so a screen reader announces a repeated message again. */}
      {problem && <SignInAlert key={mutation.submittedAt} problem={problem} />}
      <FormField label={t('signIn.username')} error={fieldMessage(t, 'username', errors.username)}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...register('username')}
          />
        )}
      </FormField>
      <FormField label={t('signIn.password')} error={fieldMessage(t, 'password', errors.password)}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="password"
            autoComplete="current-password"
            maxLength={256}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...register('password')}
          />
        )}
      </FormField>
      <button type="submit" className="button button--primary sign-in__submit" disabled={busy}>
        {busy ? t('signIn.pending') : t('signIn.submit')}
      </button>
    </form>
  );
}

type T = ReturnType<typeof useTranslation<'auth'>>['t'];

// The schema's messages are English; the form shows its own, translated ones.
function fieldMessage(t: T, field: 'username' | 'password', error: FieldError | undefined) {
  if (!error) return undefined;
  return error.type === 'too_big' ? t(`signIn.tooLong.${field}`) : t(`signIn.required.${field}`);
}

function SignInAlert({ problem }: { problem: SignInProblem }) {
  const { t, i18n } = useTranslation('auth');
  if (problem.kind === 'other') {
    return <ErrorState error={problem.error} title={t('signIn.errors.otherTitle')} />;
  }
  const message =
    problem.kind === 'credentials'
      ? t('signIn.errors.credentials')
      : problem.retryAfterSeconds === undefined
        ? t('signIn.errors.throttledLater')
        : t('signIn.errors.throttled', { wait: formatWait(problem.retryAfterSeconds, i18n.language) });
  return (
    <p className="sign-in__alert" role="alert">
      {message}
    </p>
  );
}
