import { certificateListSchema, certificateSchema, signatureImageSchema } from '@vanban/contracts';
import type { ImportCertificateBody } from '@vanban/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useSingleMutation } from '../../app/useSingleMutation';
import { request } from '../../app/api';

export const signatureKeys = {
  certificates: ['certificates'] as const,
  images: ['signature-images'] as const,
};

export function useCertificates() {
  return useQuery({
    queryKey: signatureKeys.certificates,
    queryFn: ({ signal }) => request('/api/certificates', certificateListSchema, { signal }),
  });
}

/** Every change answers the certificate; the list is fetched again (an import retires the old one). */
function useCertificateChange<V>(mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: signatureKeys.certificates });
    },
  });
}

export function useImportCertificate() {
  return useCertificateChange((body: ImportCertificateBody) =>
    request('/api/certificates', certificateSchema, { method: 'POST', body }),
  );
}

export function useDeactivateCertificate() {
  return useCertificateChange((id: string) =>
    request(`/api/certificates/${id}/deactivate`, certificateSchema, { method: 'POST' }),
  );
}

/** The route's answer; the contracts have the item schema but no list schema yet. */
const imageListSchema = z
  .object({ items: z.array(signatureImageSchema) })
  .transform((answer) => answer.items);

export type SignatureImage = z.infer<typeof signatureImageSchema>;

export function useSignatureImages() {
  return useQuery({
    queryKey: signatureKeys.images,
    queryFn: ({ signal }) => request('/api/signature-images', imageListSchema, { signal }),
  });
}

export interface SignatureImageInput {
  owner: ImportCertificateBody['owner'];
  kind: SignatureImage['kind'];
  png: string;
}

export function useSaveSignatureImage() {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: SignatureImageInput) =>
      request('/api/signature-images', signatureImageSchema, { method: 'PUT', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: signatureKeys.images });
    },
  });
}

/** The PNG (served with a short private cache; a replaced image gets a new id). */
export function signatureImageUrl(id: string): string {
  return `/api/signature-images/${id}/content`;
}
