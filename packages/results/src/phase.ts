import type { Static } from 'typebox';
import Type from 'typebox';

/** The mean-field phases, in order of χ₁: ordered (< 1), critical (≈ 1), chaotic (> 1). */
export const phases = ['ordered', 'critical', 'chaotic'] as const;

/** Schema of {@link Phase}. */
export const phaseSchema = Type.Enum([...phases], {
  description:
    'Where a configuration sits in mean-field theory: ordered (χ₁ < 1, gradients vanish), critical (χ₁ ≈ 1), chaotic (χ₁ > 1, they explode).',
});

/** Where a configuration sits in mean-field theory. */
export type Phase = Static<typeof phaseSchema>;
