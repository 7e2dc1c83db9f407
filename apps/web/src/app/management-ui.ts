import { lazy } from 'react';
import type { ManagementUi } from '../lib/management-ui';

/**
 * The list of the user's methods and its screens, from a chunk of their own: a first-time user, the one the
 * initial bundle is for, never downloads them.
 */
export const managementUi: ManagementUi = lazy(() => import('../features/methods/components/methods-home'));
