import { useRef, useState } from 'react';
import { MoveFocusContext } from '../../../components/step-heading';
import type { ManagementUi } from '../../../lib/management-ui';
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
  management: ManagementUi;
  /** The done screen's "Close" when the config names no return URL (the host hears `pi-enroll:return`). */
  onReturn?: () => void;
}

/**
 * `data-user-actions` on the flow counts what the user did to the flow (each click that moves it, each code
 * typed, which submits itself): the measure of "a flow as short as the best" that an end-to-end test reads.
 */
export function EnrollmentWidget({ methods, management, onReturn, ...options }: EnrollmentWidgetProps) {
  const { state, config, send, api, methodApi } = useEnrollment(options);
  const userHasActed = useRef(false);
  const [userActions, setUserActions] = useState(0);
  const sendFromUser = (event: UserEvent) => {
    userHasActed.current = true;
    setUserActions((count) => count + 1);
    send(event);
  };
  return (
    <MoveFocusContext value={userHasActed}>
      <div className="pie-flow-root" data-user-actions={userActions}>
        <EnrollmentView
          state={state}
          config={config}
          methods={methods}
          management={management}
          api={api}
          methodApi={methodApi}
          onReturn={onReturn}
          onMethodRemoved={options.onMethodRemoved}
          send={sendFromUser}
        />
      </div>
    </MoveFocusContext>
  );
}
