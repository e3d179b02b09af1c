import { Mark } from '@mantine/core';
import { splitHighlights } from './highlight';

/** Text with the matched ranges in <mark> elements; built from strings, never from HTML. */
export function HighlightedText({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly (readonly [number, number])[];
}) {
  return (
    <>
      {splitHighlights(text, ranges).map((segment, index) =>
        segment.marked ? (
          <Mark key={index} color="yellow">
            {segment.text}
          </Mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
