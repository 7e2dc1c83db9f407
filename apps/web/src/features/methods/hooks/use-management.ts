import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useReducer, useRef, useSyncExternalStore } from 'react';
import { problemOf } from '../../../lib/api-client';
import type { ManagementUiProps } from '../../../lib/management-ui';
import { renameMethod } from '../../../lib/sign-in-methods/rename-method';
import { methodsQueryOptions } from '../api/get-methods';
import { removeMethod } from '../api/remove-method';
import { stepUp } from '../api/step-up';
import { initialManagementState, managementReducer, type ManagementState } from '../flow/management-flow';

/**
 * The list (TanStack Query's cache entry of `methodsQueryOptions`) and the machine of its screens, with the
 * request each busy state stands for. Writes are plain fetchers that read the list again once they settled. The
 * list is fetched with `fetchQuery` and read with a cache subscription rather than `useQuery`, whose observer
 * would add 2.3 KB gzip to the initial bundle (the query core is shared with the flow).
 */
export function useManagement({ api, replace, emptied, removed }: ManagementUiProps) {
  const queryClient = useQueryClient();
  const { queryKey } = methodsQueryOptions(api);
  const subscribe = useCallback((changed: () => void) => queryClient.getQueryCache().subscribe(changed), [queryClient]);
  const entry = useSyncExternalStore(subscribe, () => queryClient.getQueryState(queryKey));
  const query = { data: entry?.data, isError: entry?.status === 'error' };
  const [state, dispatch] = useReducer(managementReducer, initialManagementState);

  const refetch = useCallback(
    () => void queryClient.fetchQuery(methodsQueryOptions(api)).catch(() => undefined),
    [queryClient, api],
  );
  useEffect(() => refetch(), [refetch]);

  const settle = async <T,>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      refetch();
    }
  };

  const enter = useEffectEvent(async (entered: ManagementState) => {
    switch (entered.current) {
      case 'savingName':
        try {
          dispatch({ type: 'nameSaved', method: await settle(renameMethod(api, entered.method.serial, entered.description)) });
        } catch (error) {
          dispatch({ type: 'nameFailed', problem: problemOf(error) });
        }
        return;
      case 'removing':
        try {
          await settle(removeMethod(api, entered.method.serial));
          removed(entered.method.serial);
          dispatch({ type: 'removed' });
        } catch (error) {
          dispatch({ type: 'removeFailed', problem: problemOf(error) });
        }
        return;
      case 'steppingUp':
        try {
          await settle(stepUp(api, entered.code));
          dispatch({ type: 'steppedUp' });
        } catch (error) {
          dispatch({ type: 'stepUpFailed', problem: problemOf(error) });
        }
        return;
      case 'replacing':
        if (entered.method.method) replace(entered.method.method, { serial: entered.method.serial, description: entered.method.description });
        return;
      case 'list':
      case 'rename':
      case 'confirmRemove':
      case 'confirmReplace':
      case 'stepUp':
        return;
    }
  });

  // Each state object is entered once (StrictMode runs effects twice; a request must not be sent twice).
  const entered = useRef(new WeakSet<ManagementState>());
  useEffect(() => {
    if (entered.current.has(state)) return;
    entered.current.add(state);
    void enter(state);
  }, [state]);

  const empty = query.data?.methods.length === 0;
  const onEmpty = useEffectEvent(() => emptied());
  useEffect(() => {
    if (empty) onEmpty();
  }, [empty]);

  return { state, dispatch, query };
}
