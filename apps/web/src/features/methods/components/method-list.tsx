import type { SignInMethod, SignInMethodList } from '@pi-enroll/shared';
import type { Dispatch } from 'react';
import { Button } from '../../../components/button';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import type { FlowProblem } from '../../../lib/api-client';
import type { MethodType } from '../../../lib/method-ui';
import { Subheading } from '../../../components/step-heading';
import { useManagementI18n } from '../i18n/management-i18n';
import type { ManagementEvent, Notice } from '../flow/management-flow';

export interface MethodListProps {
  list: SignInMethodList;
  notice?: Notice;
  problem?: FlowProblem;
  /** A replacement is being handed over to the enrollment. */
  busy: boolean;
  add: () => void;
  /** A new enrollment of a method that renews itself (recovery codes: a new set, replacing the old once confirmed). */
  renew: (method: MethodType) => void;
  send: Dispatch<ManagementEvent>;
}

/**
 * Each method with its type, name, dates and what may be done with it. "Remove" is not offered for the last
 * method when the BFF says it may not go (`canRemoveLast: false`); read-only types say why they have no buttons.
 */
export function MethodList({ list, notice, problem, busy, add, renew, send }: MethodListProps) {
  const { t, format } = useManagementI18n();
  const manageable = list.methods.filter((method) => method.manageable);
  const last = manageable.length === 1;
  return (
    <Screen step="methods" heading={t.methods.heading}>
      <p className="pie-text">{t.methods.intro}</p>
      {notice && (
        <p className="pie-text" role="status">
          {format(notice.kind === 'renamed' ? t.methods.renamed : t.methods.removed, { description: notice.description })}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <ul className="pie-method-list">
        {list.methods.map((method) => (
          <li key={method.serial}>
            <MethodItem
              method={method}
              canRemove={method.manageable && (!last || list.canRemoveLast)}
              last={last}
              busy={busy}
              renew={renew}
              send={send}
            />
          </li>
        ))}
      </ul>
      {list.canAdd && (
        <div className="pie-actions">
          <Button variant="primary" disabled={busy} onClick={add}>
            {t.methods.add}
          </Button>
        </div>
      )}
    </Screen>
  );
}

interface MethodItemProps {
  method: SignInMethod;
  canRemove: boolean;
  last: boolean;
  busy: boolean;
  renew: (method: MethodType) => void;
  send: Dispatch<ManagementEvent>;
}

/** Recovery codes are not replaced like a lost phone: a new set replaces the old one once it is confirmed. */
const renewsItself: ReadonlySet<MethodType> = new Set<MethodType>(['recovery']);

function MethodItem({ method, canRemove, last, busy, renew, send }: MethodItemProps) {
  const { t, format, locale } = useManagementI18n();
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  const types: Record<string, string> = t.methods.types;
  const type = types[method.tokenType] ?? format(t.methods.types.other, { type: method.tokenType.toUpperCase() });
  const titleId = `pie-method-${method.serial}`;
  return (
    <article className="pie-method" aria-labelledby={titleId}>
      <Subheading className="pie-method__name" id={titleId}>
        {method.description || type}
      </Subheading>
      <p className="pie-hint">
        {[type, method.createdAt && format(t.methods.added, { date: date(method.createdAt) }),
          method.lastUsedAt ? format(t.methods.lastUsed, { date: date(method.lastUsedAt) }) : t.methods.neverUsed,
          !method.active && t.methods.inactive]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {method.manageable ? (
        <div className="pie-actions">
          <Button disabled={busy} onClick={() => send({ type: 'renameRequested', method })}>
            {t.methods.rename}
          </Button>
          {method.method !== null && renewsItself.has(method.method) ? (
            <Button aria-describedby={`${titleId}-renew`} disabled={busy} onClick={() => method.method && renew(method.method)}>
              {t.methods.newRecoveryCodes}
            </Button>
          ) : (
            method.method !== null && (
              <Button disabled={busy} onClick={() => send({ type: 'replaceRequested', method })}>
                {t.methods.replace}
              </Button>
            )
          )}
          {canRemove && (
            <Button variant="danger" disabled={busy} onClick={() => send({ type: 'removeRequested', method, last })}>
              {t.methods.remove}
            </Button>
          )}
        </div>
      ) : (
        <p className="pie-hint">{t.methods.readOnly}</p>
      )}
      {method.method !== null && renewsItself.has(method.method) && method.manageable && (
        <p className="pie-hint" id={`${titleId}-renew`}>
          {t.methods.newRecoveryCodesHint}
        </p>
      )}
    </article>
  );
}
