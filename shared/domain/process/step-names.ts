/**
 * A council's own names for its six steps: checked here, stored as JSON in council_settings.step_names,
 * and read back (with the template's names for any that are missing or damaged).
 */
import { processTemplates, stepCount, type ProcessTemplateId } from './templates';

export const stepNameLimit = 12;
export const secondsRequiredRange = { min: 1, max: 99 } as const;

export type NamesCheck = { ok: true; names: string[] } | { ok: false; error: string };

/** Six names, each 1..12 characters after trimming, no two alike. */
export function checkStepNames(names: readonly string[]): NamesCheck {
  if (names.length !== stepCount) return { ok: false, error: `需要正好 ${stepCount} 个步骤名称。` };
  const trimmed = names.map((name) => name.trim());
  for (const [index, name] of trimmed.entries()) {
    if (name.length === 0) return { ok: false, error: `请填写第 ${index + 1} 步的名称。` };
    if ([...name].length > stepNameLimit) return { ok: false, error: `第 ${index + 1} 步的名称不能超过 ${stepNameLimit} 个字。` };
  }
  const seen = new Set<string>();
  for (const [index, name] of trimmed.entries()) {
    if (seen.has(name)) return { ok: false, error: `第 ${index + 1} 步的名称“${name}”和前面的步骤重复了。` };
    seen.add(name);
  }
  return { ok: true, names: trimmed };
}

/** Names equal to the template's are stored as null, so a later fix of a template name reaches the council. */
export function storedStepNames(names: readonly string[] | null, templateSteps: readonly string[]): string | null {
  if (names === null) return null;
  return names.every((name, index) => name === templateSteps[index]) ? null : JSON.stringify(names);
}

/** The step names a council shows: its own renamed steps if it set six of them, else its template's. */
export function councilStepNames(template: ProcessTemplateId, overrideJson: string | null): string[] {
  const defaults = [...processTemplates[template].steps];
  if (!overrideJson) return defaults;
  try {
    const parsed: unknown = JSON.parse(overrideJson);
    if (Array.isArray(parsed) && parsed.length === stepCount) {
      return parsed.map((name, index) => (typeof name === 'string' && name.trim() ? name.trim() : defaults[index]!));
    }
  } catch {
    // A damaged override falls back to the template: the names are labels, not data.
  }
  return defaults;
}
