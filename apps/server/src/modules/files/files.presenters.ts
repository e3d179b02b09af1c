import type { FileMetadata } from '@vanban/contracts';
import type { FileWithBlob } from './files.repository.js';

export function presentFile(
  file: Pick<
    FileWithBlob,
    'id' | 'name' | 'mediaType' | 'size' | 'sha256' | 'pageCount' | 'textState' | 'createdAt'
  >,
): FileMetadata {
  return {
    id: file.id,
    name: file.name,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    pageCount: file.pageCount,
    textState: file.textState,
    createdAt: file.createdAt.toISOString(),
  };
}
