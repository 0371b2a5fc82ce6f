import fc from 'fast-check';

/** Any id the encoder accepts, including every kind of Unicode and the reserved characters. */
export const acceptedId = fc
  .oneof(
    // Dense in the characters that matter for paths.
    fc.string({
      unit: fc.constantFrom('/', '?', '#', '%', ' ', ':', '@', '.', '+', '&', '=', ';', '\\', '~', 'a', 'é', '😀'),
      minLength: 1,
    }),
    fc.string({ unit: 'grapheme', minLength: 1 }),
    fc.string({ unit: 'binary', minLength: 1 }),
  )
  .filter((id) => id !== '.' && id !== '..' && id.isWellFormed());
