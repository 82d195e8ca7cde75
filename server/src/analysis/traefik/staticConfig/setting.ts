// What the flag and file readers hand to the builder: one static setting per key path.
import type { Range } from '../../types';

/** One dot-separated piece of a static key (or a list position `[0]`), with where it is written. */
export interface KeyPart {
  text: string;
  range: Range;
}

export interface Setting {
  /** File the key is written in (the compose file for flags). */
  file: string;
  path: KeyPart[];
  /** The value as Traefik reads it (lists joined with ","); undefined for a key with sub-keys. */
  value?: string;
  /** Where the value is written (the dynamic readers set it for scalars and lists of scalars). */
  valueRange?: Range;
  /** A list of scalars (its value joined with ","): each item's text, when the YAML reader knows it. */
  itemRanges?: Range[];
  /** Compose interpolation in the key or value: its text is not what Traefik sees. */
  interpolated: boolean;
}
