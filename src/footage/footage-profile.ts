/** Footage reads its 音像记录事项清单 from the filing profile's `footage` section (src/profiles/footage-section.ts). */
export {
  DEFAULT_FOOTAGE_PROFILE,
  findActivity,
  footageActivitySchema,
  footageProfileOf,
  footageProfileSchema,
  type FootageActivity,
  type FootageProfile,
} from '../profiles/footage-section.js';
