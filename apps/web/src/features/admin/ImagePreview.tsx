import { Box, Image } from '@mantine/core';

/** A checkerboard behind the image, so that transparency (and a white background) shows. */
const checkerboard = {
  backgroundColor: '#fff',
  backgroundImage:
    'linear-gradient(45deg, #e9ecef 25%, transparent 25%), linear-gradient(-45deg, #e9ecef 25%, transparent 25%), linear-gradient(45deg, transparent 75%, #e9ecef 75%), linear-gradient(-45deg, transparent 75%, #e9ecef 75%)',
  backgroundSize: '16px 16px',
  backgroundPosition: '0 0, 0 8px, 8px -8px, -8px 0',
  border: '1px solid var(--mantine-color-gray-3)',
  borderRadius: 'var(--mantine-radius-sm)',
} as const;

export function ImagePreview({
  src,
  alt,
  height = 96,
}: {
  src: string;
  alt: string;
  height?: number;
}) {
  return (
    <Box p={6} style={checkerboard} data-testid="image-preview">
      <Image src={src} alt={alt} h={height} w="100%" fit="contain" />
    </Box>
  );
}
