import { useQueryClient } from '@tanstack/react-query';
import { isAuthLost } from '../../app/api';
import { meQueryKey } from '../../app/auth';
import { downloadFile } from './download';
import { useSingleMutation } from '../../app/useSingleMutation';

export interface DownloadRequest {
  /** Identifies the button that asked, to show its spinner. */
  key: string;
  path: string;
  fileName: string;
}

/** One download at a time; a second click while one runs does nothing. */
export function useDownload() {
  const queryClient = useQueryClient();
  const mutation = useSingleMutation({
    mutationFn: ({ path, fileName }: DownloadRequest) => downloadFile(path, fileName),
    onError: (error) => {
      // A lost session: asking for the account again sends the user to the login page.
      if (isAuthLost(error)) void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  const start = (download: DownloadRequest) => {
    if (mutation.isPending) return;
    mutation.mutate(download);
  };
  const pendingKey = mutation.isPending ? mutation.variables.key : null;
  return { start, pendingKey, error: mutation.error, reset: mutation.reset };
}
