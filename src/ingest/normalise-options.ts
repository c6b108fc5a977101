import { defaultNormaliseOptions, type NormaliseOptions } from '../clean/index.js';
import type { Config } from '../config.js';

/** Normalisation settings for import, from the clean section of custops.yaml. */
export function normaliseOptionsFrom(config: Config): NormaliseOptions {
  const clean = (config as { clean?: Partial<Record<'default_region' | 'day_first' | 'infer_region_from_phone', unknown>> }).clean;
  return {
    ...defaultNormaliseOptions,
    ...(typeof clean?.default_region === 'string' ? { defaultRegion: clean.default_region } : {}),
    ...(typeof clean?.day_first === 'boolean' ? { dayFirst: clean.day_first } : {}),
    ...(typeof clean?.infer_region_from_phone === 'boolean' ? { inferRegionFromPhone: clean.infer_region_from_phone } : {}),
    fixEmails: false,
  };
}
