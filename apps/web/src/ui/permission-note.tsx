import { useTranslation } from 'react-i18next';
import type { Permission } from '../lib/session.ts';
import './permission-note.css';

/** Why a change control is missing or disabled, in words; renders nothing when allowed. */
export function PermissionNote({ permission }: { permission: Permission }) {
  const { t } = useTranslation('forms');
  if (permission.allowed) return null;
  return (
    <p className="permission-note" role="note">
      {permission.reason === 'signed-out'
        ? t('permission.signedOut')
        : permission.reason === 'no-role'
          ? t('permission.noRole', { needed: permission.needed })
          : t('permission.role', { role: permission.role, needed: permission.needed })}
    </p>
  );
}
