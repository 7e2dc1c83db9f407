import type { EnrollmentConfirmed } from '@pi-enroll/shared';
import type { UseEnrollmentOptions } from '../features/enrollment/hooks/use-enrollment';

/**
 * What the host page hears, by name and detail, the same for the custom element (a bubbling CustomEvent) and
 * the iframe (a message to the host's origin, the detail's fields beside `type`). `mount()` takes the same
 * moments as callbacks (`onEnrolled`, `onAlreadyEnrolled`, …).
 */
export interface HostEvents {
  'pi-enroll:enrolled': EnrollmentConfirmed;
  'pi-enroll:cancelled': null;
  /** The widget opened on a user who already has methods: it shows their list, not the setup. */
  'pi-enroll:already-enrolled': { methods: number };
  /** A method was added (the same moment as `enrolled`, under the name of the management events). */
  'pi-enroll:method-added': EnrollmentConfirmed;
  'pi-enroll:method-removed': { serial: string };
  'pi-enroll:signed-out': null;
  /** The user chose "Close" on the done screen (no RETURN_URL is configured): the host takes them back. */
  'pi-enroll:return': null;
}

export type HostEventCallbacks = Pick<
  UseEnrollmentOptions,
  'onEnrolled' | 'onCancelled' | 'onAlreadyEnrolled' | 'onMethodAdded' | 'onMethodRemoved' | 'onSignedOut'
> & { onReturn: () => void };

/** The widget's callbacks, each telling the host through `emit`. */
export function hostEventCallbacks(emit: <T extends keyof HostEvents>(type: T, detail: HostEvents[T]) => void): HostEventCallbacks {
  return {
    onEnrolled: (confirmation) => emit('pi-enroll:enrolled', confirmation),
    onCancelled: () => emit('pi-enroll:cancelled', null),
    onAlreadyEnrolled: (detail) => emit('pi-enroll:already-enrolled', detail),
    onMethodAdded: (confirmation) => emit('pi-enroll:method-added', confirmation),
    onMethodRemoved: (detail) => emit('pi-enroll:method-removed', detail),
    onSignedOut: () => emit('pi-enroll:signed-out', null),
    onReturn: () => emit('pi-enroll:return', null),
  };
}
