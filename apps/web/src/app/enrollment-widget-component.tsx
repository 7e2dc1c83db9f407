// `<EnrollmentWidget>`: the whole widget as a React component, for a React host that installs
// @pi-enroll/web (library.ts). The same composition as every other entry point (EnrollmentApp).
import { QueryClient } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
import type { EnrollmentHandle } from '../features/enrollment/hooks/use-enrollment';
import { EnrollmentApp, type WidgetOptions } from './enrollment-app';

export interface EnrollmentWidgetProps extends Omit<WidgetOptions, 'ref'> {
  /** `handOverLaunchToken()` and `close()` (removes a pending enrollment), as with `mount()`. */
  ref?: Ref<EnrollmentHandle>;
}

/**
 * `queryClient`: by default each rendered widget has its own, so two widgets share nothing; pass one to share
 * it on purpose. The reads that carry a pending secret leave any cache as soon as nothing observes them
 * (`gcTime: 0`), so an own client dropped with the component keeps nothing of them.
 */
export function EnrollmentWidget({ queryClient, ...options }: EnrollmentWidgetProps) {
  const [ownClient] = useState(() => new QueryClient());
  return <EnrollmentApp {...options} queryClient={queryClient ?? ownClient} />;
}
