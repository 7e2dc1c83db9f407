import { useRef } from 'react';
import { MoveFocusContext } from '../../../components/step-heading';
import type { MethodUiRegistry } from '../../../lib/method-ui';
import type { UserEvent } from '../flow/enrollment-flow';
import { useEnrollment, type UseEnrollmentOptions } from '../hooks/use-enrollment';
import { EnrollmentView } from './enrollment-view';

/**
 * The bundled UI: the headless flow rendered by the bundled screens. Focus follows the steps only once the user
 * has acted, so a widget appearing on a host page does not pull the focus (or the scroll position) to itself.
 */
export interface EnrollmentWidgetProps extends UseEnrollmentOptions {
  methods: MethodUiRegistry;
}

export function EnrollmentWidget({ methods, ...options }: EnrollmentWidgetProps) {
  const { state, config, send } = useEnrollment(options);
  const userHasActed = useRef(false);
  const sendFromUser = (event: UserEvent) => {
    userHasActed.current = true;
    send(event);
  };
  return (
    <MoveFocusContext value={userHasActed}>
      <EnrollmentView state={state} config={config} methods={methods} send={sendFromUser} />
    </MoveFocusContext>
  );
}
