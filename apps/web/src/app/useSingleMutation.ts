import { useMutation } from '@tanstack/react-query';
import type { MutateOptions, UseMutationOptions } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

/**
 * `useMutation` whose `mutate` does nothing while a call is in flight. `isPending` only changes
 * on the next render (TanStack Query notifies in a later task), so a fast double click would
 * otherwise send twice; the latch is a ref, set synchronously, released when the call settles.
 */
export function useSingleMutation<TData, TVariables = void>(
  options: UseMutationOptions<TData, Error, TVariables>,
) {
  const busy = useRef(false);
  const { onSettled } = options;
  const mutation = useMutation<TData, Error, TVariables>({
    ...options,
    onSettled: (...args) => {
      busy.current = false;
      return onSettled?.(...args);
    },
  });
  const { mutate: send } = mutation;
  const mutate = useCallback(
    (variables: TVariables, callbacks?: MutateOptions<TData, Error, TVariables>) => {
      if (busy.current) return;
      busy.current = true;
      send(variables, callbacks);
    },
    [send],
  );
  return { ...mutation, mutate };
}
