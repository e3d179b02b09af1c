import {
  agencyDetailSchema,
  agencyImportReportSchema,
  agencyListResponseSchema,
  unitSchema,
} from '@vanban/contracts';
import type { z } from 'zod';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from '../../app/useSingleMutation';
import { queryString, request } from '../../app/api';
import type { ImportFormat } from './importReport';

/** Largest page of `GET /api/agencies`: the tree is built from one answer. */
export const directoryLimit = 1000;

export const agencyKeys = {
  all: ['agencies'] as const,
  directory: (asOf: string, includeClosed: boolean) =>
    [...agencyKeys.all, 'directory', asOf, includeClosed] as const,
  /** Without a date: shared with the incoming feature's unit pickers (same URL, same answer). */
  detail: (id: string, asOf?: string | null) =>
    asOf
      ? ([...agencyKeys.all, 'detail', id, asOf] as const)
      : ([...agencyKeys.all, 'detail', id] as const),
};

/** The directory on `asOf`, with every version of closed agencies when `includeClosed`. */
export function useDirectory(asOf: string, includeClosed: boolean) {
  return useQuery({
    queryKey: agencyKeys.directory(asOf, includeClosed),
    queryFn: ({ signal }) =>
      request(
        `/api/agencies${queryString({
          asOf,
          // The API reads any value as true ("false" included): send it only when wanted.
          includeClosed: includeClosed ? 'true' : undefined,
          limit: directoryLimit,
        })}`,
        agencyListResponseSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export type AgencyDetail = z.infer<typeof agencyDetailSchema>;
export type AgencyUnit = AgencyDetail['units'][number];

/** One agency with history and units; with `asOf`, the names in force on that date. */
export function useAgency(id: string | null, asOf?: string | null) {
  return useQuery({
    queryKey: agencyKeys.detail(id ?? '', asOf),
    queryFn: ({ signal }) =>
      request(`/api/agencies/${id ?? ''}${queryString({ asOf })}`, agencyDetailSchema, { signal }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

export interface CreateUnitInput {
  code: string;
  name: string;
  parentUnitId?: string | undefined;
  validFrom?: string | undefined;
}

export function useCreateUnit(agencyId: string) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: CreateUnitInput) =>
      request(`/api/agencies/${agencyId}/units`, unitSchema, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agencyKeys.detail(agencyId) });
    },
  });
}

export type ImportReport = z.infer<typeof agencyImportReportSchema>;

export interface ImportInput {
  format: ImportFormat;
  content: string;
  dryRun: boolean;
}

/** `POST /api/agencies/import`: synchronous, all or nothing; a dry run changes nothing. */
export function useImportDirectory() {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: ImportInput) =>
      request('/api/agencies/import', agencyImportReportSchema, { method: 'POST', body }),
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: agencyKeys.all });
    },
  });
}

export function exportUrl(format: ImportFormat, asOf?: string): string {
  return `/api/agencies/export${queryString({ format, asOf })}`;
}
